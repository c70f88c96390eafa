using CivilAffairs.Core.Common;
using CivilAffairs.Tests.Support;
using ClosedXML.Excel;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>统计报表 in a real browser: preview, explain, download, submit, lock; and who may download what.</summary>
[Collection(ReportingPortalCollection.Name)]
public sealed class ReportTests(PortalServer portal)
{
    // The last closed month of the pinned date: the report page's default and the month of the published figures.
    private static readonly Period Month = TestClock.LastClosedMonth;
    private static readonly string MonthlyReport = $"/reports/monthly.{{0}}?period={Month.Year}-{Month.Month:00}&division={{1}}";

    [Fact]
    public async Task TheStatisticianPreviewsExplainsDownloadsAndSubmitsTheLastClosedMonth()
    {
        var page = await portal.SignInAsync("stat");
        await page.GotoAsync("/reports");
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("report-period")).ToContainTextAsync($"{Month.Year}年{Month.Month}月");
        await page.GetByTestId("report-preview").ClickAsync();
        await Expect(page.GetByTestId("report-state")).ToContainTextAsync("未报送");
        var nursingRatio = (await page.GetByTestId("value-EC01").InnerTextAsync()).Trim();
        Assert.Equal("61.0", nursingRatio); // the bureau's published 61%

        // Warnings need a written explanation before the submit button does anything useful.
        foreach (var box in await page.Locator("[data-testid^=explain-]").AllAsync())
        {
            await box.FillAsync("本月集中录入历史数据，已核实。");
        }

        var pdf = await page.APIRequest.GetAsync(string.Format(MonthlyReport, "pdf", "652700"));
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Contains("filename*=UTF-8''", pdf.Headers["content-disposition"]);
        using (var document = PdfDocument.Open(await pdf.BodyAsync()))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains("民政统计月报", text);
            Assert.Contains("61.0", text);

            // The header and footer from the demo configuration and the signed-in statistician.
            var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.Contains("批准文号：国统制〔2024〕58号", compact);
            Assert.Contains("有效期至：", compact);
            Assert.Contains("填表人：统计人员", compact);
            Assert.Contains("填报单位（盖章）：博尔塔拉蒙古自治州民政局", compact);
        }

        var xlsx = await page.APIRequest.GetAsync(string.Format(MonthlyReport, "xlsx", "652700"));
        using (var book = new XLWorkbook(new MemoryStream(await xlsx.BodyAsync())))
        {
            var row = book.Worksheet("月报").RowsUsed().Single(r => r.Cell(1).GetString() == "EC01");
            Assert.Equal(61.0, row.Cell(4).GetDouble(), 3);

            // The average visit count keeps its decimal and its unit in the file as in the preview (one rounding for both).
            var visits = book.Worksheet("月报").RowsUsed().Single(r => r.Cell(1).GetString() == "SO13");
            Assert.Equal("次", visits.Cell(3).GetString());
            var shown = visits.Cell(4).DataType == XLDataType.Number
                ? visits.Cell(4).GetDouble().ToString(visits.Cell(4).Style.NumberFormat.Format, System.Globalization.CultureInfo.InvariantCulture)
                : visits.Cell(4).GetString();
            Assert.Equal((await page.GetByTestId("value-SO13").InnerTextAsync()).Trim(), shown);
        }

        await page.GetByTestId("report-submit").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Expect(page.GetByTestId("report-state")).ToContainTextAsync("已报送（第1版）", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("version-1")).ToBeVisibleAsync();

        // From now on the stored files are served, byte for byte.
        var first = await (await page.APIRequest.GetAsync(string.Format(MonthlyReport, "pdf", "652700"))).BodyAsync();
        var second = await (await page.APIRequest.GetAsync(string.Format(MonthlyReport, "pdf", "652700") + "&version=1")).BodyAsync();
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DownloadsAreAuthorisedByRoleAndByDivision()
    {
        var anonymous = await portal.NewPageAsync();
        var clerk = await portal.SignInAsync("jinghe");
        var county = await portal.SignInAsync(PortalServer.CountyStatistician);

        var noCookie = await anonymous.APIRequest.GetAsync(string.Format(MonthlyReport, "xlsx", "652722"), new() { MaxRedirects = 0 });
        var staff = await clerk.APIRequest.GetAsync(string.Format(MonthlyReport, "xlsx", "652722"), new() { MaxRedirects = 0 });
        var otherDivision = await county.APIRequest.GetAsync(string.Format(MonthlyReport, "xlsx", "652700"), new() { MaxRedirects = 0 });
        var ownDivision = await county.APIRequest.GetAsync(string.Format(MonthlyReport, "xlsx", "652722"), new() { MaxRedirects = 0 });

        Assert.Equal(302, noCookie.Status);
        Assert.Contains("/Account/Login", noCookie.Headers["location"]);
        Assert.Equal(302, staff.Status);
        Assert.Contains("/Account/AccessDenied", staff.Headers["location"]);
        Assert.Equal(403, otherDivision.Status);
        Assert.DoesNotContain("spreadsheetml", otherDivision.Headers["content-type"]);
        Assert.Equal(200, ownDivision.Status);
        Assert.Contains("%E7%B2%BE%E6%B2%B3%E5%8E%BF", ownDivision.Headers["content-disposition"]); // 精河县, percent-encoded
    }
}
