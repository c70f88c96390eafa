using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Quality;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Portal.Components.Pages.Quality;
using CivilAffairs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.Quality;

/// <summary>The 数据质量 page: a section per check the user may see, with its count and the findings linking to their records.</summary>
public sealed class QualityPageTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _youngId;

    public async ValueTask InitializeAsync()
    {
        // Today 28 November 2026: the page opens on October, the last closed month.
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            var young = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1950, 5, 5), 311), TestIds.Today), "年轻人", "652722100");
            var old = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1930, 5, 5), 313), TestIds.Today), "老寿星", "652722100");
            ctx.People.AddRange(young, old);
            await ctx.SaveChangesAsync();
            _youngId = young.Id;
            ctx.HighAgeAllowancePayments.AddRange(
                new HighAgeAllowancePayment { PersonId = young.Id, DivisionCode = "652722100", Period = 202610, Age = 76, Amount = 150 },
                new HighAgeAllowancePayment { PersonId = old.Id, DivisionCode = "652722100", Period = 202610, Age = 96, Amount = 500 });
            await ctx.SaveChangesAsync();
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddScoped(_ => new DataQualityService(_db, _db,
        [
            new PaymentsAfterDeathCheck([new HighAgeAllowanceAfterDeathSource(), new AssistanceAfterDeathSource()]),
            new PaidNotInPaymentCheck(), new DibaoAndCentralisedCheck(), new HighAgeAllowanceUnder80Check(), new RelativeCaseWithoutFilingCheck(),
            new FilingWithoutCaseCheck(), new ZeroReportMissingCheck(), new EligibleBelowRecipientsCheck(),
            new StockJumpCheck(new IndicatorEngine(_db, _db), Microsoft.Extensions.Options.Options.Create(new DataQualityOptions())),
        ]));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<QualityPage> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return Render<QualityPage>();
    }

    [Fact]
    public async Task AFindingIsCountedAndListedWithALinkToItsRecord()
    {
        var page = RenderAs(TestUsers.Jinghe);

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=count-DQ04]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("0", page.Find("[data-testid=count-DQ02]").TextContent.Trim());
        await page.Find("[data-testid=check-DQ04] .mud-expand-panel-header").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=finding-link]")), TimeSpan.FromSeconds(10));
        var link = page.Find("[data-testid=finding-link]");
        Assert.Equal($"/people/{_youngId}", link.GetAttribute("href"));
        Assert.Contains("年轻人", link.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("老寿星", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AClerkSeesOnlyTheChecksOfTheLinesGranted()
    {
        var page = RenderAs(TestUsers.Elderly);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid^=count-]")), TimeSpan.FromSeconds(10));
        Assert.Equal(["count-DQ01", "count-DQ04", "count-DQ09"], page.FindAll("[data-testid^=count-]").Select(e => e.GetAttribute("data-testid")));
    }
}
