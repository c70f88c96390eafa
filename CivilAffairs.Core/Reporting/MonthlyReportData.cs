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
    /// <summary>
    /// Relative change on last month in % (四舍五入), for the validation's threshold; null when last month is zero
    /// or missing, and for year-to-date and cumulative rows (环比 belongs to 本月 and stock rows only).
    /// </summary>
    [JsonIgnore]
    public decimal? MonthOnMonth => HasMonthOnMonth ? RelativeChange(Current, Previous) : null;

    /// <summary>Relative change on the same month last year in %.</summary>
    [JsonIgnore]
    public decimal? YearOnYear => RelativeChange(Current, LastYear);

    /// <summary>环比 as the report states it: rates in 个百分点, averages in their unit, counts and money in %; none for year-to-date and cumulative rows.</summary>
    [JsonIgnore]
    public IndicatorChange? MonthOnMonthChange => HasMonthOnMonth ? IndicatorFormat.Change(Unit, Current, Previous) : null;

    /// <summary>同比 as the report states it (same rule as <see cref="MonthOnMonthChange"/>).</summary>
    [JsonIgnore]
    public IndicatorChange? YearOnYearChange => IndicatorFormat.Change(Unit, Current, LastYear);

    /// <summary>
    /// 环比 compares this month with last month, which means something for a month's flow (本月) and a stock
    /// (时点数); a year-to-date total restarts in January and a cumulative one only grows, so they carry 同比 only.
    /// </summary>
    [JsonIgnore]
    public bool HasMonthOnMonth => Kind is IndicatorKind.Flow or IndicatorKind.Stock;

    /// <summary>Flows (时期数) are marked with * in the report; stocks (时点数) are not.</summary>
    [JsonIgnore]
    public bool IsFlow => Kind != IndicatorKind.Stock;

    /// <summary>The indicator definition's decimals (the one source: <see cref="IndicatorNames.Decimals"/>).</summary>
    [JsonIgnore]
    public int Decimals => Unit.Decimals();

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
    /// <param name="notStarted">(indicator code, period key) pairs before the indicator's records start: shown as "no data", never 0.</param>
    public static MonthlyReportData From(
        IReadOnlyList<IndicatorResult> results, IReadOnlyList<IndicatorResult> lastYear, string divisionName, DateTimeOffset generatedAt,
        IReadOnlySet<(string Code, int PeriodKey)>? notStarted = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        notStarted ??= new HashSet<(string, int)>();
        var byCode = lastYear.ToDictionary(r => r.Definition.Code);
        decimal? Known(string code, Period period, decimal? value) => notStarted.Contains((code, period.Key)) ? null : value;
        var figures = results.Select(r => new ReportFigure(
                r.Definition.Code,
                r.Definition.NameZh,
                r.Definition.NameEn,
                r.Definition.Unit,
                r.Definition.Kind,
                r.Definition.Line,
                Known(r.Definition.Code, r.Period, r.Current.Value),
                Known(r.Definition.Code, r.Period.Previous, r.Previous.Value),
                byCode.GetValueOrDefault(r.Definition.Code) is { } y ? Known(y.Definition.Code, y.Period, y.Current.Value) : null,
                [.. r.Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name, Known(r.Definition.Code, r.Period, b.Value.Value)))]))
            .OrderBy(f => f.IsFlow)
            .ToList();

        // The breakdown's columns: every child division that appears for any indicator, in catalogue order.
        var columns = results.SelectMany(r => r.Breakdown).Select(b => (b.DivisionCode, b.Name)).Distinct()
            .Select(c => new BreakdownFigure(c.DivisionCode, c.Name, null)).ToList();
        var first = results[0];
        return new MonthlyReportData(first.Period.Key, first.DivisionCode, divisionName, generatedAt, figures, columns);
    }
}
