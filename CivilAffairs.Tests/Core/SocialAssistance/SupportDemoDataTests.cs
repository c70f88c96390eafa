using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAssistance;

/// <summary>The support-programme demo data, computed by the real engine, shows the published figures, and loads fast.</summary>
public sealed class SupportDemoDataTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(Now));
        _db.ActAs(UserContext.System);
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(_db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new SocialAssistanceSupportDemoData(new CareSubsidyBatchService(_db, _db, _db.Clock), _db.Clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ThePrefectureShowsThePublishedSupportFigures()
    {
        var results = (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(SocialAssistanceSupportIndicators.All, new Period(2026, 11), "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

        Assert.Equal(13_497m, results["SA61"]);       // 零报告 13,497 人
        Assert.Equal(250m, results["SA62"]);          // 低收入近亲属备案 250 人
        Assert.True(results["SA55"] >= 3_000m);       // 救助点临时救助 3,000+ 人次
        Assert.True(results["SA58"] >= 1_600m);       // 安心助养累计 1,600万元+
        Assert.Equal(1_608.00m, results["SA58"]);
        Assert.True(results["SA60"] > 0 && results["SA60"] <= results["SA59"]);
    }

    [Fact]
    public async Task LastMonthTheReportShowsTheSameZeroReports()
    {
        var october = (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync([IndicatorCatalog.Find("SA61")!], new Period(2026, 10), "652700")).Single();

        Assert.Equal(13_497m, october.Current.Value);
    }

    [Fact]
    public async Task TheNotReportedListHasOnlyTheWorkersLeftThisMonth()
    {
        var service = new ZeroReportService(_db.ActAs(TestUsers.Leader), _db, _db.Clock);

        var missing = await service.NotReportedAsync(new Period(2026, 11), new SupportFilter(), new PageRequest(0, 10));

        Assert.Equal(23, missing.Total);
    }
}
