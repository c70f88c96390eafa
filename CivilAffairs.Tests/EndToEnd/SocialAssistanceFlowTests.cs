using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>
/// A township clerk takes a 低保 application to confirmation (the 7-day notice really passes) and to its
/// first payment in the month's batch; the leader sees the count move.
/// </summary>
[Collection(ClockedPortalCollection.Name)]
public sealed class SocialAssistanceFlowTests(ClockedPortalServer portal)
{
    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task ActAsync(IPage page, string action, bool checks = false)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        if (checks)
        {
            await page.GetByTestId("survey-done").ClickAsync();
            await page.GetByTestId("income-checked").ClickAsync();
        }

        await page.GetByTestId("transition-comment").FillAsync("经核实符合条件");
        await page.GetByTestId("transition-ok").ClickAsync();
    }

    private async Task<int> RuralHouseholdsAsync()
    {
        var leader = await portal.SignInAsync("leader");
        await GoAsync(leader, "/dashboard");
        var value = leader.GetByTestId("kpi-SA03").GetByTestId("kpi-value");
        await Expect(value).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var number = int.Parse((await value.InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await leader.Context.CloseAsync();
        return number;
    }

    [Fact]
    public async Task AClerkTakesAnApplicationThroughTheNoticePeriodToConfirmationAndTheLeaderSeesIt()
    {
        var household = await portal.HouseholdReadyToApplyAsync("652722");
        var before = await RuralHouseholdsAsync();

        var clerk = await portal.SignInAsync("jinghe");
        await GoAsync(clerk, $"/assistance/cases/new?household={household}");
        await clerk.GetByTestId("save").ClickAsync();
        await Expect(clerk.GetByTestId("case-state")).ToHaveTextAsync("已申请", new() { Timeout = 30_000 });
        var caseUrl = clerk.Url;
        await ActAsync(clerk, "StartReview");
        await Expect(clerk.GetByTestId("case-state")).ToHaveTextAsync("乡镇审核中");
        await ActAsync(clerk, "PublishNotice", checks: true);
        await Expect(clerk.GetByTestId("case-state")).ToHaveTextAsync("公示中");

        // During the notice confirmation is not offered (the service refuses it too); eight days later it is.
        Assert.Equal(0, await clerk.GetByTestId("action-Confirm").CountAsync());
        portal.TestClock.Advance(TimeSpan.FromDays(8));
        clerk = await portal.SignInAsync("jinghe");
        await GoAsync(clerk, new Uri(caseUrl).PathAndQuery);
        await ActAsync(clerk, "Confirm");
        await Expect(clerk.GetByTestId("case-state")).ToHaveTextAsync("在保");
        var head = await clerk.GetByTestId("case-head").InnerTextAsync();
        var benefit = (await clerk.GetByTestId("case-benefit").InnerTextAsync()).Split('（')[0];

        Assert.Equal(before + 1, await RuralHouseholdsAsync());

        // The month's batch pays the new case: generated (idempotently: only what is missing), listed as 待发放.
        clerk = await portal.SignInAsync("jinghe");
        await GoAsync(clerk, "/assistance/payments");
        await clerk.GetByTestId("batch-commit").ClickAsync();
        await Expect(clerk.GetByText("已生成")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await clerk.GetByTestId("payment-text").FillAsync(head);
        var row = clerk.GetByTestId("sa-payments-grid").Locator("tbody tr").Filter(new() { HasText = head }).Filter(new() { HasText = benefit });
        await Expect(row.First).ToContainTextAsync("待发放", new() { Timeout = 30_000 });
    }
}
