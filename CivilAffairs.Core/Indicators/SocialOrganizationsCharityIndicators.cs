using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;

namespace CivilAffairs.Core.Indicators;

/// <summary>社会组织 indicators (SO01–SO29).</summary>
public static class SocialOrganizationIndicators
{
    private const string Line = "/orgs";

    /// <summary>Organisations registered (or filed) by the window's end and not deregistered or revoked by then.</summary>
    private static IQueryable<SocialOrganization> InForce(CivilAffairsDbContext db, DateWindow w) =>
        db.SocialOrganizations.Where(o => o.RegisteredOn <= w.To && (o.Status == OrganizationStatus.Normal || o.StatusChangedOn > w.To));

    private static Measure OfType(string key, OrganizationType type) => Measure.Count(key, (db, w) => InForce(db, w).Where(o => o.Type == type));

    public static readonly Measure SocialGroups = OfType("so.orgs.groups", OrganizationType.SocialGroup);

    public static readonly Measure ServiceAgencies = OfType("so.orgs.agencies", OrganizationType.SocialServiceAgency);

    public static readonly Measure Foundations = OfType("so.orgs.foundations", OrganizationType.Foundation);

    public static readonly Measure CommunityOrganizations = OfType("so.orgs.community", OrganizationType.Community);

    /// <summary>Registered (not merely filed) organisations in force: the base of the coverage ratios.</summary>
    public static readonly Measure Registered = Measure.Count("so.orgs.registered", (db, w) => InForce(db, w).Where(o => o.Type != OrganizationType.Community));

    public static readonly Measure AllOrganizations = Measure.Count("so.orgs.all", (db, w) => InForce(db, w));

    public static readonly Measure NewlyRegistered =
        Measure.Rows(db => db.SocialOrganizations.Where(o => o.Type != OrganizationType.Community)).WindowOn(o => o.RegisteredOn).Count("so.orgs.newRegistered");

    public static readonly Measure NewlyFiled =
        Measure.Rows(db => db.SocialOrganizations.Where(o => o.Type == OrganizationType.Community)).WindowOn(o => o.RegisteredOn).Count("so.orgs.newFiled");

    /// <summary>Registered organisations in force holding a rating valid at the window's end.</summary>
    public static readonly Measure Rated = Measure.Count("so.orgs.rated", (db, w) =>
        InForce(db, w).Where(o => o.Type != OrganizationType.Community && o.Ratings.Any(r => r.RatedOn <= w.To && r.ValidUntil >= w.To)));

    /// <summary>In force with a current grade of 3A or better (the latest valid rating).</summary>
    public static readonly Measure RatedThreeAUp = Measure.Count("so.orgs.rated3a", (db, w) =>
        InForce(db, w).Where(o => o.Type != OrganizationType.Community
            && o.Ratings.Where(r => r.RatedOn <= w.To && r.ValidUntil >= w.To).OrderByDescending(r => r.RatedOn).Select(r => r.Grade).FirstOrDefault() >= 3));

    public static readonly Measure WithPartyOrganization = Measure.Count("so.orgs.party", (db, w) =>
        InForce(db, w).Where(o => o.Type != OrganizationType.Community && o.HasPartyOrganization));

    private static IQueryable<RegistrationApplication> Decided(CivilAffairsDbContext db) =>
        db.RegistrationApplications.Where(a => a.Status != ApplicationStatus.Pending);

    public static readonly Measure ApplicationsDecided = Measure.Rows(Decided).WindowOn(a => a.DecidedOn).Count("so.apps.decided");

    public static readonly Measure ApplicationsOnline =
        Measure.Rows(db => Decided(db).Where(a => a.Channel == ApplicationChannel.Online)).WindowOn(a => a.DecidedOn).Count("so.apps.online");

    public static readonly Measure ApplicantVisits = Measure.Rows(Decided).WindowOn(a => a.DecidedOn).Sum("so.apps.visits", a => a.Visits);

    public static readonly Measure DaysToDecision = Measure.Rows(Decided).WindowOn(a => a.DecidedOn).Sum("so.apps.days", a => a.DaysToDecision ?? 0);

