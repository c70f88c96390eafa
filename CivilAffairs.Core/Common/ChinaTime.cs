namespace CivilAffairs.Core.Common;

/// <summary>Dates shown and judged in China Standard Time (UTC+8, no daylight saving); audit times stay UTC.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateTimeOffset ToChina(this DateTimeOffset utc) => utc.ToOffset(Offset);
}
