using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialOrganizations;

/// <summary>
/// 社会组织: a registered social group, social service agency or foundation, or a filed (备案)
/// community social organisation. Created directly by staff or by approving an establishment application.
/// </summary>
public sealed class SocialOrganization : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    // SO stock and new-registration figures count an organisation from its registration and its
    // status from the day it changed: see SocialOrganizationsCharityIndicators.
    private static readonly IReadOnlyDictionary<string, string> Figures = new Dictionary<string, string>
    {
        [nameof(RegisteredOn)] = nameof(RegisteredOn),
        [nameof(Type)] = nameof(RegisteredOn),
        [nameof(DivisionCode)] = nameof(RegisteredOn),
        [nameof(HasPartyOrganization)] = nameof(RegisteredOn),
        [nameof(RegisteredOnline)] = nameof(RegisteredOn),
        [nameof(Status)] = nameof(StatusChangedOn),
        [nameof(StatusChangedOn)] = nameof(StatusChangedOn),
    };

    DateOnly? Reporting.IPeriodDated.ReportingDate => RegisteredOn;

    IEnumerable<DateOnly?> Reporting.IPeriodDated.ReportingDates => [RegisteredOn, StatusChangedOn];

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 100;
    public const int PersonMaxLength = 50;
    public const int UnitMaxLength = 100;

    public static ServiceLine Line => ServiceLine.SocialOrganizations;

    public string Name { get; set; } = string.Empty;

    /// <summary>统一社会信用代码; optional only for a filed community organisation.</summary>
    public string? CreditCode { get; set; }

    public OrganizationType Type { get; set; } = OrganizationType.SocialGroup;

    /// <summary>登记日期, or 备案日期 for a community organisation.</summary>
    public DateOnly RegisteredOn { get; set; }

    /// <summary>法定代表人 (负责人 for a community organisation).</summary>
    public string LegalRepresentative { get; set; } = string.Empty;

    /// <summary>业务主管单位.</summary>
    public string? SupervisingUnit { get; set; }

    public OrganizationStatus Status { get; set; } = OrganizationStatus.Normal;

    /// <summary>The day it was deregistered or revoked.</summary>
    public DateOnly? StatusChangedOn { get; set; }

    /// <summary>建立党组织 (党建覆盖).</summary>
    public bool HasPartyOrganization { get; set; }

    /// <summary>网上登记 (registered through the online service).</summary>
    public bool RegisteredOnline { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>等级评估 history.</summary>
    public List<OrganizationRating> Ratings { get; } = [];

    /// <summary>Checks the fields; the credit code must be valid and match the type (民政 codes 51/52/53).</summary>
    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > NameMaxLength)
        {
            throw new DomainException($"请填写社会组织名称（不超过 {NameMaxLength} 个字）。");
        }

        if (string.IsNullOrWhiteSpace(LegalRepresentative) || LegalRepresentative.Length > PersonMaxLength)
        {
            throw new DomainException($"请填写法定代表人（负责人）（不超过 {PersonMaxLength} 个字）。");
        }

        if (RegisteredOn == default || RegisteredOn > today)
        {
            throw new DomainException(Type == OrganizationType.Community ? "请填写备案日期（不晚于今天）。" : "请填写登记日期（不晚于今天）。");
        }

        if (CreditCode is null && Type != OrganizationType.Community)
        {
            throw new DomainException("登记的社会组织须填写统一社会信用代码（只有备案的社区社会组织可以不填）。");
        }

        if (CreditCode is not null && TypeMismatch(CreditCode, Type) is { } mismatch)
        {
            throw new DomainException(mismatch);
        }

        if (Status != OrganizationStatus.Normal && StatusChangedOn is null)
        {
            throw new DomainException("注销或撤销的社会组织须填写注销（撤销）日期。");
        }
    }

    /// <summary>A message when a valid credit code does not fit the organisation type; null when it does.</summary>
    public static string? TypeMismatch(string creditCode, OrganizationType type)
    {
        if (creditCode[0] != Common.CreditCode.CivilAffairsAuthority)
        {
            return $"社会组织的统一社会信用代码第 1 位应为“5”（民政部门登记），实际为“{creditCode[0]}”。";
        }

        var expected = type switch
        {
            OrganizationType.SocialGroup => '1',
            OrganizationType.SocialServiceAgency => '2',
            OrganizationType.Foundation => '3',
            _ => (char?)null,
        };
        return expected is { } e && creditCode[1] != e
            ? $"统一社会信用代码第 2 位机构类别代码“{creditCode[1]}”（{Common.CreditCode.CivilAffairsTypeName(creditCode[1])}）与所选类型“{type.ChineseName()}”不符，应为“{e}”。"
            : null;
    }
}

