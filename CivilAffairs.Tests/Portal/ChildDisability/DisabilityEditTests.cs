using Bunit;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.ChildDisability;
using CivilAffairs.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.ChildDisability;

/// <summary>The recipient form: category and grade read from the certificate, the nursing grade rule, certificate messages, read-only for leaders.</summary>
public sealed class DisabilityEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;
    private Person _person = default!;
    private int _id;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            _person = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1975, 4, 3), 21), TestIds.Today), "马建华", "652722100");
            ctx.People.Add(_person);
            await ctx.SaveChangesAsync();
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new DisabilitySubsidyService(_db, _db, _db.Clock));
        Services.AddSingleton(new PersonService(_db, _db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
        _id = await new DisabilitySubsidyService(_db.ActAs(TestUsers.Jinghe), _db, _db.Clock).SaveAsync(new DisabilityForm
        {
            PersonId = _person.Id, CertificateNumber = DisabilityCertificate.Of(_person.IdNumber, DisabilityCategory.Physical, 1),
            SubsidyType = DisabilitySubsidyType.Nursing, StartOn = new DateOnly(2026, 1, 1),
        });
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<MudSnackbarProvider>? _snackbar;

    private IRenderedComponent<DisabilityEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        _snackbar = Render<MudSnackbarProvider>();
        return Render<DisabilityEdit>(p => p.Add(c => c.Id, _id));
    }

    private static AngleSharp.Dom.IElement Certificate(IRenderedComponent<DisabilityEdit> page) =>
        page.Find("input[data-testid=certificate], [data-testid=certificate] input");

    private async Task<int> StoredGradeAsync()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return await ctx.DisabilitySubsidies.Where(s => s.Id == _id).Select(s => s.Grade).SingleAsync();
    }

    [Fact]
    public async Task AGradeThreeCertificateIsRefusedForTheNursingSubsidy()
    {
        var page = RenderAs(TestUsers.Jinghe);
        var snackbar = _snackbar!;

        Certificate(page).Change(DisabilityCertificate.Of(_person.IdNumber, DisabilityCategory.Physical, 3));
        page.WaitForAssertion(() => Assert.Contains("肢体残疾 · 三级", page.Find("[data-testid=certificate-parts]").TextContent));
        await page.Find("[data-testid=save]").ClickAsync(new());

        snackbar.WaitForAssertion(() => Assert.Contains("重度残疾人护理补贴仅限一级、二级残疾人", snackbar.Markup));
        Assert.Equal(1, await StoredGradeAsync());
    }

    [Fact]
    public async Task AGradeTwoCertificateIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Certificate(page).Change(DisabilityCertificate.Of(_person.IdNumber, DisabilityCategory.Physical, 2));
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(2, StoredGradeAsync().GetAwaiter().GetResult()));
    }

    [Fact]
    public void AWrongGradeDigitIsExplainedOnTheField()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Certificate(page).Change(_person.IdNumber + "45");

        page.WaitForAssertion(() => Assert.Contains("第 20 位（残疾等级）须为 1–4", page.Markup));
    }

    [Fact]
    public void ALeaderSeesAMaskedCertificateAndNoSaveButton()
    {
        var page = RenderAs(TestUsers.Leader);

        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.DoesNotContain(_person.IdNumber, page.Markup);
    }
}
