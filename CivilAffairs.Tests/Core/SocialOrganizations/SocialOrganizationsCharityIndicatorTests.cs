using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Tests.Support;

namespace CivilAffairs.Tests.Core.SocialOrganizations;

/// <summary>社会组织 (SO) and 慈善 (CH) indicators against small hand-made data sets, computed in SQLite.</summary>
public sealed class SocialOrganizationsCharityIndicatorTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private const string Jinghe = "652722";
    private const string Wenquan = "652723";
    private static readonly Period October = new(2026, 10);
    private TestDatabase _db = default!;
    private int _seq;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task AddAsync(params object[] records)
    {
        await using var ctx = _db.CreateDbContext(UserContext.System);
        ctx.AddRange(records);
        await ctx.SaveChangesAsync();
    }

    private async Task<Dictionary<string, decimal?>> ValuesAsync(string division = Prefecture, params string[] codes)
    {
        var definitions = codes.Select(c => IndicatorCatalog.Find(c)!).ToList();
        return (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync(definitions, October, division)).ToDictionary(r => r.Definition.Code, r => r.Current.Value);
    }

    private SocialOrganization Org(OrganizationType type, DateOnly on, string division = Jinghe, bool party = false) => new()
    {
        Name = "组织" + ++_seq, Type = type, RegisteredOn = on, LegalRepresentative = "负责人", DivisionCode = division, HasPartyOrganization = party,
        CreditCode = CreditCode.Compose('5', type == OrganizationType.Community ? '9' : (char)('0' + (int)type), division[..6], $"MJ{_seq:0000000}"),
    };

    [Fact]
    public async Task OrganisationsAreCountedByTypeAtTheMonthsEndWithCoverageRatios()
    {
        var rated = Org(OrganizationType.SocialGroup, new DateOnly(2020, 1, 1), party: true);
        var expiredRating = Org(OrganizationType.SocialGroup, new DateOnly(2020, 1, 1), Wenquan, party: true);
        var agency = Org(OrganizationType.SocialServiceAgency, new DateOnly(2026, 10, 5));
        var closed = Org(OrganizationType.SocialGroup, new DateOnly(2019, 1, 1));
        (closed.Status, closed.StatusChangedOn) = (OrganizationStatus.Deregistered, new DateOnly(2026, 9, 1));
        var closedLater = Org(OrganizationType.Foundation, new DateOnly(2018, 1, 1));
        (closedLater.Status, closedLater.StatusChangedOn) = (OrganizationStatus.Deregistered, new DateOnly(2026, 11, 2)); // still in force at October's end
        var future = Org(OrganizationType.SocialGroup, new DateOnly(2026, 11, 3));
        await AddAsync(rated, expiredRating, agency, closed, closedLater, future,
            Org(OrganizationType.Community, new DateOnly(2026, 3, 1), "652722100"), Org(OrganizationType.Community, new DateOnly(2025, 3, 1), "652723100"));
        await AddAsync(
            new OrganizationRating { OrganizationId = rated.Id, Year = 2024, Grade = 4, RatedOn = new DateOnly(2024, 10, 1), ValidUntil = new DateOnly(2029, 9, 30), DivisionCode = Jinghe },
            new OrganizationRating { OrganizationId = expiredRating.Id, Year = 2020, Grade = 5, RatedOn = new DateOnly(2020, 10, 1), ValidUntil = new DateOnly(2025, 9, 30), DivisionCode = Wenquan });

        var v = await ValuesAsync(Prefecture, "SO01", "SO02", "SO03", "SO04", "SO05", "SO06", "SO07", "SO08", "SO09", "SO10", "SO11");

        Assert.Equal(6m, v["SO01"]);     // 2 groups + agency + foundation (closed in November) + 2 community
        Assert.Equal(2m, v["SO02"]);
        Assert.Equal(1m, v["SO03"]);
        Assert.Equal(1m, v["SO04"]);
        Assert.Equal(2m, v["SO05"]);
        Assert.Equal(1m, v["SO06"]);     // the agency registered in October
        Assert.Equal(1m, v["SO07"]);
        Assert.Equal(1m, v["SO08"]);
        Assert.Equal(25.0m, v["SO09"]);  // 1 validly rated of 4 registered
        Assert.Equal(1m, v["SO10"]);
        Assert.Equal(50.0m, v["SO11"]);  // 2 with a party organisation of 4 registered
        Assert.Equal(33.3m, (await ValuesAsync(Jinghe, "SO09"))["SO09"]); // 精河县: 1 of 3 (the Wenquan group is outside)
    }

    [Fact]
    public async Task ApplicationsGiveTheOnlineShareAverageVisitsAndDays()
    {
        RegistrationApplication Decided(ApplicationChannel channel, int visits, DateOnly submitted, DateOnly decided)
        {
            var a = new RegistrationApplication
            {
                Kind = ApplicationKind.Establish, Channel = channel, Visits = visits, SubmittedOn = submitted, Name = "申请" + ++_seq, LegalRepresentative = "甲", DivisionCode = Jinghe,
                OrganizationType = OrganizationType.Community,
            };
            a.Approve(decided, decided, null);
            return a;
        }

        var apps = new[]
        {
            Decided(ApplicationChannel.Online, 0, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 11)),
            Decided(ApplicationChannel.Online, 1, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5)),
            Decided(ApplicationChannel.Window, 2, new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 7)),
            Decided(ApplicationChannel.Window, 3, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 7)), // last year
        };
        await AddAsync(apps.Select(a => (object)a.Organization!).Concat(apps).ToArray());
        await AddAsync(new RegistrationApplication { Kind = ApplicationKind.Establish, SubmittedOn = new DateOnly(2026, 10, 30), Name = "待审", LegalRepresentative = "乙", DivisionCode = Jinghe });

        var v = await ValuesAsync(Prefecture, "SO12", "SO13", "SO14", "SO15", "SO16");

        Assert.Equal(66.7m, v["SO12"]);  // 2 of 3 this year online
        Assert.Equal(1.0m, v["SO13"]);   // (0 + 1 + 2) / 3
        Assert.Equal(7m, v["SO14"]);     // (10 + 4 + 6) / 3 = 6.67 → 7
        Assert.Equal(3m, v["SO15"]);
        Assert.Equal(1m, v["SO16"]);
    }

    [Fact]
    public async Task IncubationCountsFundingOrganisationsOnceBasesAndQualityProjects()
    {
        var group = Org(OrganizationType.SocialGroup, new DateOnly(2020, 1, 1));
        var community = Org(OrganizationType.Community, new DateOnly(2020, 1, 1), "652722100");
        await AddAsync(group, community);
        var baseRecord = new IncubationBase { Name = "基地", EstablishedYear = 2020, DivisionCode = Jinghe };
        await AddAsync(baseRecord, new IncubationBase { Name = "明年的基地", EstablishedYear = 2027, DivisionCode = Jinghe }, new IncubationBase { Name = "停用", EstablishedYear = 2020, Active = false, DivisionCode = Jinghe });
        IncubationProject Project(SocialOrganization o, int year, decimal funding, bool award = false) => new()
        {
            Name = "项目" + ++_seq, OrganizationId = o.Id, OrganizationType = o.Type, Year = year, Funding = funding, QualityAward = award, BaseId = baseRecord.Id, DivisionCode = o.DivisionCode,
        };
        await AddAsync(Project(group, 2024, 10_000m, true), Project(group, 2026, 20_000m), Project(community, 2026, 5_000m, true));

        var v = await ValuesAsync(Prefecture, "SO17", "SO18", "SO19", "SO20", "SO21", "SO22", "SO23");

        Assert.Equal(2.50m, v["SO17"]);  // 万元 this year
        Assert.Equal(3.50m, v["SO18"]);
        Assert.Equal(1m, v["SO19"]);     // the group counted once for two projects
        Assert.Equal(0m, v["SO20"]);
        Assert.Equal(1m, v["SO21"]);
        Assert.Equal(1m, v["SO22"]);
        Assert.Equal(2m, v["SO23"]);
    }

    [Fact]
    public async Task ADonorGivingInTwoCountiesIsOneDonorOfThePrefectureAndOneOfEachCounty()
    {
        Donation Cash(string donor, string division, int day) => new()
        {
            DonorName = donor, DonatedOn = new DateOnly(2026, 10, day), Form = DonationForm.Cash, Value = 1_000m, RecipientKind = RecipientKind.Program, ProgramName = "助学", DivisionCode = division,
        };
        await AddAsync(Cash("甲公司", Jinghe, 3), Cash("甲公司", "652722100", 4), Cash("甲公司", Wenquan, 5), Cash("乙", Wenquan, 6), Cash("丙", Prefecture, 7));

        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var prefecture = Assert.Single(await engine.ComputeAsync([IndicatorCatalog.Find("CH06")!], October, Prefecture));
        var jinghe = Assert.Single(await engine.ComputeAsync([IndicatorCatalog.Find("CH06")!], October, Jinghe));
        var counties = prefecture.Breakdown.ToDictionary(r => r.DivisionCode, r => r.Value.Value);

        Assert.Equal(3m, prefecture.Current.Value);                 // 甲公司, 乙, 丙
        Assert.Equal(1m, counties[Jinghe]);                          // 甲公司 in the county and in one of its towns
        Assert.Equal(2m, counties[Wenquan]);                         // 甲公司, 乙
        Assert.Equal(1m, counties[Prefecture]);                      // 州直: 丙
        Assert.Equal(1m, jinghe.Current.Value);
        Assert.Equal([1m, 1m], jinghe.Breakdown.Select(r => r.Value.Value ?? 0).Where(v => v > 0));   // 县直 and the town, each 甲公司
    }

    [Fact]
    public async Task CharityFiguresCountDonationsGiftsClinicsAndLotteryForTheMonthAndYear()
    {
        var facility = new CareFacility { Name = "精河县社会福利院", Kind = FacilityKind.CountyWelfareInstitute, DivisionCode = Jinghe, OperationMode = OperationMode.PublicOperated, TotalBeds = 100 };
        await AddAsync(facility);
        var child = new Person(ResidentId.Parse(TestIds.For(Jinghe, new DateOnly(2015, 1, 1), 11), TestIds.Today), "儿童", "652722100");
        await AddAsync(child);
        await AddAsync(
            new Donation { DonorName = "甲公司", DonatedOn = new DateOnly(2026, 10, 3), Form = DonationForm.Goods, Value = 20_000m, Description = "棉被", CareFacilityId = facility.Id, DivisionCode = Jinghe },
            new Donation { DonorName = "甲公司", DonatedOn = new DateOnly(2026, 4, 3), Form = DonationForm.Cash, Value = 10_000m, RecipientKind = RecipientKind.Group, RecipientGroup = RecipientGroup.ChildrenInDifficulty, DivisionCode = Jinghe },
            new Donation { DonorName = "乙", DonatedOn = new DateOnly(2025, 12, 3), Form = DonationForm.Cash, Value = 99_000m, RecipientKind = RecipientKind.Program, ProgramName = "助学", DivisionCode = Wenquan },
            new GiftPackageDistribution { PersonId = child.Id, RecipientName = "儿童", Group = RecipientGroup.ChildrenInDifficulty, DistributedOn = new DateOnly(2026, 6, 1), Packages = 3, DivisionCode = "652722100" },
            new GiftPackageDistribution { PersonId = child.Id, RecipientName = "儿童", Group = RecipientGroup.ChildrenInDifficulty, DistributedOn = new DateOnly(2026, 10, 1), Packages = 2, DivisionCode = "652722100" },
            new FreeClinic { Organiser = "博州医学会", Place = "精河镇", HeldOn = new DateOnly(2026, 10, 9), Patients = 90, DivisionCode = Jinghe },
            new FreeClinic { Organiser = "博州蒙医药学会", Place = "托里镇", HeldOn = new DateOnly(2026, 2, 9), Patients = 60, DivisionCode = Jinghe },
            new LotterySales { Period = 202610, DivisionCode = Jinghe, Game = LotteryGame.InstantSayram, Sales = 100_000m, WelfareFund = 20_000m },
            new LotterySales { Period = 202609, DivisionCode = Jinghe, Game = LotteryGame.DoubleColorBall, Sales = 300_000m, WelfareFund = 108_000m },
            new LotterySales { Period = 202611, DivisionCode = Wenquan, Game = LotteryGame.DoubleColorBall, Sales = 50_000m, WelfareFund = 18_000m });

        var v = await ValuesAsync(Prefecture, "CH01", "CH02", "CH03", "CH04", "CH05", "CH06", "CH07", "CH08", "CH09", "CH10", "CH11", "CH12", "CH13", "CH14", "CH15", "CH16", "CH17", "CH18");

        Assert.Equal((1m, 2m), (v["CH01"], v["CH02"]));
        Assert.Equal((2.00m, 3.00m, 2.00m), (v["CH03"], v["CH04"], v["CH05"]));
        Assert.Equal(1m, v["CH06"]);     // 甲公司 gave twice
        Assert.Equal((2m, 5m, 5m, 0m), (v["CH07"], v["CH08"], v["CH09"], v["CH10"]));
        Assert.Equal((1m, 2m, 150m), (v["CH11"], v["CH12"], v["CH13"]));
        Assert.Equal((10.00m, 40.00m, 2.00m, 12.80m, 10.00m), (v["CH14"], v["CH15"], v["CH16"], v["CH17"], v["CH18"]));
    }
}
