using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>养老服务设施: one node of the four-level network, a meal point or a private care home.</summary>
public sealed class CareFacility : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    /// <summary>A facility counts in stocks from its opening month: opening it in a submitted month would change that report.</summary>
    DateOnly? Reporting.IPeriodDated.ReportingDate => OpenedOn;

    // Every figure-moving column counts from the opening date, except the status: its changes are dated
    // records of their own (CareFacilityStatusChange, locked by their day), so a facility opened in a
    // submitted month can still be closed today.
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(OpenedOn), [nameof(Kind), nameof(DivisionCode), nameof(TotalBeds), nameof(NursingBeds), nameof(HasMedicalService), nameof(Investment), nameof(InvestmentYear), nameof(LivelihoodProjectYear)]));

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 100;
    public const int OperatorMaxLength = 100;

    /// <summary>A facility in service has opened: its opening date cannot lie ahead.</summary>
    public const string OpensInFutureMessage = "运营中的设施，开业日期不能晚于今天。";

    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public string Name { get; set; } = string.Empty;

    public FacilityKind Kind { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public OperationMode OperationMode { get; set; }

    /// <summary>The operator when entrusted or private (e.g. the company running a 公建民营 home).</summary>
    public string? Operator { get; set; }

    public int TotalBeds { get; set; }

    /// <summary>护理型床位: never more than <see cref="TotalBeds"/>.</summary>
    public int NursingBeds { get; set; }

    public int OccupiedBeds { get; set; }

    /// <summary>医养结合: a medical institution embedded or contracted on site.</summary>
    public bool HasMedicalService { get; set; }

    /// <summary>Investment in 元 (shown in 万元).</summary>
    public decimal Investment { get; set; }

    public int? InvestmentYear { get; set; }

    public DateOnly? OpenedOn { get; set; }

    public FacilityStatus Status { get; set; } = FacilityStatus.Operating;

    /// <summary>Year it was built or renovated as a livelihood project (民生实事), if it was.</summary>
    public int? LivelihoodProjectYear { get; set; }

    /// <summary>Checks the rules that involve several fields; throws with a Chinese message. <paramref name="today"/> is China's date.</summary>
    public void Validate(DateOnly today)
    {
        var name = Name?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > NameMaxLength)
        {
            throw new DomainException($"请填写设施名称（不超过 {NameMaxLength} 个字）。");
        }

        Name = name;
        Numbers.RequireCount(TotalBeds, "总床位");
        Numbers.RequireCount(NursingBeds, "护理型床位");
        Numbers.RequireCount(OccupiedBeds, "在住人数");
        if (NursingBeds > TotalBeds)
        {
            throw new DomainException($"护理型床位（{NursingBeds}）不能多于总床位（{TotalBeds}）。");
        }

        if (OccupiedBeds > TotalBeds)
        {
            throw new DomainException($"在住人数（{OccupiedBeds}）不能多于总床位（{TotalBeds}）。");
        }

        Numbers.RequireMoney(Investment, "投资金额");
        Numbers.RequireYear(InvestmentYear, "投资年份", Numbers.FirstYear, Numbers.LastYear(today));
        Numbers.RequireYear(LivelihoodProjectYear, "民生实事年份", Numbers.FirstYear, Numbers.LastYear(today));
        if (Status == FacilityStatus.Operating && OpenedOn > today)
        {
            throw new DomainException(OpensInFutureMessage);
        }

        if (Operator?.Length > OperatorMaxLength)
        {
            throw new DomainException($"运营方不能超过 {OperatorMaxLength} 个字。");
        }
    }
}

public enum FacilityKind
{
    /// <summary>州康养护理中心.</summary>
    PrefectureCareCenter = 1,

    /// <summary>县市综合社会福利院.</summary>
    CountyWelfareInstitute = 2,

    /// <summary>乡镇/街道区域养老服务中心.</summary>
    TownshipCareCenter = 3,

    /// <summary>农村幸福大院.</summary>
    RuralHappinessCourtyard = 4,

    /// <summary>社区日间照料中心.</summary>
    CommunityDayCareCenter = 5,

    /// <summary>老年助餐点.</summary>
    MealServicePoint = 6,

    /// <summary>民办养老机构.</summary>
    PrivateCareHome = 7,
}

public enum OperationMode
{
    /// <summary>公办公营.</summary>
    PublicOperated = 1,

    /// <summary>公建民营.</summary>
    PublicBuiltPrivatelyOperated = 2,

    /// <summary>民办.</summary>
    Private = 3,
}

public enum FacilityStatus
{
    /// <summary>建设中.</summary>
    UnderConstruction = 1,

    /// <summary>运营中.</summary>
    Operating = 2,

    /// <summary>停用.</summary>
    Suspended = 3,
}

public static class ElderlyCareNames
{
    public static string ChineseName(this FacilityKind kind) => kind switch
    {
        FacilityKind.PrefectureCareCenter => "州康养护理中心",
        FacilityKind.CountyWelfareInstitute => "县市综合社会福利院",
        FacilityKind.TownshipCareCenter => "乡镇/街道区域养老服务中心",
        FacilityKind.RuralHappinessCourtyard => "农村幸福大院",
        FacilityKind.CommunityDayCareCenter => "社区日间照料中心",
        FacilityKind.MealServicePoint => "老年助餐点",
        FacilityKind.PrivateCareHome => "民办养老机构",
        _ => kind.ToString(),
    };

    /// <summary>养老机构: the kinds with residential beds that the nursing-bed ratio counts.</summary>
    public static bool IsInstitution(this FacilityKind kind) =>
        kind is FacilityKind.PrefectureCareCenter or FacilityKind.CountyWelfareInstitute
            or FacilityKind.TownshipCareCenter or FacilityKind.PrivateCareHome;

    public static string ChineseName(this OperationMode mode) => mode switch
    {
        OperationMode.PublicOperated => "公办公营",
        OperationMode.PublicBuiltPrivatelyOperated => "公建民营",
        OperationMode.Private => "民办",
        _ => mode.ToString(),
    };

    public static string ChineseName(this FacilityStatus status) => status switch
    {
        FacilityStatus.UnderConstruction => "建设中",
        FacilityStatus.Operating => "运营中",
        FacilityStatus.Suspended => "停用",
        _ => status.ToString(),
    };

    public static string ChineseName(this CareMode mode) => mode switch
    {
        CareMode.Home => "居家",
        CareMode.Community => "社区",
        CareMode.Institution => "机构",
        _ => mode.ToString(),
    };

    public static string ChineseName(this PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "待发放",
        PaymentStatus.Paid => "已发放",
        PaymentStatus.Returned => "已退回",
        _ => status.ToString(),
    };
}
