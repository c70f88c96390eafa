using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Reports.Documents;

/// <summary>
/// The funding report: each programme's amount by month of the year, year to date and cumulative,
/// and by the division's children 本年 and 累计 in separate tables; all in 万元, as PDF and as Excel.
/// </summary>
public sealed partial class FundingReport(FundingReportData data, ReportOptions options)
{
    /// <summary>The report's title.</summary>
    public const string Title = "民政资金统计报告";

    private static readonly int Decimals = IndicatorUnit.TenThousandYuan.Decimals();

    /// <summary>The two by-division tables: 本年 (year to date) and 累计 (cumulative), never mixed.</summary>
    public static IReadOnlyList<(string Sheet, string Heading, Func<FundingProgram, IReadOnlyList<BreakdownFigure>> Values)> DivisionTables { get; } =
    [
        ("分区划本年", "分区划（本年累计）", p => p.YearToDateByCounty),
        ("分区划累计", "分区划（历年累计）", p => p.CumulativeByCounty),
    ];

    /// <summary>A programme's value for one division column; null when the programme has none there.</summary>
    public static decimal? DivisionValue(IReadOnlyList<BreakdownFigure> values, BreakdownFigure column) =>
        values.FirstOrDefault(c => c.DivisionCode == column.DivisionCode && c.DivisionName == column.DivisionName)?.Value;

    /// <summary>The figures shown.</summary>
    public FundingReportData Data => data;

    /// <summary>The months of the year up to the period.</summary>
    public IReadOnlyList<CivilAffairs.Core.Common.Period> Months =>
        [.. CivilAffairs.Core.Common.Period.Range(data.Period.YearStart, data.Period)];

    /// <summary>A programme's amount in a month (null when the programme is kept only as a total).</summary>
    public static decimal? MonthValue(FundingProgram program, CivilAffairs.Core.Common.Period month) =>
        program.Months.FirstOrDefault(m => m.Period == month).Value;

    /// <summary>The report as an .xlsx workbook: by month, and by division.</summary>
    public byte[] ToExcel()
    {
        using var book = new ReportWorkbook($"{data.DivisionName}{data.Period.ChineseName}{Title}", options.Bureau);
        var format = IndicatorFormat.NumberFormat(Decimals);
        var subtitle = $"{data.DivisionName}    报告期：{data.Period.ChineseName}    单位：万元";
        var months = Months;
        IReadOnlyList<string> headers = ["项目", .. months.Select(m => $"{m.Month}月"), "本年累计", "历年累计"];
        var sheet = book.Sheet("分月", $"{Title}（分月）", [28, .. months.Select(_ => 10.0), 12, 12], landscape: true);
        ReportWorkbook.Line(sheet, 2, headers.Count, subtitle);
        ReportWorkbook.Header(sheet, 4, headers);
        var row = 4;
        foreach (var program in data.Programs)
        {
            row++;
            sheet.Cell(row, 1).SetValue(program.Name);
            for (var i = 0; i < months.Count; i++)
            {
                ReportWorkbook.Number(sheet.Cell(row, 2 + i), IndicatorFormat.Round(MonthValue(program, months[i]), Decimals), format);
            }

            ReportWorkbook.Number(sheet.Cell(row, 2 + months.Count), IndicatorFormat.Round(program.YearToDate, Decimals), format);
            ReportWorkbook.Number(sheet.Cell(row, 3 + months.Count), IndicatorFormat.Round(program.Cumulative, Decimals), format);
        }

        ReportWorkbook.Borders(sheet, 4, row, headers.Count);

        var columns = data.Columns;
        foreach (var (sheetName, heading, values) in DivisionTables)
        {
            var programs = data.Programs.Where(p => values(p).Count > 0).ToList();
            if (columns.Count == 0 || programs.Count == 0)
            {
                continue;
            }

            IReadOnlyList<string> byDivision = ["项目", .. columns.Select(c => c.DivisionName)];
            var divisions = book.Sheet(sheetName, $"{Title}（{heading}）", [28, .. columns.Select(_ => 12.0)], landscape: true);
            ReportWorkbook.Line(divisions, 2, byDivision.Count, subtitle);
            ReportWorkbook.Header(divisions, 4, byDivision);
            row = 4;
            foreach (var program in programs)
            {
                row++;
                divisions.Cell(row, 1).SetValue(program.Name);
                for (var i = 0; i < columns.Count; i++)
                {
                    ReportWorkbook.Number(divisions.Cell(row, 2 + i), IndicatorFormat.Round(DivisionValue(values(program), columns[i]), Decimals), format);
                }
            }

            ReportWorkbook.Borders(divisions, 4, row, byDivision.Count);
        }

        return book.ToBytes();
    }
}
