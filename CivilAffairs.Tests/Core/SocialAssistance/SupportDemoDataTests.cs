using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>The support-programme demo data, computed by the real engine, shows the published figures at the last closed month, whatever the date, and loads fast.</summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class SupportDemoDataTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        _db.ActAs(UserContext.System);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(_db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new SocialAssistanceSupportDemoData(new CareSubsidyBatchService(_db, _db, _db.Clock), _db.Clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<Dictionary<string, decimal?>> ComputeAsync(Period period) =>
        (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(SocialAssistanceSupportIndicators.All, period, "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

    [Fact]
    public async Task ThePrefectureShowsThePublishedSupportFigures()
    {
        var results = await ComputeAsync(TestClock.LastClosedMonth);

        Assert.Equal(13_497m, results["SA61"]);       // 零报告 13,497 人
        Assert.Equal(250m, results["SA62"]);          // 低收入近亲属备案 250 人
        Assert.Equal(3_186m, results["SA55"]);        // 救助点临时救助 3,000+ 人次
        Assert.True(results["SA58"] >= 1_600m);       // 安心助养累计 1,600万元+
        Assert.Equal(1_608.00m, results["SA58"]);
        Assert.True(results["SA60"] > 0 && results["SA60"] <= results["SA59"]);
    }

    [Fact]
    public async Task TheMonthInProgressShowsTheSameTotalsAndItsZeroReportsSoFar()
    {
        var results = await ComputeAsync(TestClock.CurrentMonth);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var current = TestClock.CurrentMonth;
        var workers = await ctx.AssistanceWorkers.CountAsync(w => w.Active);
        var filersNow = await ctx.RelativeFilings.Where(f => f.FiledOn >= current.Start && f.FiledOn <= current.End).Select(f => f.WorkerId).Distinct().CountAsync();

        // Every active worker but those who filed a relative this month and the 23 who have not reported yet.
        Assert.Equal(workers - filersNow - SocialAssistanceSupportDemoData.NotYetReported, results["SA61"]);
        Assert.Equal(250m + filersNow, results["SA62"]);
        Assert.Equal(3_186m, results["SA55"]);        // the points' figure is complete at the last closed month
        Assert.Equal(1_608.00m, results["SA58"]);     // this month's batch is generated, not yet paid
    }

    [Fact]
    public async Task TheNotReportedListHasOnlyTheWorkersLeftThisMonth()
    {
        var service = new ZeroReportService(_db.ActAs(TestUsers.Leader), _db, _db.Clock);

        var missing = await service.NotReportedAsync(TestClock.CurrentMonth, new SupportFilter(), new PageRequest(0, 10));

        Assert.Equal(23, missing.Total);
    }

    [Fact]
    public async Task ZeroReportsCoverTwoYearsAndEveryWorkerReportsOrFilesInEachClosedMonth()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var workers = await ctx.AssistanceWorkers.CountAsync(w => w.Active);
        foreach (var month in new[] { TestClock.LastClosedMonth.AddMonths(-23), TestClock.LastClosedMonth.AddMonths(-12), TestClock.LastClosedMonth })
        {
            var reports = await ctx.ZeroReports.CountAsync(z => z.Period == month.Key);
            var filers = await ctx.RelativeFilings.Where(f => f.FiledOn >= month.Start && f.FiledOn <= month.End).Select(f => f.WorkerId).Distinct().CountAsync();

            Assert.Equal(workers, reports + filers);
        }

        Assert.Equal(0, await ctx.ZeroReports.CountAsync(z => z.Period < TestClock.LastClosedMonth.AddMonths(-23).Key));
    }

    [Fact]
    public async Task TheSubsidyOpeningBalanceIsTheSmallerPartOfNoMoreThanTheProgrammesEarlierYears()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var opening = await ctx.OpeningBalances.Where(b => b.IndicatorCode == "SA58").SumAsync(b => b.Value);
        var monthly = await ctx.CareSubsidyPayments.Where(p => p.Period == TestClock.LastClosedMonth.Key).SumAsync(p => p.Amount);
        var months = await ctx.CareSubsidyPayments.Select(p => p.Period).Distinct().CountAsync();

        Assert.Equal(25, months);                                   // two years and the month in progress
        Assert.True(opening > 0 && opening < SocialAssistanceSupportDemoData.PublishedSubsidyTotal * 0.8m, $"opening {opening}");
        Assert.True(opening < monthly * 12 * 8, $"opening {opening} would take more than the eight years since 2017 at today's rate");
    }
}
