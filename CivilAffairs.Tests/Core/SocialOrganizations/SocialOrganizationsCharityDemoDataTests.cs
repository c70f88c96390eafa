using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialOrganizations;

/// <summary>One demo database for the class: seeding it is the expensive part, and the tests only read.</summary>
public sealed class SocialOrganizationsCharityDemoDatabase : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(TestClock.Create());
        Db.ActAs(UserContext.System);
        await using var ctx = Db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(Db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new ElderlyCareDemoData(new HighAgeAllowanceService(Db, Db, Db.Clock), Db.Clock).SeedAsync(ctx, CancellationToken.None);
        await new SocialOrganizationsCharityDemoData(Db.Clock).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>The demo data shows the bureau's published 社会组织 and 慈善 figures in the report month (the last closed month), whatever the date.</summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class SocialOrganizationsCharityDemoDataTests(SocialOrganizationsCharityDemoDatabase demo) : IClassFixture<SocialOrganizationsCharityDemoDatabase>
{
    private readonly TestDatabase _db = demo.Db;

    private async Task<Dictionary<string, decimal?>> FiguresAsync(Period period) =>
        (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync([.. SocialOrganizationIndicators.All, .. CharityIndicators.All], period, "652700"))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

    [Fact]
    public async Task ThePrefectureShowsThePublishedFigures()
    {
        var v = await FiguresAsync(TestClock.LastClosedMonth);

        Assert.Equal(2_325m, v["SO05"]);       // 社区社会组织备案 2,325 个
        Assert.Equal(155.00m, v["SO18"]);      // 孵化资金 155万元
        Assert.Equal(28m, v["SO19"]);          // 社会团体 28 个
        Assert.Equal(22m, v["SO20"]);          // 社会服务机构 22 个
        Assert.Equal(80m, v["SO21"]);          // 社区社会组织 80 个
        Assert.Equal(9m, v["SO22"]);           // 孵化基地 9 个
        Assert.Equal(13m, v["SO23"]);          // 优质项目 13 个
        Assert.True(v["CH05"] >= 30m);         // 30万元+ 物资 to care homes
        Assert.Equal(31.26m, v["CH05"]);
        Assert.Equal(375m, v["CH08"]);         // 礼包 375 份
        Assert.Equal(84m, v["CH12"]);          // 义诊 80+ 场
        Assert.Equal(7_236m, v["CH13"]);       // 7,000+ 人次
        Assert.True(v["CH15"] > 0 && v["CH17"] < v["CH15"]);
        Assert.True(v["SO09"] is > 0 and <= 100);
    }

    [Fact]
    public async Task AtLeastTenDonorsGaveGoodsToCareHomes()
    {
        await using var db = _db.CreateDbContext(UserContext.System);
        var donors = await db.Donations.Where(d => d.RecipientKind == CivilAffairs.Core.Charity.RecipientKind.CareFacility).Select(d => d.DonorName).Distinct().CountAsync();

        Assert.True(donors >= 10);
    }

    [Fact]
    public async Task EveryDemoOrganisationHasAValidUniqueCreditCodeMatchingItsType()
    {
        await using var db = _db.CreateDbContext(UserContext.System);
        var organizations = await db.SocialOrganizations.Select(o => new { o.CreditCode, o.Type }).ToListAsync();

        Assert.All(organizations, o => Assert.Null(CreditCode.Validate(o.CreditCode, out _)));
        Assert.All(organizations, o => Assert.Null(CivilAffairs.Core.SocialOrganizations.SocialOrganization.TypeMismatch(o.CreditCode!, o.Type)));
        Assert.Equal(organizations.Count, organizations.Select(o => o.CreditCode).Distinct().Count());
    }

    [Fact]
    public async Task LotterySalesCoverEveryCountyMonthAndGameOfThisYearUpToTheLastClosedMonth()
    {
        await using var db = _db.CreateDbContext(UserContext.System);
        var last = TestClock.LastClosedMonth;
        var months = await db.LotterySales.Select(l => l.Period).Distinct().OrderBy(p => p).ToListAsync();
        var perMonth = await db.LotterySales.GroupBy(l => l.Period).Select(g => g.Count()).Distinct().ToListAsync();

        Assert.Equal(Period.Range(last.YearStart, last).Select(p => p.Key), months);
        Assert.Equal([4 * 5], perMonth);                   // four counties × five games
    }

    [Fact]
    public async Task TheMonthlyReportOfTheLastClosedMonthPassesValidationForBothLines()
    {
        var v = await FiguresAsync(TestClock.LastClosedMonth);
        Assert.All(v, kv => Assert.True(kv.Value is null or >= 0, kv.Key));
        Assert.All(ReportValidation.OrderedPairs.Where(p => v.ContainsKey(p.Part) && v.ContainsKey(p.Whole)), p => Assert.True(v[p.Part] <= v[p.Whole], p.Part));
        Assert.All(new[] { "SO09", "SO11", "SO12" }, c => Assert.True(v[c] <= 100m, c));
    }
}
