using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Portal.Components.Pages.SocialOrganizations;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialOrganizations;

/// <summary>The organisation form: a bad credit code is explained in Chinese and nothing is saved; a good one saves.</summary>
public sealed class OrganizationEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new SocialOrganizationService(_db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<OrganizationEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return Render<OrganizationEdit>();
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<OrganizationEdit> page, string id) =>
        page.Find($"input[data-testid={id}], [data-testid={id}] input");

    private static void Fill(IRenderedComponent<OrganizationEdit> page, string code)
    {
        Input(page, "org-name").Change("精河县摄影家协会");
        Input(page, "representative").Change("马金花");
        Input(page, "credit-code").Change(code);
    }

    [Fact]
    public async Task AWrongCheckCharacterIsNamedInChineseAndNothingIsSaved()
    {
        var good = CreditCode.Compose('5', '1', "652722", "MJ0000042");
        var bad = good[..17] + (good[17] == 'A' ? 'B' : 'A');
        var page = RenderAs(TestUsers.Jinghe);

        Fill(page, bad);
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains($"统一社会信用代码校验码错误：第 18 位应为“{good[17]}”", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.SocialOrganizations.CountAsync());
    }

    [Fact]
    public async Task ALetterTheStandardExcludesIsNamedWithItsPosition()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Fill(page, "51652722MJ00000O2X");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("统一社会信用代码第 16 位“O”不是有效字符", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.SocialOrganizations.CountAsync());
    }

    [Fact]
    public async Task AValidCodeSavesTheOrganisationInTheClerksCounty()
    {
        var code = CreditCode.Compose('5', '1', "652722", "MJ0000042");
        var page = RenderAs(TestUsers.Jinghe);

        Fill(page, code.ToLowerInvariant());
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(1, ctx.SocialOrganizations.Count()));
        var saved = await ctx.SocialOrganizations.SingleAsync();
        Assert.Equal((code, "652722", OrganizationType.SocialGroup), (saved.CreditCode, saved.DivisionCode, saved.Type));
    }

    [Fact]
    public void ALeaderGetsAReadOnlyForm() => Assert.Empty(RenderAs(TestUsers.Leader).FindAll("[data-testid=save]"));
}
