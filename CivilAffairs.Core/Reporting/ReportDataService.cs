using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Indicators;

namespace CivilAffairs.Core.Reporting;

/// <summary>
/// Gathers the figures of every report from the indicator engine (and only from it), for a period
/// and a division within the user's scope. The report documents are drawn from these records.
/// </summary>
public sealed class ReportDataService(IndicatorEngine engine, TimeProvider clock)
{
    /// <summary>The monthly statistical report: every indicator of every service line, with last month, last year and the breakdown.</summary>
    public async Task<MonthlyReportData> MonthlyAsync(Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        var definitions = IndicatorCatalog.All;
        var current = await engine.ComputeAsync(definitions, period, divisionCode, cancellationToken);
        var lastYear = await engine.ComputeAsync(definitions, period.SameMonthLastYear, divisionCode, cancellationToken);
        var notStarted = await engine.NotStartedAsync(definitions, [period, period.Previous, period.SameMonthLastYear], divisionCode, cancellationToken);
        return MonthlyReportData.From(current, lastYear, DivisionCatalog.NameOf(divisionCode), clock.GetUtcNow(), notStarted);
    }

    /// <summary>Ratios and indicators with a target, with a 12-month series and the breakdown.</summary>
    public async Task<KpiReportData> KpisAsync(Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        var definitions = IndicatorCatalog.All.Where(d => d.IsRatio || d.Target is not null).ToList();
        var results = await engine.ComputeAsync(definitions, period, divisionCode, cancellationToken);
        var kpis = new List<KpiFigure>();
        foreach (var result in results)
        {
            var series = await engine.SeriesAsync(result.Definition, period, divisionCode, 12, cancellationToken);
            kpis.Add(new KpiFigure(
                result.Definition.Code, result.Definition.NameZh, result.Definition.Unit, result.Current.Value, result.Previous.Value,
                result.Definition.Target, result.Status,
                [.. series.Select(p => (p.Period, p.Value))],
                [.. result.Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name, b.Value.Value))]));
        }

        return new KpiReportData(period.Key, divisionCode, DivisionCatalog.NameOf(divisionCode), clock.GetUtcNow(), kpis);
    }

    /// <summary>
    /// Funding: every money measure of the catalogue (万元) is a programme (高龄津贴, 低保, 特困, 临时救助, 安心助养,
    /// 残疾人两项补贴, 孤儿基本生活费, investment…), whatever windows the catalogue keeps for it: its months (January
    /// to the period) from the monthly indicator, 本年 from the year-to-date indicator (or the months' sum), 累计
    /// from the cumulative indicator; 本年 and 累计 by division are kept apart.
    /// </summary>
    public async Task<FundingReportData> FundingAsync(Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        var money = IndicatorCatalog.All.Where(d => d.Unit == IndicatorUnit.TenThousandYuan && !d.IsRatio).ToList();
        var flows = money.Where(d => d.Kind == IndicatorKind.Flow).ToList();
        var months = new List<IReadOnlyList<IndicatorResult>>();
        foreach (var month in Period.Range(period.YearStart, period))
        {
            months.Add(flows.Count == 0 ? [] : await engine.ComputeAsync(flows, month, divisionCode, cancellationToken));
        }

        var windows = money.Where(d => d.Kind is IndicatorKind.YearToDate or IndicatorKind.Cumulative).ToList();
        var atPeriod = windows.Count == 0 ? [] : await engine.ComputeAsync(windows, period, divisionCode, cancellationToken);
        static List<BreakdownFigure> ByDivision(IndicatorResult? result) =>
            result is null ? [] : [.. result.Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name, b.Value.Value))];

        var programs = new List<FundingProgram>();
        foreach (var group in money.GroupBy(d => d.Numerator.Key))
        {
            var flow = group.FirstOrDefault(d => d.Kind == IndicatorKind.Flow);
            var ytd = atPeriod.FirstOrDefault(r => r.Definition.Kind == IndicatorKind.YearToDate && r.Definition.Numerator.Key == group.Key);
            var total = atPeriod.FirstOrDefault(r => r.Definition.Kind == IndicatorKind.Cumulative && r.Definition.Numerator.Key == group.Key);
            var perMonth = flow is null ? [] : months.Select(m => m.Single(r => r.Definition.Code == flow.Code)).ToList();

            // 本年 from the catalogue's own indicator where there is one, so it equals the monthly report's figure
            // (a sum of months each rounded to 0.01 万元 could differ from it).
            decimal? yearToDate = ytd?.Current.Value ?? (perMonth.Count > 0 ? perMonth.Sum(m => m.Current.Value ?? 0) : null);
            var yearByDivision = ytd is not null
                ? ByDivision(ytd)
                : perMonth.Count > 0
                    ? [.. perMonth[^1].Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name,
                        perMonth.Sum(m => m.Breakdown.FirstOrDefault(x => x.DivisionCode == b.DivisionCode && x.Name == b.Name)?.Value.Value ?? 0)))]
                    : [];
            var first = flow ?? ytd?.Definition ?? total!.Definition;
            programs.Add(new FundingProgram(
                first.Code, ProgramName(first), [.. perMonth.Select(m => (m.Period, m.Current.Value))],
                yearToDate, total?.Current.Value, yearByDivision, ByDivision(total)));
        }

        return new FundingReportData(period.Key, divisionCode, DivisionCatalog.NameOf(divisionCode), clock.GetUtcNow(), programs);
    }

    // "高龄津贴发放金额（本月）" → "高龄津贴发放金额": the programme, not the window.
    private static string ProgramName(IndicatorDefinition definition)
    {
        var name = definition.NameZh;
        var bracket = name.IndexOf('（', StringComparison.Ordinal);
        return bracket > 0 ? name[..bracket] : name;
    }
}
