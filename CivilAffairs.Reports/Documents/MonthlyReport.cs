using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Reports.Excel;
using ClosedXML.Excel;

namespace CivilAffairs.Reports.Documents;

/// <summary>
/// 民政统计月报: the header block, one row per indicator (stocks, then flows marked *), the breakdown
/// by the division's children, and the signature footer. The PDF and the Excel file are both drawn
/// from the same <see cref="MonthlyReportData"/>; rows come from the indicator catalogue, so a new
/// service line adds rows by defining indicators.
/// </summary>
public sealed partial class MonthlyReport(MonthlyReportData data, ReportOptions options, ReportSignature signature)
{
    /// <summary>The report's title.</summary>
    public const string Title = "民政统计月报";

    /// <summary>Column headers of the main table. 环比 and 同比 carry their unit in each cell (个百分点, 天, 次 or %).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["指标代码", "指标名称", "计量单位", "本期", "上月", "环比", "上年同期", "同比"];

    /// <summary>The figures shown.</summary>
    public MonthlyReportData Data => data;

    /// <summary>Header block lines: 表号, 制表机关, 批准机关, 批准文号, 有效期至; 填报单位, 报告期.</summary>
    public IReadOnlyList<string> HeaderLines =>
    [
        $"表号：{options.TableNumber}    制表机关：{options.IssuingAuthority}    批准机关：{options.ApprovingAuthority}    批准文号：{options.ApprovalNumber}    有效期至：{options.ValidUntil}",
        $"填报单位：{options.ReportingUnit(data.DivisionCode)}    报告期：{data.Period.ChineseName}    行政区划：{data.DivisionName}（{data.DivisionCode}）",
    ];

    /// <summary>Footer: the signatures, phone and date the report is sent.</summary>
    public string FooterLine =>
        $"单位负责人：{options.UnitHead}    统计负责人：{options.StatisticsHead}    填表人：{signature.Preparer}    联系电话：{options.Phone}    报出日期：{signature.ReportDate:yyyy年M月d日}";

    /// <summary>The seal line under the footer: the reporting unit stamps here.</summary>
    public string SealLine => $"填报单位（盖章）：{options.ReportingUnit(data.DivisionCode)}";

    /// <summary>What the * and the two kinds of figures mean, and how changes are stated.</summary>
    public const string Note =
        "说明：时点数为报告期末数；带 * 者为时期数（本月、本年累计或历年累计）。环比仅对本月数和时点数计算，本年累计、历年累计只列同比（环比栏为“—”）。" +
        "比率（%）的变化以“个百分点”表示（两期比率之差），平均数（天、次）的变化以其本身单位表示，其余指标的变化为相对变化百分比（%）。“—”表示无数据（如该项目尚无记录的时期）。";

    /// <summary>环比 as printed ("—" for year-to-date and cumulative rows and where there is no base).</summary>
    public static string MonthOnMonthText(ReportFigure figure) => IndicatorFormat.ChangeText(figure.MonthOnMonthChange);

    /// <summary>同比 as printed.</summary>
    public static string YearOnYearText(ReportFigure figure) => IndicatorFormat.ChangeText(figure.YearOnYearChange);

    /// <summary>Sections of the main table: stocks first, then flows.</summary>
    public IReadOnlyList<(string Heading, IReadOnlyList<ReportFigure> Rows)> Sections => SectionsOf(data);

    /// <summary>Sections of the main table for any figures (the on-screen preview uses the same).</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<ReportFigure> Rows)> SectionsOf(MonthlyReportData figures) =>
    [
        ("一、时点数", [.. figures.Stocks]),
        ("二、时期数（带 * 者）", [.. figures.Flows]),
    ];

    /// <summary>The indicator's name as printed: flows carry a leading * and say which window they cover.</summary>
    public static string RowName(ReportFigure figure) => figure.IsFlow ? $"*{figure.Name}" : figure.Name;

    /// <summary>The unit as printed.</summary>
    public static string Unit(ReportFigure figure) => figure.Unit.Symbol();

    /// <summary>The report as an .xlsx workbook: sheet 月报 (header block, table, footer) and sheet 分区划 (breakdown).</summary>
    public byte[] ToExcel()
    {
        options.EnsureComplete();
        using var book = new ReportWorkbook($"{data.DivisionName}{data.Period.ChineseName}{Title}", options.Bureau);
        WriteMainSheet(book);
        WriteBreakdownSheet(book);
        return book.ToBytes();
    }

