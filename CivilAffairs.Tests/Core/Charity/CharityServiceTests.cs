using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Charity;

/// <summary>Rules of the charity records: recipients, ages of gift-package groups, one lottery row per month/county/game, scope and locks.</summary>
public sealed class CharityServiceTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private int _facilityId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var facility = new CareFacility { Name = "精河县综合社会福利院", Kind = FacilityKind.CountyWelfareInstitute, DivisionCode = "652722", OperationMode = OperationMode.PublicOperated, TotalBeds = 100 };
        ctx.CareFacilities.Add(facility);
        await ctx.SaveChangesAsync();
        _facilityId = facility.Id;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<int> PersonAsync(DateOnly birth, int seq)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var person = new Person(ResidentId.Parse(TestIds.For("652722", birth, seq), TestIds.Today), $"居民{seq}", "652722100");
        ctx.People.Add(person);
        await ctx.SaveChangesAsync();
        return person.Id;
    }

    private DonationRecordForm GoodsToTheHome(DateOnly? on = null) => new()
    {
        DonorName = "爱心企业", DonorKind = DonorKind.Enterprise, DonatedOn = on ?? new DateOnly(2026, 11, 20), Form = DonationForm.Goods, Value = 5_000m,
        Description = "棉被", RecipientKind = RecipientKind.CareFacility, CareFacilityId = _facilityId,
    };

    [Fact]
    public async Task ADonationToACareHomeTakesTheHomesDivision()
    {
        var id = await new DonationService(_db.ActAs(TestUsers.Jinghe), _db.Clock).SaveAsync(GoodsToTheHome());

        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal("652722", (await ctx.Donations.SingleAsync(d => d.Id == id)).DivisionCode);
    }

    [Fact]
    public async Task AnotherCountysClerkCannotChooseTheHome()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => new DonationService(_db.ActAs(TestUsers.Wenquan), _db.Clock).SaveAsync(GoodsToTheHome()));

        Assert.Equal("请选择受赠的养老机构（须在您的管辖范围内）。", ex.Message);
    }

    [Fact]
    public async Task GoodsNeedADescription()
    {
        var form = GoodsToTheHome();
        form.Description = " ";

        var ex = await Assert.ThrowsAsync<DomainException>(() => new DonationService(_db.ActAs(TestUsers.Jinghe), _db.Clock).SaveAsync(form));

        Assert.Equal("物资捐赠须填写物资说明。", ex.Message);
    }

    [Fact]
    public async Task ADonationInASubmittedMonthIsRefused()
    {
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.ReportSubmissions.Add(new ReportSubmission { DivisionCode = "652700", Period = 202610, Number = 1, State = SubmissionState.Submitted, SubmittedAt = DateTimeOffset.UtcNow, SubmittedBy = "stat" });
            await ctx.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<DomainException>(() => new DonationService(_db.ActAs(TestUsers.Jinghe), _db.Clock).SaveAsync(GoodsToTheHome(new DateOnly(2026, 10, 15))));
        await new DonationService(_db.ActAs(TestUsers.Jinghe), _db.Clock).SaveAsync(GoodsToTheHome(new DateOnly(2026, 11, 2)));
    }

    [Theory]
    [InlineData(2010, RecipientGroup.ChildrenInDifficulty, null)]
    [InlineData(2000, RecipientGroup.ChildrenInDifficulty, "发放时已满 18 周岁")]
    [InlineData(1950, RecipientGroup.ElderlyInDifficulty, null)]
    [InlineData(1980, RecipientGroup.ElderlyInDifficulty, "发放时未满 60 周岁")]
    public async Task AGiftPackageGroupMustFitThePersonsAge(int birthYear, RecipientGroup group, string? error)
    {
        var personId = await PersonAsync(new DateOnly(birthYear, 3, 1), 21);
        var service = new GiftPackageService(_db.ActAs(TestUsers.Jinghe), _db.Clock);
        var form = new GiftForm { PersonId = personId, Group = group, DistributedOn = new DateOnly(2026, 11, 1), Packages = 1 };

        if (error is null)
        {
            await service.SaveAsync(form);
            await using var ctx = _db.CreateDbContext(UserContext.System);
            Assert.Equal("652722100", (await ctx.GiftPackageDistributions.SingleAsync()).DivisionCode);
        }
        else
        {
            Assert.Contains(error, (await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(form))).Message);
        }
    }

    [Fact]
    public async Task LotterySalesAreOneRowPerMonthCountyAndGame()
    {
        var service = new LotterySalesService(_db.ActAs(TestUsers.Jinghe), _db.Clock);
        var form = new LotteryForm { Period = 202611, DivisionCode = "652722", Game = LotteryGame.InstantSayram, Sales = 10_000m, WelfareFund = 2_000m };
        await service.SaveAsync(form);

        var again = await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(form));
        Assert.Contains("“即开型“丝路明珠·赛里木湖””的销售数据已录入", again.Message);

        form.DivisionCode = "652722100";
        Assert.Equal("福利彩票销售按县市填报，请选择县（市）。", (await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(form))).Message);
        form.DivisionCode = "652722";
        form.Game = LotteryGame.ThreeD;
        form.WelfareFund = 20_000m;
        Assert.Equal("筹集公益金不能大于销售额。", (await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(form))).Message);
    }
}
