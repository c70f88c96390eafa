using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

[Collection(PristinePortalCollection.Name)]
public sealed class ElderlyCareFlowTests(PortalServer portal)
{
    private async Task<IPage> SignInAsync(string user)
    {
        var page = await portal.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 1000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "Demo#2026");
        await page.ClickAsync("#login-submit");
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static ILocator NursingBedRatio(IPage page) => page.Locator("[data-testid=kpi-EC01] [data-testid=kpi-value]");

    [Fact]
    public async Task ALeaderSeesTheNursingBedRatioChangeAfterTheElderlyClerkAddsACareHome()
    {
        var leader = await SignInAsync("leader");
        await leader.GotoAsync("/dashboard");
        await Assertions.Expect(NursingBedRatio(leader)).ToHaveTextAsync("61.0");

        var clerk = await SignInAsync("elderly");
        await clerk.GotoAsync("/elderly/facilities/new");
        await WaitUntilInteractiveAsync(clerk);
        await clerk.FillAsync("input[data-testid=facility-name], [data-testid=facility-name] input", "测试颐养院");
        await clerk.Locator("[data-testid=facility-kind]").First.ClickAsync();
        await clerk.Locator(".mud-popover-open .mud-list-item").GetByText("民办养老机构").ClickAsync();
        await Assertions.Expect(clerk.Locator("input[data-testid=facility-kind], [data-testid=facility-kind] input").First).ToHaveValueAsync("民办养老机构");
        await clerk.FillAsync("input[data-testid=total-beds], [data-testid=total-beds] input", "1000");
        await clerk.Keyboard.PressAsync("Tab");
        await clerk.FillAsync("input[data-testid=nursing-beds], [data-testid=nursing-beds] input", "1000");
        await clerk.Keyboard.PressAsync("Tab");
        // On a busy machine a value typed before the previous one was bound can be lost: check both are in the form.
        await Assertions.Expect(clerk.Locator("input[data-testid=total-beds], [data-testid=total-beds] input").First).ToHaveValueAsync("1000");
        await Assertions.Expect(clerk.Locator("input[data-testid=nursing-beds], [data-testid=nursing-beds] input").First).ToHaveValueAsync("1000");
        await clerk.ClickAsync("[data-testid=save]");
        var saved = clerk.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/elderly/facilities/\d+$"), new() { Timeout = 90_000 });
        var refused = clerk.Locator("[data-testid=form-error]").WaitForAsync(new() { Timeout = 90_000 });
        if (await Task.WhenAny(saved, refused) == refused && refused.IsCompletedSuccessfully)
        {
            Assert.Fail("The save was refused: " + await clerk.Locator("[data-testid=form-error]").InnerTextAsync());
        }

        await saved;

        // The leader's next visit computes afresh: (1,830 + 1,000) / (3,000 + 1,000).
        await leader.GotoAsync("/dashboard");
        await Assertions.Expect(NursingBedRatio(leader)).ToHaveTextAsync("70.8");
    }

    [Fact]
    public async Task TheLeaderDrillsFromTheRatioToACountyAndToTheFacilitiesBehindIt()
    {
        var leader = await SignInAsync("leader");
        await leader.GotoAsync("/dashboard");
        await WaitUntilInteractiveAsync(leader);

        await leader.ClickAsync("[data-testid=kpi-EC02]");
        // The detail re-renders for the chosen indicator; click only once it shows it (rows move).
        await leader.Locator("[data-testid=kpi-detail] h6").Filter(new() { HasText = "覆盖率" }).WaitForAsync();
        await leader.Locator("[data-testid=kpi-breakdown]").GetByText("精河县").ClickAsync();
        await leader.Locator("[data-testid=kpi-breakdown]").GetByText("精河镇").WaitForAsync();
        await leader.ClickAsync("[data-testid=kpi-records]");

        // The records behind the county's figure (its townships with a centre): the list says how many, and shows them.
        await leader.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/records\\?code=EC02&period=\\d{6}&division=652722"));
        await leader.Locator("[data-testid=records-summary]").Filter(new() { HasText = "条记录" }).WaitForAsync();
        await leader.Locator("[data-testid=records] .mud-table-body tr td").First.WaitForAsync();
        var summary = await leader.Locator("[data-testid=records-summary]").InnerTextAsync();
        var rows = await leader.Locator("[data-testid=records] .mud-table-body tr").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.Contains($"共 {rows.Count} 条记录", summary);
    }
}