    private void WriteMainSheet(ReportWorkbook book)
    {
        var columns = Columns.Count;
        var sheet = book.Sheet("月报", Title, [12, 36, 9, 13, 13, 9, 13, 9], landscape: true);
        var row = 2;
        foreach (var line in HeaderLines)
        {
            ReportWorkbook.Line(sheet, row++, columns, line);
        }

        var headerRow = ++row;
        ReportWorkbook.Header(sheet, headerRow, Columns);
        foreach (var (heading, figures) in Sections)
        {
            row++;
            ReportWorkbook.Line(sheet, row, columns, heading, bold: true);
            foreach (var figure in figures)
            {
                row++;
                var format = IndicatorFormat.NumberFormat(figure.Decimals);
                sheet.Cell(row, 1).SetValue(figure.Code);
                sheet.Cell(row, 2).SetValue(RowName(figure));
                sheet.Cell(row, 3).SetValue(Unit(figure));
                sheet.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                ReportWorkbook.Number(sheet.Cell(row, 4), IndicatorFormat.Round(figure.Current, figure.Decimals), format);
                ReportWorkbook.Number(sheet.Cell(row, 5), IndicatorFormat.Round(figure.Previous, figure.Decimals), format);
                Change(sheet.Cell(row, 6), figure.MonthOnMonthChange, figure);
                ReportWorkbook.Number(sheet.Cell(row, 7), IndicatorFormat.Round(figure.LastYear, figure.Decimals), format);
                Change(sheet.Cell(row, 8), figure.YearOnYearChange, figure);
            }
        }

        ReportWorkbook.Borders(sheet, headerRow, row, columns);
        row += 2;
        ReportWorkbook.Line(sheet, row++, columns, Note);
        ReportWorkbook.Line(sheet, row++, columns, FooterLine);
        ReportWorkbook.Line(sheet, row, columns, SealLine);
    }

    // The change as a number whose format carries the sign and the unit, so the cell reads as the PDF does.
    private static void Change(IXLCell cell, IndicatorChange? change, ReportFigure figure) =>
        ReportWorkbook.Number(cell, change?.Value,
            IndicatorFormat.ChangeNumberFormat(change?.Kind ?? IndicatorFormat.ChangeKindOf(figure.Unit), figure.Unit));

    private void WriteBreakdownSheet(ReportWorkbook book)
    {
        var divisions = data.BreakdownColumns;
        if (divisions.Count == 0)
        {
            return;
        }

        IReadOnlyList<string> headers = ["指标代码", "指标名称", "计量单位", data.DivisionName + "合计", .. divisions.Select(d => d.DivisionName)];
        var sheet = book.Sheet("分区划", $"{Title}（分区划）", [12, 30, 8, .. headers.Skip(3).Select(_ => 12.0)], landscape: true);
        ReportWorkbook.Line(sheet, 2, headers.Count, HeaderLines[1]);
        const int headerRow = 4;
        ReportWorkbook.Header(sheet, headerRow, headers);
        var row = headerRow;
        foreach (var figure in data.Stocks.Concat(data.Flows))
        {
            row++;
            var format = IndicatorFormat.NumberFormat(figure.Decimals);
            sheet.Cell(row, 1).SetValue(figure.Code);
            sheet.Cell(row, 2).SetValue(RowName(figure));
            sheet.Cell(row, 3).SetValue(Unit(figure));
            ReportWorkbook.Number(sheet.Cell(row, 4), IndicatorFormat.Round(figure.Current, figure.Decimals), format);
            for (var i = 0; i < divisions.Count; i++)
            {
                ReportWorkbook.Number(sheet.Cell(row, 5 + i), IndicatorFormat.Round(BreakdownValue(figure, divisions[i]), figure.Decimals), format);
            }
        }

        ReportWorkbook.Borders(sheet, headerRow, row, headers.Count);
    }

    /// <summary>The figure's value for one breakdown column (null when the division has none).</summary>
    public static decimal? BreakdownValue(ReportFigure figure, BreakdownFigure column) =>
        figure.Breakdown.FirstOrDefault(b => b.DivisionCode == column.DivisionCode && b.DivisionName == column.DivisionName)?.Value;
}
