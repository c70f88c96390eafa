using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.SocialAffairs;

/// <summary>The 社会事务 indicators computed by the real engine over records made by hand.</summary>
public sealed class SocialAffairsIndicatorTests : IAsyncLifetime
{
    private static readonly Period October = new(2026, 10);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var office = new MarriageOffice { Name = "精河县婚姻登记处", DivisionCode = "652722" };
        var lake = new MarriageOffice { Name = "赛里木湖景区婚姻登记处", DivisionCode = "652701", ScenicArea = true };
        ctx.MarriageMonthlyFigures.AddRange(
            new MarriageMonthlyFigure { Office = office, DivisionCode = "652722", Period = 202609, Marriages = 8, Divorces = 2, CrossRegion = 1 },
            new MarriageMonthlyFigure { Office = office, DivisionCode = "652722", Period = 202610, Marriages = 10, Divorces = 4, CrossRegion = 2 },
            new MarriageMonthlyFigure { Office = lake, DivisionCode = "652701", Period = 202610, Marriages = 30, Divorces = 0, CrossRegion = 20 },
            new MarriageMonthlyFigure { Office = lake, DivisionCode = "652701", Period = 202510, Marriages = 99, Divorces = 0, CrossRegion = 0 });
        ctx.CollectiveWeddings.AddRange(
            new CollectiveWedding { HeldOn = new DateOnly(2026, 8, 19), Place = "赛里木湖", Couples = 52, DivisionCode = "652701" },
            new CollectiveWedding { HeldOn = new DateOnly(2025, 8, 29), Place = "赛里木湖", Couples = 36, DivisionCode = "652701" });
        ctx.BurialFacilities.AddRange(
            new BurialFacility { Name = "博乐公墓", DivisionCode = "652701", Kind = BurialFacilityKind.PublicCemetery, Investment = 8_860_000m, Status = BurialFacilityStatus.InService, OpenedOn = new DateOnly(2023, 9, 1) },
            new BurialFacility { Name = "精河经营性公墓", DivisionCode = "652722", Kind = BurialFacilityKind.CommercialCemetery, PublicWelfare = false, Investment = 1_000_000m, Status = BurialFacilityStatus.InService, OpenedOn = new DateOnly(2020, 1, 1) },
            new BurialFacility { Name = "精河殡仪馆", DivisionCode = "652722", Kind = BurialFacilityKind.FuneralHome, Status = BurialFacilityStatus.InService },
            new BurialFacility { Name = "温泉公墓", DivisionCode = "652723100", Kind = BurialFacilityKind.PublicCemetery, Status = BurialFacilityStatus.UnderConstruction },
            new BurialFacility { Name = "阿拉山口骨灰堂", DivisionCode = "652702", Kind = BurialFacilityKind.Columbarium, Status = BurialFacilityStatus.InService, OpenedOn = new DateOnly(2026, 11, 5) });
        for (var i = 0; i < 3; i++)
        {
            ctx.PlaceNames.Add(new PlaceName { Name = $"本地{i}", DivisionCode = "652722100", Longitude = 82.9, Latitude = 44.6, RecordedOn = new DateOnly(2026, 3, 1) });
        }

