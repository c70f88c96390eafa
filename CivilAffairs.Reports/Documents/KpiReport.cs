using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Reports.Documents;

/// <summary>
/// The leadership KPI report: each KPI with its value, target and status, the last 12 months and the
/// comparison across the division's children; as PDF (with charts) and Excel (the same numbers).
/// </summary>
public sealed partial class KpiReport(KpiReportData data, ReportOptions options)
{
    /// <summary>The report's title.</summary>
    public const string Title = "重点指标监测报告";

    /// <summary>The figures shown.</summary>
    public KpiReportData Data => data;

    /// <summary>达标 / 未达标 / 无目标.</summary>
    public static string StatusText(TargetStatus status) => status switch
    {
        TargetStatus.Met => "达标",
        TargetStatus.NotMet => "未达标",
        _ => "无目标",
    };

    /// <summary>"≥ 55.0（十四五规划）", or an em dash.</summary>
    public static string TargetText(KpiFigure kpi) =>
        kpi.Target is { } t ? $"{t.Symbol} {IndicatorFormat.Text(t.Value, kpi.Unit.Decimals())}（{t.Source}）" : "—";

    /// <summary>The report as an .xlsx workbook: a summary sheet, the 12-month trends and the comparison.</summary>
    public byte[] ToExcel()
    {
        using var book = new ReportWorkbook($"{data.DivisionName}{data.Period.ChineseName}{Title}", options.Bureau);
        var subtitle = $"{data.DivisionName}    报告期：{data.Period.ChineseName}";

        IReadOnlyList<string> summary = ["指标代码", "指标名称", "计量单位", "本期", "上月", "目标", "状态"];
        var sheet = book.Sheet("指标", Title, [12, 34, 9, 12, 12, 26, 10], landscape: false);
        ReportWorkbook.Line(sheet, 2, summary.Count, subtitle);
        ReportWorkbook.Header(sheet, 4, summary);
        var row = 4;
        foreach (var kpi in data.Kpis)
        {
            row++;
            var decimals = kpi.Unit.Decimals();
            sheet.Cell(row, 1).SetValue(kpi.Code);
            sheet.Cell(row, 2).SetValue(kpi.Name);
            sheet.Cell(row, 3).SetValue(kpi.Unit.Symbol());
            ReportWorkbook.Number(sheet.Cell(row, 4), IndicatorFormat.Round(kpi.Value, decimals), IndicatorFormat.NumberFormat(decimals));
            ReportWorkbook.Number(sheet.Cell(row, 5), IndicatorFormat.Round(kpi.Previous, decimals), IndicatorFormat.NumberFormat(decimals));
            sheet.Cell(row, 6).SetValue(TargetText(kpi));
            sheet.Cell(row, 7).SetValue(StatusText(kpi.Status));
        }

        ReportWorkbook.Borders(sheet, 4, row, summary.Count);

        var months = data.Kpis.FirstOrDefault()?.Series.Select(p => p.Period).ToList() ?? [];
        IReadOnlyList<string> trendHeaders = ["指标代码", "指标名称", .. months.Select(m => $"{m.Year}年{m.Month}月")];
        var trend = book.Sheet("趋势", $"{Title}（近12个月）", [12, 30, .. months.Select(_ => 10.0)], landscape: true);
        ReportWorkbook.Line(trend, 2, trendHeaders.Count, subtitle);
        ReportWorkbook.Header(trend, 4, trendHeaders);
        row = 4;
        foreach (var kpi in data.Kpis)
        {
            row++;
            var decimals = kpi.Unit.Decimals();
            trend.Cell(row, 1).SetValue(kpi.Code);
            trend.Cell(row, 2).SetValue($"{kpi.Name}（{kpi.Unit.Symbol()}）");
            for (var i = 0; i < kpi.Series.Count; i++)
            {
                ReportWorkbook.Number(trend.Cell(row, 3 + i), IndicatorFormat.Round(kpi.Series[i].Value, decimals), IndicatorFormat.NumberFormat(decimals));
            }
        }

        ReportWorkbook.Borders(trend, 4, row, trendHeaders.Count);

        var divisions = data.Kpis.SelectMany(k => k.Counties).Select(c => (c.DivisionCode, c.DivisionName)).Distinct().ToList();
        if (divisions.Count > 0)
        {
            IReadOnlyList<string> compareHeaders = ["指标代码", "指标名称", .. divisions.Select(d => d.DivisionName)];
            var compare = book.Sheet("分区划比较", $"{Title}（分区划比较）", [12, 30, .. divisions.Select(_ => 12.0)], landscape: true);
            ReportWorkbook.Line(compare, 2, compareHeaders.Count, subtitle);
            ReportWorkbook.Header(compare, 4, compareHeaders);
            row = 4;
            foreach (var kpi in data.Kpis)
            {
                row++;
                var decimals = kpi.Unit.Decimals();
                compare.Cell(row, 1).SetValue(kpi.Code);
                compare.Cell(row, 2).SetValue($"{kpi.Name}（{kpi.Unit.Symbol()}）");
                for (var i = 0; i < divisions.Count; i++)
                {
                    var value = kpi.Counties.FirstOrDefault(c => c.DivisionCode == divisions[i].DivisionCode && c.DivisionName == divisions[i].DivisionName)?.Value;
                    ReportWorkbook.Number(compare.Cell(row, 3 + i), IndicatorFormat.Round(value, decimals), IndicatorFormat.NumberFormat(decimals));
                }
            }

            ReportWorkbook.Borders(compare, 4, row, compareHeaders.Count);
        }

        return book.ToBytes();
    }
}
