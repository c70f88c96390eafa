using Bunit;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Portal.Components.Pages.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialAssistance;

/// <summary>受理低保申请 from a discovery lead: the lead page offers it, the application links the lead, the lead then shows its case.</summary>
public sealed class LeadApplyPageTests : PortalTestContext, IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = default!;
    private int _leadId;
    private int _householdId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        var options = Microsoft.Extensions.Options.Options.Create(new SocialAssistanceOptions());
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new DibaoCaseService(_db, _db, _clock, options));
        Services.AddSingleton(new HouseholdService(_db, _db, _clock));
        Services.AddSingleton(new DiscoveryLeadService(_db, _clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
        _db.ActAs(TestUsers.Jinghe);
        _householdId = await new HouseholdService(_db, _db, _clock).SaveAsync(new HouseholdForm
        {
            DivisionCode = "652722100", Area = UrbanRural.Rural,
            Members = [new MemberForm { IdNumber = TestIds.For("652722", new DateOnly(1958, 3, 3), 21), Name = "吐尔逊", Relation = HouseholdRelation.Head }],
        });
        _leadId = await new DiscoveryLeadService(_db, _clock).SaveAsync(new LeadForm
        {
            Subject = "独居老人，患慢性病", DivisionCode = "652722100", FoundOn = new DateOnly(2026, 10, 26), Source = LeadSource.GridWorker,
        });
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private void As(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void APendingLeadOffersToReceiveAnApplicationOnlyToAnEditor()
    {
        As(TestUsers.Jinghe);
        var page = Render<LeadEdit>(p => p.Add(x => x.Id, _leadId));

        Assert.EndsWith($"/assistance/cases/new?lead={_leadId}", page.Find("[data-testid=lead-apply]").GetAttribute("href"));
    }

    [Fact]
    public void ALeaderSeesNoApplyButton()
    {
        As(TestUsers.Leader);
        var page = Render<LeadEdit>(p => p.Add(x => x.Id, _leadId));

        Assert.Empty(page.FindAll("[data-testid=lead-apply]"));
    }

    [Fact]
    public async Task TheApplicationOpenedFromTheLeadLinksItAndTheLeadShowsItsCase()
    {
        As(TestUsers.Jinghe);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/assistance/cases/new?lead={_leadId}&household={_householdId}");
        var apply = Render<CaseApply>();

        Assert.Contains("独居老人，患慢性病", apply.Find("[data-testid=apply-lead]").ParentElement!.ParentElement!.TextContent);
        await apply.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        apply.WaitForAssertion(() => Assert.Equal(1, ctx.DibaoCases.Count()));
        var saved = await ctx.DibaoCases.SingleAsync();
        var lead = await ctx.DiscoveryLeads.SingleAsync();
        Assert.Equal((ApplicationChannel.ActiveDiscovery, LeadOutcome.Converted, (int?)saved.Id), (saved.Channel, lead.Outcome, lead.DibaoCaseId));

        var page = Render<LeadEdit>(p => p.Add(x => x.Id, _leadId));
        Assert.EndsWith($"/assistance/cases/{saved.Id}", page.Find("[data-testid=lead-case]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=lead-apply]"));
    }
}
