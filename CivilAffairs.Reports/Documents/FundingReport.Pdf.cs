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
                        .. months.Select(m => Cell.Number(ReportNumbers.Text(MonthValue(p, m), Decimals))),
                        Cell.Number(ReportNumbers.Text(p.YearToDate, Decimals)),
                        Cell.Number(ReportNumbers.Text(p.Cumulative, Decimals)),
                    ]));

                var columns = data.Columns;
                if (columns.Count > 0)
                {
                    col.Item().PaddingTop(8).Text("分区划（本年累计；仅有历年累计的项目为历年累计）").Bold();
                    Table(col.Item(), ["项目", .. columns.Select(c => c.DivisionName)], [-3, .. columns.Select(_ => -1f)],
                        data.Programs.Select(p => (Cell[])
                        [
                            new Cell(p.Name),
                            .. columns.Select(c => Cell.Number(ReportNumbers.Text(
                                p.YearToDateByCounty.FirstOrDefault(x => x.DivisionCode == c.DivisionCode && x.DivisionName == c.DivisionName)?.Value, Decimals))),
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
