using System.Globalization;

namespace CivilAffairs.Core.Common;

/// <summary>A calendar month, the unit of reporting. Stored as an integer yyyymm (e.g. 202610).</summary>
public readonly record struct Period : IComparable<Period>
{
    public Period(int year, int month)
    {
        if (year is < 1900 or > 9999 || month is < 1 or > 12)
        {
            throw new DomainException($"报告期 {year}年{month}月 无效。");
        }

        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    /// <summary>yyyymm, the stored form.</summary>
    public int Key => (Year * 100) + Month;

    public DateOnly Start => new(Year, Month, 1);

    public DateOnly End => Start.AddMonths(1).AddDays(-1);

    /// <summary>January of the same year: year-to-date flows run from here.</summary>
    public Period YearStart => new(Year, 1);

    public Period Previous => AddMonths(-1);

    public Period SameMonthLastYear => AddMonths(-12);

    public Period AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new Period(index / 12, (index % 12) + 1);
    }

    public static Period FromKey(int key) => new(key / 100, key % 100);

    public static Period Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900)
        {
            period = Of(day);
            return true;
        }

        return false;
    }

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public static IEnumerable<Period> Range(Period first, Period last)
    {
        for (var p = first; p.CompareTo(last) <= 0; p = p.AddMonths(1))
        {
            yield return p;
        }
    }

    public int CompareTo(Period other) => Key.CompareTo(other.Key);

    public static bool operator <(Period a, Period b) => a.Key < b.Key;

    public static bool operator >(Period a, Period b) => a.Key > b.Key;

    public static bool operator <=(Period a, Period b) => a.Key <= b.Key;

    public static bool operator >=(Period a, Period b) => a.Key >= b.Key;

    public override string ToString() => $"{Year:0000}-{Month:00}";

    public string ChineseName => $"{Year}年{Month}月";
}
