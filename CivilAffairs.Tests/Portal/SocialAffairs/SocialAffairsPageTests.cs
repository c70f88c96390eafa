using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Portal.Components.Pages.SocialAffairs;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialAffairs;

public sealed class SocialAffairsPageTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.MarriageOffices.Add(new MarriageOffice { Name = "精河县婚姻登记处", DivisionCode = "652722" });
            var person = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1938, 2, 2), 811), TestIds.Today), "李老汉", "652722100");
            ctx.People.Add(person);
            ctx.DeathCases.Add(new DeathCase
            {
                Person = person, DivisionCode = "652722100", DateOfDeath = new DateOnly(2026, 11, 2), Applicant = "李家属", AppliedOn = new DateOnly(2026, 11, 3),
                Items = AfterDeathItems.HouseholdRegistration | AfterDeathItems.PensionStop, CompletedItems = AfterDeathItems.HouseholdRegistration, BaselineDays = 20,
            });
            await ctx.SaveChangesAsync();
        }

        var options = Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions());
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new MarriageFigureService(_db, _db.Clock));
        Services.AddSingleton(new MarriageOfficeService(_db));
        Services.AddSingleton(new PlaceNameService(_db, _db.Clock));
        Services.AddSingleton(new AfterDeathService(_db, _db, _db.Clock, options, []));
        Services.AddSingleton(new PersonService(_db, _db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<T> RenderAs<T>(UserContext user, Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return parameters is null ? Render<T>() : Render<T>(parameters);
    }

    private static AngleSharp.Dom.IElement Input<T>(IRenderedComponent<T> page, string id)
        where T : Microsoft.AspNetCore.Components.IComponent => page.Find($"input[data-testid={id}], [data-testid={id}] input");

    [Fact]
    public async Task MarriageFiguresWithTooManyCrossRegionRegistrationsAreExplainedAndNotSaved()
    {
        var page = RenderAs<MarriageEdit>(TestUsers.Jinghe);

        Input(page, "marriages").Change("10");
        Input(page, "divorces").Change("2");
        Input(page, "cross-region").Change("20");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("全区通办对数不能超过结婚与离婚登记对数之和", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.MarriageMonthlyFigures.CountAsync());
    }

    [Fact]
    public async Task MarriageFiguresAreSavedForTheOfficeAndLastMonth()
    {
        var page = RenderAs<MarriageEdit>(TestUsers.Jinghe);

        Input(page, "marriages").Change("41");
        Input(page, "divorces").Change("13");
        Input(page, "cross-region").Change("3");
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(1, ctx.MarriageMonthlyFigures.Count()));
        var saved = await ctx.MarriageMonthlyFigures.SingleAsync();
        Assert.Equal((202610, 41, 13, 3, "652722"), (saved.Period, saved.Marriages, saved.Divorces, saved.CrossRegion, saved.DivisionCode));
    }

    [Fact]
    public async Task APlaceOutsideThePrefectureIsRefusedOnTheForm()
    {
        var page = RenderAs<PlaceEdit>(TestUsers.Jinghe);

        Input(page, "name").Change("精河火车站");
        Input(page, "longitude").Change("44.6");
        Input(page, "latitude").Change("82.89");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("坐标不在博州范围内", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.PlaceNames.CountAsync());
    }

    [Fact]
    public void TheDeathCaseFormShowsItsItemsAndIsReadOnlyForALeader()
    {
        int id;
        using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            id = ctx.DeathCases.Single().Id;
        }

        var page = RenderAs<AfterDeathEdit>(TestUsers.Leader, p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("户籍注销", page.Markup));
        Assert.Contains("养老金停发", page.Markup);
        Assert.Contains("自死亡次月起", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=save]"));
    }

    [Fact]
    public void TheRecoveryPageListsEverySourcesPaymentsWithTheirTotal()
    {
        Services.AddSingleton(new AfterDeathService(_db, _db, _db.Clock, Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions()),
            [new FixedSource(new PaymentAfterDeath("高龄津贴", 1, "李老汉", "652722100", new DateOnly(2026, 10, 2), 202611, 150m, "已发放")),
             new FixedSource(new PaymentAfterDeath("残疾人两项补贴", 1, "李老汉", "652722100", new DateOnly(2026, 10, 2), 202611, 90.5m, "待发放"))]));

        var page = RenderAs<RecoveryPage>(TestUsers.Jinghe);

        page.WaitForAssertion(() => Assert.Contains("共 2 笔，合计 240.50 元", page.Find("[data-testid=recovery-total]").TextContent));
        Assert.Contains("残疾人两项补贴", page.Markup);
        Assert.Contains("2026年11月", page.Markup);
    }

    private sealed class FixedSource(PaymentAfterDeath row) : IPaymentsAfterDeathSource
    {
        public ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

        public Task<IReadOnlyList<PaymentAfterDeath>> FindAsync(CivilAffairs.Core.Data.CivilAffairsDbContext db, int? personId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PaymentAfterDeath>>([row]);
    }

    [Fact]
    public void TheDeathCaseListShowsTheCaseWithItsProgressAndMasksIdNumbersForALeader()
    {
        var page = RenderAs<AfterDeathList>(TestUsers.Leader);

        page.WaitForAssertion(() => Assert.Contains("李老汉", page.Markup));
        Assert.Contains("1/2", page.Markup);
        Assert.DoesNotContain(TestIds.For("652722", new DateOnly(1938, 2, 2), 811), page.Markup);
    }
}
