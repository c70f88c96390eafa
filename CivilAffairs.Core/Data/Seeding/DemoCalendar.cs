using CivilAffairs.Core.Common;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// Where the demo data's dates fall. Every line is generated relative to the last closed month L of the
/// clock's today (the report month the portal opens on): year-to-date activity lies in January..L of L's
/// year ("this year"), monthly series run up to and including L, the current month holds only what is in
/// progress, and nothing is dated after today. The published figures are therefore reached at L whatever
/// the date.
/// </summary>
/// <remarks>
/// The generators were first written for today = late November 2026 (L = October 2026, the published
/// figures being January–October). <see cref="ThisYear(int, int)"/> maps a month of that reference year onto
/// January..L and <see cref="YearsAgo"/> keeps older history at the same distance from L, so on a date whose
/// L is October the data are exactly what they were, and on any other date they keep their shape: when L is
/// January all of this year's activity falls in January.
/// </remarks>
internal sealed class DemoCalendar(DateOnly today)
{
    /// <summary>The month the reference data's year-to-date activity ended in (October).</summary>
    private const int ReferenceLastMonth = 10;

    public DateOnly Today { get; } = today;

    /// <summary>The month in progress.</summary>
    public Period Current { get; } = Period.Of(today);

    /// <summary>L, the last closed month: the report month, where the published figures are reached.</summary>
    public Period Last { get; } = Period.Of(today).Previous;

    /// <summary>"This year": L's year (in January, the whole previous year).</summary>
    public int Year => Last.Year;

    /// <summary>
    /// A month of the reference year (January = 1 … October = 10) placed in January..L of this year,
    /// spread proportionally (January stays January, October becomes L).
    /// </summary>
    public Period ThisYearMonth(int referenceMonth)
    {
        var m = Math.Clamp(referenceMonth, 1, ReferenceLastMonth);
        var month = 1 + ((((m - 1) * (Last.Month - 1)) + ((ReferenceLastMonth - 1) / 2)) / (ReferenceLastMonth - 1));
        return new Period(Year, Math.Min(month, Last.Month));
    }

    /// <summary>A day of a reference-year month placed in this year (see <see cref="ThisYearMonth"/>), clamped to the month's length.</summary>
    public DateOnly ThisYear(int referenceMonth, int day) => Day(ThisYearMonth(referenceMonth), day);

    /// <summary>The <paramref name="index"/>-th month of January..L, going round (activity spread over every closed month of this year).</summary>
    public Period ThisYearRound(int index) => new(Year, 1 + (index % Last.Month));

    /// <summary>A date <paramref name="years"/> calendar years before this year (1 = last year), clamped to the month's length.</summary>
    public DateOnly YearsAgo(int years, int month, int day) => Day(new Period(Year - years, month), day);

    /// <summary>A day of the current month, never after today.</summary>
    public DateOnly InCurrentMonth(int day) => Day(Current, Math.Min(day, Today.Day));

    /// <summary>A day of the month, clamped to its length (29 February only in leap years).</summary>
    public static DateOnly Day(Period month, int day) => new(month.Year, month.Month, Math.Clamp(day, 1, month.End.Day));
}
