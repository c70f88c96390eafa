using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialOrganizations;

/// <summary>
/// 登记申请 (成立/变更/注销): submitted online or at the window, with the number of visits the applicant
/// made (“只要跑一回”). A pending application is decided once: approval applies it to the register
/// (成立 creates the organisation, 变更 updates it, 注销 deregisters it); refusal records the reason.
/// </summary>
public sealed class RegistrationApplication : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int ReasonMaxLength = 200;

    public static ServiceLine Line => ServiceLine.SocialOrganizations;

    // Counted when submitted (channel, kind) and when decided (outcome, days, visits).
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(SubmittedOn), [nameof(Kind), nameof(Channel), nameof(DivisionCode), nameof(OrganizationType)]),
        (nameof(DecidedOn), [nameof(Status), nameof(DaysToDecision), nameof(Visits)]));

    DateOnly? IPeriodDated.ReportingDate => DecidedOn;

    IEnumerable<DateOnly?> IPeriodDated.ReportingDates => [SubmittedOn, DecidedOn];

    IReadOnlyDictionary<string, string>? IPeriodDated.FigureDates => Figures;

    public ApplicationKind Kind { get; set; } = ApplicationKind.Establish;

    public ApplicationChannel Channel { get; set; } = ApplicationChannel.Online;

    /// <summary>跑动次数: times the applicant came to the office (0 for a fully online application).</summary>
    public int Visits { get; set; }

    public const string VisitsMessage = "跑动次数须在 0 至 20 次之间。";

    public DateOnly SubmittedOn { get; set; }

    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Pending;

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>Calendar days from submission to decision, set on decision.</summary>
    public int? DaysToDecision { get; private set; }

    public string? RefusalReason { get; private set; }

    /// <summary>The organisation changed or deregistered; for 成立, the one created on approval.</summary>
    public int? OrganizationId { get; set; }

    public SocialOrganization? Organization { get; set; }

    // What the applicant asks to register (成立) or to change to (变更).
    public string Name { get; set; } = string.Empty;

    public string? CreditCode { get; set; }

    public OrganizationType OrganizationType { get; set; } = OrganizationType.SocialGroup;

    public string LegalRepresentative { get; set; } = string.Empty;

    public string? SupervisingUnit { get; set; }

    public bool HasPartyOrganization { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public void Validate(DateOnly today)
    {
        if (SubmittedOn == default || SubmittedOn > today)
        {
            throw new DomainException("请填写申请日期（不晚于今天）。");
        }

        if (Visits is < 0 or > 20)
        {
            throw new DomainException(VisitsMessage);
        }

        if (Kind != ApplicationKind.Establish && OrganizationId is null)
        {
            throw new DomainException($"{Kind.ChineseName()}须选择申请的社会组织。");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > SocialOrganization.NameMaxLength)
        {
            throw new DomainException($"请填写社会组织名称（不超过 {SocialOrganization.NameMaxLength} 个字）。");
        }

        if (Kind != ApplicationKind.Deregister && string.IsNullOrWhiteSpace(LegalRepresentative))
        {
            throw new DomainException("请填写法定代表人（负责人）。");
        }
    }

    /// <summary>
    /// Approves a pending application on <paramref name="on"/> and applies it to the register: returns the
    /// organisation to add for 成立 (null otherwise); <paramref name="existing"/> is the organisation of 变更/注销.
    /// </summary>
    public SocialOrganization? Approve(DateOnly on, DateOnly today, SocialOrganization? existing)
    {
        Decide(on, today);
        SocialOrganization? created = null;
        switch (Kind)
        {
            case ApplicationKind.Establish:
                created = new SocialOrganization { Status = OrganizationStatus.Normal, RegisteredOn = on, RegisteredOnline = Channel == ApplicationChannel.Online };
                ApplyTo(created);
                created.Validate(today);
                Organization = created;
                break;
            case ApplicationKind.Change:
                var changed = RequireActive(existing);
                ApplyTo(changed);
                changed.Validate(today);
                break;
            case ApplicationKind.Deregister:
                var closed = RequireActive(existing);
                (closed.Status, closed.StatusChangedOn) = (OrganizationStatus.Deregistered, on);
                break;
        }

        Status = ApplicationStatus.Approved;
        return created;
    }

    public void Refuse(DateOnly on, DateOnly today, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainException($"不予登记须填写理由（不超过 {ReasonMaxLength} 个字）。");
        }

        Decide(on, today);
        Status = ApplicationStatus.Refused;
        RefusalReason = reason.Trim();
    }

    /// <summary>For demo data only: an application decided in the past, whose result is already in the register.</summary>
    internal void SeedDecision(ApplicationStatus status, DateOnly decidedOn, string? reason = null)
    {
        (Status, DecidedOn, DaysToDecision, RefusalReason) = (status, decidedOn, decidedOn.DayNumber - SubmittedOn.DayNumber, reason);
    }

    private void Decide(DateOnly on, DateOnly today)
    {
        if (Status != ApplicationStatus.Pending)
        {
            throw new DomainException($"该申请已{Status.ChineseName()}，不能再次审批。");
        }

        if (on < SubmittedOn || on > today)
        {
            throw new DomainException("审批日期须在申请日期之后、不晚于今天。");
        }

        DecidedOn = on;
        DaysToDecision = on.DayNumber - SubmittedOn.DayNumber;
    }

    private SocialOrganization RequireActive(SocialOrganization? organization)
    {
        if (organization is null || organization.Id != OrganizationId)
        {
            throw new DomainException("申请的社会组织不存在，或不在您的管辖范围内。");
        }

        return organization.Status == OrganizationStatus.Normal
            ? organization
            : throw new DomainException($"“{organization.Name}”已{organization.Status.ChineseName()}，不能再办理{Kind.ChineseName()}。");
    }

    private void ApplyTo(SocialOrganization organization)
    {
        organization.Name = Name.Trim();
        organization.CreditCode = string.IsNullOrWhiteSpace(CreditCode) ? null : CreditCode;
        organization.Type = OrganizationType;
        organization.LegalRepresentative = LegalRepresentative.Trim();
        organization.SupervisingUnit = string.IsNullOrWhiteSpace(SupervisingUnit) ? null : SupervisingUnit.Trim();
        organization.HasPartyOrganization = HasPartyOrganization;
        organization.DivisionCode = DivisionCode;
    }
}

public enum ApplicationKind
{
    /// <summary>成立登记.</summary>
    Establish = 1,

    /// <summary>变更登记.</summary>
    Change = 2,

    /// <summary>注销登记.</summary>
    Deregister = 3,
}

public enum ApplicationChannel
{
    /// <summary>网上办理.</summary>
    Online = 1,

    /// <summary>窗口办理.</summary>
    Window = 2,
}

public enum ApplicationStatus
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
}
