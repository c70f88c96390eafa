namespace CivilAffairs.Core.Common;

/// <summary>What a day of the official calendar is.</summary>
public enum OfficialDayKind
{
    /// <summary>法定节假日 (a statutory holiday or a day of its break): no work even on a weekday.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday worked in exchange for a holiday break.</summary>
    WorkingWeekendDay,
}

public static class OfficialDayKinds
{
    public static string ChineseName(this OfficialDayKind kind) => kind switch
    {
        OfficialDayKind.Holiday => "法定节假日（休息）",
        OfficialDayKind.WorkingWeekendDay => "调休上班",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One day of the State Council's official calendar (国务院办公厅关于节假日安排的通知, published each December
/// for the next year), kept by an administrator. Years without any day fall back to Monday–Friday.
/// </summary>
public sealed class OfficialCalendarDay : Entity
{
    public const int NameMaxLength = 20;

    public DateOnly Date { get; set; }

    /// <summary>The date's year, stored for listing a year's calendar.</summary>
    public int Year { get; set; }

    public OfficialDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to, e.g. 春节, 国庆节.</summary>
    public string Name { get; set; } = string.Empty;

    public void Validate()
    {
        if (Date == default || Date.Year < 2000 || Date.Year > 2100)
        {
            throw new DomainException("请填写日期（2000 年至 2100 年）。");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写节日名称（不超过 {NameMaxLength} 个字）。");
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new DomainException("请选择类型（法定节假日或调休上班）。");
        }

        if (Kind == OfficialDayKind.WorkingWeekendDay && Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            throw new DomainException($"{Date:yyyy-MM-dd} 是{ChineseDay(Date.DayOfWeek)}，调休上班日只能是星期六或星期日。");
        }

        Name = Name.Trim();
        Year = Date.Year;
    }

    public static string ChineseDay(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };
}

/// <summary>
/// An immutable snapshot of the official calendar, passed to whatever counts working days (deadlines of a
/// 低保 case, processing days of 身后一件事): statutory holidays are off, 调休 weekend days are worked, and a
/// year the calendar does not cover counts Monday to Friday. No static mutable state: services load a
/// snapshot per operation (<see cref="OfficialCalendarService.SnapshotAsync"/>).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekendDays;
    private readonly HashSet<int> _years;

    public WorkingCalendar(IEnumerable<(DateOnly Date, OfficialDayKind Kind)> days)
    {
        var list = days.ToList();
        _holidays = [.. list.Where(d => d.Kind == OfficialDayKind.Holiday).Select(d => d.Date)];
        _workingWeekendDays = [.. list.Where(d => d.Kind == OfficialDayKind.WorkingWeekendDay).Select(d => d.Date)];
        _years = [.. list.Select(d => d.Date.Year)];
    }

    /// <summary>Monday to Friday, no holidays: the fallback for years without a calendar.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>Years the official calendar covers.</summary>
    public IReadOnlyCollection<int> Years => _years;

    public bool Covers(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly day) =>
        _workingWeekendDays.Contains(day) || (!_holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/> (the start day itself not counted).</summary>
    public DateOnly Add(DateOnly from, int days)
    {
        var day = from;
        for (var added = 0; added < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to ≤ from.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>
/// The official calendars as published by the State Council, seeded as reference data when a year has no
/// day yet (an administrator maintains later years): 2025 (国办发明电〔2024〕12号) and 2026.
/// </summary>
public static class OfficialCalendarSeed
{
    public static IReadOnlyList<(DateOnly Date, OfficialDayKind Kind, string Name)> Days { get; } =
    [
        // 2025
        .. Holidays("元旦", 2025, 1, 1, 1),
        .. Holidays("春节", 2025, 1, 28, 8),
        Worked("春节", 2025, 1, 26), Worked("春节", 2025, 2, 8),
        .. Holidays("清明节", 2025, 4, 4, 3),
        .. Holidays("劳动节", 2025, 5, 1, 5),
        Worked("劳动节", 2025, 4, 27),
        .. Holidays("端午节", 2025, 5, 31, 3),
        .. Holidays("国庆节、中秋节", 2025, 10, 1, 8),
        Worked("国庆节、中秋节", 2025, 9, 28), Worked("国庆节、中秋节", 2025, 10, 11),

        // 2026
        .. Holidays("元旦", 2026, 1, 1, 3),
        Worked("元旦", 2026, 1, 4),
        .. Holidays("春节", 2026, 2, 15, 9),
        Worked("春节", 2026, 2, 14), Worked("春节", 2026, 2, 28),
        .. Holidays("清明节", 2026, 4, 4, 3),
        .. Holidays("劳动节", 2026, 5, 1, 5),
        Worked("劳动节", 2026, 5, 9),
        .. Holidays("端午节", 2026, 6, 19, 3),
        .. Holidays("中秋节", 2026, 9, 25, 3),
        .. Holidays("国庆节", 2026, 10, 1, 7),
        Worked("国庆节", 2026, 9, 20), Worked("国庆节", 2026, 10, 10),
    ];

    private static IEnumerable<(DateOnly, OfficialDayKind, string)> Holidays(string name, int year, int month, int day, int count) =>
        Enumerable.Range(0, count).Select(i => (new DateOnly(year, month, day).AddDays(i), OfficialDayKind.Holiday, name));

    private static (DateOnly, OfficialDayKind, string) Worked(string name, int year, int month, int day) =>
        (new DateOnly(year, month, day), OfficialDayKind.WorkingWeekendDay, name);
}