public enum OrganizationType
{
    /// <summary>社会团体.</summary>
    SocialGroup = 1,

    /// <summary>社会服务机构 (民办非企业单位).</summary>
    SocialServiceAgency = 2,

    /// <summary>基金会.</summary>
    Foundation = 3,

    /// <summary>社区社会组织 (备案, not registered).</summary>
    Community = 4,
}

public enum OrganizationStatus
{
    /// <summary>正常.</summary>
    Normal = 1,

    /// <summary>注销.</summary>
    Deregistered = 2,

    /// <summary>撤销.</summary>
    Revoked = 3,
}

/// <summary>等级评估: one rating of an organisation (1A–5A), valid until a date.</summary>
public sealed class OrganizationRating : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    /// <summary>A rating counts in the month it was made (rating coverage): locked with that month.</summary>
    DateOnly? IPeriodDated.ReportingDate => RatedOn;

    public static ServiceLine Line => ServiceLine.SocialOrganizations;

    public int OrganizationId { get; set; }

    public SocialOrganization? Organization { get; set; }

    /// <summary>评估年度.</summary>
    public int Year { get; set; }

    /// <summary>1–5 (1A–5A).</summary>
    public int Grade { get; set; }

    public DateOnly RatedOn { get; set; }

    public DateOnly ValidUntil { get; set; }

    /// <summary>The organisation's division, copied so the rating follows its scope.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    public void Validate(DateOnly today)
    {
        if (Grade is < 1 or > 5)
        {
            throw new DomainException("评估等级须为 1A 至 5A。");
        }

        Numbers.RequireYear(Year, "评估年度", 2000, today.Year);

        if (RatedOn == default || RatedOn > today)
        {
            throw new DomainException("请填写评估日期（不晚于今天）。");
        }

        if (ValidUntil <= RatedOn)
        {
            throw new DomainException("有效期至须晚于评估日期。");
        }
    }

    public static string GradeName(int grade) => $"{grade}A";
}

/// <summary>The grade in force on a day: the latest rating (by date) still valid then.</summary>
public static class CurrentGrade
{
    public static int? On(IEnumerable<(int Grade, DateOnly RatedOn, DateOnly ValidUntil)> ratings, DateOnly day) =>
        ratings.Where(r => r.RatedOn <= day && r.ValidUntil >= day).OrderByDescending(r => r.RatedOn).Select(r => (int?)r.Grade).FirstOrDefault();
}

public static class SocialOrganizationNames
{
    public static string ChineseName(this OrganizationType type) => type switch
    {
        OrganizationType.SocialGroup => "社会团体",
        OrganizationType.SocialServiceAgency => "社会服务机构",
        OrganizationType.Foundation => "基金会",
        OrganizationType.Community => "社区社会组织",
        _ => type.ToString(),
    };

    public static string ChineseName(this OrganizationStatus status) => status switch
    {
        OrganizationStatus.Normal => "正常",
        OrganizationStatus.Deregistered => "注销",
        OrganizationStatus.Revoked => "撤销",
        _ => status.ToString(),
    };

    public static string ChineseName(this ApplicationKind kind) => kind switch
    {
        ApplicationKind.Establish => "成立登记",
        ApplicationKind.Change => "变更登记",
        ApplicationKind.Deregister => "注销登记",
        _ => kind.ToString(),
    };

    public static string ChineseName(this ApplicationChannel channel) => channel switch
    {
        ApplicationChannel.Online => "网上办理",
        ApplicationChannel.Window => "窗口办理",
        _ => channel.ToString(),
    };

    public static string ChineseName(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "待审批",
        ApplicationStatus.Approved => "准予登记",
        ApplicationStatus.Refused => "不予登记",
        _ => status.ToString(),
    };

    public static string ChineseName(this ProjectCategory category) => category switch
    {
        ProjectCategory.Incubation => "孵化培育",
        ProjectCategory.Venture => "公益创投",
        _ => category.ToString(),
    };
}