    public static readonly Measure ApplicationsPending = Measure.Count("so.apps.pending", (db, w) =>
        db.RegistrationApplications.Where(a => a.SubmittedOn <= w.To && (a.DecidedOn == null || a.DecidedOn > w.To)));

    public static readonly Measure IncubationFunding =
        Measure.Rows(db => db.IncubationProjects).WindowOnYear(p => p.Year).Sum("so.incubation.funding", p => p.Funding);

    public static readonly Measure QualityProjects =
        Measure.Rows(db => db.IncubationProjects.Where(p => p.QualityAward)).WindowOnYear(p => p.Year).Count("so.incubation.quality");

    /// <summary>Organisations of a type supported by at least one project up to the window's end (each counted once).</summary>
    private static Measure Incubated(string key, OrganizationType type) => Measure.Count(key, (db, w) =>
        db.SocialOrganizations.Where(o => o.Type == type && db.IncubationProjects.Any(p => p.OrganizationId == o.Id && p.Year <= w.To.Year)));

    public static readonly Measure IncubatedGroups = Incubated("so.incubated.groups", OrganizationType.SocialGroup);

    public static readonly Measure IncubatedAgencies = Incubated("so.incubated.agencies", OrganizationType.SocialServiceAgency);

    public static readonly Measure IncubatedCommunity = Incubated("so.incubated.community", OrganizationType.Community);

