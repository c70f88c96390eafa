using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Portal.Components.Pages.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialAssistance;

public sealed class CasePageTests : PortalTestContext, IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = default!;
    private int _caseId;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        var options = Microsoft.Extensions.Options.Options.Create(new SocialAssistanceOptions());
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new DibaoCaseService(_db, _db, _clock, options));
        Services.AddSingleton(new AuditQueries(_db, _db));
        _db.ActAs(TestUsers.Jinghe);
        var householdId = await new HouseholdService(_db, _db, _clock).SaveAsync(new HouseholdForm
        {
            DivisionCode = "652722100", Area = UrbanRural.Urban,
            Members = [new MemberForm { IdNumber = TestIds.For("652722", new DateOnly(1980, 5, 5), 11), Name = "艾力", Relation = HouseholdRelation.Head }],
        });
        _caseId = await new DibaoCaseService(_db, _db, _clock, options).ApplyAsync(householdId, ApplicationChannel.Online, false, new DateOnly(2026, 11, 2));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<CasePage> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<CasePage>(p => p.Add(x => x.Id, _caseId));
    }

    [Fact]
    public void TheCaseShowsItsStateHistoryAndTheAllowedSteps()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Assert.Contains("已申请", page.Find("[data-testid=case-state]").TextContent);
        Assert.Contains("受理申请", page.Find("[data-testid=case-history]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=action-StartReview]"));
        Assert.NotEmpty(page.FindAll("[data-testid=action-Refuse]"));
        Assert.Empty(page.FindAll("[data-testid=action-Confirm]"));
    }

    [Fact]
    public async Task RefusingAsksForAReasonAndRecordsIt()
    {
        var page = RenderAs(TestUsers.Jinghe);

        // The step's handler waits for the dialog, so its click completes only after the dialog closes.
        var refusing = page.Find("[data-testid=action-Refuse]").ClickAsync(new());
        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.FindAll("[data-testid=transition-ok]").SingleOrDefault()));
        Assert.True(_dialogs.Find("[data-testid=transition-ok]").HasAttribute("disabled"));
        _dialogs.Find("[data-testid=transition-comment] textarea, textarea[data-testid=transition-comment]").Change("家庭存款超过规定");
        _dialogs.WaitForAssertion(() => Assert.False(_dialogs.Find("[data-testid=transition-ok]").HasAttribute("disabled")));
        await _dialogs.Find("[data-testid=transition-ok]").ClickAsync(new());
        await refusing;

        page.WaitForAssertion(() => Assert.Contains("不予批准", page.Find("[data-testid=case-state]").TextContent));
        Assert.Contains("家庭存款超过规定", page.Find("[data-testid=case-history]").TextContent);
    }

    [Fact]
    public void ALeaderSeesTheCaseButNoSteps()
    {
        var page = RenderAs(TestUsers.Leader);

        Assert.Contains("已申请", page.Find("[data-testid=case-state]").TextContent);
        Assert.Empty(page.FindAll("[data-testid^=action-]"));
    }
}
