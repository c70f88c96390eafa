using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.ChildDisability;

/// <summary>The demo data, seeded once for the class.</summary>
public sealed class ChildDisabilityDemoFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(TestClock.Create());
        Db.ActAs(UserContext.System);
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(Db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new ChildDisabilityDemoData(new WelfareBatchService(Db, Db, Db.Clock), Db.Clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>The demo data, computed by the real engine, shows the bureau's published figures for children and disability at the last closed month, whatever the date.</summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class ChildDisabilityDemoDataTests(ChildDisabilityDemoFixture fixture) : IClassFixture<ChildDisabilityDemoFixture>
{
    private readonly TestDatabase _db = fixture.Db;

    private async Task<Dictionary<string, decimal?>> ComputeAsync(Period period) =>
        (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(ChildDisabilityIndicators.All, period, "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

    public static TheoryData<int> Months => [TestClock.LastClosedMonth.Key, TestClock.CurrentMonth.Key];

    [Theory]
    [MemberData(nameof(Months))]
    public async Task ThePrefectureShowsThePublishedFigures(int month)
    {
        var results = await ComputeAsync(Period.FromKey(month));

        Assert.Equal(2574.00m, results["DS07"]);     // 残疾人两项补贴累计 2,574 万元
        Assert.Equal(2m, results["CW09"]);           // 新建儿童福利机构 2 个
        Assert.Equal(1130.00m, results["CW11"]);     // 投资 1,100万元+
        Assert.Equal(7m, results["CW12"]);           // 未成年人保护工作站 7 个
        Assert.Equal(1m, results["CW14"]);           // 精神卫生福利机构
        // Coverage is measured against the certificate register: at most 100%, and at the report month holders
        // certified in it are still waiting for their first month.
        Assert.InRange(results["DS03"]!.Value, 95m, 100m);
        Assert.InRange(results["DS04"]!.Value, 95m, 100m);
    }

    [Fact]
    public async Task CoverageIsAMeasurementBelowFullWhereHoldersWaitAndFullWhereNoneDo()
    {
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var results = await engine.ComputeAsync(ChildDisabilityIndicators.All.Where(d => d.Code is "DS03" or "DS04").ToList(), TestClock.LastClosedMonth, "652700");
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var end = TestClock.LastClosedMonth.End;
        // Waiting at the report month: subsidies that start after it (their holders were certified in it).
        var waiting = await ctx.DisabilitySubsidies.CountAsync(s => s.StartOn > end);

        Assert.True(waiting > 0);
        foreach (var result in results)
        {
            Assert.True(result.Current.Value < 100m, $"{result.Definition.Code} {result.Current.Value}");
            Assert.All(result.Breakdown, b => Assert.True(b.Value.Value is null or <= 100m, $"{result.Definition.Code} {b.Name} {b.Value.Value}"));
            Assert.Equal(100m, result.Breakdown.Single(b => b.DivisionCode == ChildDisabilityDemoData.FullyCoveredCounty).Value.Value);
        }
    }

    [Fact]
    public async Task ThisYearsActivitiesAreReachedAtTheLastClosedMonth()
    {
        var last = await ComputeAsync(TestClock.LastClosedMonth);
        var current = await ComputeAsync(TestClock.CurrentMonth);

        Assert.Equal(60m, last["CW15"]);             // 社区康复活动 60+ by the report month
        Assert.Equal(46m, last["CW06"]);             // 福彩圆梦·孤儿助学 this year
        // The month in progress adds four sessions: to this year's, or in January to the new year's.
        Assert.Equal(TestClock.CurrentMonth.Year == TestClock.LastClosedMonth.Year ? 64m : 4m, current["CW15"]);
    }

    [Fact]
    public async Task RecipientsAndChildrenAreBelievableAndMonthlyFiguresAddUp()
    {
        var results = await ComputeAsync(TestClock.LastClosedMonth);

        Assert.InRange(results["DS01"]!.Value, 1_480m, 1_500m);   // thousands of recipients
        Assert.InRange(results["DS02"]!.Value, 1_180m, 1_200m);
        Assert.Equal(30m, results["CW01"]);
        Assert.True(results["CW02"] > 50 && results["CW03"] > 80);
        Assert.True(results["DS05"] > 0 && results["DS05"] <= results["DS06"] && results["DS06"] <= results["DS07"]);
        Assert.True(results["CW04"] > 0 && results["CW04"] <= results["CW05"]);
        Assert.Equal(46m, results["CW06"]);
    }

    [Fact]
    public async Task TheDemoDataPassesTheMonthlyReportValidation()
    {
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var results = await engine.ComputeAsync(ChildDisabilityIndicators.All, TestClock.LastClosedMonth, "652700");

        Assert.All(results, r => Assert.True(r.Current.Value is null or >= 0, r.Definition.Code));
        Assert.All(results.Where(r => r.Definition.Unit == IndicatorUnit.Percent), r => Assert.True(r.Current.Value is null or <= 100, r.Definition.Code));
        var byCode = results.ToDictionary(r => r.Definition.Code, r => r.Current.Value ?? 0);
        foreach (var (part, whole) in ReportValidation.OrderedPairs.Where(p => byCode.ContainsKey(p.Part) && byCode.ContainsKey(p.Whole)))
        {
            Assert.True(byCode[part] <= byCode[whole], $"{part} ≤ {whole}");
        }
    }

    [Fact]
    public async Task NoDemoPaymentIsForAMonthAfterTheRecipientsDeath()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var afterDeath = await new WelfarePaymentsAfterDeath().FindAsync(ctx, null, CancellationToken.None);
        // One recipient died on the 14th two months before the last closed month.
        var deathMonth = TestClock.LastClosedMonth.AddMonths(-2);
        var died = deathMonth.Start.AddDays(13);
        var deathMonthPaid = await ctx.WelfarePayments.CountAsync(p => p.Period == deathMonth.Key && ctx.People.Any(x => x.Id == p.PersonId && x.DateOfDeath == died));

        Assert.Empty(afterDeath);
        Assert.True(deathMonthPaid >= 1);
    }
}
