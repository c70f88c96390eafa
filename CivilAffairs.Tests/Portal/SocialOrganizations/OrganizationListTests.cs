using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Portal.Components.Pages.SocialOrganizations;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialOrganizations;

/// <summary>The organisation list (type filter from the link, current grade, scope) and a decided application's page.</summary>
public sealed class OrganizationListTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _applicationId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            var rated = new SocialOrganization
            {
                Name = "精河县书法家协会", CreditCode = CreditCode.Compose('5', '1', "652722", "MJ0000001"), Type = OrganizationType.SocialGroup,
                RegisteredOn = new DateOnly(2018, 1, 1), LegalRepresentative = "王建国", DivisionCode = "652722",
            };
            rated.Ratings.Add(new OrganizationRating { Year = 2024, Grade = 4, RatedOn = new DateOnly(2024, 10, 1), ValidUntil = new DateOnly(2029, 9, 30), DivisionCode = "652722" });
            ctx.SocialOrganizations.AddRange(
                rated,
                new SocialOrganization { Name = "精河镇第1社区志愿服务队", Type = OrganizationType.Community, RegisteredOn = new DateOnly(2025, 1, 1), LegalRepresentative = "李秀兰", DivisionCode = "652722100" },
                new SocialOrganization { Name = "温泉县围棋协会", CreditCode = CreditCode.Compose('5', '1', "652723", "MJ0000002"), Type = OrganizationType.SocialGroup, RegisteredOn = new DateOnly(2019, 1, 1), LegalRepresentative = "巴特尔", DivisionCode = "652723" });
            var application = new RegistrationApplication { Kind = ApplicationKind.Establish, SubmittedOn = new DateOnly(2026, 11, 1), Name = "精河县收藏协会", CreditCode = CreditCode.Compose('5', '1', "652722", "MJ0000003"), LegalRepresentative = "马军", DivisionCode = "652722" };
            application.Refuse(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 28), "业务范围重复");
            ctx.RegistrationApplications.Add(application);
            await ctx.SaveChangesAsync();
            _applicationId = application.Id;
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new SocialOrganizationService(_db, _db.Clock));
        Services.AddSingleton(new RegistrationApplicationService(_db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<OrganizationList> RenderList(UserContext user, string? kind = null)
    {
        _db.ActAs(user);
        SignInAs(user);
        if (kind is not null)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/orgs?kind={kind}");
        }

        Render<MudPopoverProvider>();
        return Render<OrganizationList>();
    }

    [Fact]
    public void AClerkSeesTheCountysOrganisationsWithTheirCurrentGrade()
    {
        var page = RenderList(TestUsers.Jinghe);

        page.WaitForAssertion(() => Assert.Contains("精河县书法家协会", page.Markup));
        Assert.Contains("4A", page.Markup);
        Assert.Contains("精河镇第1社区志愿服务队", page.Markup);
        Assert.DoesNotContain("温泉县围棋协会", page.Markup);
        Assert.NotEmpty(page.FindAll("[data-testid=new-record]"));
    }

    [Fact]
    public void TheTypeInTheLinkFiltersTheListAndALeaderCannotAdd()
    {
        var page = RenderList(TestUsers.Leader, nameof(OrganizationType.Community));

        page.WaitForAssertion(() => Assert.Contains("精河镇第1社区志愿服务队", page.Markup));
        Assert.DoesNotContain("精河县书法家协会", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=new-record]"));
    }

    [Fact]
    public void ARefusedApplicationShowsItsDecisionAndOffersNoApproval()
    {
        _db.ActAs(TestUsers.Jinghe);
        SignInAs(TestUsers.Jinghe);
        Render<MudPopoverProvider>();
        var page = Render<ApplicationEdit>(p => p.Add(a => a.Id, _applicationId));

        page.WaitForAssertion(() => Assert.Contains("不予登记", page.Find("[data-testid=decision]").TextContent));
        Assert.Contains("业务范围重复", page.Find("[data-testid=decision]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=approve]"));
        Assert.Empty(page.FindAll("[data-testid=save]"));
    }
}
