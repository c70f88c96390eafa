using ClosedXML.Excel;

namespace CivilAffairs.Reports.Excel;

/// <summary>
/// The house style of report workbooks (ClosedXML): a merged title, bordered tables with a frozen
/// header row, explicit column widths (no auto-fit, which needs libgdiplus), number formats per
/// unit, and A4 print setup fitted to the page width with the header repeated on every page.
/// </summary>
internal sealed class ReportWorkbook : IDisposable
{
    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xDD, 0xE6, 0xF1);
    private readonly XLWorkbook _workbook = new();

    public ReportWorkbook(string title, string author)
    {
        _workbook.Properties.Title = title;
        _workbook.Properties.Author = author;
        _workbook.Properties.Company = author;
        _workbook.Style.Font.FontName = "SimSun";
        _workbook.Style.Font.FontSize = 10;
    }

    /// <summary>Adds a sheet with a merged, bold title in row 1 across <paramref name="widths"/>.Length columns.</summary>
    public IXLWorksheet Sheet(string name, string title, IReadOnlyList<double> widths, bool landscape)
    {
        var sheet = _workbook.Worksheets.Add(RegisterExport.SheetName(name));
        for (var i = 0; i < widths.Count; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        var titleRange = sheet.Range(1, 1, 1, widths.Count);
        titleRange.Merge();
        sheet.Cell(1, 1).SetValue(title); // SetValue<string>: assigning Value would turn texts such as 10月 into dates
        titleRange.Style.Font.Bold = true;
        titleRange.Style.Font.FontSize = 16;
        titleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Row(1).Height = 28;

        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.Margins.Left = sheet.PageSetup.Margins.Right = 0.5;
        sheet.PageSetup.CenterHorizontally = true;
        sheet.PageSetup.Footer.Center.AddText("第 &P 页 / 共 &N 页");
        return sheet;
    }

    /// <summary>A line of text merged across the table's width (header block, footer, notes).</summary>
    public static void Line(IXLWorksheet sheet, int row, int columns, string text, bool bold = false)
    {
        var range = sheet.Range(row, 1, row, columns);
        range.Merge();
        sheet.Cell(row, 1).SetValue(text);
        range.Style.Font.Bold = bold;
        range.Style.Alignment.WrapText = true;
    }

    /// <summary>A bold, filled header row; frozen and repeated on printed pages.</summary>
    public static void Header(IXLWorksheet sheet, int row, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Cell(row, i + 1).SetValue(headers[i]);
        }

        var range = sheet.Range(row, 1, row, headers.Count);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(row);
        sheet.PageSetup.SetRowsToRepeatAtTop(row, row);
    }

    /// <summary>A number with its format; an empty cell when there is no value.</summary>
    public static void Number(IXLCell cell, decimal? value, string format)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
            cell.Style.NumberFormat.Format = format;
        }
        else
        {
            cell.SetValue("—");
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        }
    }

    /// <summary>Thin borders around and inside a table.</summary>
    public static void Borders(IXLWorksheet sheet, int firstRow, int lastRow, int columns)
    {
        if (lastRow < firstRow)
        {
            return;
        }

        var range = sheet.Range(firstRow, 1, lastRow, columns);
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public void Dispose() => _workbook.Dispose();
}
