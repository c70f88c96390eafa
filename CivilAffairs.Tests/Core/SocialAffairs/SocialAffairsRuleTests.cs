using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialAffairs;

public sealed class PrefectureBoundsTests
{
    [Theory]
    [InlineData(82.07, 44.90)]   // 博乐市
    [InlineData(81.05, 44.60)]   // 赛里木湖
    [InlineData(83.7, 45.4)]     // the box's corner
    public void APointInsideThePrefectureIsAccepted(double longitude, double latitude) =>
        Assert.Null(PrefectureBounds.Check(longitude, latitude));

    [Theory]
    [InlineData(44.90, 82.07)]   // latitude and longitude swapped
    [InlineData(116.40, 39.90)]  // 北京
    [InlineData(87.62, 43.82)]   // 乌鲁木齐
    [InlineData(82.07, 0)]       // latitude left empty
    public void APointOutsideIsRefusedWithTheBoxInTheMessage(double longitude, double latitude)
    {
        var message = PrefectureBounds.Check(longitude, latitude);

        Assert.NotNull(message);
        Assert.Contains("79.9", message);
        Assert.Contains("45.4", message);
    }

    [Fact]
    public void APlaceNameOutsideTheBoxDoesNotValidate()
    {
        var place = new PlaceName { Name = "测试点", Longitude = 87.62, Latitude = 43.82, RecordedOn = TestIds.Today };

        var error = Assert.Throws<DomainException>(() => place.Validate(TestIds.Today));
        Assert.Contains("坐标不在博州范围内", error.Message);
    }

    [Fact]
    public void AnAidCityEntryNamesTheCity()
    {
        var place = new PlaceName { Name = "测试点", Longitude = 82.07, Latitude = 44.9, RecordedOn = TestIds.Today, Source = PlaceNameSource.AidCity };

        Assert.Contains("援疆城市", Assert.Throws<DomainException>(() => place.Validate(TestIds.Today)).Message);
    }
}

public sealed class DeathCaseRuleTests
{
    private static readonly DateOnly Birth = new(1940, 1, 1);

    private static DeathCase Case(DateOnly applied, DateOnly? completed, AfterDeathItems done) => new()
    {
        DateOfDeath = new DateOnly(2026, 11, 1), Applicant = "家属", AppliedOn = applied,
        Items = AfterDeathItems.HouseholdRegistration | AfterDeathItems.PensionStop, CompletedItems = done, CompletedOn = completed,
    };

    [Fact]
    public void ProcessingDaysAreTheWorkingDaysFromApplicationToCompletion()
    {
        var c = Case(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), AfterDeathItems.HouseholdRegistration | AfterDeathItems.PensionStop);

        c.Validate(Birth, TestIds.Today);

        Assert.Equal(5, c.ProcessingDays);   // Monday to the next Monday
    }

    [Fact]
    public void ACaseWithAnItemStillOpenCannotBeCompleted()
    {
        var c = Case(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), AfterDeathItems.HouseholdRegistration);

        Assert.Contains("未办结", Assert.Throws<DomainException>(() => c.Validate(Birth, TestIds.Today)).Message);
    }

    [Fact]
    public void AnOpenCaseHasNoProcessingDays()
    {
        var c = Case(new DateOnly(2026, 11, 2), null, AfterDeathItems.HouseholdRegistration);

        c.Validate(Birth, TestIds.Today);

        Assert.Null(c.ProcessingDays);
    }

    [Fact]
    public void TheApplicationCannotPrecedeTheDeath()
    {
        var c = Case(new DateOnly(2026, 10, 30), null, AfterDeathItems.None);

        Assert.Contains("申请日期不能早于死亡日期", Assert.Throws<DomainException>(() => c.Validate(Birth, TestIds.Today)).Message);
    }

    [Fact]
    public void ACompletedItemMustHaveBeenAppliedFor()
    {
        var c = Case(new DateOnly(2026, 11, 2), null, AfterDeathItems.FuneralSubsidy);

        Assert.Throws<DomainException>(() => c.Validate(Birth, TestIds.Today));
    }
}

public sealed class BurialFacilityRuleTests
{
    [Fact]
    public void ACommercialCemeteryIsNeverPublicWelfare()
    {
        var f = new BurialFacility { Name = "经营性公墓", Kind = BurialFacilityKind.CommercialCemetery, PublicWelfare = true };

        Assert.Contains("经营性公墓", Assert.Throws<DomainException>(() => f.Validate(TestIds.Today)).Message);
    }

