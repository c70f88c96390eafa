using Bunit;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.ChildDisability;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.ChildDisability;

/// <summary>Eligible populations (the coverage denominators): edited in place, deleted after confirmation, read-only for leaders.</summary>
public sealed class EligiblePageTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await new EligiblePopulationService(_db.ActAs(TestUsers.Jinghe)).SaveAsync(new EligibleRow(0, Guid.Empty, "652722", DisabilitySubsidyType.Living, 40, 202611));
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new EligiblePopulationService(_db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<EligiblePage> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<EligiblePage>();
    }

    private async Task<List<int>> CountsAsync()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return await ctx.EligiblePopulations.Select(e => e.Count).ToListAsync();
    }

    [Fact]
    public async Task ARowIsEditedInPlace()
    {
        var page = RenderAs(TestUsers.Jinghe);

        await page.Find("[data-testid=eligible-edit]").ClickAsync(new());
        page.Find("input[data-testid=eligible-count], [data-testid=eligible-count] input").Change("45");
        await page.Find("[data-testid=eligible-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("45", page.Find("[data-testid=eligible-row]").TextContent));
        Assert.Equal([45], await CountsAsync());
    }

    [Fact]
    public async Task DeletingAsksFirstAndCancellingKeepsTheRow()
    {
        var page = RenderAs(TestUsers.Jinghe);

        var cancelled = page.Find("[data-testid=eligible-delete]").ClickAsync(new());
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("button")));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Contains("取消")).ClickAsync(new());
        await cancelled;
        Assert.Equal([40], await CountsAsync());

        var deleting = page.Find("[data-testid=eligible-delete]").ClickAsync(new());
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("button")));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Contains("删除")).ClickAsync(new());
        await deleting;

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=eligible-row]")));
        Assert.Empty(await CountsAsync());
    }

    [Fact]
    public void ALeaderSeesNoEditOrDeleteButtons()
    {
        var page = RenderAs(TestUsers.Leader);

        Assert.Single(page.FindAll("[data-testid=eligible-row]"));
        Assert.Empty(page.FindAll("[data-testid=eligible-edit]"));
        Assert.Empty(page.FindAll("[data-testid=eligible-delete]"));
        Assert.Empty(page.FindAll("[data-testid=eligible-save]"));
    }
}
