using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>
/// 高龄津贴标准: the monthly amount for an age band from a month on. The standard that applies to a
/// month is the one with the latest <see cref="EffectiveFrom"/> not after it, per band.
/// </summary>
public sealed class HighAgeAllowanceStandard : Entity, IAdministratorRecord
{
    public const int MinimumAge = 80;

    /// <summary>Lowest age of the band (80, 90, 100).</summary>
    public int MinAge { get; set; }

    /// <summary>Highest age of the band; null for "and older".</summary>
    public int? MaxAge { get; set; }

    /// <summary>Monthly amount in 元.</summary>
    public decimal MonthlyAmount { get; set; }

    /// <summary>First month the amount applies (yyyymm).</summary>
    public int EffectiveFrom { get; set; }

    public static string? MinAgeError(int minAge) => minAge < MinimumAge ? $"高龄津贴的起始年龄不能低于 {MinimumAge} 岁。" : null;

    public bool Covers(int age) => age >= MinAge && (MaxAge is null || age <= MaxAge);

    public void Validate()
    {
        if (MinAgeError(MinAge) is { } minAge)
        {
            throw new DomainException(minAge);
        }

        if (MaxAge is { } max && max < MinAge)
        {
            throw new DomainException("年龄段上限不能小于下限。");
        }

        if (MonthlyAmount <= 0 || MonthlyAmount > 100_000)
        {
            throw new DomainException("月标准须为正数（元）。");
        }

        Numbers.RequireFen(MonthlyAmount, "月标准");
        Plausibility.HighAgeStandard.Require(MonthlyAmount);

        _ = Period.FromKey(EffectiveFrom);
    }
}

/// <summary>One month's high-age allowance for one person. A person is paid at most once per month.</summary>
public sealed class HighAgeAllowancePayment : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Period > 0 ? Common.Period.FromKey(Period).Start : null;

    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public int PersonId { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>The month paid for (yyyymm).</summary>
    public int Period { get; set; }

    /// <summary>Age in whole years at the end of the month.</summary>
    public int Age { get; set; }

    public decimal Amount { get; set; }

    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    public DateOnly? SettledOn { get; set; }

    public string? Note { get; set; }
}

public enum PaymentStatus
{
    Pending = 1,
    Paid = 2,
    Returned = 3,
}

/// <summary>
/// 期初余额: a cumulative figure before the first month recorded in the portal (e.g. allowance paid
/// since the programme began), per division, so cumulative indicators include the history.
/// </summary>
public sealed class OpeningBalance : Entity, IDivisionScoped, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Before > 0 ? Common.Period.FromKey(Before).Start : null;

    public string IndicatorCode { get; set; } = string.Empty;

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>The balance covers everything before this month (yyyymm).</summary>
    public int Before { get; set; }

    public decimal Value { get; set; }
}
