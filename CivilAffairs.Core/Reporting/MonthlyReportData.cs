using System.Text.Json;
using System.Text.Json.Serialization;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Reporting;

/// <summary>One division's figure in the breakdown table.</summary>
public sealed record BreakdownFigure(string DivisionCode, string DivisionName, decimal? Value);

/// <summary>One row of the monthly report: an indicator with this month, last month and the same month last year.</summary>
public sealed record ReportFigure(
    string Code,
    string Name,
    string NameEn,
    IndicatorUnit Unit,
    IndicatorKind Kind,
    ServiceLine Line,
    decimal? Current,
    decimal? Previous,
    decimal? LastYear,
    IReadOnlyList<BreakdownFigure> Breakdown)
{
    /// <summary>环比%: change on last month relative to last month, rounded half away from zero (四舍五入); null when last month is zero or missing.</summary>
    [JsonIgnore]
    public decimal? MonthOnMonth => RelativeChange(Current, Previous);

    /// <summary>同比%: change on the same month last year.</summary>
    [JsonIgnore]
    public decimal? YearOnYear => RelativeChange(Current, LastYear);

    /// <summary>Flows (时期数) are marked with * in the report; stocks (时点数) are not.</summary>
    [JsonIgnore]
    public bool IsFlow => Kind != IndicatorKind.Stock;

    [JsonIgnore]
    public int Decimals => Unit switch
    {
        IndicatorUnit.Percent => 1,
        IndicatorUnit.TenThousandYuan => 2,
        _ => 0,
    };

    public static decimal? RelativeChange(decimal? current, decimal? baseline) =>
        current is { } c && baseline is { } b && b != 0 ? Math.Round((c - b) / Math.Abs(b) * 100m, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// Everything the monthly statistical report shows, computed once by the indicator engine. The PDF,
/// the Excel file and the on-screen preview are all drawn from one instance, and a submission stores
/// it as JSON, so the figures in every output are the same.
/// </summary>
public sealed record MonthlyReportData(
    int PeriodKey,
    string DivisionCode,
    string DivisionName,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportFigure> Figures,
    IReadOnlyList<BreakdownFigure> BreakdownColumns)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [JsonIgnore]
    public Period Period => Period.FromKey(PeriodKey);

    /// <summary>Stocks (时点数) first, then flows (时期数), each in catalogue order.</summary>
    [JsonIgnore]
    public IEnumerable<ReportFigure> Stocks => Figures.Where(f => !f.IsFlow);

    [JsonIgnore]
    public IEnumerable<ReportFigure> Flows => Figures.Where(f => f.IsFlow);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MonthlyReportData FromJson(string json) =>
        JsonSerializer.Deserialize<MonthlyReportData>(json, Json) ?? throw new InvalidOperationException("Empty report figures.");

    /// <summary>Builds the report figures from the engine's results for the period and for the same month last year.</summary>
    public static MonthlyReportData From(
        IReadOnlyList<IndicatorResult> results, IReadOnlyList<IndicatorResult> lastYear, string divisionName, DateTimeOffset generatedAt)
    {
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        var byCode = lastYear.ToDictionary(r => r.Definition.Code);
        var figures = results.Select(r => new ReportFigure(
                r.Definition.Code,
                r.Definition.NameZh,
                r.Definition.NameEn,
                r.Definition.Unit,
                r.Definition.Kind,
                r.Definition.Line,
                r.Current.Value,
                r.Previous.Value,
                byCode.GetValueOrDefault(r.Definition.Code)?.Current.Value,
                [.. r.Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name, b.Value.Value))]))
            .OrderBy(f => f.IsFlow)
            .ToList();

        // The breakdown's columns: every child division that appears for any indicator, in catalogue order.
        var columns = results.SelectMany(r => r.Breakdown).Select(b => (b.DivisionCode, b.Name)).Distinct()
            .Select(c => new BreakdownFigure(c.DivisionCode, c.Name, null)).ToList();
        var first = results[0];
        return new MonthlyReportData(first.Period.Key, first.DivisionCode, divisionName, generatedAt, figures, columns);
    }
}
