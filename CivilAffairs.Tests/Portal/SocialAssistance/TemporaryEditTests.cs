using Bunit;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Portal.Components.Pages.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.SocialAssistance;

public sealed class TemporaryEditTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.AssistanceTiers.Add(new AssistanceTier { Name = "一档", MinAmount = 200, MaxAmount = 1000 });
            await ctx.SaveChangesAsync();
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new TemporaryAssistanceService(_db, _db, _db.Clock));
        Services.AddSingleton(new SupportReferenceService(_db, _db.Clock));
        Services.AddSingleton(new PersonService(_db, _db, _db.Clock));
        Services.AddSingleton(new AuditQueries(_db, _db));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<TemporaryEdit> RenderAs(UserContext user)
    {
        _db.ActAs(user);
        SignInAs(user);
        Render<MudPopoverProvider>();
        return Render<TemporaryEdit>();
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<TemporaryEdit> page, string id) =>
        page.Find($"input[data-testid={id}], [data-testid={id}] input");

    private static void Fill(IRenderedComponent<TemporaryEdit> page, string amount, string? idNumber = null)
    {
        Input(page, "recipient-name").Change("过往人员乙");
        Input(page, "origin").Change("甘肃省天水市");
        if (idNumber is not null)
        {
            Input(page, "id-number").Change(idNumber);
        }

        Input(page, "amount").Change(amount);
    }

    [Fact]
    public async Task AnAmountOutsideTheTierIsExplainedInChineseAndNothingIsSaved()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Fill(page, "5000");
        await page.Find("[data-testid=save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("金额不在“一档”的范围（200–1000 元）内", page.Markup));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(0, await ctx.TemporaryAssistances.CountAsync());
    }

    [Fact]
    public async Task APersonPassingThroughIsSavedWithoutAnIdNumber()
    {
        var page = RenderAs(TestUsers.Jinghe);

        Fill(page, "800");
        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        page.WaitForAssertion(() => Assert.Equal(1, ctx.TemporaryAssistances.Count()));
        var saved = await ctx.TemporaryAssistances.SingleAsync();
        Assert.Equal(("652722", (int?)null, (string?)null, 800m), (saved.DivisionCode, saved.PersonId, saved.IdNumber, saved.Amount));
    }

    [Fact]
    public void ALeaderGetsAReadOnlyForm()
    {
        var page = RenderAs(TestUsers.Leader);

        Assert.Empty(page.FindAll("[data-testid=save]"));
    }
}
