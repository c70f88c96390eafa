using System.Globalization;
using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Portal.Components.Pages.Admin;
using CivilAffairs.Portal.Components.Pages.Dashboard;
using CivilAffairs.Portal.Components.Pages.Reports;
using CivilAffairs.Reports.Documents;
using CivilAffairs.Tests.Reports;
using CivilAffairs.Tests.Support;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Tests.Portal.Reports;

/// <summary>For every indicator, the dashboard tile, the report preview and the Excel cell show one figure: the definition's rounding.</summary>
public sealed class IndicatorAgreementTests : PortalTestContext
{
    private static readonly Period October = new(2026, 10);

    [Theory]
    [InlineData(0.54, 0.3)]
    [InlineData(12345.55, 12345.45)]
    public void TheDashboardThePreviewAndTheExcelFileShowTheSameFigureForEveryIndicator(double current, double previous)
    {
        var (value, before) = ((decimal)current, (decimal)previous);
        var figures = IndicatorCatalog.All.Select(d => new ReportFigure(d.Code, d.NameZh, d.NameEn, d.Unit, d.Kind, d.Line, value, before, null, [])).ToList();
        var report = new MonthlyReportData(October.Key, "652700", "博尔塔拉蒙古自治州", DateTimeOffset.UnixEpoch, figures, []);
        var preview = Render<ReportPreview>(p => p.Add(c => c.Report, report));
        using var book = new XLWorkbook(new MemoryStream(new MonthlyReport(report, ReportDocumentTests.Options, new ReportSignature("王统计", new DateOnly(2026, 11, 5))).ToExcel()));
        var sheet = book.Worksheet("月报");

        foreach (var d in IndicatorCatalog.All)
        {
            var tile = Render<KpiTile>(p => p.Add(t => t.Result, new IndicatorResult(d, "652700", October, new IndicatorValue(value, null, null), new IndicatorValue(before, null, null), [])));
            var cell = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == d.Code).Cell(4);
            var excel = cell.GetDouble().ToString(cell.Style.NumberFormat.Format, CultureInfo.InvariantCulture);

            // Independently: 四舍五入 to 1 decimal for % and 次, 2 for 万元, none otherwise.
            var decimals = d.Unit is IndicatorUnit.Percent or IndicatorUnit.Times ? 1 : d.Unit == IndicatorUnit.TenThousandYuan ? 2 : 0;
            var expected = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0" + (decimals == 0 ? "" : "." + new string('0', decimals)), CultureInfo.InvariantCulture);
            Assert.Equal(expected, tile.Find("[data-testid=kpi-value]").TextContent);
            Assert.Equal(expected, preview.Find($"[data-testid=value-{d.Code}]").TextContent);
            Assert.Equal(expected, excel);
            Assert.Equal(d.Unit.Symbol(), sheet.RowsUsed().Single(r => r.Cell(1).GetString() == d.Code).Cell(3).GetString());

            // Rates move in percentage points and averages in their unit on the tile too, never "个百分点" for 天 or 次.
            var change = tile.Find("[data-testid=kpi-change]").TextContent;
            if (d.Unit is IndicatorUnit.Days or IndicatorUnit.Times)
            {
                Assert.DoesNotContain("百分点", change, StringComparison.Ordinal);
            }

            if (d.Unit == IndicatorUnit.Percent && change.Length > 0 && !change.Contains("持平", StringComparison.Ordinal))
            {
                Assert.EndsWith("个百分点", change, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AnAverageOnTheDashboardChangesInItsOwnUnit()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Result, new IndicatorResult(IndicatorCatalog.Find("SO13")!, "652700", October,
            new IndicatorValue(0.74m, 74, 100), new IndicatorValue(0.54m, 54, 100), [])));

        Assert.Equal("0.7", tile.Find("[data-testid=kpi-value]").TextContent);
        Assert.Equal("较上月 +0.2次", tile.Find("[data-testid=kpi-change]").TextContent);
    }
}

/// <summary>The administrator's calendar page.</summary>
public sealed class OfficialCalendarPageTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new OfficialCalendarService(_db.ActAs(TestUsers.Admin), _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AYearWithoutACalendarSaysWorkingDaysAreMondayToFridayAndASeededYearListsItsDays()
    {
        var empty = Render<OfficialCalendar>();
        Assert.Contains("星期一至星期五", empty.Find("[data-testid=calendar-fallback]").TextContent, StringComparison.Ordinal);

        await using (var db = _db.CreateDbContext(CivilAffairs.Core.Security.UserContext.System))
        {
            await OfficialCalendarService.SeedAsync(db, CancellationToken.None);
        }

        var page = Render<OfficialCalendar>();
        Assert.Empty(page.FindAll("[data-testid=calendar-fallback]"));
        Assert.Contains("调休上班", page.Find("[data-testid=calendar-2026-10-10]").TextContent, StringComparison.Ordinal);
        Assert.Contains("星期六", page.Find("[data-testid=calendar-2026-10-10]").TextContent, StringComparison.Ordinal);
        Assert.Equal(OfficialCalendarSeed.Days.Count(d => d.Date.Year == 2026), page.FindAll("[data-testid^=calendar-2026-]").Count);
    }
}
