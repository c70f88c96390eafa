using System.Globalization;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Reports.Documents;
using CivilAffairs.Reports.Pdf;
using CivilAffairs.Tests.Support;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace CivilAffairs.Tests.Reports;

/// <summary>
/// What the monthly report says about its figures, on hand-made figures: one rounding per indicator in PDF
/// and Excel, changes of rates in percentage points and of averages in their unit, 环比 only for 本月 and
/// stock rows, "—" for no data, and a header that refuses a placeholder approval number.
/// </summary>
public sealed class ReportSemanticsTests
{
    private static readonly ReportSignature Signature = new("王统计", new DateOnly(2026, 11, 5));

    private static ReportFigure Figure(string code, decimal? current, decimal? previous, decimal? lastYear)
    {
        var d = IndicatorCatalog.Find(code)!;
        return new ReportFigure(d.Code, d.NameZh, d.NameEn, d.Unit, d.Kind, d.Line, current, previous, lastYear, []);
    }

    private static MonthlyReportData Report(params ReportFigure[] figures) =>
        new(202610, "652700", "博尔塔拉蒙古自治州", new DateTimeOffset(2026, 11, 5, 2, 0, 0, TimeSpan.Zero), figures, []);

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string code) => sheet.RowsUsed().Single(r => r.Cell(1).GetString() == code);

    private static string Shown(IXLCell cell) =>
        cell.DataType == XLDataType.Number ? cell.GetDouble().ToString(cell.Style.NumberFormat.Format, CultureInfo.InvariantCulture) : cell.GetString();

    [Fact]
    public void EveryIndicatorIsRoundedOnceTheSameInPdfAndExcel()
    {
        // 0.54 of anything: 0.5 次 and 0.5 %, 0.54 万元, 1 人; 0.55 → 0.6 (四舍五入, not banker's rounding).
        var report = Report([.. IndicatorCatalog.All.Select(d => Figure(d.Code, 0.54m, 0.55m, null))]);
        var document = new MonthlyReport(report, ReportDocumentTests.Options, Signature);
        var text = PdfText(document.ToPdf(PdfFonts.Load()));
        using var book = new XLWorkbook(new MemoryStream(document.ToExcel()));
        var sheet = book.Worksheet("月报");

        foreach (var d in IndicatorCatalog.All)
        {
            var expected = d.Unit switch
            {
                IndicatorUnit.Percent or IndicatorUnit.Times => ("0.5", "0.6"),
                IndicatorUnit.TenThousandYuan => ("0.54", "0.55"),
                _ => ("1", "1"),
            };
            var row = RowOf(sheet, d.Code);
            Assert.Equal(d.Unit.Symbol(), row.Cell(3).GetString());
            Assert.Equal(expected, (Shown(row.Cell(4)), Shown(row.Cell(5))));
            Assert.Equal(expected, (ReportDocumentTests.PdfCell(text, d.Code, d.Unit.Symbol(), 0), ReportDocumentTests.PdfCell(text, d.Code, d.Unit.Symbol(), 1)));
        }
    }

    [Fact]
    public void RatesChangeInPercentagePointsAveragesInTheirUnitAndCountsInPercent()
    {
        var report = Report(
            Figure("EC01", 58.3m, 45.3m, 40.0m),     // rate: +13.0 points, not +28.7 %
            Figure("SA11", 9m, 8m, 10m),             // average working days: +1 天
            Figure("SO13", 0.7m, 0.54m, 0.5m),       // average visits, year to date: 0.7 vs 0.5 shown → +0.2 次 on last year
            Figure("EC05", 180m, 120m, 150m),        // count: +50.0 %
            Figure("EC16", 233m, 230m, 200m));       // cumulative: 同比 only
        var document = new MonthlyReport(report, ReportDocumentTests.Options, Signature);
        var text = PdfText(document.ToPdf(PdfFonts.Load()));
        using var book = new XLWorkbook(new MemoryStream(document.ToExcel()));
        var sheet = book.Worksheet("月报");

        (string Code, string Unit, string MonthOnMonth, string YearOnYear)[] expected =
        [
            ("EC01", "%", "+13.0个百分点", "+18.3个百分点"),
            ("SA11", "天", "+1天", "-1天"),
            ("SO13", "次", "—", "+0.2次"),
            ("EC05", "张", "+50.0%", "+20.0%"),
            ("EC16", "户", "—", "+16.5%"),
        ];
        foreach (var (code, unit, monthOnMonth, yearOnYear) in expected)
        {
            var row = RowOf(sheet, code);
            Assert.Equal((monthOnMonth, yearOnYear), (Shown(row.Cell(6)), Shown(row.Cell(8))));
            Assert.Equal((monthOnMonth, yearOnYear), (ReportDocumentTests.PdfCell(text, code, unit, 2), ReportDocumentTests.PdfCell(text, code, unit, 4)));
        }

        Assert.Equal(["指标代码", "指标名称", "计量单位", "本期", "上月", "环比", "上年同期", "同比"], MonthlyReport.Columns);
        Assert.Contains("本年累计、历年累计只列同比", MonthlyReport.Note, StringComparison.Ordinal);
        Assert.Contains("个百分点", MonthlyReport.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDataIsADashNeverZero()
    {
        var report = Report(Figure("EC18", 12.5m, 12.4m, null), Figure("EC20", 1701m, 1688.6m, null));
        var document = new MonthlyReport(report, ReportDocumentTests.Options, Signature);
        using var book = new XLWorkbook(new MemoryStream(document.ToExcel()));
        var sheet = book.Worksheet("月报");

        Assert.Equal(("—", "—"), (RowOf(sheet, "EC18").Cell(7).GetString(), RowOf(sheet, "EC18").Cell(8).GetString()));
        Assert.Equal("—", RowOf(sheet, "EC20").Cell(7).GetString());
        Assert.Equal("+0.8%", Shown(RowOf(sheet, "EC18").Cell(6)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("国统制〔2024〕号")]
    [InlineData("国统制〔2024〕")]
    public void AMissingOrPlaceholderApprovalNumberIsRefusedWithAChineseMessage(string approval)
    {
        var options = new ReportOptions { ApprovalNumber = approval, ValidUntil = "2027年1月" };
        var document = new MonthlyReport(Report(Figure("EC05", 1m, 1m, 1m)), options, Signature);

        var pdf = Assert.Throws<DomainException>(() => document.ToPdf(PdfFonts.Load()));
        var excel = Assert.Throws<DomainException>(() => document.ToExcel());

        Assert.Contains("批准文号", pdf.Message, StringComparison.Ordinal);
        Assert.Contains("Reports:Monthly:ApprovalNumber", excel.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeaderAndFooterCarryTheApprovalItsValidityTheSignatoriesAndTheSealLine()
    {
        var document = new MonthlyReport(Report(Figure("EC05", 1m, 1m, 1m)), ReportDocumentTests.Options, Signature);
        var text = PdfText(document.ToPdf(PdfFonts.Load()));
        using var book = new XLWorkbook(new MemoryStream(document.ToExcel()));
        var excel = string.Join("\n", book.Worksheet("月报").CellsUsed().Select(c => c.GetString()));

        foreach (var expected in new[] { "批准文号：国统制〔2024〕58号", "有效期至：2027年1月", "单位负责人：张局长", "统计负责人：李科长", "填表人：王统计", "联系电话：0909-2222222", "填报单位（盖章）：博尔塔拉蒙古自治州民政局", "报出日期：2026年11月5日" })
        {
            Assert.Contains(expected, excel, StringComparison.Ordinal);
            Assert.Contains(expected, text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}

/// <summary>Records start, opening balances dated later and the funding programmes, on a hand-made database.</summary>
public sealed class ReportRecordsStartTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private const string Jinghe = "652722";
    private static readonly Period October = new(2026, 10);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.AddRange(
            new CareFacility { Name = "精河县社会福利院", Kind = FacilityKind.CountyWelfareInstitute, DivisionCode = Jinghe, TotalBeds = 120, NursingBeds = 80, OpenedOn = new DateOnly(2019, 5, 1), Status = FacilityStatus.Operating },
            new CaregiverTraining { Title = "养老护理员培训", DivisionCode = "652722100", HeldOn = new DateOnly(2026, 3, 15), Participants = 37 },
            new OpeningBalance { IndicatorCode = "EC20", DivisionCode = Jinghe, Before = 202601, Value = 1_000_000 });
        await ctx.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ReportDataService Service()
    {
        _db.ActAs(TestUsers.Statistician);
        return new ReportDataService(new IndicatorEngine(_db, _db), _db.Clock);
    }

    [Fact]
    public async Task APeriodBeforeAProgrammesRecordsStartIsNoDataWhileARealZeroStaysZero()
    {
        var report = await Service().MonthlyAsync(October, Prefecture);
        ReportFigure F(string code) => report.Figures.Single(f => f.Code == code);

        // Training began in March 2026: October 2025 has no record of it; October 2026 has 37 this year.
        Assert.Equal((37m, 37m, (decimal?)null), (F("EC22").Current, F("EC22").Previous, F("EC22").LastYear));
        Assert.Null(F("EC22").YearOnYearChange);

        // No care visit was ever recorded: every column is no data, not 0.
        Assert.Equal(((decimal?)null, (decimal?)null, (decimal?)null), (F("EC21").Current, F("EC21").Previous, F("EC21").LastYear));

        // The allowance's opening balance covers everything before January 2026: 2026 months without a payment are 0, October 2025 is no data.
        Assert.Equal((0m, 0m, (decimal?)null), (F("EC18").Current, F("EC18").Previous, F("EC18").LastYear));

        // Cumulative allowance: the opening balance covers the months before January 2026, so October 2025 is unknown.
        Assert.Equal(100m, F("EC20").Current);
        Assert.Null(F("EC20").LastYear);

        // A stock is a state: the home existed in October 2025.
        Assert.Equal(120m, F("EC05").LastYear);

        // After the balance's date the programme ran (the balance says so): a month of 2026 without a payment
        // is a real 0 for the engine; before it, no data.
        var engine = new IndicatorEngine(_db, _db);
        var notStarted = await engine.NotStartedAsync([IndicatorCatalog.Find("EC18")!], [October, October.SameMonthLastYear], Prefecture);
        Assert.Equal([("EC18", October.SameMonthLastYear.Key)], notStarted.ToList());
    }

    [Fact]
    public async Task TheFundingReportListsEveryProgrammeWithThisYearAndCumulativeApart()
    {
        var funding = await Service().FundingAsync(October, Prefecture);
        var names = funding.Programs.Select(p => p.Name).ToList();

        foreach (var programme in new[] { "高龄津贴发放金额", "低保资金支出", "特困供养资金支出", "临时救助金额", "安心助养补贴发放金额", "残疾人两项补贴发放金额", "儿童基本生活费发放金额", "养老服务设施投资", "儿童福利机构投资", "殡葬设施投资" })
        {
            Assert.Contains(programme, names);
        }

        var allowance = funding.Programs.Single(p => p.Name == "高龄津贴发放金额");
        Assert.Equal(100m, allowance.Cumulative);
        Assert.Equal(100m, allowance.CumulativeByCounty.Single(c => c.DivisionCode == Jinghe).Value);
        Assert.Equal(0m, allowance.YearToDate);
        var care = funding.Programs.Single(p => p.Name == "安心助养补贴发放金额");
        Assert.Empty(care.Months);
        Assert.NotNull(care.YearToDate);

        using var book = new XLWorkbook(new MemoryStream(new FundingReport(funding, ReportDocumentTests.Options).ToExcel()));
        Assert.True(book.TryGetWorksheet("分区划本年", out _));
        var cumulative = book.Worksheet("分区划累计");
        var header = cumulative.RowsUsed().Single(r => r.Cell(1).GetString() == "项目").CellsUsed().Select(c => c.GetString()).ToList();
        var row = cumulative.RowsUsed().Single(r => r.Cell(1).GetString() == "高龄津贴发放金额");
        Assert.Equal(100, row.Cell(header.IndexOf("精河县") + 1).GetDouble());
    }
}
