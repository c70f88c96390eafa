using CivilAffairs.Core.Common;

namespace CivilAffairs.Tests.Support;

/// <summary>
/// The one date the calendar-sensitive tests (demo-data figures, reports, dashboard, browser flows)
/// run on. It never comes from the machine's calendar: it is 2026-11-28 unless the environment
/// variable <c>CIVILAFFAIRS_TEST_TODAY</c> (yyyy-MM-dd) names another day; CI runs those tests a
/// second time on a distant January to cross a year boundary. Expected values are derived from it
/// (its last closed month, its year), never written as literal months.
/// </summary>
public static class TestClock
{
    public const string Variable = "CIVILAFFAIRS_TEST_TODAY";

    /// <summary>
    /// <c>[Trait(TestClock.Category, TestClock.Calendar)]</c> marks a test class whose outcome depends on the
    /// pinned date; CI reruns them with <c>CIVILAFFAIRS_TEST_TODAY</c> set to a distant January.
    /// </summary>
    public const string Category = "Category";

    public const string Calendar = "Calendar";

    public static readonly DateOnly DefaultToday = new(2026, 11, 28);

    public static DateOnly Today { get; } = Read();

    /// <summary>12:00 China time on <see cref="Today"/>.</summary>
    public static DateTimeOffset Now => new(Today.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset);

    /// <summary>The last closed month: the one the bureau's published figures are reached in.</summary>
    public static Period LastClosedMonth => Period.Of(Today).Previous;

    public static Period CurrentMonth => Period.Of(Today);

    /// <summary>A fixed clock at <see cref="Now"/>.</summary>
    public static FixedClock Create() => new(Now);

    private static DateOnly Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? DefaultToday : DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd");
    }
}
