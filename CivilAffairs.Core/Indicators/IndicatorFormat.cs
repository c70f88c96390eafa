using System.Globalization;

namespace CivilAffairs.Core.Indicators;

/// <summary>How a change of an indicator is stated.</summary>
public enum ChangeKind
{
    /// <summary>Rates (%): the difference of the two rates, in 个百分点.</summary>
    PercentagePoints,

    /// <summary>Averages (天, 次): the difference in the indicator's own unit.</summary>
    OwnUnit,

    /// <summary>Counts and money: the relative change in %.</summary>
    Percent,
}

/// <summary>A change between two values of an indicator, already rounded as shown.</summary>
public readonly record struct IndicatorChange(decimal Value, ChangeKind Kind, IndicatorUnit Unit)
{
    /// <summary>Decimals of the change: a rate's points and an average keep the unit's decimals; a relative change has one.</summary>
    public int Decimals => Kind == ChangeKind.Percent ? 1 : Unit.Decimals();

    /// <summary>The suffix in Chinese: 个百分点, the unit (天, 次) or %.</summary>
    public string Suffix => SuffixOf(Kind, Unit);

    /// <summary>Signed text, e.g. "+13.0个百分点", "+0.2次", "-16.7%".</summary>
    public string Text => IndicatorFormat.Signed(Value, Decimals) + Suffix;

    public static string SuffixOf(ChangeKind kind, IndicatorUnit unit) => kind switch
    {
        ChangeKind.PercentagePoints => "个百分点",
        ChangeKind.OwnUnit => unit.Symbol(),
        _ => "%",
    };
}

/// <summary>
/// One rounding, one text and one change rule for every output: the dashboard, the report preview,
/// the PDF and the Excel file all call these, with the decimals of <see cref="IndicatorNames.Decimals"/>.
/// </summary>
public static class IndicatorFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The value as shown: rounded half away from zero (四舍五入) to the unit's decimals.</summary>
    public static decimal? Round(decimal? value, IndicatorUnit unit) => Round(value, unit.Decimals());

    public static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>Text with thousands separators and the unit's decimals; an em dash when there is no value.</summary>
    public static string Text(decimal? value, IndicatorUnit unit) => Text(value, unit.Decimals());

    public static string Text(decimal? value, int decimals) =>
        Round(value, decimals) is { } v ? v.ToString(NumberFormat(decimals), Invariant) : NoData;

    /// <summary>"No data" (a period before records start, a change without a base): never 0.</summary>
    public const string NoData = "—";

    /// <summary>The .NET/Excel number format matching <see cref="Text(decimal?, int)"/>.</summary>
    public static string NumberFormat(int decimals) => decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);

    /// <summary>Rates change in percentage points, averages (天, 次) in their own unit, counts and money in %.</summary>
    public static ChangeKind ChangeKindOf(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => ChangeKind.PercentagePoints,
        IndicatorUnit.Days or IndicatorUnit.Times => ChangeKind.OwnUnit,
        _ => ChangeKind.Percent,
    };

    /// <summary>
    /// The change from <paramref name="baseline"/> to <paramref name="current"/>, both first rounded as
    /// shown (so the change is the difference of the figures a reader sees); null when either is missing,
    /// or for a relative change when the baseline is zero.
    /// </summary>
    public static IndicatorChange? Change(IndicatorUnit unit, decimal? current, decimal? baseline)
    {
        if (Round(current, unit) is not { } c || Round(baseline, unit) is not { } b)
        {
            return null;
        }

        var kind = ChangeKindOf(unit);
        if (kind != ChangeKind.Percent)
        {
            return Difference(unit, c, b);
        }

        return b == 0 ? null : new IndicatorChange(Math.Round((c - b) / Math.Abs(b) * 100m, 1, MidpointRounding.AwayFromZero), kind, unit);
    }

    /// <summary>
    /// The difference of two shown values in the indicator's own terms: a rate's in 个百分点, anything else in its
    /// unit (天, 次, 张…). <see cref="Change"/> uses it for rates and averages; the dashboard's tile for every unit.
    /// </summary>
    public static IndicatorChange? Difference(IndicatorUnit unit, decimal? current, decimal? baseline) =>
        Round(current, unit) is { } c && Round(baseline, unit) is { } b
            ? new IndicatorChange(Math.Round(c - b, unit.Decimals(), MidpointRounding.AwayFromZero),
                unit == IndicatorUnit.Percent ? ChangeKind.PercentagePoints : ChangeKind.OwnUnit, unit)
            : null;

    /// <summary>The change as text, or an em dash.</summary>
    public static string ChangeText(IndicatorChange? change) => change?.Text ?? NoData;

    /// <summary>The Excel number format of a change, with its sign and suffix, matching <see cref="IndicatorChange.Text"/>.</summary>
    public static string ChangeNumberFormat(ChangeKind kind, IndicatorUnit unit)
    {
        var decimals = kind == ChangeKind.Percent ? 1 : unit.Decimals();
        var number = decimals == 0 ? "0" : "0." + new string('0', decimals);
        var suffix = "\"" + IndicatorChange.SuffixOf(kind, unit) + "\"";
        return $"+{number}{suffix};-{number}{suffix};{number}{suffix}";
    }

    internal static string Signed(decimal value, int decimals)
    {
        var number = decimals == 0 ? "0" : "0." + new string('0', decimals);
        return value.ToString($"+{number};-{number};{number}", Invariant);
    }
}
