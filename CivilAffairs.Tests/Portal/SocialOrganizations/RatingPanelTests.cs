using Bunit;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Portal.Components.Pages.SocialOrganizations;
using CivilAffairs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialOrganizations;

/// <summary>等级评估: the grade list offers 1A to 5A, and the grade chosen is the grade recorded.</summary>
public sealed class RatingPanelTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _organizationId;

    private SocialOrganizationService Organizations => new(_db, _db.Clock);

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        _db.ActAs(TestUsers.Jinghe);
        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(Organizations);
        _organizationId = await Organizations.SaveAsync(new OrganizationForm
        {
            Name = "精河县书法家协会", CreditCode = CreditCode.Compose('5', '1', "652722", "MJ0000077"), Type = OrganizationType.SocialGroup,
            RegisteredOn = TestClock.Today.AddYears(-3), LegalRepresentative = "马金花", DivisionCode = "652722",
        });
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task TheGradeListOffersOneToFiveAAndTheChosenGradeIsRecorded()
    {
        SignInAs(TestUsers.Jinghe);
        var popovers = Render<MudPopoverProvider>();
        var panel = Render<RatingPanel>(p => p.Add(r => r.OrganizationId, _organizationId).Add(r => r.CanEdit, true));

        await panel.Find(".mud-select .mud-input-control").MouseDownAsync(new());
        var items = popovers.FindAll(".mud-list-item");
        Assert.Equal(["1A", "2A", "3A", "4A", "5A"], items.Select(i => i.TextContent.Trim()));

        await items[3].ClickAsync(new());
        await panel.Find("[data-testid=add-rating]").ClickAsync(new());

        panel.WaitForAssertion(() => Assert.Equal(4, Assert.Single(Organizations.RatingsAsync(_organizationId).GetAwaiter().GetResult()).Grade));
        Assert.Contains("4A", panel.Find("[data-testid=ratings]").TextContent);
    }
}
