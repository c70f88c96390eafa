using CivilAffairs.Core.Common;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>A county clerk records a death (身后一件事); next month's high-age allowance batch then skips the person.</summary>
[Collection(ClockedPortalCollection.Name)]
public sealed class SocialAffairsFlowTests(ClockedPortalServer portal)
{
    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private async Task<ILocator> PreviewNextMonthAsync(IPage page)
    {
        var next = Period.Of(portal.TestClock.Today()).AddMonths(1);
        await GoAsync(page, "/elderly/allowance");
        await page.Locator("[data-testid=allowance-period]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(next.ChineseName, new() { Exact = true }).ClickAsync();
        // The month list must have closed, or the next click only closes it.
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.GetByTestId("preview-batch").ClickAsync();
        var preview = page.GetByTestId("batch-preview");
        await Expect(preview).ToContainTextAsync(next.ChineseName, new() { Timeout = 30_000 });
        return preview;
    }

    [Fact]
    public async Task ADeathRecordedThroughTheFormStopsNextMonthsAllowance()
    {
        var (personId, idNumber) = await portal.LivingOctogenarianInAsync("652722");
        var clerk = await portal.SignInAsync("jinghe");
        await clerk.SetViewportSizeAsync(1400, 1000);

        // Before: the person is in next month's batch.
        await Expect(await PreviewNextMonthAsync(clerk)).ToContainTextAsync(idNumber);

        await GoAsync(clerk, $"/affairs/after-death/new?person={personId}");
        await clerk.FillAsync("input[data-testid=applicant], [data-testid=applicant] input", "家属王某");
        await clerk.GetByTestId("save").ClickAsync();
        await clerk.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/affairs/after-death/\d+$"), new() { Timeout = 30_000 });

        // After: the batch preview of next month no longer pays the person.
        await Expect(await PreviewNextMonthAsync(clerk)).Not.ToContainTextAsync(idNumber);
    }

    [Fact]
    public async Task TheLeaderSeesTheLinesPagesAndItsIndicatorsOnTheDashboard()
    {
        var leader = await portal.SignInAsync("leader");
        await leader.SetViewportSizeAsync(1400, 1000);

        await GoAsync(leader, "/affairs/marriage/offices");
        await Expect(leader.GetByText("赛里木湖景区婚姻登记处")).ToBeVisibleAsync();
        await GoAsync(leader, "/affairs/burial");
        await Expect(leader.GetByText("博乐市城市公益性公墓")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await GoAsync(leader, "/affairs/places/experts");
        await Expect(leader.Locator("tbody tr")).ToHaveCountAsync(6);
        await GoAsync(leader, "/dashboard");
        await Expect(leader.GetByTestId("kpi-AF07").GetByTestId("kpi-value")).ToHaveTextAsync("100.0", new() { Timeout = 30_000 });
    }
}
