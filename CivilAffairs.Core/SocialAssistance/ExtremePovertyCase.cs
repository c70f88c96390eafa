using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>集中供养 (in a facility) or 分散供养 (at home).</summary>
public enum SupportMode
{
    Centralised = 1,
    Dispersed = 2,
}

/// <summary>生活自理能力.</summary>
public enum SelfCareAbility
{
    /// <summary>全自理.</summary>
    Full = 1,
    /// <summary>半自理.</summary>
    Partial = 2,
    /// <summary>全护理.</summary>
    None = 3,
}

/// <summary>特困人员救助供养: one supported person; active until <see cref="EndedOn"/>.</summary>
public sealed class ExtremePovertyCase : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    // Supported from StartedOn to EndedOn. Mode, self-care and willingness are the current state (no
    // dated history): a change moves live figures of earlier months, the stored submission stays as reported.
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(StartedOn), [nameof(DivisionCode), nameof(PersonId)]),
        (nameof(EndedOn), [nameof(EndReason)]));

    DateOnly? Reporting.IPeriodDated.ReportingDate => StartedOn;

    IEnumerable<DateOnly?> Reporting.IPeriodDated.ReportingDates => [StartedOn, EndedOn];

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int TextMaxLength = 200;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public SupportMode Mode { get; set; } = SupportMode.Dispersed;

    /// <summary>The facility of a centralised person (name as registered).</summary>
    public string? FacilityName { get; set; }

    public SelfCareAbility SelfCare { get; set; } = SelfCareAbility.Full;

    /// <summary>愿意集中供养.</summary>
    public bool WillingCentralised { get; set; }

    /// <summary>Monthly support standard in 元 (basic living plus care).</summary>
    public decimal MonthlyAmount { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public string? EndReason { get; set; }

    public bool IsActive => EndedOn is null;

    public void Validate(DateOnly today)
    {
        if (MonthlyAmount <= 0 || MonthlyAmount > 100_000)
        {
            throw new DomainException("供养标准须为正数（元/月）。");
        }

        Numbers.RequireFen(MonthlyAmount, "供养标准");
        Plausibility.PovertySupport.Require(MonthlyAmount);

        if (StartedOn > today)
        {
            throw new DomainException("认定日期不能晚于今天。");
        }

        if (Mode == SupportMode.Centralised && string.IsNullOrWhiteSpace(FacilityName))
        {
            throw new DomainException("集中供养须填写供养机构。");
        }

        if (EndedOn is { } ended)
        {
            if (ended < StartedOn)
            {
                throw new DomainException("终止日期不能早于认定日期。");
            }

            if (string.IsNullOrWhiteSpace(EndReason))
            {
                throw new DomainException("终止供养须填写原因。");
            }
        }

        FacilityName = Mode == SupportMode.Centralised ? FacilityName?.Trim() : null;
        if (FacilityName is { Length: > TextMaxLength } || EndReason is { Length: > TextMaxLength })
        {
            throw new DomainException($"机构名称和终止原因不能超过 {TextMaxLength} 个字。");
        }
    }

    public static string ChineseName(SupportMode mode) => mode == SupportMode.Centralised ? "集中供养" : "分散供养";

    public static string ChineseName(SelfCareAbility ability) => ability switch
    {
        SelfCareAbility.Full => "全自理",
        SelfCareAbility.Partial => "半自理",
        _ => "全护理",
    };
}
