using Bunit;
using CivilAffairs.Core.Charity;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.Charity;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.Charity;

/// <summary>The donation form: goods to a care home save with the home's division; missing goods and value are refused.</summary>
public sealed class DonationEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
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

    private IRenderedComponent<DonationEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return Render<DonationEdit>();
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<DonationEdit> page, string id) =>
        page.Find($"input[data-testid={id}], [data-testid={id}] input");

    /// <summary>The search-as-you-type popup is MudBlazor's; the test chooses the facility as the picker would report it.</summary>
    private async Task PickFacilityAsync(IRenderedComponent<DonationEdit> page)
    {
        var picker = page.FindComponent<CivilAffairs.Portal.Components.Shared.LookupPicker>();
        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(_facilityId));
    }

    [Fact]
    public async Task GoodsToACareHomeAreSavedInTheHomesDivision()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Input(page, "donor").Change("精河县晶鑫枸杞有限公司");
        Input(page, "value").Change("26500");
        Input(page, "description").Change("枸杞、米面油");
        await PickFacilityAsync(page);
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(1, ctx.Donations.Count()), TimeSpan.FromSeconds(5));
        var saved = await ctx.Donations.SingleAsync();
        Assert.Equal((_facilityId, "652722100", 26_500m, DonationForm.Goods), (saved.CareFacilityId, saved.DivisionCode, saved.Value, saved.Form));
    }

    [Fact]
    public async Task AGiftWithoutValueIsRefusedInChineseAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Input(page, "donor").Change("某公司");
        Input(page, "description").Change("棉被");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("捐赠价值须大于 0 元。", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.Donations.CountAsync());
    }
}
