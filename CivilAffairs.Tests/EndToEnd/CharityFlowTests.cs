using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>An administrator records goods donated to a county welfare home; the dashboard's charity figures move.</summary>
[Collection(PortalCollection.Name)]
public sealed class CharityFlowTests(PortalServer portal)
{
    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task<int> DonationsThisYearAsync(IPage page)
    {
        await GoAsync(page, "/dashboard");
        var value = page.GetByTestId("kpi-CH02").GetByTestId("kpi-value");
        await Expect(value).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return int.Parse((await value.InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ILocator Input(IPage page, string id) => page.Locator($"input[data-testid={id}], [data-testid={id}] input").First;

    [Fact]
    public async Task AnAdministratorRecordsADonationToACareHomeAndTheDashboardCountsIt()
    {
        var admin = await portal.SignInAsync("admin");
        await admin.SetViewportSizeAsync(1400, 1000);
        var before = await DonationsThisYearAsync(admin);

        await GoAsync(admin, "/charity/donations/new");
        await Input(admin, "donor").FillAsync("博州测试爱心企业");
        await Input(admin, "value").FillAsync("12000");
        await admin.Keyboard.PressAsync("Tab");
        await Input(admin, "description").FillAsync("棉被、米面油");
        await Input(admin, "facility").FillAsync("精河县综合");
        await admin.Locator(".mud-popover-open .mud-list-item").GetByText("精河县综合社会福利院").ClickAsync();
        await Expect(Input(admin, "facility")).ToHaveValueAsync("精河县综合社会福利院");
        await admin.GetByTestId("save").ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/charity/donations/\d+$"));

        await GoAsync(admin, "/charity/donations");
        await Expect(admin.GetByText("博州测试爱心企业")).ToBeVisibleAsync();
        Assert.Equal(before + 1, await DonationsThisYearAsync(admin));
    }
}
