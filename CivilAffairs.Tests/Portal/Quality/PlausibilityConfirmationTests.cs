using Bunit;
using CivilAffairs.Core.Charity;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.Charity;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.Quality;

/// <summary>
/// Plausibility at entry, on the donation form: an unusually large donation is saved only after the user
/// confirms it, an impossible one is refused at the field, an ordinary one saves without a question.
/// </summary>
public sealed class PlausibilityConfirmationTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private int _facilityId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            var facility = new CareFacility { Name = "精河县社会福利院", Kind = FacilityKind.CountyWelfareInstitute, DivisionCode = "652722100", OperationMode = OperationMode.PublicOperated, TotalBeds = 120 };
            ctx.CareFacilities.Add(facility);
            await ctx.SaveChangesAsync();
            _facilityId = facility.Id;
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new DonationService(_db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<DonationEdit> FormWith(string value)
    {
        _db.ActAs(TestUsers.Jinghe);
        SignInAs(TestUsers.Jinghe);
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        var page = Render<DonationEdit>();
        Input(page, "donor").Change("某慈善基金会");
        Input(page, "description").Change("棉被、米面油");
        var picker = page.FindComponent<CivilAffairs.Portal.Components.Shared.LookupPicker>();
        page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(_facilityId)).GetAwaiter().GetResult();
        Input(page, "value").Change(value);
        return page;
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<DonationEdit> page, string id) =>
        page.Find($"input[data-testid={id}], [data-testid={id}] input");

    private async Task<List<decimal>> SavedAsync()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return await ctx.Donations.Select(d => d.Value).ToListAsync();
    }

    [Fact]
    public async Task AnUnusuallyLargeDonationAsksForConfirmationAndIsSavedOnlyAfterIt()
    {
        var page = FormWith("20000000");

        var cancelled = page.Find("[data-testid=save]").ClickAsync(new());
        _dialogs.WaitForAssertion(() => Assert.Contains("超过通常范围", _dialogs.Markup, StringComparison.Ordinal));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Contains("取消", StringComparison.Ordinal)).ClickAsync(new());
        await cancelled;
        Assert.Empty(await SavedAsync());

        var confirmed = page.Find("[data-testid=save]").ClickAsync(new());
        _dialogs.WaitForAssertion(() => Assert.Contains("超过通常范围", _dialogs.Markup, StringComparison.Ordinal));
        await _dialogs.FindAll("button").Single(b => b.TextContent.Contains("确认保存", StringComparison.Ordinal)).ClickAsync(new());
        await confirmed;

        page.WaitForAssertion(() => Assert.Equal([20_000_000m], SavedAsync().GetAwaiter().GetResult()), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AnImpossibleDonationIsRefusedAtTheFieldWithoutAQuestion()
    {
        var page = FormWith("1000000000000");

        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("超过上限", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("超过通常范围", _dialogs.Markup, StringComparison.Ordinal);
        Assert.Empty(await SavedAsync());
    }

    [Fact]
    public async Task AnOrdinaryDonationSavesWithoutAQuestion()
    {
        var page = FormWith("50000");

        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal([50_000m], SavedAsync().GetAwaiter().GetResult()), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("超过通常范围", _dialogs.Markup, StringComparison.Ordinal);
    }
}
