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
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    public TestDatabase Db { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(new FixedClock(Now));
        Db.ActAs(UserContext.System);
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(Db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new ChildDisabilityDemoData(new WelfareBatchService(Db, Db, Db.Clock), Db.Clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>The demo data, computed by the real engine, shows the bureau's published figures for children and disability.</summary>
public sealed class ChildDisabilityDemoDataTests(ChildDisabilityDemoFixture fixture) : IClassFixture<ChildDisabilityDemoFixture>
{
    private readonly TestDatabase _db = fixture.Db;

    private async Task<Dictionary<string, decimal?>> ComputeAsync(Period period) =>
        (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(ChildDisabilityIndicators.All, period, "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

    [Theory]
    [InlineData(2026, 10)]
    [InlineData(2026, 11)]
    public async Task ThePrefectureShowsThePublishedFigures(int year, int month)
    {
        var results = await ComputeAsync(new Period(year, month));

        Assert.Equal(2574.00m, results["DS07"]);     // 残疾人两项补贴累计 2,574 万元
        Assert.Equal(2m, results["CW09"]);           // 新建儿童福利机构 2 个
        Assert.Equal(1130.00m, results["CW11"]);     // 投资 1,100万元+
        Assert.Equal(7m, results["CW12"]);           // 未成年人保护工作站 7 个
        Assert.Equal(1m, results["CW14"]);           // 精神卫生福利机构
        Assert.True(results["CW15"] >= 60m);         // 社区康复活动 60+
        Assert.Equal(100.0m, results["DS03"]);       // 覆盖率 100%
        Assert.Equal(100.0m, results["DS04"]);
    }

    [Fact]
    public async Task RecipientsAndChildrenAreBelievableAndMonthlyFiguresAddUp()
    {
        var results = await ComputeAsync(new Period(2026, 10));

        Assert.InRange(results["DS01"]!.Value, 340m, 360m);
        Assert.InRange(results["DS02"]!.Value, 280m, 300m);
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
        var results = await engine.ComputeAsync(ChildDisabilityIndicators.All, new Period(2026, 10), "652700");

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
        var deathMonthPaid = await ctx.WelfarePayments.CountAsync(p => p.Period == 202608 && ctx.People.Any(x => x.Id == p.PersonId && x.DateOfDeath == new DateOnly(2026, 8, 14)));

        Assert.Empty(afterDeath);
        Assert.True(deathMonthPaid >= 1);
    }
}
