using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Reports.Documents;
using CivilAffairs.Tests.Support;
using CivilAffairs.Reports.Pdf;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace CivilAffairs.Tests.Reports;

/// <summary>
/// Report files against the indicator engine on a hand-made data set: every figure the Excel file
/// (read back with ClosedXML) and the PDF (read back with PdfPig) show equals the engine's value.
/// </summary>
public sealed class ReportDocumentTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private static readonly Period October = new(2026, 10);
    internal static readonly ReportOptions Options = new()
    {
        UnitHead = "张局长", StatisticsHead = "李科长", Phone = "0909-2222222", ApprovalNumber = "国统制〔2024〕58号", ValidUntil = "2027年1月",
    };
    private static readonly ReportSignature Signature = new("王统计", new DateOnly(2026, 11, 5));
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.AddRange(
            new CareFacility { Name = "精河县社会福利院", Kind = FacilityKind.CountyWelfareInstitute, DivisionCode = "652722", TotalBeds = 120, NursingBeds = 80, OpenedOn = new DateOnly(2019, 5, 1), Status = FacilityStatus.Operating, Investment = 1234.5m, InvestmentYear = 2019 },
            new CareFacility { Name = "温泉县颐养院", Kind = FacilityKind.PrivateCareHome, DivisionCode = "652723100", TotalBeds = 60, NursingBeds = 25, OpenedOn = new DateOnly(2026, 10, 8), Status = FacilityStatus.Operating },
            new CareFacility { Name = "博乐市日间照料中心", Kind = FacilityKind.CommunityDayCareCenter, DivisionCode = "652701001", TotalBeds = 10, OpenedOn = new DateOnly(2024, 3, 1), Status = FacilityStatus.Operating },
            new CaregiverTraining { Title = "养老护理员培训", DivisionCode = "652722100", HeldOn = new DateOnly(2026, 10, 15), Participants = 37 },
            new CaregiverTraining { Title = "职业技能竞赛", Kind = TrainingKind.Competition, DivisionCode = "652701001", HeldOn = new DateOnly(2026, 3, 2), Participants = 12 });
        await ctx.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<(MonthlyReportData Data, IReadOnlyList<IndicatorResult> Engine)> ComputeAsync()
    {
        _db.ActAs(TestUsers.Statistician);
        var engine = new IndicatorEngine(_db, _db);
        var data = await new ReportDataService(engine, _db.Clock).MonthlyAsync(October, Prefecture);
        return (data, await engine.ComputeAsync(IndicatorCatalog.All, October, Prefecture));
    }

    // Flows and year-to-date indicators with a record in the hand-made data (the facilities, the trainings).
    private static readonly HashSet<string> WithRecords = [.. IndicatorCatalog.All.Where(d => d.Kind is IndicatorKind.Flow or IndicatorKind.YearToDate
        && d.Line == ServiceLine.ElderlyCare && d.Numerator.Key.StartsWith("ec.training", StringComparison.Ordinal)).Select(d => d.Code)];

    private static IXLRow RowOf(IXLWorksheet sheet, string code) =>
        sheet.RowsUsed().Single(r => r.Cell(1).GetString() == code);

    [Fact]
    public async Task ExcelMainSheetShowsTheEngineFiguresWithStocksBeforeFlows()
    {
        var (data, engine) = await ComputeAsync();

        using var book = new XLWorkbook(new MemoryStream(new MonthlyReport(data, Options, Signature).ToExcel()));
        var sheet = book.Worksheet("月报");

        foreach (var result in engine)
        {
            var row = RowOf(sheet, result.Definition.Code);
            var cell = row.Cell(4);

            // A flow whose programme has no record at all up to the period is "no data", not 0 (this data set has few programmes).
            var noRecords = result.Definition.Kind is IndicatorKind.Flow or IndicatorKind.YearToDate && result.Current.Value == 0
                && !WithRecords.Contains(result.Definition.Code);
            if (result.Current.Value is { } value && !noRecords)
            {
                Assert.Equal((double)value, cell.GetDouble(), 3);
            }
            else
            {
                Assert.Equal("—", cell.GetString());
            }

            Assert.Equal(result.Definition.Kind != IndicatorKind.Stock, row.Cell(2).GetString().StartsWith('*'));
            Assert.Equal(result.Definition.Unit.Symbol(), row.Cell(3).GetString());
        }

        // Hand-worked: 105 nursing of 180 beds = 58.3%; 37 training person-times this year (the March competition is not training).
        Assert.Equal(58.3, RowOf(sheet, "EC01").Cell(4).GetDouble(), 3);
        Assert.Equal(180, RowOf(sheet, "EC05").Cell(4).GetDouble());
        Assert.Equal(120, RowOf(sheet, "EC05").Cell(5).GetDouble()); // September: the 温泉 home opened on 8 October
        Assert.Equal(50.0, RowOf(sheet, "EC05").Cell(6).GetDouble(), 3); // 环比 +50%
        Assert.Equal(37, RowOf(sheet, "EC22").Cell(4).GetDouble());
        Assert.Equal(0.12, RowOf(sheet, "EC14").Cell(4).GetDouble(), 3); // 1,234.5 元 = 0.12 万元

        var lastStock = sheet.RowsUsed().Last(r => data.Stocks.Any(s => s.Code == r.Cell(1).GetString())).RowNumber();
        var firstFlow = sheet.RowsUsed().First(r => data.Flows.Any(s => s.Code == r.Cell(1).GetString())).RowNumber();
        Assert.True(lastStock < firstFlow);
    }

    [Fact]
    public async Task ExcelCarriesHeaderBlockFooterFormatsFrozenHeaderAndPrintSetup()
    {
        var (data, _) = await ComputeAsync();

        using var book = new XLWorkbook(new MemoryStream(new MonthlyReport(data, Options, Signature).ToExcel()));
        var sheet = book.Worksheet("月报");
        var text = string.Join("\n", sheet.CellsUsed().Select(c => c.GetString()));

        Assert.Contains("表号：民统月01表", text, StringComparison.Ordinal);
        Assert.Contains("制表机关：民政部", text, StringComparison.Ordinal);
        Assert.Contains("批准机关：国家统计局", text, StringComparison.Ordinal);
        Assert.Contains("填报单位：博尔塔拉蒙古自治州民政局", text, StringComparison.Ordinal);
        Assert.Contains("报告期：2026年10月", text, StringComparison.Ordinal);
        Assert.Contains("单位负责人：张局长", text, StringComparison.Ordinal);
        Assert.Contains("填表人：王统计", text, StringComparison.Ordinal);
        Assert.Contains("报出日期：2026年11月5日", text, StringComparison.Ordinal);
        Assert.True(sheet.Cell(1, 1).IsMerged());

        var header = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "指标代码").RowNumber();
        Assert.Equal(header, sheet.SheetView.SplitRow);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        Assert.Equal("#,##0.0", RowOf(sheet, "EC01").Cell(4).Style.NumberFormat.Format);
        Assert.Equal("#,##0.00", RowOf(sheet, "EC14").Cell(4).Style.NumberFormat.Format);
        Assert.Equal("#,##0", RowOf(sheet, "EC05").Cell(4).Style.NumberFormat.Format);
        Assert.True(sheet.Column(2).Width > 20);
    }

    [Fact]
    public async Task ExcelBreakdownSheetHasACountyColumnPerChildDivisionAddingUpToTheTotal()
    {
        var (data, engine) = await ComputeAsync();

        using var book = new XLWorkbook(new MemoryStream(new MonthlyReport(data, Options, Signature).ToExcel()));
        var sheet = book.Worksheet("分区划");
        var headerRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "指标代码");
        var headers = headerRow.CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Contains("精河县", headers);
        Assert.Contains("温泉县", headers);
        var beds = RowOf(sheet, "EC05");
        var expected = engine.Single(r => r.Definition.Code == "EC05").Breakdown;
        foreach (var county in expected)
        {
            var column = headers.IndexOf(county.Name) + 1;
            Assert.Equal((double)county.Value.Value!.Value, beds.Cell(column).GetDouble());
        }

        Assert.Equal(beds.Cell(4).GetDouble(), expected.Sum(b => (double)b.Value.Value!.Value));
    }

    [Fact]
    public async Task KpiAndFundingWorkbooksShowTheEngineFigures()
    {
        _db.ActAs(TestUsers.Statistician);
        var engine = new IndicatorEngine(_db, _db);
        var service = new ReportDataService(engine, _db.Clock);

        using var kpi = new XLWorkbook(new MemoryStream(new KpiReport(await service.KpisAsync(October, Prefecture), Options).ToExcel()));
        var ratio = RowOf(kpi.Worksheet("指标"), "EC01");
        Assert.Equal(58.3, ratio.Cell(4).GetDouble(), 3);
        Assert.Equal("达标", ratio.Cell(7).GetString()); // target ≥ 55%
        var trend = RowOf(kpi.Worksheet("趋势"), "EC01");
        Assert.Equal(66.7, trend.Cell(13).GetDouble(), 3); // September: 80 / 120
        Assert.Equal(58.3, trend.Cell(14).GetDouble(), 3); // October

        using var funding = new XLWorkbook(new MemoryStream(new FundingReport(await service.FundingAsync(October, Prefecture), Options).ToExcel()));
        var sheet = funding.Worksheet("分月");

        // Month headers stay text: ClosedXML 0.95 would otherwise read 10月 as a date of the current year.
        var monthHeaders = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "项目").CellsUsed().Skip(1).Take(10).ToList();
        Assert.All(monthHeaders, c => Assert.Equal(XLDataType.Text, c.DataType));
        Assert.Equal("10月", monthHeaders[^1].GetString());
        var trendHeader = kpi.Worksheet("趋势").RowsUsed().Single(r => r.Cell(1).GetString() == "指标代码").Cell(14);
        Assert.Equal((XLDataType.Text, "2026年10月"), (trendHeader.DataType, trendHeader.GetString()));
        var investment = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "养老服务设施投资");
        Assert.Equal(0.12, investment.LastCellUsed().GetDouble(), 3);
    }

    private static string PdfText(byte[] pdf, out int pages, out string title)
    {
        using var document = PdfDocument.Open(pdf);
        pages = document.NumberOfPages;
        title = document.Information.Title ?? string.Empty;
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task PdfShowsTheSameFiguresAsTheExcelFileWithHeaderFooterAndPageNumbers()
    {
        var (data, engine) = await ComputeAsync();
        var report = new MonthlyReport(data, Options, Signature);

        var text = PdfText(report.ToPdf(PdfFonts.Load()), out var pages, out var title);

        Assert.Equal("博尔塔拉蒙古自治州2026年10月民政统计月报", title);
        Assert.Contains("民政统计月报", text, StringComparison.Ordinal);
        Assert.Contains("批准机关：国家统计局", text, StringComparison.Ordinal);
        Assert.Contains("填表人：王统计", text, StringComparison.Ordinal);
        Assert.Contains($"第 {pages} 页 / 共 {pages} 页", text, StringComparison.Ordinal);
        Assert.True(pages >= 2); // the main table, then the breakdown on a page of its own
        using var book = new XLWorkbook(new MemoryStream(report.ToExcel()));
        var sheet = book.Worksheet("月报");
        foreach (var result in engine.Where(r => data.Figures.Single(f => f.Code == r.Definition.Code).Current is not null))
        {
            // The PDF line of the indicator holds the Excel cell's value, formatted the same way.
            var cell = RowOf(sheet, result.Definition.Code).Cell(4);
            var shown = cell.GetDouble().ToString(cell.Style.NumberFormat.Format, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(IndicatorFormat.Text(result.Current.Value, result.Definition.Unit), PdfCell(text, result.Definition.Code, result.Definition.Unit.Symbol(), 0));
            Assert.Equal(IndicatorFormat.Text(result.Current.Value, result.Definition.Unit), shown);
        }
    }

    /// <summary>The PDF main table's cell <paramref name="column"/> (0 = 本期) after the unit of the row <paramref name="code"/>.</summary>
    internal static string PdfCell(string text, string code, string unit, int column)
    {
        var words = text.Split('\n', ' ');
        var at = Array.IndexOf(words, code);
        Assert.True(at >= 0, $"{code} is not in the PDF");
        var unitAt = Array.IndexOf(words, unit, at + 1);
        return words[unitAt + 1 + column];
    }

    [Fact]
    public async Task KpiAndFundingPdfsCarryTheirFiguresAndCharts()
    {
        _db.ActAs(TestUsers.Statistician);
        var service = new ReportDataService(new IndicatorEngine(_db, _db), _db.Clock);

        var kpi = PdfText(new KpiReport(await service.KpisAsync(October, Prefecture), Options).ToPdf(PdfFonts.Load()), out _, out _);
        var funding = PdfText(new FundingReport(await service.FundingAsync(October, Prefecture), Options).ToPdf(PdfFonts.Load()), out _, out _);

        Assert.Contains("58.3", kpi, StringComparison.Ordinal);
        Assert.Contains("达标", kpi, StringComparison.Ordinal);
        Assert.Contains("近12个月走势", kpi, StringComparison.Ordinal);
        Assert.Contains("分区划比较", kpi, StringComparison.Ordinal);
        Assert.Contains("养老服务设施投资", funding, StringComparison.Ordinal);
        Assert.Contains("0.12", funding, StringComparison.Ordinal);
    }
}
