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
        return MonthlyReportData.From(current, lastYear, DivisionCatalog.NameOf(divisionCode), clock.GetUtcNow());
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
    /// Funding: each monthly amount indicator in 万元 is a programme (高龄津贴…); its months come from
    /// January to the period, its cumulative figure from the catalogue's cumulative indicator on the
    /// same measure. Amounts kept only as cumulative totals (investment) appear with that total alone.
    /// </summary>
    public async Task<FundingReportData> FundingAsync(Period period, string divisionCode, CancellationToken cancellationToken = default)
    {
        var money = IndicatorCatalog.All.Where(d => d.Unit == IndicatorUnit.TenThousandYuan).ToList();
        var flows = money.Where(d => d.Kind == IndicatorKind.Flow).ToList();
        var cumulative = money.Where(d => d.Kind == IndicatorKind.Cumulative).ToList();
        var yearToDate = money.Where(d => d.Kind == IndicatorKind.YearToDate).ToList();
        var months = new List<IReadOnlyList<IndicatorResult>>();
        foreach (var month in Period.Range(period.YearStart, period))
        {
            months.Add(flows.Count == 0 ? [] : await engine.ComputeAsync(flows, month, divisionCode, cancellationToken));
        }

        var totals = cumulative.Count == 0 ? [] : await engine.ComputeAsync(cumulative, period, divisionCode, cancellationToken);

        // Year to date from the catalogue's own indicator where there is one, so it equals the monthly report's figure
        // (a sum of months each rounded to 0.01 万元 could differ from it).
        var toDate = yearToDate.Count == 0 ? [] : await engine.ComputeAsync(yearToDate, period, divisionCode, cancellationToken);
        var programs = new List<FundingProgram>();
        foreach (var flow in flows)
        {
            var perMonth = months.Select(m => m.Single(r => r.Definition.Code == flow.Code)).ToList();
            var ytd = toDate.FirstOrDefault(t => t.Definition.Numerator.Key == flow.Numerator.Key);
            var counties = ytd is not null
                ? ytd.Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name, b.Value.Value)).ToList()
                : perMonth[^1].Breakdown
                    .Select(b => new BreakdownFigure(b.DivisionCode, b.Name, perMonth.Sum(m => m.Breakdown.FirstOrDefault(x => x.DivisionCode == b.DivisionCode && x.Name == b.Name)?.Value.Value ?? 0)))
                    .ToList();
            var total = totals.FirstOrDefault(t => t.Definition.Numerator.Key == flow.Numerator.Key);
            programs.Add(new FundingProgram(
                flow.Code, ProgramName(flow), [.. perMonth.Select(m => (m.Period, m.Current.Value))],
                ytd?.Current.Value ?? perMonth.Sum(m => m.Current.Value ?? 0), total?.Current.Value, counties));
        }

        foreach (var total in totals.Where(t => flows.All(f => f.Numerator.Key != t.Definition.Numerator.Key)))
        {
            programs.Add(new FundingProgram(
                total.Definition.Code, ProgramName(total.Definition), [], null, total.Current.Value,
                [.. total.Breakdown.Select(b => new BreakdownFigure(b.DivisionCode, b.Name, b.Value.Value))]));
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
