using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// 安心助养补贴标准: the yearly amount per family from a year on (3,600 元, raised to 5,280 元). The
/// standard of a year is the one with the latest <see cref="EffectiveYear"/> not after it.
/// </summary>
public sealed class CareSubsidyStandard : Entity, IAdministratorRecord
{
    public int EffectiveYear { get; set; }

    /// <summary>Yearly amount per family in 元; a month pays a twelfth.</summary>
    public decimal YearlyAmount { get; set; }

    public decimal MonthlyAmount => Math.Round(YearlyAmount / 12m, 2, MidpointRounding.AwayFromZero);

    public void Validate(DateOnly today)
    {
        Numbers.RequireYear(EffectiveYear, "起始年度", 2000, Numbers.LastYear(today));

        if (YearlyAmount <= 0 || YearlyAmount > 1_000_000)
        {
            throw new DomainException("年补贴标准须为正数（元）。");
        }

        Numbers.RequireFen(YearlyAmount, "年补贴标准");
        Plausibility.CareSubsidyStandard.Require(YearlyAmount);
    }
}

/// <summary>安心助养家庭: a family with a member who cannot care for themselves, supported from a date.</summary>
public sealed class CareSubsidyFamily : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    private static readonly IReadOnlyDictionary<string, string> Figures = FigureDates.Of(
        (nameof(StartOn), [nameof(DivisionCode), nameof(HeadPersonId), nameof(DependantPersonId)]),
        (nameof(EndOn), []));

    DateOnly? IPeriodDated.ReportingDate => StartOn;

    IEnumerable<DateOnly?> IPeriodDated.ReportingDates => [StartOn, EndOn];

    IReadOnlyDictionary<string, string>? IPeriodDated.FigureDates => Figures;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    /// <summary>户主.</summary>
    public int HeadPersonId { get; set; }

    public People.Person? Head { get; set; }

    /// <summary>The member who cannot care for themselves (失能/重度残疾成员).</summary>
    public int DependantPersonId { get; set; }

    public People.Person? Dependant { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly StartOn { get; set; }

    public DateOnly? EndOn { get; set; }

    public string? Note { get; set; }

    /// <summary>Supported for some day of the month.</summary>
    public bool ActiveIn(Period period) => StartOn <= period.End && (EndOn is null || EndOn >= period.Start);

    public void Validate()
    {
        if (HeadPersonId == 0 || DependantPersonId == 0)
        {
            throw new DomainException("请选择户主和需照护的家庭成员。");
        }

        if (EndOn is { } end && end < StartOn)
        {
            throw new DomainException("终止日期不能早于起始日期。");
        }
    }
}

/// <summary>One month's 安心助养 subsidy for one family; a family is paid at most once per month.</summary>
public sealed class CareSubsidyPayment : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Period > 0 ? Common.Period.FromKey(Period).Start : null;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public int FamilyId { get; set; }

    public CareSubsidyFamily? Family { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>The month paid for (yyyymm).</summary>
    public int Period { get; set; }

    public decimal Amount { get; set; }

    public SubsidyPaymentStatus Status { get; set; } = SubsidyPaymentStatus.Pending;

    public DateOnly? SettledOn { get; set; }

    public string? Note { get; set; }
}

public enum SubsidyPaymentStatus
{
    /// <summary>待发放.</summary>
    Pending = 1,

    /// <summary>已发放.</summary>
    Paid = 2,

    /// <summary>已退回.</summary>
    Returned = 3,
}
