using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CivilAffairs.Core.Common;

/// <summary>
/// The portal's clock when <c>Clock:Today</c> is set (yyyy-MM-dd): the day starts at 09:00 China
/// time on that date and time then runs on at the real pace, so sign-in lockouts, idle timeouts and
/// the 公示 days still pass while every "today" (default periods, demo data, deadlines) is the
/// pinned date. Used for demonstrations and by the tests, which must never depend on the calendar.
/// </summary>
public sealed class PinnedClock : TimeProvider
{
    public const string ConfigurationKey = "Clock:Today";

    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    public PinnedClock(DateOnly today)
    {
        _start = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset).ToUniversalTime();
        _startTimestamp = System.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_startTimestamp);

    /// <summary>The pinned clock when the configuration names a date; null when it does not.</summary>
    /// <exception cref="InvalidOperationException">The value is not a date in yyyy-MM-dd form.</exception>
    public static PinnedClock? FromConfiguration(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new PinnedClock(date)
            : throw new InvalidOperationException($"{ConfigurationKey} must be a date in the form yyyy-MM-dd (e.g. 2026-11-28), not '{value}'.");
    }
}
