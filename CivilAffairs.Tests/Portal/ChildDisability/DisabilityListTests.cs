using Bunit;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components.Pages.ChildDisability;
using CivilAffairs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CivilAffairs.Tests.Portal.ChildDisability;

/// <summary>The recipients list: rows in scope with category and grade in Chinese; the payments page previews a batch.</summary>
public sealed class DisabilityListTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            var jinghe = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1975, 4, 3), 21), TestIds.Today), "马建华", "652722100");
            var wenquan = new Person(ResidentId.Parse(TestIds.For("652723", new DateOnly(1976, 4, 3), 22), TestIds.Today), "巴图明", "652723100");
            ctx.People.AddRange(jinghe, wenquan);
            ctx.WelfareStandards.Add(new WelfareStandard { Benefit = WelfareBenefit.DisabilityLiving, MonthlyAmount = 120, EffectiveFrom = 202601 });
            await ctx.SaveChangesAsync();
            foreach (var p in new[] { jinghe, wenquan })
            {
                ctx.DisabilitySubsidies.Add(new DisabilitySubsidy
                {
                    PersonId = p.Id, CertificateNumber = DisabilityCertificate.Of(p.IdNumber, DisabilityCategory.Hearing, 3), Category = DisabilityCategory.Hearing, Grade = 3,
                    SubsidyType = DisabilitySubsidyType.Living, StartOn = new DateOnly(2026, 1, 1), DivisionCode = p.DivisionCode,
                });
            }

            await ctx.SaveChangesAsync();
        }

        Services.AddSingleton<TimeProvider>(_db.Clock);
        Services.AddSingleton(new DisabilitySubsidyService(_db, _db, _db.Clock));
        Services.AddSingleton(new WelfareBatchService(_db, _db, _db.Clock));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void AJingheClerkSeesOnlyJingheRecipientsInChinese()
    {
        _db.ActAs(TestUsers.Jinghe);
        SignInAs(TestUsers.Jinghe);
        Render<MudPopoverProvider>();

        var page = Render<DisabilityList>();

        page.WaitForAssertion(() => Assert.Contains("马建华", page.Markup));
        Assert.DoesNotContain("巴图明", page.Markup);
        Assert.Contains("听力残疾", page.Markup);
        Assert.Contains("三级", page.Markup);
        Assert.Contains("困难残疾人生活补贴", page.Markup);
    }

    [Fact]
    public async Task ThePaymentsPagePreviewsAndGeneratesTheMonth()
    {
        _db.ActAs(TestUsers.Jinghe);
        SignInAs(TestUsers.Jinghe);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var page = Render<DisabilityPayments>();
        await page.Find("[data-testid=preview]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("将新生成 1 条发放记录，合计 120.00 元", page.Find("[data-testid=preview-text]").TextContent));
        await page.Find("[data-testid=commit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("马建华", page.Find("[data-testid=payments]").TextContent));
        Assert.Contains("待发放", page.Find("[data-testid=payments]").TextContent);
    }
}
