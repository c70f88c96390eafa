using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>Every answer carries the security headers; exports are never cached; the server is not named; the policy does not break the portal.</summary>
[Collection(PortalCollection.Name)]
public sealed class SecurityHeaderTests(PortalServer portal)
{
    [Fact]
    public async Task TheSignInPageCarriesThePolicyAndNoServerHeader()
    {
        var anonymous = await portal.NewPageAsync();

        var login = await anonymous.APIRequest.GetAsync("/Account/Login");

        var headers = login.Headers;
        Assert.Equal(200, login.Status);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.Contains("script-src 'self';", headers["content-security-policy"]);
        Assert.DoesNotContain("unsafe-eval", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        Assert.Contains("camera=()", headers["permissions-policy"]);
        Assert.Contains("no-store", headers["cache-control"]);
        Assert.False(headers.ContainsKey("server"));
    }

    [Fact]
    public async Task AnExportIsNeverStoredByACache()
    {
        var leader = await portal.SignInAsync("leader");

        var export = await leader.APIRequest.GetAsync("/export/people.xlsx");

        Assert.Equal(200, export.Status);
        Assert.Contains("no-store", export.Headers["cache-control"]);
        Assert.Contains("default-src 'self'", export.Headers["content-security-policy"]);
    }

    [Fact]
    public async Task UnderThePolicyAPageBecomesInteractiveWithoutAViolation()
    {
        var leader = await portal.SignInAsync("leader");
        var violations = new List<string>();
        leader.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await leader.GotoAsync("/dashboard");
        await leader.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await leader.ClickAsync("[data-testid=kpi-EC02]");
        await leader.Locator("[data-testid=kpi-detail]").WaitForAsync();

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("/export/elderly/allowance.xlsx?period=202613")]
    [InlineData("/export/assistance/payments.xlsx?period=0")]
    [InlineData("/export/assistance/subsidy-payments.xlsx?period=99")]
    [InlineData("/export/children/payments.xlsx?period=202600")]
    [InlineData("/export/assistance/payments.xlsx?period=abc")]
    public async Task AMonthThatIsNotOneIsABadRequestNotAServerError(string url)
    {
        var admin = await portal.SignInAsync("admin");

        var response = await admin.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
    }
}

/// <summary>Sign-out only by POST with the page's antiforgery token; a link or a form elsewhere cannot sign anybody out.</summary>
[Collection(PortalCollection.Name)]
public sealed class SignOutTests(PortalServer portal)
{
    [Fact]
    public async Task APostWithoutTheTokenOrAGetDoesNotSignOut()
    {
        var clerk = await portal.SignInAsync("jinghe");

        var forged = await clerk.APIRequest.PostAsync("/Account/Logout", new() { MaxRedirects = 0 });
        var idleLink = await clerk.APIRequest.GetAsync("/Account/IdleLogout", new() { MaxRedirects = 0 });
        var forgedIdle = await clerk.APIRequest.PostAsync("/Account/IdleLogout", new() { MaxRedirects = 0 });
        var stillIn = await clerk.APIRequest.GetAsync("/export/people.xlsx", new() { MaxRedirects = 0 });

        Assert.Equal(400, forged.Status);
        Assert.NotEqual(302, idleLink.Status);
        Assert.Equal(400, forgedIdle.Status);
        Assert.Equal(200, stillIn.Status);
    }

    [Fact]
    public async Task TheSignOutButtonSignsOut()
    {
        var clerk = await portal.SignInAsync("jinghe");
        await clerk.GotoAsync("/");
        await clerk.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await clerk.ClickAsync("[data-testid=logout]");
        await clerk.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        var afterwards = await clerk.APIRequest.GetAsync("/export/people.xlsx", new() { MaxRedirects = 0 });

        Assert.Equal(302, afterwards.Status);
    }
}
