using CivilAffairs.Reports.Pdf;

namespace CivilAffairs.Reports.Documents;

/// <summary>The house style of PDF reports: A4, the bureau in the header, 第 n 页 / 共 m 页 in the footer, bordered tables.</summary>
internal static class ReportPdf
{
    /// <summary>Sets up a page: size, margins, default text, running header and footer.</summary>
    public static void Setup(PageDescriptor page, string bureau, string running, bool landscape)
    {
        page.Size(PdfPageSize.A4, landscape);
        page.Margin(15, 12);
        page.DefaultTextStyle(s => s.FontSize(9));
        page.Header().BorderBottom(0.5f, PdfColors.Grey).PaddingBottom(3).Row(r =>
        {
            r.RelativeItem().Text(bureau).FontSize(8).FontColor(PdfColors.Grey);
            r.AutoItem().Text(running).FontSize(8).FontColor(PdfColors.Grey);
        });
        page.Footer().PaddingTop(4).AlignCenter().PageNumber("第 {0} 页 / 共 {1} 页").FontSize(8);
    }

    /// <summary>A centred bold title with an optional subtitle below it.</summary>
    public static void Title(ColumnDescriptor column, string title, string? subtitle = null)
    {
        column.Item().Text(title).FontSize(16).Bold().AlignCenter();
        if (subtitle is not null)
        {
            column.Item().Text(subtitle).FontSize(10).AlignCenter();
        }
    }

    /// <summary>A bordered table: given column widths (negative = relative weight), a repeated header row, and rows of cells.</summary>
    public static void Table(IContainer container, IReadOnlyList<string> headers, IReadOnlyList<float> widths, IEnumerable<Cell[]> rows)
    {
        container.Table(t =>
        {
            t.ColumnsDefinition(c =>
            {
                foreach (var width in widths)
                {
                    if (width < 0)
                    {
                        c.RelativeColumn(-width);
                    }
                    else
                    {
                        c.ConstantColumn(width);
                    }
                }
            });
            t.CellStyle(c => c.Border(0.5f).PaddingHorizontal(3).PaddingVertical(2));
            t.HeaderCellStyle(c => c.Border(0.5f).Background(PdfColors.HeaderBackground).PaddingHorizontal(3).PaddingVertical(3));
            t.Header(h =>
            {
                foreach (var header in headers)
                {
                    h.Cell().AlignCenter().Text(header).Bold();
                }
            });
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    var target = cell.Span > 1 ? t.Cell().ColumnSpan(cell.Span) : t.Cell();
                    var aligned = cell.Alignment switch
                    {
                        CellAlignment.Right => target.AlignRight(),
                        CellAlignment.Center => target.AlignCenter(),
                        _ => target,
                    };
                    var text = aligned.Text(cell.Text);
                    if (cell.Bold)
                    {
                        text.Bold();
                    }
                }
            }
        });
    }

    public enum CellAlignment
    {
        Left,
        Center,
        Right,
    }

    /// <summary>One table cell.</summary>
    public readonly record struct Cell(string Text, CellAlignment Alignment = CellAlignment.Left, bool Bold = false, int Span = 1)
    {
        public static Cell Number(string text) => new(text, CellAlignment.Right);

        public static Cell Centre(string text) => new(text, CellAlignment.Center);
    }
}
