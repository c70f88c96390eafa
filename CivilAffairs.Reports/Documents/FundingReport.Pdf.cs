using CivilAffairs.Core.Indicators;
using CivilAffairs.Reports.Pdf;
using static CivilAffairs.Reports.Documents.ReportPdf;

namespace CivilAffairs.Reports.Documents;

public sealed partial class FundingReport
{
    /// <summary>The report as PDF: programmes by month with year to date and cumulative, then by division with a chart.</summary>
    public byte[] ToPdf(PdfFonts fonts) => PdfDocumentComposer.Create(fonts, doc =>
    {
        doc.Metadata(title: $"{data.DivisionName}{data.Period.ChineseName}{Title}", author: options.Bureau, subject: Title);
        doc.Page(page =>
        {
            Setup(page, options.Bureau, $"{Title} · {data.Period.ChineseName}", landscape: true);
            page.Content().Column(col =>
            {
                col.Spacing(6);
                ReportPdf.Title(col, Title, $"{data.DivisionName}    报告期：{data.Period.ChineseName}    单位：万元");
                var months = Months;
                Table(col.Item(), ["项目", .. months.Select(m => $"{m.Month}月"), "本年累计", "历年累计"], [-3, .. months.Select(_ => -1f), -1.3f, -1.3f],
                    data.Programs.Select(p => (Cell[])
                    [
                        new Cell(p.Name),
                        .. months.Select(m => Cell.Number(IndicatorFormat.Text(MonthValue(p, m), Decimals))),
                        Cell.Number(IndicatorFormat.Text(p.YearToDate, Decimals)),
                        Cell.Number(IndicatorFormat.Text(p.Cumulative, Decimals)),
                    ]));

                var columns = data.Columns;
                foreach (var (_, heading, values) in DivisionTables)
                {
                    var programs = data.Programs.Where(p => values(p).Count > 0).ToList();
                    if (columns.Count == 0 || programs.Count == 0)
                    {
                        continue;
                    }

                    col.Item().PaddingTop(8).Text(heading).Bold();
                    Table(col.Item(), ["项目", .. columns.Select(c => c.DivisionName)], [-3, .. columns.Select(_ => -1f)],
                        programs.Select(p => (Cell[])
                        [
                            new Cell(p.Name),
                            .. columns.Select(c => Cell.Number(IndicatorFormat.Text(DivisionValue(values(p), c), Decimals))),
                        ]));
                }

                foreach (var program in data.Programs.Where(p => p.YearToDateByCounty.Any(c => c.Value is > 0)))
                {
                    col.Item().ShowEntire().BarChart(new BarChartData(
                        [.. program.YearToDateByCounty.Select(c => c.DivisionName)], [.. program.YearToDateByCounty.Select(c => (double)(c.Value ?? 0))], program.Name)
                    {
                        Title = $"{program.Name}（分区划，万元）",
                        Unit = "万元",
                        Height = 160,
                    });
                }
            });
        });
    }).GeneratePdf();
}
