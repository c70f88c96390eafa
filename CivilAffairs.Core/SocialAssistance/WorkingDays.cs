using CivilAffairs.Core.Common;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// Working days under the official calendar (<see cref="WorkingCalendar"/>: statutory holidays off, 调休
/// weekend days worked); without a calendar, Monday to Friday.
/// </summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day, WorkingCalendar? calendar = null) => (calendar ?? WorkingCalendar.WeekdaysOnly).IsWorkingDay(day);

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (the start day itself not counted).</summary>
    public static DateOnly Add(DateOnly from, int days, WorkingCalendar? calendar = null) => (calendar ?? WorkingCalendar.WeekdaysOnly).Add(from, days);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to ≤ from.</summary>
    public static int Between(DateOnly from, DateOnly to, WorkingCalendar? calendar = null) => (calendar ?? WorkingCalendar.WeekdaysOnly).Between(from, to);
}
