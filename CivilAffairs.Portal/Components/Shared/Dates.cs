using CivilAffairs.Core.Common;

namespace CivilAffairs.Portal.Components.Shared;

/// <summary>MudDatePicker binds DateTime?; the domain uses DateOnly.</summary>
internal static class Dates
{
    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>The months a picker offers, newest first: <paramref name="count"/> months up to <paramref name="last"/> (relative to the clock, never a fixed year).</summary>
    public static IEnumerable<Period> MonthsUpTo(Period last, int count = 36) => Period.Range(last.AddMonths(1 - count), last).Reverse();

    /// <summary>Today in China on the portal's clock, as a picker's MaxDate (never the server's own calendar: Clock:Today may pin it).</summary>
    public static DateTime PickerToday(this TimeProvider clock) => clock.Today().ToDateTime(TimeOnly.MinValue);
}
