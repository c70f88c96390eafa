using Bunit;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.ChildDisability;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.ChildDisability;

/// <summary>The child-in-care form: a centralised orphan shows the institution; the guardian is changed and saved; leaders read only.</summary>
public sealed class ChildEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _id;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            var child = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(2016, 4, 3), 31), TestIds.Today), "阿依古丽", "652722100");
            var home = new WelfareFacility { Name = "精河县儿童福利院", Kind = WelfareFacilityKind.ChildWelfareInstitution, DivisionCode = "652722", Capacity = 50, OpenedOn = new DateOnly(2024, 6, 1) };
            ctx.People.Add(child);
            ctx.WelfareFacilities.Add(home);
            await ctx.SaveChangesAsync();
            var record = new ChildInCare
            {
                PersonId = child.Id, Category = ChildCategory.OrphanCentralised, Institution = home, GuardianName = "精河县儿童福利院", GuardianRelation = "机构监护",
                StartOn = new DateOnly(2025, 3, 1), DivisionCode = child.DivisionCode,
            };
            ctx.ChildrenInCare.Add(record);
            await ctx.SaveChangesAsync();
            _id = record.Id;
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new ChildInCareService(_db, _db, _db.Clock));
        Services.AddSingleton(new PersonService(_db, _db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<ChildEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<ChildEdit>(p => p.Add(c => c.Id, _id));
    }

    [Fact]
    public void ACentralisedOrphanShowsTheInstitution()
    {
        var page = RenderAs(TestUsers.Jinghe);

        page.WaitForAssertion(() => Assert.Contains("所在儿童福利机构", page.Markup));
        Assert.Contains("孤儿（集中养育）", page.Markup);
    }

    [Fact]
    public async Task ANewGuardianIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        page.Find("input[data-testid=guardian], [data-testid=guardian] input").Change("马秀英");
        page.Find("input[data-testid=relation], [data-testid=relation] input").Change("外祖父母");
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal("马秀英", ctx.ChildrenInCare.AsNoTracking().Single().GuardianName));
    }

    [Fact]
    public void ALeaderGetsAReadOnlyForm()
    {
        var page = RenderAs(TestUsers.Leader);

        page.WaitForAssertion(() => Assert.Contains("孤儿（集中养育）", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=save]"));
    }
}
