using Bunit;
using CivilAffairs.Core.SocialAssistance.Import;
using CivilAffairs.Portal.Components.Pages.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialAssistance;

public sealed class HouseholdImportPageTests : PortalTestContext, IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        Services.AddSingleton(new HouseholdImportService(_db, _clock));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void AClerkGetsTheTemplateLinkAndTheUpload()
    {
        _db.ActAs(TestUsers.Jinghe);
        SignInAs(TestUsers.Jinghe);
        Render<MudPopoverProvider>();
        var page = Render<HouseholdImport>();
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == "/export/assistance/templates/households.xlsx");
        Assert.NotEmpty(page.FindAll("[data-testid=import-upload]"));
    }

    [Fact]
    public void ALeaderSeesNoUpload()
    {
        _db.ActAs(TestUsers.Leader);
        SignInAs(TestUsers.Leader);
        Render<MudPopoverProvider>();
        var page = Render<HouseholdImport>();
        Assert.Empty(page.FindAll("[data-testid=import-upload]"));
    }
}
