namespace CivilAffairs.Core.Common;

/// <summary>
/// The rules every typed number obeys, checked on the server and shown at the field by the forms with
/// the same words: counts and amounts are never negative, money is kept to the fen (分) — more than two
/// decimals is refused, never rounded, so what is shown is what is stored — and a year lies in a range.
/// A value outside the rule is refused with a message naming the field, never clamped.
/// </summary>
public static class Numbers
{
    /// <summary>The earliest year a date field of the bureau's registers may have.</summary>
    public const int FirstYear = 1949;

    /// <summary>Shown when the field is not named.</summary>
    public const string FenMessage = "金额最多保留两位小数（分）。";

    /// <summary>The latest year a year field may have: next year (plans and standards may be set ahead).</summary>
    public static int LastYear(DateOnly today) => today.Year + 1;

    public static string? NegativeError(decimal value, string field) => value < 0 ? $"{field}不能为负数。" : null;

    public static string? NegativeError(int value, string field) => value < 0 ? $"{field}不能为负数。" : null;

    /// <summary>More than two decimals (finer than a fen).</summary>
    public static string? FenError(decimal value, string field) => value != decimal.Round(value, 2) ? $"{field}最多保留两位小数（分）。" : null;

    /// <summary>An amount in 元: not negative, to the fen.</summary>
    public static string? MoneyError(decimal value, string field) => NegativeError(value, field) ?? FenError(value, field);

    /// <summary>An amount typed in 万元 and stored in 元: not negative, and to the fen once in 元 (at most six decimals of 万元).</summary>
    public static string? WanError(decimal wan, string field) =>
        NegativeError(wan, field) ?? (wan * 10_000m != decimal.Round(wan * 10_000m, 2) ? $"{field}最多保留六位小数（万元，即精确到分）。" : null);

    public static string? YearError(int? year, string field, int first, int last) =>
        year is { } y && (y < first || y > last) ? $"{field}须在 {first} 年至 {last} 年之间。" : null;

    /// <summary>Refuses a negative count.</summary>
    public static void RequireCount(int value, string field) => Refuse(NegativeError(value, field));

    /// <summary>Refuses a negative amount or one finer than a fen.</summary>
    public static void RequireMoney(decimal value, string field) => Refuse(MoneyError(value, field));

    /// <summary>Refuses an amount finer than a fen (for amounts whose sign another rule checks).</summary>
    public static void RequireFen(decimal value, string field) => Refuse(FenError(value, field));

    public static void RequireYear(int? year, string field, int first, int last) => Refuse(YearError(year, field, first, last));

    /// <summary>An amount typed in 万元, in 元; refused when negative or finer than a fen.</summary>
    public static decimal WanToYuan(decimal wan, string field)
    {
        Refuse(WanError(wan, field));
        return wan * 10_000m;
    }

    private static void Refuse(string? error)
    {
        if (error is not null)
        {
            throw new DomainException(error);
        }
    }
}
