using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.ElderlyCare;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.ElderlyCare;

public sealed class FacilityEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new CareFacilityService(_db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<FacilityEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return Render<FacilityEdit>();
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<FacilityEdit> page, string id) =>
        page.Find($"input[data-testid={id}], [data-testid={id}] input");

    [Fact]
    public async Task MoreNursingBedsThanBedsIsExplainedInChineseAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Input(page, "facility-name").Change("精河镇敬老院");
        Input(page, "total-beds").Change("10");
        Input(page, "nursing-beds").Change("12");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("护理型床位不能多于总床位", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.CareFacilities.CountAsync());
    }

    /// <summary>The field around an input (MudBlazor puts the field's message in it).</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<FacilityEdit> page, string id) =>
        Input(page, id).Closest(".mud-input-control") ?? throw new InvalidOperationException($"No field around {id}.");

    [Fact]
    public async Task NegativeBedsAreNotTurnedIntoZeroTheFieldSaysWhyAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Input(page, "facility-name").Change("精河镇敬老院");
        Input(page, "total-beds").Change("-5");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("总床位不能为负数。", Field(page, "total-beds").TextContent));
        Assert.Equal("-5", Input(page, "total-beds").GetAttribute("value"));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.CareFacilities.CountAsync());
    }

    [Fact]
    public async Task AYearOf3000IsNotTurnedInto2100TheFieldSaysWhyAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Input(page, "facility-name").Change("精河镇敬老院");
        Input(page, "investment-year").Change("3000");
        await page.Find("[data-testid=save]").ClickAsync(new());

        var last = _db.Clock.Today().Year + 1;
        page.WaitForAssertion(() => Assert.Contains($"投资年份须在 1949 年至 {last} 年之间。", Field(page, "investment-year").TextContent));
        Assert.Equal("3000", Input(page, "investment-year").GetAttribute("value"));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.CareFacilities.CountAsync());
    }

    [Fact]
    public async Task AValidFacilityIsSavedInTheClerksDivision()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Input(page, "facility-name").Change("精河县日间照料中心");
        Input(page, "total-beds").Change("20");
        Input(page, "nursing-beds").Change("5");
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(1, ctx.CareFacilities.Count()));
        var saved = await ctx.CareFacilities.SingleAsync();
        Assert.Equal(("652722", 20, 5), (saved.DivisionCode, saved.TotalBeds, saved.NursingBeds));
    }

    [Fact]
    public void ALeaderGetsAReadOnlyForm()
    {
        var page = RenderAs(TestUsers.Leader);

        Assert.Empty(page.FindAll("[data-testid=save]"));
    }
}