    public static readonly Measure IncubationBases = Measure.Count("so.incubation.bases", (db, w) =>
        db.IncubationBases.Where(b => b.Active && b.EstablishedYear <= w.To.Year));

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("SO01", "社会组织总数", "Social organisations in force", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, AllOrganizations, RecordsPage: Line),
        new("SO02", "社会团体", "Social groups", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, SocialGroups, RecordsPage: Line + "?kind=SocialGroup"),
        new("SO03", "社会服务机构", "Social service agencies", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, ServiceAgencies, RecordsPage: Line + "?kind=SocialServiceAgency"),
        new("SO04", "基金会", "Foundations", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, Foundations, RecordsPage: Line + "?kind=Foundation"),
        new("SO05", "备案社区社会组织", "Community social organisations filed", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, CommunityOrganizations, RecordsPage: Line + "?kind=Community"),
        new("SO06", "新登记社会组织（本月）", "Organisations registered this month", IndicatorUnit.Count, IndicatorKind.Flow, ServiceLine.SocialOrganizations, NewlyRegistered, RecordsPage: Line),
        new("SO07", "新登记社会组织（本年）", "Organisations registered this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, NewlyRegistered, RecordsPage: Line),
        new("SO08", "新备案社区社会组织（本年）", "Community organisations filed this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, NewlyFiled, RecordsPage: Line + "?kind=Community"),
        new("SO09", "等级评估覆盖率", "Share of registered organisations with a valid rating", IndicatorUnit.Percent, IndicatorKind.Stock, ServiceLine.SocialOrganizations, Rated, Registered, RecordsPage: Line),
        new("SO10", "等级评估3A及以上社会组织", "Organisations rated 3A or better", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, RatedThreeAUp, RecordsPage: Line),
        new("SO11", "党组织覆盖率", "Share of registered organisations with a party organisation", IndicatorUnit.Percent, IndicatorKind.Stock, ServiceLine.SocialOrganizations, WithPartyOrganization, Registered,
            new IndicatorTarget(80m, TargetDirection.AtLeast, "社会组织党建工作要求"), RecordsPage: Line),
        new("SO12", "网上办理登记占比（本年）", "Share of registration applications decided online this year", IndicatorUnit.Percent, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, ApplicationsOnline, ApplicationsDecided,
            RecordsPage: Line + "/applications"),
        new("SO13", "登记平均跑动次数（本年）", "Average visits per registration application this year", IndicatorUnit.Times, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, ApplicantVisits, ApplicationsDecided,
            new IndicatorTarget(1m, TargetDirection.AtMost, "“只要跑一回”"), RecordsPage: Line + "/applications"),
        new("SO14", "登记平均办结天数（本年）", "Average days to decide a registration this year", IndicatorUnit.Days, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, DaysToDecision, ApplicationsDecided, RecordsPage: Line + "/applications"),
        new("SO15", "登记申请办结（本年）", "Registration applications decided this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, ApplicationsDecided, RecordsPage: Line + "/applications"),
        new("SO16", "待审批登记申请", "Registration applications pending", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, ApplicationsPending, RecordsPage: Line + "/applications?kind=Pending"),
        new("SO17", "孵化培育资金（本年）", "Incubation and venture funding this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.SocialOrganizations, IncubationFunding, RecordsPage: Line + "/incubation"),
        new("SO18", "孵化培育资金（累计）", "Incubation and venture funding, cumulative", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, ServiceLine.SocialOrganizations, IncubationFunding, RecordsPage: Line + "/incubation"),
        new("SO19", "孵化培育社会团体（累计）", "Social groups incubated, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialOrganizations, IncubatedGroups, RecordsPage: Line + "/incubation"),
        new("SO20", "孵化培育社会服务机构（累计）", "Social service agencies incubated, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialOrganizations, IncubatedAgencies, RecordsPage: Line + "/incubation"),
        new("SO21", "培育壮大社区社会组织（累计）", "Community organisations strengthened, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialOrganizations, IncubatedCommunity, RecordsPage: Line + "/incubation"),
        new("SO22", "社会组织孵化基地", "Incubation bases", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialOrganizations, IncubationBases, RecordsPage: Line + "/bases"),
        new("SO23", "优质公益项目（累计）", "Quality projects awarded, cumulative", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.SocialOrganizations, QualityProjects, RecordsPage: Line + "/incubation?kind=Quality"),
    ];
}

/// <summary>慈善事业 indicators (CH01–CH29).</summary>
public static class CharityIndicators
{
    private const string Line = "/charity";

    public static readonly Measure Donations = Measure.Rows(db => db.Donations).WindowOn(d => d.DonatedOn).Count("ch.donations.count");

    public static readonly Measure DonationValue = Measure.Rows(db => db.Donations).WindowOn(d => d.DonatedOn).Sum("ch.donations.value", d => d.Value);

    public static readonly Measure GoodsToCareHomes =
        Measure.Rows(db => db.Donations.Where(d => d.Form == DonationForm.Goods && d.RecipientKind == RecipientKind.CareFacility))
            .WindowOn(d => d.DonatedOn).Sum("ch.donations.goodsToCareHomes", d => d.Value);

    /// <summary>Distinct donor names in the window: a donor giving in two divisions counts in each and once in the county or prefecture above both.</summary>
    public static readonly Measure Donors = Measure.DistinctCount("ch.donations.donors", (db, w) =>
    {
        var from = w.From ?? DateOnly.MinValue;
        return db.Donations.Where(d => d.DonatedOn >= from && d.DonatedOn <= w.To).Select(d => new DivisionKey(d.DivisionCode, d.DonorName));
    });

    public static readonly Measure GiftPackages = Measure.Rows(db => db.GiftPackageDistributions).WindowOn(g => g.DistributedOn).Sum("ch.gifts.packages", g => g.Packages);

    public static readonly Measure GiftPackagesChildren =
        Measure.Rows(db => db.GiftPackageDistributions.Where(g => g.Group == RecipientGroup.ChildrenInDifficulty)).WindowOn(g => g.DistributedOn).Sum("ch.gifts.children", g => g.Packages);

    public static readonly Measure GiftPackagesElderly =
        Measure.Rows(db => db.GiftPackageDistributions.Where(g => g.Group == RecipientGroup.ElderlyInDifficulty)).WindowOn(g => g.DistributedOn).Sum("ch.gifts.elderly", g => g.Packages);

    public static readonly Measure ClinicSessions = Measure.Rows(db => db.FreeClinics).WindowOn(c => c.HeldOn).Count("ch.clinics.sessions");

    public static readonly Measure ClinicPatients = Measure.Rows(db => db.FreeClinics).WindowOn(c => c.HeldOn).Sum("ch.clinics.patients", c => c.Patients);

    public static readonly Measure LotterySales = Measure.Rows(db => db.LotterySales).WindowOnMonth(l => l.Period).Sum("ch.lottery.sales", l => l.Sales);

    public static readonly Measure WelfareFund = Measure.Rows(db => db.LotterySales).WindowOnMonth(l => l.Period).Sum("ch.lottery.fund", l => l.WelfareFund);

    public static readonly Measure InstantSayramSales =
        Measure.Rows(db => db.LotterySales.Where(l => l.Game == LotteryGame.InstantSayram)).WindowOnMonth(l => l.Period).Sum("ch.lottery.sayram", l => l.Sales);

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("CH01", "慈善捐赠笔数（本月）", "Donations this month", IndicatorUnit.Count, IndicatorKind.Flow, ServiceLine.Charity, Donations, RecordsPage: Line + "/donations"),
        new("CH02", "慈善捐赠笔数（本年）", "Donations this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.Charity, Donations, RecordsPage: Line + "/donations"),
        new("CH03", "慈善捐赠款物（本月）", "Donated cash and goods this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.Charity, DonationValue, RecordsPage: Line + "/donations"),
        new("CH04", "慈善捐赠款物（本年）", "Donated cash and goods this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.Charity, DonationValue, RecordsPage: Line + "/donations"),
        new("CH05", "向养老机构捐赠物资（本年）", "Goods donated to care homes this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.Charity, GoodsToCareHomes, RecordsPage: Line + "/donations?kind=CareFacility"),
        new("CH06", "捐赠单位和个人（本年）", "Donors this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.Charity, Donors, RecordsPage: Line + "/donations"),
        new("CH07", "慈善礼包发放（本月）", "Gift packages this month", IndicatorUnit.Count, IndicatorKind.Flow, ServiceLine.Charity, GiftPackages, RecordsPage: Line + "/gifts"),
        new("CH08", "慈善礼包发放（本年）", "Gift packages this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.Charity, GiftPackages, RecordsPage: Line + "/gifts"),
        new("CH09", "困境儿童礼包（本年）", "Gift packages to children in difficulty this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.Charity, GiftPackagesChildren, RecordsPage: Line + "/gifts?kind=ChildrenInDifficulty"),
        new("CH10", "特殊困难老人礼包（本年）", "Gift packages to elderly in difficulty this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.Charity, GiftPackagesElderly, RecordsPage: Line + "/gifts?kind=ElderlyInDifficulty"),
        new("CH11", "义诊场次（本月）", "Free clinics this month", IndicatorUnit.Count, IndicatorKind.Flow, ServiceLine.Charity, ClinicSessions, RecordsPage: Line + "/clinics"),
        new("CH12", "义诊场次（本年）", "Free clinics this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.Charity, ClinicSessions, RecordsPage: Line + "/clinics"),
        new("CH13", "义诊服务人次（本年）", "Patients seen at free clinics this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, ServiceLine.Charity, ClinicPatients, RecordsPage: Line + "/clinics"),
        new("CH14", "福利彩票销售额（本月）", "Welfare lottery sales this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.Charity, LotterySales, RecordsPage: Line + "/lottery"),
        new("CH15", "福利彩票销售额（本年）", "Welfare lottery sales this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.Charity, LotterySales, RecordsPage: Line + "/lottery"),
        new("CH16", "筹集公益金（本月）", "Public-welfare fund raised this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.Charity, WelfareFund, RecordsPage: Line + "/lottery"),
        new("CH17", "筹集公益金（本年）", "Public-welfare fund raised this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.Charity, WelfareFund, RecordsPage: Line + "/lottery"),
        new("CH18", "即开型“丝路明珠·赛里木湖”销售额（本年）", "Instant game 丝路明珠·赛里木湖 sales this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.Charity, InstantSayramSales,
            RecordsPage: Line + "/lottery?kind=InstantSayram"),
    ];
}