    [Fact]
    public void APublicCemeteryIsAlwaysPublicWelfare()
    {
        var f = new BurialFacility { Name = "公墓", Kind = BurialFacilityKind.PublicCemetery, PublicWelfare = false };

        Assert.Throws<DomainException>(() => f.Validate(TestIds.Today));
    }
}

/// <summary>Services against SQLite: scope, uniqueness, the lock of submitted months is covered by IPeriodDated.</summary>
public sealed class SocialAffairsServiceTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _officeId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var office = new MarriageOffice { Name = "精河县婚姻登记处", DivisionCode = "652722" };
        ctx.MarriageOffices.Add(office);
        await ctx.SaveChangesAsync();
        _officeId = office.Id;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private MarriageFigureService Figures(UserContext user) => new(_db.ActAs(user), _db.Clock);

    [Fact]
    public async Task AnOfficeHasOneRowPerMonth()
    {
        await Figures(TestUsers.Jinghe).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202610, Marriages = 40, Divorces = 12, CrossRegion = 3 });

        var error = await Assert.ThrowsAsync<DomainException>(() => Figures(TestUsers.Jinghe).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202610, Marriages = 1 }));

        Assert.Contains("已填报", error.Message);
    }

    [Fact]
    public async Task CrossRegionCannotExceedTheRegistrations()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Figures(TestUsers.Jinghe).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202610, Marriages = 2, Divorces = 1, CrossRegion = 4 }));

        Assert.Contains("全区通办", error.Message);
    }

    [Fact]
    public async Task AnotherCountyNeitherSeesNorUsesTheOffice()
    {
        await Figures(TestUsers.Jinghe).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202610, Marriages = 40 });

        var seen = await Figures(TestUsers.Wenquan).ListAsync(new(), new PageRequest(0, 10));
        var error = await Assert.ThrowsAsync<DomainException>(() => Figures(TestUsers.Wenquan).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202609, Marriages = 1 }));

        Assert.Equal(0, seen.Total);
        Assert.Contains("登记处", error.Message);
    }

    [Fact]
    public async Task AStaleEditIsRefused()
    {
        var id = await Figures(TestUsers.Jinghe).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202610, Marriages = 40 });
        var first = (await Figures(TestUsers.Jinghe).GetAsync(id))!;
        var second = (await Figures(TestUsers.Jinghe).GetAsync(id))!;
        first.Marriages = 41;
        await Figures(TestUsers.Jinghe).SaveAsync(first);
        second.Marriages = 42;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Figures(TestUsers.Jinghe).SaveAsync(second));
    }

    [Fact]
    public async Task APlaceNameOutsideThePrefectureIsNotSaved()
    {
        var service = new PlaceNameService(_db.ActAs(TestUsers.Jinghe), _db.Clock);

        var error = await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(new PlaceNameForm
        {
            Name = "精河站", DivisionCode = "652722100", Longitude = 44.6, Latitude = 82.89, RecordedOn = TestIds.Today,
        }));

        Assert.Contains("经纬度", error.Message);
    }

    [Fact]
    public async Task TheDeathCaseIsAuditedWithThePersonsDeath()
    {
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.People.Add(new Person(ResidentId.Parse(TestIds.For("652722", new DateOnly(1938, 2, 2), 611), TestIds.Today), "张某", "652722100"));
            await ctx.SaveChangesAsync();
        }

        int personId;
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            personId = ctx.People.Single().Id;
        }

        var service = new AfterDeathService(_db.ActAs(TestUsers.Jinghe), _db, _db.Clock, Microsoft.Extensions.Options.Options.Create(new SocialAffairsOptions()), []);
        await service.SaveAsync(new DeathCaseForm
        {
            PersonId = personId, DateOfDeath = new DateOnly(2026, 11, 20), Applicant = "张家属", AppliedOn = new DateOnly(2026, 11, 23), Items = AfterDeathItems.HouseholdRegistration,
        });

        await using var check = _db.CreateDbContext(UserContext.System);
        var entities = check.AuditEntries.Select(a => a.EntityType).ToList();
        Assert.Contains(nameof(DeathCase), entities);
        Assert.Contains(nameof(Person), entities);
    }
}
