using System.Globalization;
using CivilAffairs.Core.Indicators;

namespace CivilAffairs.Reports.Documents;

/// <summary>
/// One rounding and one format per unit for every output: the PDF prints <see cref="Text"/>, the
/// Excel cell holds <see cref="Round"/> with <see cref="ExcelFormat"/>, so both show the same figure.
/// </summary>
public static class ReportNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Decimals shown for a unit: 1 for %, 2 for 万元, none for counts.</summary>
    public static int Decimals(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => 1,
        IndicatorUnit.TenThousandYuan => 2,
        IndicatorUnit.Times => 1,
        _ => 0,
    };

    /// <summary>The value as shown.</summary>
    public static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>Text for the PDF and the screen; an em dash when there is no value.</summary>
    public static string Text(decimal? value, int decimals) =>
        Round(value, decimals) is { } v ? v.ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals), Invariant) : "—";

    /// <summary>The Excel number format matching <see cref="Text"/>.</summary>
    public static string ExcelFormat(int decimals) => decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);

    /// <summary>A change in percent, with its sign.</summary>
    public static string Change(decimal? percent) =>
        Round(percent, 1) is { } v ? v.ToString("+0.0;-0.0;0.0", Invariant) : "—";

    /// <summary>The Excel format matching <see cref="Change"/>.</summary>
    public const string ExcelChangeFormat = "+0.0;-0.0;0.0";
}
