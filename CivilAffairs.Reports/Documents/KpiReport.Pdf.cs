using CivilAffairs.Core.Indicators;
using CivilAffairs.Reports.Pdf;
using static CivilAffairs.Reports.Documents.ReportPdf;

namespace CivilAffairs.Reports.Documents;

public sealed partial class KpiReport
{
    /// <summary>The report as PDF: a summary table, then for each KPI its 12-month trend and the comparison, as charts.</summary>
    public byte[] ToPdf(PdfFonts fonts) => PdfDocumentComposer.Create(fonts, doc =>
    {
        doc.Metadata(title: $"{data.DivisionName}{data.Period.ChineseName}{Title}", author: options.Bureau, subject: Title);
        doc.Page(page =>
        {
            Setup(page, options.Bureau, $"{Title} · {data.Period.ChineseName}", landscape: false);
            page.Content().Column(col =>
            {
                col.Spacing(6);
                ReportPdf.Title(col, Title, $"{data.DivisionName}    报告期：{data.Period.ChineseName}");
                Table(col.Item(), ["指标代码", "指标名称", "单位", "本期", "上月", "目标", "状态"], [46, -3, 30, -1, -1, -2, 40],
                    data.Kpis.Select(k => (Cell[])
                    [
                        new Cell(k.Code), new Cell(k.Name), Cell.Centre(k.Unit.Symbol()),
                        Cell.Number(IndicatorFormat.Text(k.Value, k.Unit.Decimals())),
                        Cell.Number(IndicatorFormat.Text(k.Previous, k.Unit.Decimals())),
                        new Cell(TargetText(k)), new Cell(StatusText(k.Status), CellAlignment.Center, Bold: k.Status == TargetStatus.NotMet),
                    ]));

                foreach (var kpi in data.Kpis)
                {
                    col.Item().ShowEntire().Column(block =>
                    {
                        block.Spacing(4);
                        block.Item().PaddingTop(8).Text($"{kpi.Code} {kpi.Name}：{IndicatorFormat.Text(kpi.Value, kpi.Unit.Decimals())}{kpi.Unit.Symbol()}（{StatusText(kpi.Status)}，目标 {TargetText(kpi)}）").Bold();
                        var points = kpi.Series.Where(p => p.Value is not null).ToList();
                        if (points.Count > 0)
                        {
                            block.Item().LineChart(new LineChartData([.. points.Select(p => $"{p.Period.Month}月")], [.. points.Select(p => (double)p.Value!.Value)], kpi.Name)
                            {
                                Title = "近12个月走势",
                                Unit = kpi.Unit.Symbol(),
                                Target = kpi.Target is { } t ? (double)t.Value : null,
                                TargetLabel = kpi.Target is { } target ? $"目标 {target.Symbol}{target.Value}" : null,
                                Height = 150,
                            });
                        }

                        var counties = kpi.Counties.Where(c => c.Value is not null).ToList();
                        if (counties.Count > 0)
                        {
                            block.Item().BarChart(new BarChartData([.. counties.Select(c => c.DivisionName)], [.. counties.Select(c => (double)c.Value!.Value)], kpi.Name)
                            {
                                Title = "分区划比较",
                                Unit = kpi.Unit.Symbol(),
                                Target = kpi.Target is { } t ? (double)t.Value : null,
                                Height = 150,
                            });
                        }
                    });
                }
            });
        });
    }).GeneratePdf();
}
