using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>The 社会救助 demo caseload at the pinned date: two years of payments up to the last closed month, the current month pending.</summary>
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
    public async Task TheDemoCaseloadHasCasesAtEveryStepAndTwoYearsOfPayments()
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        var states = await ctx.DibaoCases.GroupBy(c => c.State).Select(g => g.Key).ToListAsync();
        var months = await ctx.AssistancePayments.Select(p => p.Period).Distinct().OrderBy(p => p).ToListAsync();
        var pending = await ctx.AssistancePayments.Where(p => p.Status == PaymentStatus.Pending).Select(p => p.Period).Distinct().ToListAsync();
        var last = TestClock.LastClosedMonth;

        Assert.Equal(Enum.GetValues<CaseState>().Order(), states.Order());
        Assert.Equal(SocialAssistanceDemoData.HouseholdCount, await ctx.Households.CountAsync());
        // Twenty-four months up to the last closed month, paid, and the month in progress, pending.
        Assert.Equal(Period.Range(last.AddMonths(-23), TestClock.CurrentMonth).Select(p => p.Key), months);
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

    [Fact]
    public async Task NoCaseIsPaidForAMonthInWhichItWasSuspendedOrExitedOrAfter()
    {
        await using var ctx = Db.CreateDbContext(UserContext.System);
        // The day each case stopped being in payment, read from its steps (not from the seeder).
        var stops = await ctx.CaseTransitions.Where(t => t.To == CaseState.Suspended || t.To == CaseState.Exited)
            .GroupBy(t => t.DibaoCaseId).Select(g => new { Id = g.Key, On = g.Min(t => t.On) }).ToListAsync();
        var payments = await ctx.AssistancePayments.Where(p => p.Program == AssistanceProgram.Dibao).Select(p => new { p.CaseId, p.Period }).ToListAsync();
        var byCase = stops.ToDictionary(s => s.Id, s => Period.Of(s.On).Key);

        var wrong = payments.Where(p => byCase.TryGetValue(p.CaseId, out var stopped) && p.Period >= stopped).ToList();

        Assert.NotEmpty(stops);
        Assert.Empty(wrong);
        var poverty = await ctx.ExtremePovertyCases.Where(c => c.EndedOn != null).Select(c => new { c.Id, c.EndedOn }).ToListAsync();
        var povertyPayments = await ctx.AssistancePayments.Where(p => p.Program == AssistanceProgram.ExtremePoverty).Select(p => new { p.CaseId, p.Period }).ToListAsync();
        Assert.DoesNotContain(povertyPayments, p => poverty.Any(c => c.Id == p.CaseId && p.Period >= Period.Of(c.EndedOn!.Value).Key));
    }

    [Fact]
    public async Task LastYearsSameMonthHasPaymentsSoTheYearOnYearChangeIsReal()
    {
        var engine = new IndicatorEngine(Db.ActAs(TestUsers.Leader), Db);
        var sa05 = IndicatorCatalog.Find("SA05")!;
        var lastYear = (await engine.ComputeAsync([sa05], TestClock.LastClosedMonth.AddMonths(-12), "652700")).Single().Current.Value;

        Assert.True(lastYear > 0, "the same month last year has 低保 spending");
    }

    [Fact]
    public async Task EveryCaseOfAWorkersCloseRelativeHasItsFilingAndTheFiledWorkersOweNoZeroReport()
    {
        await using (var seed = Db.CreateDbContext(UserContext.System))
        {
            await new SocialAssistanceSupportDemoData(new CareSubsidyBatchService(Db, Db, Clock), Clock).SeedAsync(seed, CancellationToken.None);
        }

        await using var ctx = Db.CreateDbContext(UserContext.System);
        var flagged = await ctx.DibaoCases.Where(c => c.CloseRelativeOfWorker).Select(c => new { c.Id, c.Household!.HeadPersonId, c.AppliedOn }).ToListAsync();
        var filings = await ctx.RelativeFilings.Select(f => new { f.RelativePersonId, f.WorkerId, f.FiledOn }).ToListAsync();
        var unfiled = flagged.Where(c => !filings.Any(f => f.RelativePersonId == c.HeadPersonId && f.FiledOn <= c.AppliedOn)).ToList();
        var last = TestClock.LastClosedMonth;
        var filedAtLast = filings.Count(f => f.FiledOn <= last.End);
        var workersFilingInLast = filings.Where(f => f.FiledOn >= last.Start && f.FiledOn <= last.End).Select(f => f.WorkerId).ToList();
        var reportedAndFiled = await ctx.ZeroReports.CountAsync(z => z.Period == last.Key && workersFilingInLast.Contains(z.WorkerId));

        Assert.True(flagged.Count > 100, $"{flagged.Count} flagged cases");
        Assert.Empty(unfiled);
        Assert.Equal(SocialAssistanceSupportDemoData.RelativesFiled, filedAtLast);
        Assert.Equal(0, reportedAndFiled);
        Assert.Equal(SocialAssistanceSupportDemoData.ZeroReportingWorkers, await ctx.ZeroReports.CountAsync(z => z.Period == last.Key));
    }
}
