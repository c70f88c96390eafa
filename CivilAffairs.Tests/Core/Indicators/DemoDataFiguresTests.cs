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

        // Two years of paid months up to the last closed month; the month in progress generated, not yet paid.
        Assert.Equal(Period.Range(TestClock.LastClosedMonth.AddMonths(-23), TestClock.LastClosedMonth).Select(p => p.Key), paidMonths);
        Assert.Equal([TestClock.CurrentMonth.Key], pendingMonths);
        Assert.Equal(0, duplicates);
        Assert.All(await ctx.HighAgeAllowancePayments.Select(p => p.Age).ToListAsync(), age => Assert.True(age >= 80));
    }

    [Fact]
    public async Task TheRegisterHasThePrefecturesScaleAndEveryEligiblePersonIsPaidEachMonth()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var last = TestClock.LastClosedMonth;
        var eightyBy = last.End.AddYears(-80);
        var eligible = await ctx.People.CountAsync(p => p.BirthDate <= eightyBy && (p.DateOfDeath == null || p.DateOfDeath >= last.Start));
        var paid = await ctx.HighAgeAllowancePayments.CountAsync(p => p.Period == last.Key && p.Status == PaymentStatus.Paid);
        var enrolled = await ctx.ElderlyPersons.CountAsync();

        Assert.InRange(eligible, 4_500, 5_500);        // about 1 % of 490,000 people are 80 or older
        Assert.Equal(eligible, paid);
        Assert.True(enrolled > 9_000, $"{enrolled} registered elderly");
    }

    [Fact]
    public async Task EveryAdaptationIsADifferentHousehold()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var adaptations = await ctx.HomeAdaptations.Select(a => a.PersonId).ToListAsync();

        Assert.Equal(adaptations.Count, adaptations.Distinct().Count());
    }

    [Fact]
    public async Task TheOpeningBalanceHoldsOnlyAMinorityOfTheCumulativeAllowance()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var opening = await ctx.OpeningBalances.Where(b => b.IndicatorCode == "EC20").SumAsync(b => b.Value);
        var monthly = await ctx.HighAgeAllowancePayments.Where(p => p.Period == TestClock.LastClosedMonth.Key).SumAsync(p => p.Amount);

        // What was paid before the two years of history: less than a year and a half at today's rate.
        Assert.True(opening > 0 && opening < ElderlyCareDemoData.PublishedAllowanceTotal / 2, $"opening {opening}");
        Assert.True(opening < monthly * 18, $"opening {opening}, monthly {monthly}");
    }

    [Fact]
    public async Task AFacilityClosedInTheMonthInProgressStillCountsAtTheLastClosedMonth()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var closedNow = await ctx.CareFacilityStatusChanges
            .Where(c => c.To == FacilityStatus.Suspended && c.EffectiveOn >= TestClock.CurrentMonth.Start)
            .Select(c => c.Facility!).SingleAsync();
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var daycare = ElderlyCareIndicators.All.Single(d => d.Code == "EC08");
        var atLast = (await engine.ComputeAsync([daycare], TestClock.LastClosedMonth, "652700")).Single().Current.Value;
        var now = (await engine.ComputeAsync([daycare], TestClock.CurrentMonth, "652700")).Single().Current.Value;
        var operatingDayCare = await ctx.CareFacilities.CountAsync(f => f.Kind == FacilityKind.CommunityDayCareCenter && f.Status == FacilityStatus.Operating);

        Assert.Equal(FacilityStatus.Suspended, closedNow.Status);
        Assert.Equal(FacilityKind.CommunityDayCareCenter, closedNow.Kind);
        Assert.Equal(operatingDayCare, now);           // today: the closed one no longer counts
        Assert.Equal(operatingDayCare + 1, atLast);    // the last closed month keeps counting it
    }

    [Fact]
    public async Task TheFacilityListBehindATileHoldsExactlyTheFacilitiesItCounts()
    {
        var service = new CareFacilityService(_db.ActAs(TestUsers.Leader), _db.Clock);
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var end = TestClock.LastClosedMonth.End;
        var cases = new (string Code, FacilityFilter Filter)[]
        {
            ("EC04", new FacilityFilter(InstitutionsOnly: true, OperatingOn: end)),
            ("EC07", new FacilityFilter(Kind: FacilityKind.TownshipCareCenter, OperatingOn: end)),
            ("EC08", new FacilityFilter(Kind: FacilityKind.CommunityDayCareCenter, OperatingOn: end)),
            ("EC10", new FacilityFilter(Kind: FacilityKind.MealServicePoint, OperatingOn: end)),
            ("EC11", new FacilityFilter(Kind: FacilityKind.RuralHappinessCourtyard, OperatingOn: end)),
            ("EC03", new FacilityFilter(OperatingOn: end)),
        };
        foreach (var (code, filter) in cases)
        {
            var tile = (await engine.ComputeAsync([IndicatorCatalog.Find(code)!], TestClock.LastClosedMonth, "652700")).Single().Current.Value;
            var list = await service.ListAsync(filter, new PageRequest(0, 10));

            Assert.True(tile == list.Total, $"{code}: tile {tile}, list {list.Total}");
        }

        var unfiltered = await service.ListAsync(new FacilityFilter(Kind: FacilityKind.MealServicePoint), new PageRequest(0, 10));
        Assert.Equal(ElderlyCareDemoData.MealPoints, unfiltered.Total);   // two of them closed this year
    }
}
