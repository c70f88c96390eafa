using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Indicators;

/// <summary>
/// One KPI: what it is called, how it is measured and what it is judged against. A ratio has a
/// denominator; everything else is the numerator alone. Values are computed by <see cref="IndicatorEngine"/>.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string NameZh,
    string NameEn,
    IndicatorUnit Unit,
    IndicatorKind Kind,
    ServiceLine Line,
    Measure Numerator,
    Measure? Denominator = null,
    IndicatorTarget? Target = null,
    string? RecordsPage = null)
{
    public bool IsRatio => Denominator is not null;

    /// <summary>Measures count in 元 and units; 万元 indicators show a ten-thousandth, ratios a percentage.</summary>
    public decimal Scale => Unit switch
    {
        IndicatorUnit.TenThousandYuan => 0.0001m,
        IndicatorUnit.Percent => 100m,
        _ => 1m,
    };

    /// <summary>Decimals shown and rounded to, everywhere (engine, dashboard, report preview, PDF, Excel): see <see cref="IndicatorNames.Decimals"/>.</summary>
    public int Decimals => Unit.Decimals();
}

public enum IndicatorUnit
{
    Percent,
    /// <summary>个.</summary>
    Count,
    /// <summary>张.</summary>
    Beds,
    /// <summary>人.</summary>
    Persons,
    /// <summary>户.</summary>
    Households,
    /// <summary>人次.</summary>
    PersonTimes,
    /// <summary>万元.</summary>
    TenThousandYuan,
    /// <summary>天 (e.g. average working days to decide a case).</summary>
    Days,
    /// <summary>次 (e.g. average visits an applicant made, one decimal).</summary>
    Times,
    /// <summary>对 (couples: marriage and divorce registrations).</summary>
    Couples,
}

/// <summary>Stocks (时点数) and flows (时期数) must not be mixed.</summary>
public enum IndicatorKind
{
    /// <summary>State at the end of the period.</summary>
    Stock,

    /// <summary>Within the month.</summary>
    Flow,

    /// <summary>From 1 January to the end of the period.</summary>
    YearToDate,

    /// <summary>Since records began (plus any opening balance) to the end of the period.</summary>
    Cumulative,
}

public enum TargetDirection
{
    AtLeast,
    AtMost,
}

/// <summary>A target and where it comes from (e.g. 十四五规划).</summary>
public sealed record IndicatorTarget(decimal Value, TargetDirection Direction, string Source)
{
    public bool IsMet(decimal value) => Direction == TargetDirection.AtLeast ? value >= Value : value <= Value;

    public string Symbol => Direction == TargetDirection.AtLeast ? "≥" : "≤";
}

public static class IndicatorNames
{
    /// <summary>
    /// The one place that says how finely an indicator of a unit is rounded (四舍五入) and shown:
    /// 1 decimal for % and 次 (an average visit count such as 0.54 reads 0.5), 2 for 万元, none for
    /// counts and 天. The engine rounds with it, and the dashboard, report preview, PDF and Excel format with it.
    /// </summary>
    public static int Decimals(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => 1,
        IndicatorUnit.TenThousandYuan => 2,
        IndicatorUnit.Times => 1,
        _ => 0,
    };

    public static string Symbol(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Count => "个",
        IndicatorUnit.Beds => "张",
        IndicatorUnit.Persons => "人",
        IndicatorUnit.Households => "户",
        IndicatorUnit.PersonTimes => "人次",
        IndicatorUnit.TenThousandYuan => "万元",
        IndicatorUnit.Days => "天",
        IndicatorUnit.Times => "次",
        IndicatorUnit.Couples => "对",
        _ => string.Empty,
    };

    public static string ChineseName(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Stock => "时点数",
        IndicatorKind.Flow => "本月",
        IndicatorKind.YearToDate => "本年累计",
        IndicatorKind.Cumulative => "累计",
        _ => kind.ToString(),
    };
}
