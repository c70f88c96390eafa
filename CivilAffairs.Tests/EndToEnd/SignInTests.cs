using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalServer portal)
{
    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
    }

    /// <summary>Clicks before the circuit is interactive are lost; wait for the layout's flag.</summary>
    private static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    [Fact]
    public async Task ALeaderSignsInAndSeesTheHomePageInChinese()
    {
        var page = await portal.NewPageAsync();

        await SignInAsync(page, "leader", "Demo#2026");
        await WaitUntilInteractiveAsync(page);

        Assert.Equal("局领导", await page.Locator("[data-testid=home-role]").InnerTextAsync());
        Assert.Equal("博尔塔拉蒙古自治州", await page.Locator("[data-testid=home-scope]").InnerTextAsync());
        Assert.Contains("博尔塔拉蒙古自治州民政业务管理平台", await page.TitleAsync() + await page.Locator("header").InnerTextAsync());
    }

    [Fact]
    public async Task AWrongPasswordShowsAChineseError()
    {
        var page = await portal.NewPageAsync();

        await SignInAsync(page, "stat", "Wrong#2026");

        var error = await page.Locator("[data-testid=login-error]").InnerTextAsync();
        Assert.Contains("用户名或密码错误", error);
        Assert.Contains("/Account/Login", page.Url);
    }

    [Fact]
    public async Task TheSixthAttemptAfterFiveFailuresIsRefusedAsLocked()
    {
        var page = await portal.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(page, PortalServer.LockoutUser, "Wrong#2026");
            await page.Locator("[data-testid=login-error]").WaitForAsync();
        }

        await SignInAsync(page, PortalServer.LockoutUser, "Demo#2026");

        Assert.Contains("已被锁定", await page.Locator("[data-testid=login-error]").InnerTextAsync());
        Assert.Contains("/Account/Login", page.Url);
    }

    [Fact]
    public async Task AJingheClerkGuessingAWenquanRecordIdGetsNotFound()
    {
        var page = await portal.NewPageAsync();
        await SignInAsync(page, "jinghe", "Demo#2026");
        await WaitUntilInteractiveAsync(page);

        // Demo persons are spread over the divisions in catalogue order; find one of 温泉县 as the admin would.
        var wenquanId = await portal.FirstPersonIdInAsync("652723");
        await page.GotoAsync($"/people/{wenquanId}");

        await page.GetByText("未找到").First.WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=name]").CountAsync());
    }

    [Fact]
    public async Task AnUnknownRouteShowsTheNotFoundPage()
    {
        var page = await portal.NewPageAsync();
        await SignInAsync(page, "leader", "Demo#2026");
        await WaitUntilInteractiveAsync(page);

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await page.GetByText("未找到").First.WaitForAsync();
    }

    [Fact]
    public async Task TheCultureSwitchTurnsTheUiIntoEnglishAndBack()
    {
        var page = await portal.NewPageAsync();
        await SignInAsync(page, "admin", "Demo#2026");
        await WaitUntilInteractiveAsync(page);

        await page.ClickAsync("[data-testid=culture-switch]");
        await page.GetByText("Welcome, 系统管理员").WaitForAsync();
        Assert.Equal("Administrator", await page.Locator("[data-testid=home-role]").InnerTextAsync());

        await WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=culture-switch]");
        await page.GetByText("您好，系统管理员").WaitForAsync();
    }
}
