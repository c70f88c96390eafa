using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Indicators;

/// <summary>The demo data, computed by the real engine, shows the bureau's published figures at the last closed month, whatever the date.</summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class DemoDataFiguresTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        _db.ActAs(UserContext.System);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(_db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new ElderlyCareDemoData(new HighAgeAllowanceService(_db, _db, _db.Clock), _db.Clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ThePrefectureShowsThePublishedElderlyCareFigures()
    {
        var results = (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(ElderlyCareIndicators.All, TestClock.LastClosedMonth, "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

        Assert.Equal(61.0m, results["EC01"]);      // 护理型床位占比 61%
        Assert.Equal(73.9m, results["EC02"]);      // 17 of 23 乡镇街道 ≈ 74%
        Assert.Equal(271m, results["EC10"]);       // 老年助餐点
        Assert.Equal(17m, results["EC09"]);        // 新建改建日间照料中心
        Assert.Equal(5m, results["EC12"]);         // 医养结合机构
        Assert.Equal(9m, results["EC13"]);         // 医养结合日间照料中心
        Assert.Equal(13418.00m, results["EC14"]);  // 投资 13,418 万元
        Assert.Equal(233m, results["EC16"]);       // 适老化改造 233 户
        Assert.Equal(1701.00m, results["EC20"]);   // 高龄津贴累计 1,701 万元
        Assert.Equal(926m, results["EC22"]);       // 培训 920+ 人次 this year
    }

    [Fact]
    public async Task TheStockAndCumulativeFiguresStayTheSameInTheMonthInProgress()
    {
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var codes = new[] { "EC01", "EC02", "EC09", "EC10", "EC14", "EC16", "EC20" };
        var definitions = ElderlyCareIndicators.All.Where(d => codes.Contains(d.Code)).ToList();

        var last = (await engine.ComputeAsync(definitions, TestClock.LastClosedMonth, "652700")).ToDictionary(r => r.Definition.Code, r => r.Current.Value);
        var current = (await engine.ComputeAsync(definitions, TestClock.CurrentMonth, "652700")).ToDictionary(r => r.Definition.Code, r => r.Current.Value);

        Assert.Equal(last, current);
    }

    [Fact]
    public async Task CountyFiguresAddUpToThePrefecture()
    {
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var result = (await engine.ComputeAsync([IndicatorCatalog.Find("EC05")!], TestClock.LastClosedMonth, "652700")).Single();

        Assert.Equal(result.Current.Value, result.Breakdown.Sum(b => b.Value.Value ?? 0));
    }

    [Fact]
    public async Task TheAllowanceBatchesPaidEveryEligiblePersonOncePerMonth()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var paidMonths = await ctx.HighAgeAllowancePayments.Where(p => p.Status == PaymentStatus.Paid).Select(p => p.Period).Distinct().OrderBy(p => p).ToListAsync();
        var pendingMonths = await ctx.HighAgeAllowancePayments.Where(p => p.Status == PaymentStatus.Pending).Select(p => p.Period).Distinct().ToListAsync();
        var duplicates = await ctx.HighAgeAllowancePayments.GroupBy(p => new { p.PersonId, p.Period }).CountAsync(g => g.Count() > 1);

        // Twelve paid months up to the last closed month; the month in progress generated, not yet paid.
        Assert.Equal(Period.Range(TestClock.LastClosedMonth.AddMonths(-11), TestClock.LastClosedMonth).Select(p => p.Key), paidMonths);
        Assert.Equal([TestClock.CurrentMonth.Key], pendingMonths);
        Assert.Equal(0, duplicates);
        Assert.All(await ctx.HighAgeAllowancePayments.Select(p => p.Age).ToListAsync(), age => Assert.True(age >= 80));
    }
}
