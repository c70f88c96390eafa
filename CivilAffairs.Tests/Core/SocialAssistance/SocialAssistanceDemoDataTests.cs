using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>The 社会救助 demo caseload at the pinned date: this year's payments from January to the last closed month, the current month pending.</summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class SocialAssistanceDemoDataTests() : SocialAssistanceTestBase(TestClock.Now)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var ctx = Db.CreateDbContext(UserContext.System);
        await ctx.AssistanceStandards.ExecuteDeleteAsync();
        await new SocialAssistanceDemoData(Clock, Microsoft.Extensions.Options.Options.Create(Options)).SeedAsync(ctx, CancellationToken.None);
    }

    [Fact]
    public async Task TheDemoCaseloadHasCasesAtEveryStepAndPaymentsSinceJanuary()
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        var states = await ctx.DibaoCases.GroupBy(c => c.State).Select(g => g.Key).ToListAsync();
        var months = await ctx.AssistancePayments.Select(p => p.Period).Distinct().OrderBy(p => p).ToListAsync();
        var pending = await ctx.AssistancePayments.Where(p => p.Status == PaymentStatus.Pending).Select(p => p.Period).Distinct().ToListAsync();
        var last = TestClock.LastClosedMonth;

        Assert.Equal(Enum.GetValues<CaseState>().Order(), states.Order());
        Assert.Equal(SocialAssistanceDemoData.HouseholdCount, await ctx.Households.CountAsync());
        // January to the last closed month of its year, paid, and the month in progress, pending (in January: all of last year and this January).
        Assert.Equal(Period.Range(last.YearStart, TestClock.CurrentMonth).Select(p => p.Key), months);
        Assert.Equal([TestClock.CurrentMonth.Key], pending);
        Assert.True(await ctx.DibaoCases.AllAsync(c => c.ConfirmedOn == null || c.MonthlyBenefit > 0));
        Assert.NotEmpty(await Cases(TestUsers.Admin).OverdueAsync());
    }

    [Fact]
    public async Task CountyFiguresAddUpToThePrefecture()
    {
        var engine = new IndicatorEngine(Db.ActAs(TestUsers.Leader), Db);
        var results = await engine.ComputeAsync(SocialAssistanceIndicators.All, TestClock.CurrentMonth, "652700");

        foreach (var code in new[] { "SA01", "SA02", "SA03", "SA04", "SA07", "SA08" })
        {
            var result = results.Single(r => r.Definition.Code == code);
            Assert.True(result.Current.Value > 0, code);
            Assert.Equal(result.Current.Value, result.Breakdown.Sum(b => b.Value.Value ?? 0));
        }
    }

    [Fact]
    public async Task TheCaseloadIsBelievableForAPrefectureOf490000People()
    {
        var engine = new IndicatorEngine(Db.ActAs(TestUsers.Leader), Db);
        var results = (await engine.ComputeAsync(SocialAssistanceIndicators.All, TestClock.LastClosedMonth, "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value ?? 0);

        var dibaoPersons = results["SA02"] + results["SA04"];
        var poverty = results["SA07"] + results["SA08"];
        Assert.InRange(dibaoPersons / 490_000m, 0.01m, 0.04m);              // 1–4 % of the population
        Assert.InRange(poverty / 490_000m, 0.0005m, 0.003m);
        Assert.True(results["SA03"] > results["SA01"], "more rural than urban households");
        Assert.Equal(0m, results["SA13"]);                                    // 应养尽养, as the bureau reports

        // Every month of this year up to the last closed one is paid, and they make up the year's figure.
        var sa05 = IndicatorCatalog.Find("SA05")!;
        var monthly = new List<decimal>();
        foreach (var month in Period.Range(TestClock.LastClosedMonth.YearStart, TestClock.LastClosedMonth))
        {
            monthly.Add((await engine.ComputeAsync([sa05], month, "652700")).Single().Current.Value ?? 0);
        }

        Assert.All(monthly, m => Assert.True(m > 0));
        Assert.InRange(results["SA06"], monthly.Sum() - (0.01m * monthly.Count), monthly.Sum() + (0.01m * monthly.Count));   // 万元, each rounded
    }
}
