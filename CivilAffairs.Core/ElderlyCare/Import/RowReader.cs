using System.Globalization;
using CivilAffairs.Core.Common;

namespace CivilAffairs.Core.ElderlyCare.Import;

/// <summary>
/// Reads the cells of one row into typed values and collects what is wrong, each message naming the
/// row and the column. A value that cannot be read comes back null (or its default) with an error.
/// </summary>
internal sealed class RowReader(SheetRow row)
{
    public const int MinYear = 1949;
    public const int MaxYear = 2100;

    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    private readonly List<ImportError> _errors = [];

    public int RowNumber => row.RowNumber;

    public List<ImportError> Errors => _errors;

    public void Error(string column, string message) => _errors.Add(For(row.RowNumber, column, message));

    public static ImportError For(int rowNumber, string column, string message) =>
        new(rowNumber, column, $"第 {rowNumber} 行：{message}");

    /// <summary>The cell as text, trimmed; null when empty. Whole numbers read without a decimal point.</summary>
    public string? Text(string column, int maxLength = int.MaxValue)
    {
        var text = Display(Cell(column));
        if (text is null)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            Error(column, $"{column}不能超过 {maxLength} 个字（当前 {text.Length} 个）。");
            return null;
        }

        return text;
    }

    public string RequiredText(string column, int maxLength = int.MaxValue)
    {
        if (Cell(column) is null)
        {
            Error(column, $"请填写{column}。");
            return string.Empty;
        }

        return Text(column, maxLength) ?? string.Empty;
    }

    /// <summary>A count (beds, residents): a whole number, not negative; empty means 0.</summary>
    public int? Count(string column)
    {
        if (!TryInteger(column, out var value))
        {
            return null;
        }

        if (value < 0)
        {
            Error(column, $"{column}不能为负数（当前为 {value}）。");
            return null;
        }

        return (int)(value ?? 0);
    }

    /// <summary>A four-digit year, at most <paramref name="last"/>; empty means none.</summary>
    public int? Year(string column, int last)
    {
        if (!TryInteger(column, out var value) || value is null)
        {
            return null;
        }

        if (value < MinYear || value > last)
        {
            Error(column, $"{column}应为 {MinYear}–{last} 之间的年份（当前为 {value}）。");
            return null;
        }

        return (int)value;
    }

    /// <summary>An amount given in 万元, returned in 元; empty means 0. Finer than a fen is refused, not rounded.</summary>
    public decimal? TenThousandYuan(string column) => Checked(column, Amount(column), Numbers.WanError) * 10_000m;

    /// <summary>An amount given in 元; empty means 0. More than two decimals is refused, not rounded.</summary>
    public decimal? Yuan(string column) => Checked(column, Amount(column), Numbers.FenError);

    private decimal? Checked(string column, decimal? amount, Func<decimal, string, string?> rule)
    {
        if (amount is { } value && rule(value, column) is { } error)
        {
            Error(column, error);
            return null;
        }

        return amount;
    }

    /// <summary>A number, not negative; empty means 0.</summary>
    private decimal? Amount(string column)
    {
        var cell = Cell(column);
        decimal amount;
        switch (cell)
        {
            case null:
                return 0m;
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e12:
                amount = (decimal)d;
                break;
            case decimal m:
                amount = m;
                break;
            case int or long:
                amount = Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
                break;
            case string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && Math.Abs(parsed) < 1e12m:
                amount = parsed;
                break;
            default:
                Error(column, $"{column}“{Display(cell)}”不是有效的数字。");
                return null;
        }

        if (amount < 0)
        {
            Error(column, $"{column}不能为负数（当前为 {amount.ToString(CultureInfo.InvariantCulture)}）。");
            return null;
        }

        return amount;
    }

    public DateOnly? Date(string column)
    {
        var cell = Cell(column);
        switch (cell)
        {
            case null:
                return null;
            case DateTime t:
                return DateOnly.FromDateTime(t);
            case DateOnly d:
                return d;
            case double serial when serial >= 1 && serial < 2958466 && serial == Math.Floor(serial):
                // A date cell without a date format arrives as Excel's day number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        var text = Display(cell)!;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            var date = DateOnly.FromDateTime(parsed);
            if (date.Year is < MinYear or > MaxYear)
            {
                Error(column, $"{column}“{text}”不在 {MinYear}–{MaxYear} 年之间。");
                return null;
            }

            return date;
        }

        Error(column, $"{column}“{text}”不是有效日期，请按 2024-05-01 的格式填写。");
        return null;
    }

    /// <summary>是/否; empty means 否.</summary>
    public bool YesNo(string column)
    {
        var cell = Cell(column);
        if (cell is null)
        {
            return false;
        }

        if (cell is bool b)
        {
            return b;
        }

        switch (Display(cell)!.ToUpperInvariant())
        {
            case "是" or "Y" or "YES" or "TRUE" or "1" or "√":
                return true;
            case "否" or "N" or "NO" or "FALSE" or "0":
                return false;
            default:
                Error(column, $"{column}应填写“是”或“否”，而不是“{Display(cell)}”。");
                return false;
        }
    }

    /// <summary>One of a fixed list of Chinese names; empty gives <paramref name="whenEmpty"/>, or an error when that is null.</summary>
    public T? Choice<T>(string column, IEnumerable<T> values, Func<T, string> name, T? whenEmpty = null)
        where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            if (whenEmpty is null)
            {
                Error(column, $"请填写{column}。");
            }

            return whenEmpty;
        }

        foreach (var value in values)
        {
            if (name(value) == text)
            {
                return value;
            }
        }

        Error(column, $"{column}“{text}”无效，应为以下之一：{string.Join("、", values.Select(name))}。");
        return null;
    }

    /// <summary>A 公民身份号码; a number cell is refused because Excel keeps only 15 significant digits.</summary>
    public ResidentId? ResidentIdNumber(string column, DateOnly today)
    {
        var cell = Cell(column);
        if (cell is double or decimal or long or int)
        {
            Error(column, $"{column}须按文本格式填写：数字格式会丢失末几位。请把该列设为“文本”后重新输入。");
            return null;
        }

        var error = ResidentId.Validate(Display(cell), today, out var id);
        if (error is not null)
        {
            // The validator speaks of 身份证号码; the column is called 公民身份号码.
            Error(column, error.Replace("身份证号码", column, StringComparison.Ordinal));
        }

        return id;
    }

    private object? Cell(string column) =>
        row.Cells.TryGetValue(column, out var value) && !(value is string s && string.IsNullOrWhiteSpace(s)) ? value : null;

    private bool TryInteger(string column, out long? value)
    {
        value = null;
        var cell = Cell(column);
        switch (cell)
        {
            case null:
                return true;
            case double d when d == Math.Floor(d) && Math.Abs(d) < int.MaxValue:
                value = (long)d;
                return true;
            case int or long:
                value = Convert.ToInt64(cell, CultureInfo.InvariantCulture);
                return Math.Abs(value.Value) < int.MaxValue;
            case decimal m when m == decimal.Truncate(m) && Math.Abs(m) < int.MaxValue:
                value = (long)m;
                return true;
            case string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed)
                && Math.Abs(parsed) < int.MaxValue:
                value = parsed;
                return true;
            default:
                Error(column, $"{column}“{Display(cell)}”不是整数。");
                return false;
        }
    }

    private static string? Display(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => s,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
