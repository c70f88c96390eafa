using Bunit;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Portal.Components.Pages.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialAssistance;

public sealed class HouseholdEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new HouseholdService(_db, _db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Inputs(IRenderedComponent<HouseholdEdit> page, string id) =>
        page.FindAll($"input[data-testid={id}], [data-testid={id}] input");

    [Fact]
    public async Task ASecondMemberWithTheFirstMembersIdNumberIsNamedBeforeSavingAndTheFamilyStays()
    {
        _db.ActAs(TestUsers.Jinghe);
        SignInAs(TestUsers.Jinghe);
        Render<MudPopoverProvider>();
        var page = Render<HouseholdEdit>();
        var head = TestIds.For("652722", new DateOnly(1975, 4, 3), 211);

        Inputs(page, "member-id")[0].Change(head);
        Inputs(page, "member-name")[0].Change("户主甲");
        await page.Find("[data-testid=add-member]").ClickAsync(new());
        Inputs(page, "member-id")[1].Change(head.ToLowerInvariant() + " ");
        Inputs(page, "member-name")[1].Change("子女乙");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("与第 1 位成员身份证号重复", page.Markup));
        Assert.Equal(["户主甲", "子女乙"], Inputs(page, "member-name").Select(i => i.GetAttribute("value")));
        Assert.Equal(head, Inputs(page, "member-id")[1].GetAttribute("value"));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.Households.IgnoreQueryFilters().CountAsync());
    }
}
