using CivilAffairs.Core.Reporting;
using CivilAffairs.Reports.Excel;

namespace CivilAffairs.Reports.Documents;

/// <summary>
/// The funding report: each programme's amount by month of the year, year to date and cumulative,
/// and year to date by the division's children; all in 万元, as PDF and as Excel.
/// </summary>
public sealed partial class FundingReport(FundingReportData data, ReportOptions options)
{
    /// <summary>The report's title.</summary>
    public const string Title = "民政资金统计报告";

    private const int Decimals = 2;

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
        var format = ReportNumbers.ExcelFormat(Decimals);
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
                ReportWorkbook.Number(sheet.Cell(row, 2 + i), ReportNumbers.Round(MonthValue(program, months[i]), Decimals), format);
            }

            ReportWorkbook.Number(sheet.Cell(row, 2 + months.Count), ReportNumbers.Round(program.YearToDate, Decimals), format);
            ReportWorkbook.Number(sheet.Cell(row, 3 + months.Count), ReportNumbers.Round(program.Cumulative, Decimals), format);
        }

        ReportWorkbook.Borders(sheet, 4, row, headers.Count);

        var columns = data.Columns;
        if (columns.Count > 0)
        {
            IReadOnlyList<string> byDivision = ["项目", .. columns.Select(c => c.DivisionName)];
            var divisions = book.Sheet("分区划", $"{Title}（分区划）", [28, .. columns.Select(_ => 12.0)], landscape: true);
            ReportWorkbook.Line(divisions, 2, byDivision.Count, subtitle + "    口径：本年累计（仅有历年累计的项目为历年累计）");
            ReportWorkbook.Header(divisions, 4, byDivision);
            row = 4;
            foreach (var program in data.Programs)
            {
                row++;
                divisions.Cell(row, 1).SetValue(program.Name);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = program.YearToDateByCounty.FirstOrDefault(c => c.DivisionCode == columns[i].DivisionCode && c.DivisionName == columns[i].DivisionName)?.Value;
                    ReportWorkbook.Number(divisions.Cell(row, 2 + i), ReportNumbers.Round(value, Decimals), format);
                }
            }

            ReportWorkbook.Borders(divisions, 4, row, byDivision.Count);
        }

        return book.ToBytes();
    }
}
