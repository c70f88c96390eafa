using CivilAffairs.Core.Indicators;
using CivilAffairs.Reports.Pdf;
using static CivilAffairs.Reports.Documents.ReportPdf;

namespace CivilAffairs.Reports.Documents;

public sealed partial class MonthlyReport
{
    /// <summary>The report as PDF: A4 landscape, the main table (header repeated on each page), the breakdown, page numbers.</summary>
    public byte[] ToPdf(PdfFonts fonts)
    {
        options.EnsureComplete();
        return Compose(fonts);
    }

    private byte[] Compose(PdfFonts fonts) => PdfDocumentComposer.Create(fonts, doc =>
    {
        doc.Metadata(title: $"{data.DivisionName}{data.Period.ChineseName}{Title}", author: options.Bureau, subject: $"{Title}（{data.Period.ChineseName}）");
        doc.Page(page =>
        {
            Setup(page, options.Bureau, $"{Title} · {data.Period.ChineseName}", landscape: true);
            page.Content().Column(col =>
            {
                col.Spacing(4);
                ReportPdf.Title(col, Title);
                foreach (var line in HeaderLines)
                {
                    col.Item().Text(line);
                }

                Table(col.Item(), Columns, [62, -3.2f, 44, -1, -1, -1.1f, -1, -1.1f], MainRows());
                col.Item().PaddingTop(4).Text(Note).FontSize(8);
                col.Item().PaddingTop(6).Text(FooterLine);
                col.Item().PaddingTop(4).Text(SealLine);

                if (data.BreakdownColumns.Count > 0)
                {
                    col.Item().PageBreak();
                    ReportPdf.Title(col, $"{Title}（分区划）", HeaderLines[1]);
                    IReadOnlyList<string> headers = ["指标代码", "指标名称", "单位", data.DivisionName + "合计", .. data.BreakdownColumns.Select(c => c.DivisionName)];
                    Table(col.Item(), headers, [46, -2.6f, 30, .. data.BreakdownColumns.Select(_ => -1f).Prepend(-1.1f)], BreakdownRows());
                }
            });
        });
    }).GeneratePdf();

    private IEnumerable<Cell[]> MainRows()
    {
        foreach (var (heading, figures) in Sections)
        {
            yield return [new Cell(heading, Bold: true, Span: Columns.Count)];
            foreach (var f in figures)
            {
                yield return
                [
                    new Cell(f.Code), new Cell(RowName(f)), Cell.Centre(Unit(f)),
                    Cell.Number(IndicatorFormat.Text(f.Current, f.Decimals)),
                    Cell.Number(IndicatorFormat.Text(f.Previous, f.Decimals)),
                    Cell.Number(MonthOnMonthText(f)),
                    Cell.Number(IndicatorFormat.Text(f.LastYear, f.Decimals)),
                    Cell.Number(YearOnYearText(f)),
                ];
            }
        }
    }

    private IEnumerable<Cell[]> BreakdownRows() =>
        data.Stocks.Concat(data.Flows).Select(f => (Cell[])
        [
            new Cell(f.Code), new Cell(RowName(f)), Cell.Centre(Unit(f)),
            Cell.Number(IndicatorFormat.Text(f.Current, f.Decimals)),
            .. data.BreakdownColumns.Select(c => Cell.Number(IndicatorFormat.Text(BreakdownValue(f, c), f.Decimals))),
        ]);
}
