using CivilAffairs.Core.Charity;
using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAffairs;
using CivilAffairs.Core.SocialAssistance;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Core.Common;

/// <summary>
/// Numbers typed by a clerk, through the services: a negative count or amount, money finer than a
/// fen, a year out of range and a facility in service that opens tomorrow are refused with a message
/// naming the field, and nothing is saved — never clamped to 0 or 2100, never rounded.
/// </summary>
public sealed class NumbersAtEntryTests : IAsyncLifetime
{
    private const string Jinghe = "652722";
    private const string JingheTown = "652722100";
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly int LastYear = Today.Year + 1;
    private TestDatabase _db = default!;
    private int _officeId;
    private int _tierId;
    private int _organizationId;
    private int _personId;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset)));
        await using var ctx = _db.CreateDbContext(UserContext.System);
        var office = new MarriageOffice { Name = "精河县婚姻登记处", DivisionCode = Jinghe };
        var tier = new AssistanceTier { Name = "一档", MinAmount = 0, MaxAmount = 5000 };
        var organization = new SocialOrganization { Name = "精河县志愿者协会", Type = OrganizationType.SocialGroup, RegisteredOn = new DateOnly(2020, 1, 1), LegalRepresentative = "张三", DivisionCode = Jinghe };
        var person = new Person(ResidentId.Parse(TestIds.For(Jinghe, new DateOnly(1940, 1, 1), 11), Today), "老人甲", JingheTown);
        ctx.AddRange(office, tier, organization, person);
        await ctx.SaveChangesAsync();
        (_officeId, _tierId, _organizationId, _personId) = (office.Id, tier.Id, organization.Id, person.Id);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private TestDatabase As(UserContext user) => _db.ActAs(user);

    // ---- the forms, valid but for the value under test ----

    private Task<int> CareFacility(int totalBeds = 10, decimal investmentWan = 0, int? investmentYear = null, int? livelihoodYear = null,
        DateOnly? openedOn = null, FacilityStatus status = FacilityStatus.Operating) =>
        new CareFacilityService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new FacilityForm
        {
            Name = "精河县日间照料中心", DivisionCode = Jinghe, TotalBeds = totalBeds, InvestmentWan = investmentWan, InvestmentYear = investmentYear,
            LivelihoodProjectYear = livelihoodYear, OpenedOn = openedOn ?? Today, Status = status,
        });

    private Task<int> WelfareFacility(int capacity = 10, decimal investmentWan = 0, int? investmentYear = null, DateOnly? openedOn = null) =>
        new WelfareFacilityService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new WelfareFacilityForm
        {
            Name = "精河县未成年人保护工作站", DivisionCode = Jinghe, Capacity = capacity, InvestmentWan = investmentWan, InvestmentYear = investmentYear,
            OpenedOn = openedOn ?? Today, Status = WelfareFacilityStatus.Operating,
        });

    private Task<int> Burial(int capacity = 100, decimal investment = 0, DateOnly? openedOn = null) =>
        new BurialFacilityService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new BurialForm
        {
            Name = "精河县公益性公墓", DivisionCode = Jinghe, Capacity = capacity, Investment = investment, OpenedOn = openedOn ?? Today,
        });

    private Task<int> Lottery(decimal sales = 1000, decimal fund = 100) =>
        new LotterySalesService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new LotteryForm { Period = 202610, DivisionCode = Jinghe, Sales = sales, WelfareFund = fund });

    private Task<int> Donation(decimal value) =>
        new DonationService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new DonationRecordForm
        {
            DonorName = "爱心企业", DonatedOn = Today, Form = DonationForm.Cash, Value = value, RecipientKind = RecipientKind.Program, ProgramName = "慈善助学", DivisionCode = Jinghe,
        });

    private Task<int> Temporary(decimal amount) =>
        new TemporaryAssistanceService(As(TestUsers.Jinghe), _db, _db.Clock).SaveAsync(new TemporaryForm
        {
            RecipientName = "过往人员甲", Origin = "甘肃省天水市", TierId = _tierId, Amount = amount, GivenOn = Today, DivisionCode = JingheTown,
        });

    private Task<int> Household(decimal income) =>
        new HouseholdService(As(TestUsers.Jinghe), _db, _db.Clock).SaveAsync(new HouseholdForm
        {
            DivisionCode = JingheTown,
            Members = [new MemberForm { IdNumber = TestIds.For(Jinghe, new DateOnly(1980, 5, 5), 21), Name = "户主甲", Relation = HouseholdRelation.Head, MonthlyIncome = income }],
        });

    private Task<int> Poverty(decimal monthly) =>
        new ExtremePovertyService(As(TestUsers.Jinghe), _db, _db.Clock).SaveAsync(new ExtremePovertyForm
        {
            IdNumber = TestIds.For(Jinghe, new DateOnly(1950, 3, 3), 31), Name = "特困甲", DivisionCode = JingheTown, MonthlyAmount = monthly, StartedOn = Today,
        });

    private Task<int> Adaptation(decimal cost, decimal subsidy = 0) =>
        new HomeAdaptationService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new AdaptationForm { PersonId = _personId, Items = "扶手", Cost = cost, Subsidy = subsidy, CompletedOn = Today });

    private Task<int> Project(decimal funding = 1000, int year = 2026) =>
        new IncubationService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new ProjectForm { Name = "助老服务", OrganizationId = _organizationId, Year = year, Funding = funding });

    private Task<int> EducationAid(decimal amount = 1000, int year = 2026) =>
        new EducationAidService(As(TestUsers.Jinghe), _db, _db.Clock).SaveAsync(new EducationAidForm
        {
            PersonId = _personId, Year = year, School = "精河县第一中学", Amount = amount, GrantedOn = Today,
        });

    private Task<int> MarriageFigure(int marriages) =>
        new MarriageFigureService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new MarriageFigureForm { OfficeId = _officeId, Period = 202610, Marriages = marriages });

    private Task<int> Eligible(int count) =>
        new EligiblePopulationService(As(TestUsers.Jinghe)).SaveAsync(new EligibleRow(0, Guid.Empty, Jinghe, DisabilitySubsidyType.Living, count, 202610));

    private Task<int> Training(int participants) =>
        new CaregiverTrainingService(As(TestUsers.Jinghe)).SaveAsync(new TrainingForm { Title = "护理员培训", DivisionCode = Jinghe, HeldOn = Today, Participants = participants });

    private Task<int> Clinic(int patients) =>
        new FreeClinicService(As(TestUsers.Jinghe), _db.Clock).SaveAsync(new ClinicForm { Organiser = "州医学会", HeldOn = Today, Place = "精河镇", Patients = patients, DivisionCode = Jinghe });

    private async Task<int> Saved()
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        return await ctx.CareFacilities.CountAsync() + await ctx.WelfareFacilities.CountAsync() + await ctx.BurialFacilities.CountAsync()
            + await ctx.LotterySales.CountAsync() + await ctx.Donations.CountAsync() + await ctx.TemporaryAssistances.CountAsync()
            + await ctx.Households.CountAsync() + await ctx.ExtremePovertyCases.CountAsync() + await ctx.HomeAdaptations.CountAsync()
            + await ctx.IncubationProjects.CountAsync() + await ctx.EducationAids.CountAsync() + await ctx.MarriageMonthlyFigures.CountAsync()
            + await ctx.EligiblePopulations.CountAsync() + await ctx.CaregiverTrainings.CountAsync() + await ctx.FreeClinics.CountAsync()
            + await ctx.HighAgeAllowanceStandards.CountAsync() + await ctx.AssistanceStandards.CountAsync() + await ctx.WelfareStandards.CountAsync()
            + await ctx.CareSubsidyStandards.CountAsync();
    }

    private async Task RefusedAndNothingSaved(Func<Task> save, string message)
    {
        var before = await Saved();

        var ex = await Assert.ThrowsAsync<DomainException>(save);

        Assert.Equal(message, ex.Message);
        Assert.Equal(before, await Saved());
    }

    private Func<Task> NegativeCase(string field) => field switch
    {
        "总床位" => () => CareFacility(totalBeds: -5),
        "养老设施投资" => () => CareFacility(investmentWan: -1),
        "福彩销售额" => () => Lottery(sales: -100, fund: 0),
        "筹集公益金" => () => Lottery(fund: -1),
        "结婚登记对数" => () => MarriageFigure(-3),
        "殡葬设施容量" => () => Burial(capacity: -1),
        "殡葬设施投资" => () => Burial(investment: -1),
        "儿童福利机构床位" => () => WelfareFacility(capacity: -1),
        "应保人数" => () => Eligible(-1),
        "培训人数" => () => Training(-1),
        "义诊人次" => () => Clinic(-1),
        "改造费用" => () => Adaptation(-1),
        "孵化资助" => () => Project(funding: -1),
        "成员月收入" => () => Household(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [InlineData("总床位", "总床位不能为负数。")]
    [InlineData("养老设施投资", "投资金额不能为负数。")]
    [InlineData("福彩销售额", "销售额不能为负数。")]
    [InlineData("筹集公益金", "筹集公益金不能为负数。")]
    [InlineData("结婚登记对数", "结婚登记对数不能为负数。")]
    [InlineData("殡葬设施容量", "容量不能为负数。")]
    [InlineData("殡葬设施投资", "投资额不能为负数。")]
    [InlineData("儿童福利机构床位", "床位/容量不能为负数。")]
    [InlineData("应保人数", "应保人数不能为负数。")]
    [InlineData("培训人数", "参加人数不能为负数。")]
    [InlineData("义诊人次", "服务人次不能为负数。")]
    [InlineData("改造费用", "改造费用不能为负数。")]
    [InlineData("孵化资助", "资助金额不能为负数。")]
    [InlineData("成员月收入", "第 1 位成员的月收入不能为负数。")]
    public Task ANegativeCountOrAmountIsRefusedNamingTheFieldAndNothingIsSaved(string field, string message) =>
        RefusedAndNothingSaved(NegativeCase(field), message);

    private Func<Task> FinerThanAFenCase(string field) => field switch
    {
        "捐赠价值" => () => Donation(100.555m),
        "福彩销售额" => () => Lottery(sales: 100.555m, fund: 10),
        "筹集公益金" => () => Lottery(fund: 10.005m),
        "临时救助金额" => () => Temporary(100.555m),
        "高龄津贴标准" => () => new HighAgeAllowanceService(As(TestUsers.Admin), _db, _db.Clock).SaveStandardAsync(new StandardRow(0, Guid.Empty, 80, 89, 100.555m, 202701)),
        "低保标准" => () => new AssistanceStandardService(As(TestUsers.Admin)).SaveAsync(new AssistanceStandardRow(0, Guid.Empty, Jinghe, UrbanRural.Urban, 700.555m, new DateOnly(2027, 1, 1))),
        "两项补贴标准" => () => new WelfareBatchService(As(TestUsers.Admin), _db, _db.Clock).SaveStandardAsync(new WelfareStandardRow(0, Guid.Empty, WelfareBenefit.DisabilityLiving, 100.555m, 202701)),
        "安心助养标准" => () => new SupportReferenceService(As(TestUsers.Admin), _db.Clock).SaveSubsidyStandardAsync(new SubsidyStandardRow(0, Guid.Empty, 2027, 5280.555m)),
        "临时救助档次" => () => new SupportReferenceService(As(TestUsers.Admin), _db.Clock).SaveTierAsync(new TierRow(0, Guid.Empty, "二档", 100.555m, 2000, true)),
        "特困供养标准" => () => Poverty(900.555m),
        "成员月收入" => () => Household(100.555m),
        "改造费用" => () => Adaptation(100.555m),
        "改造补贴" => () => Adaptation(200, 100.555m),
        "孵化资助" => () => Project(funding: 100.555m),
        "孤儿助学" => () => EducationAid(amount: 100.555m),
        "殡葬设施投资" => () => Burial(investment: 100.555m),
        "养老设施投资（万元）" => () => CareFacility(investmentWan: 1.0000005m),
        "儿童福利机构投资（万元）" => () => WelfareFacility(investmentWan: 1.0000005m, investmentYear: 2026),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [InlineData("捐赠价值", "捐赠价值最多保留两位小数（分）。")]
    [InlineData("福彩销售额", "销售额最多保留两位小数（分）。")]
    [InlineData("筹集公益金", "筹集公益金最多保留两位小数（分）。")]
    [InlineData("临时救助金额", "救助金额最多保留两位小数（分）。")]
    [InlineData("高龄津贴标准", "月标准最多保留两位小数（分）。")]
    [InlineData("低保标准", "低保标准最多保留两位小数（分）。")]
    [InlineData("两项补贴标准", "月标准最多保留两位小数（分）。")]
    [InlineData("安心助养标准", "年补贴标准最多保留两位小数（分）。")]
    [InlineData("临时救助档次", "档次金额下限最多保留两位小数（分）。")]
    [InlineData("特困供养标准", "供养标准最多保留两位小数（分）。")]
    [InlineData("成员月收入", "第 1 位成员的月收入最多保留两位小数（分）。")]
    [InlineData("改造费用", "改造费用最多保留两位小数（分）。")]
    [InlineData("改造补贴", "补贴金额最多保留两位小数（分）。")]
    [InlineData("孵化资助", "资助金额最多保留两位小数（分）。")]
    [InlineData("孤儿助学", "资助金额最多保留两位小数（分）。")]
    [InlineData("殡葬设施投资", "投资额最多保留两位小数（分）。")]
    [InlineData("养老设施投资（万元）", "投资金额最多保留六位小数（万元，即精确到分）。")]
    [InlineData("儿童福利机构投资（万元）", "投资金额最多保留六位小数（万元，即精确到分）。")]
    public Task MoneyFinerThanAFenIsRefusedNotRoundedAndNothingIsSaved(string field, string message) =>
        RefusedAndNothingSaved(FinerThanAFenCase(field), message);

    [Fact]
    public async Task MoneyToTheFenIsStoredExactlyAsTyped()
    {
        var donation = await Donation(100.55m);
        var household = await Household(1234.5m);
        var facility = await CareFacility(investmentWan: 12.345678m);

        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(100.55m, (await ctx.Donations.SingleAsync(d => d.Id == donation)).Value);
        Assert.Equal(1234.5m, (await ctx.HouseholdMembers.SingleAsync(m => m.HouseholdId == household)).MonthlyIncome);
        Assert.Equal(123_456.78m, (await ctx.CareFacilities.SingleAsync(f => f.Id == facility)).Investment);
    }

    private Func<Task> YearCase(string field, int year) => field switch
    {
        "投资年份" => () => CareFacility(investmentWan: 10, investmentYear: year),
        "民生实事年份" => () => CareFacility(livelihoodYear: year),
        "投资年度" => () => WelfareFacility(investmentWan: 10, investmentYear: year),
        "资助年度" => () => EducationAid(year: year),
        "起始年度" => () => new SupportReferenceService(As(TestUsers.Admin), _db.Clock).SaveSubsidyStandardAsync(new SubsidyStandardRow(0, Guid.Empty, year, 6000)),
        "项目年度" => () => Project(year: year),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [InlineData("投资年份", 3000, Numbers.FirstYear)]
    [InlineData("投资年份", 2100, Numbers.FirstYear)]
    [InlineData("投资年份", 1900, Numbers.FirstYear)]
    [InlineData("民生实事年份", 3000, Numbers.FirstYear)]
    [InlineData("投资年度", 3000, Numbers.FirstYear)]
    [InlineData("资助年度", 3000, 2000)]
    [InlineData("起始年度", 3000, 2000)]
    public Task AYearOutOfRangeIsRefusedNotClampedAndNothingIsSaved(string field, int year, int first) =>
        RefusedAndNothingSaved(YearCase(field, year), $"{field}须在 {first} 年至 {LastYear} 年之间。");

    [Fact]
    public Task AProjectYearAfterThisYearIsRefused() =>
        RefusedAndNothingSaved(YearCase("项目年度", 3000), $"项目年度须在 2015 年至 {Today.Year} 年之间。");

    [Fact]
    public Task ACareFacilityInServiceCannotOpenTomorrow() =>
        RefusedAndNothingSaved(() => CareFacility(openedOn: Today.AddDays(1)), "运营中的设施，开业日期不能晚于今天。");

    [Fact]
    public Task AChildWelfareFacilityInServiceCannotOpenTomorrow() =>
        RefusedAndNothingSaved(() => WelfareFacility(openedOn: Today.AddDays(1)), "运营中的机构，启用日期不能晚于今天。");

    [Fact]
    public Task ABurialFacilityInServiceCannotOpenTomorrow() =>
        RefusedAndNothingSaved(() => Burial(openedOn: Today.AddDays(1)), "运营中的设施，启用日期不能晚于今天。");

    [Fact]
    public async Task AFacilityUnderConstructionMayHaveItsOpeningAhead()
    {
        var id = await CareFacility(openedOn: Today.AddMonths(3), status: FacilityStatus.UnderConstruction);

        await using var ctx = _db.CreateDbContext(UserContext.System);
        Assert.Equal(Today.AddMonths(3), (await ctx.CareFacilities.SingleAsync(f => f.Id == id)).OpenedOn);
    }
}