        ctx.PlaceNames.AddRange(
            new PlaceName { Name = "援疆1", DivisionCode = "652701001", Longitude = 82.1, Latitude = 44.9, Source = PlaceNameSource.AidCity, AidCity = "湖北省", RecordedOn = new DateOnly(2026, 4, 1) },
            new PlaceName { Name = "援疆2", DivisionCode = "652701001", Longitude = 82.1, Latitude = 44.9, Source = PlaceNameSource.AidCity, AidCity = "湖北省", RecordedOn = new DateOnly(2026, 4, 1), Kind = PlaceNameKind.StandardName },
            new PlaceName { Name = "援疆3", DivisionCode = "652701001", Longitude = 82.1, Latitude = 44.9, Source = PlaceNameSource.AidCity, AidCity = "湖北省", RecordedOn = new DateOnly(2026, 11, 1) });
        var a = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1940, 1, 1), 701), TestIds.Today), "甲", "652722100");
        var b = new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1941, 1, 1), 703), TestIds.Today), "乙", "652722100");
        var c = new Person(ResidentId.Parse(TestIds.For("652701", new DateOnly(1942, 1, 1), 705), TestIds.Today), "丙", "652701001");
        ctx.People.AddRange(a, b, c);
        ctx.DeathCases.AddRange(
            new DeathCase { Person = a, DivisionCode = "652722100", DateOfDeath = new DateOnly(2026, 9, 28), Applicant = "x", AppliedOn = new DateOnly(2026, 9, 30), CompletedOn = new DateOnly(2026, 10, 7), ProcessingDays = 5, BaselineDays = 20 },
            new DeathCase { Person = b, DivisionCode = "652722100", DateOfDeath = new DateOnly(2026, 10, 10), Applicant = "x", AppliedOn = new DateOnly(2026, 10, 12), CompletedOn = new DateOnly(2026, 10, 21), ProcessingDays = 7, BaselineDays = 20 },
            new DeathCase { Person = c, DivisionCode = "652701001", DateOfDeath = new DateOnly(2026, 10, 25), Applicant = "x", AppliedOn = new DateOnly(2026, 10, 26), BaselineDays = 20 });
        await ctx.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<Dictionary<string, decimal?>> ComputeAsync(string division, Period? period = null) =>
        (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(SocialAffairsIndicators.All, period ?? October, division))
            .ToDictionary(r => r.Definition.Code, r => r.Current.Value);

    [Fact]
    public async Task MarriagesAndDivorcesAreCountedForTheMonthAndTheYear()
    {
        var r = await ComputeAsync("652700");

        Assert.Equal((40m, 48m), (r["AF01"], r["AF02"]));
        Assert.Equal((4m, 6m), (r["AF03"], r["AF04"]));
        Assert.Equal(23m, r["AF05"]);
        Assert.Equal(52m, r["AF06"]);
    }

    [Fact]
    public async Task BurialCoverageCountsCountiesWithAPublicWelfareFacilityInService()
    {
        var prefecture = await ComputeAsync("652700");
        var bole = await ComputeAsync("652701");
        var jinghe = await ComputeAsync("652722");
        var november = await ComputeAsync("652700", new Period(2026, 11));

        Assert.Equal(25.0m, prefecture["AF07"]);     // 博乐 only: a commercial cemetery, a funeral home and a site under construction do not count
        Assert.Equal(100.0m, bole["AF07"]);
        Assert.Equal(0.0m, jinghe["AF07"]);
        Assert.Equal(50.0m, november["AF07"]);       // 阿拉山口's columbarium opened in November
        Assert.Equal(986.00m, prefecture["AF08"]);   // 886 + 100 万元
    }

    [Fact]
    public async Task AfterDeathCasesShowTheAverageDaysAndTheReductionAgainstTheBaseline()
    {
        var r = await ComputeAsync("652700");

        Assert.Equal(2m, r["AF10"]);
        Assert.Equal(3m, r["AF11"]);
        Assert.Equal(6m, r["AF12"]);                 // (5 + 7) ÷ 2
        Assert.Equal(70.0m, r["AF13"]);              // (15 + 13) ÷ 40
    }

    [Fact]
    public async Task PlaceNamesAreCountedBySource()
    {
        var r = await ComputeAsync("652700");

        Assert.Equal((3m, 2m), (r["AF14"], r["AF15"]));
        Assert.Equal(4m, r["AF16"]);
    }
}

/// <summary>The demo data reproduces the published 社会事务 figures at the last closed month, whatever the date, and passes the report checks.</summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class SocialAffairsDemoDataTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(TestClock.Create());
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.People.AddRange(DemoDataSeeder.GeneratePeople(_db.Clock.Today()));
        await ctx.SaveChangesAsync();
        await new SocialAffairsDemoData(_db.Clock, Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions())).SeedAsync(ctx, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ThePrefectureShowsThePublishedFigures()
    {
        var results = await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(SocialAffairsIndicators.All, TestClock.LastClosedMonth, "652700");
        var r = results.ToDictionary(x => x.Definition.Code, x => x.Current.Value);

        Assert.Equal(100.0m, r["AF07"]);            // 县级公益性安葬(放)设施覆盖率 100%
        Assert.Equal(1_426.00m, r["AF08"]);         // 2 urban cemeteries, 1,426万元
        Assert.True(r["AF16"] >= 400m);             // 400+ POIs
        Assert.Equal(120m, r["AF15"]);              // 120 aid-city entries
        Assert.Equal(6m, r["AF17"]);                // 6 experts
        Assert.True(r["AF13"] >= 50m, $"reduction {r["AF13"]}");   // processing time cut by 50%+
        Assert.True(r["AF02"] > 0 && r["AF01"] <= r["AF02"]);
        Assert.All(results, x => Assert.True(x.Current.Value is null or >= 0, x.Definition.Code));
        Assert.All(results.Where(x => x.Definition.Unit == IndicatorUnit.Percent), x => Assert.True(x.Current.Value is null or <= 100, x.Definition.Code));
    }

    [Fact]
    public async Task EveryOfficeHasMarriageFiguresForEachMonthOfThisYearUpToTheLastClosedMonthIncludingSayramLake()
    {
        await using var ctx = _db.CreateDbContext(TestUsers.Leader);
        var last = TestClock.LastClosedMonth;
        var months = (await ctx.MarriageMonthlyFigures.Select(f => new { f.Office!.Name, f.Period }).ToListAsync())
            .GroupBy(f => f.Name).Select(g => new { g.Key, Periods = g.Select(f => f.Period).Order().ToList() }).ToList();

        Assert.Equal(5, months.Count);
        Assert.All(months, m => Assert.Equal(Period.Range(last.YearStart, last).Select(p => p.Key), m.Periods));
        Assert.Contains(months, m => m.Key.Contains("赛里木湖"));
    }

    [Fact]
    public async Task TheDemoDeathsAreNewPersonsAndEveryCaseKeepsTheRule()
    {
        await using var ctx = _db.CreateDbContext(TestUsers.Leader);

        Assert.Equal(SocialAffairsDemoData.DeathCaseCount, await ctx.People.CountAsync(p => p.DateOfDeath != null));
        Assert.Equal(0, await ctx.DeathCases.CountAsync(c => c.Person!.DateOfDeath != c.DateOfDeath));
    }
}
