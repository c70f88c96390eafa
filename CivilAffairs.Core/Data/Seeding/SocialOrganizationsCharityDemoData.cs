using CivilAffairs.Core.Charity;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.SocialOrganizations;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// 社会组织 and 慈善事业 as the bureau publishes them (SERVICE-LINES.md §3–4): 2,325 community social
/// organisations filed; incubation of 155万元 reaching 28 social groups, 22 social service agencies and 80
/// community organisations, with 9 bases and 13 quality projects; 12 donors giving 30万元+ of goods to care
/// homes; 375 gift packages; 84 free clinics with 7,236 patients; and welfare-lottery sales for every
/// county and month of this year up to the report month. The report month is the clock's last closed month
/// and "this year" its year (<see cref="DemoCalendar"/>): the figures are reached there whatever the date;
/// the current month holds three pending applications. Every organisation has a valid credit code.
/// Deterministic; runs only when there are no organisations.
/// </summary>
public sealed class SocialOrganizationsCharityDemoData(TimeProvider clock)
{
    public const int CommunityOrganizations = 2_325;
    public const int SocialGroups = 412;
    public const int ServiceAgencies = 236;
    public const int Foundations = 6;
    public const decimal IncubationFunding = 1_550_000m;
    public const int IncubatedGroups = 28;
    public const int IncubatedAgencies = 22;
    public const int IncubatedCommunity = 80;
    public const int Bases = 9;
    public const int QualityProjects = 13;
    public const int CareHomeDonors = 12;
    public const decimal GoodsToCareHomes = 312_600m;
    public const int GiftPackages = 375;
    public const int Clinics = 84;
    public const int ClinicPatients = 7_236;

    private static readonly string[] Counties = ["652701", "652702", "652722", "652723"];

    private static readonly string[] GroupTopics =
    [
        "书法家协会", "摄影家协会", "老年人体育协会", "个体劳动者协会", "餐饮行业协会", "旅游协会", "枸杞产业协会", "棉花产业协会", "养蜂协会", "志愿者协会",
        "青年企业家协会", "民间文艺家协会", "围棋协会", "篮球协会", "马术协会", "蒙医药学会", "中医药学会", "医学会", "律师协会", "物流协会",
        "慈善总会", "老科技工作者协会", "家庭教育研究会", "残疾人体育协会", "民族团结促进会",
    ];

    private static readonly string[] AgencyTopics =
    [
        "社会工作服务中心", "居家养老服务中心", "幼儿园", "职业技能培训学校", "康复中心", "心理咨询服务中心", "青少年活动中心", "助残服务中心", "文化艺术培训中心", "社区服务中心",
    ];

    private static readonly string[] CommunityActivities =
    [
        "志愿服务队", "广场舞队", "老年协会", "调解委员会", "读书会", "巾帼志愿队", "邻里互助会", "文艺队", "环保志愿队", "健身队",
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "阿不都", "巴图", "哈斯", "努尔", "吐尔逊", "周", "吴", "孙"];
    private static readonly string[] GivenNames = ["建国", "秀兰", "志强", "丽娜", "海燕", "金花", "江", "古丽", "明", "巴特尔", "阿依", "红梅", "德力格尔", "玉兰", "军", "芳"];

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.SocialOrganizations.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var calendar = new DemoCalendar(clock.Today());
        var random = new Random(2325);
        var organizations = Organizations(calendar, random);
        db.SocialOrganizations.AddRange(organizations);
        await db.SaveChangesAsync(cancellationToken);

        db.OrganizationRatings.AddRange(Ratings(organizations, calendar, random));
        db.RegistrationApplications.AddRange(Applications(organizations, calendar, random));
        await db.SaveChangesAsync(cancellationToken);

        var bases = IncubationBases(calendar.Year);
        db.IncubationBases.AddRange(bases);
        await db.SaveChangesAsync(cancellationToken);
        db.IncubationProjects.AddRange(Projects(organizations, bases, calendar.Year));
        await db.SaveChangesAsync(cancellationToken);

        var facilities = await db.CareFacilities.IgnoreQueryFilters().AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Kind, f.DivisionCode }).ToListAsync(cancellationToken);
        var homes = facilities.Where(f => f.Kind.IsInstitution()).Select(f => (f.Id, f.DivisionCode)).ToList();
        db.Donations.AddRange(Donations(homes, calendar));
        db.FreeClinics.AddRange(FreeClinics(calendar));
        db.LotterySales.AddRange(Lottery(calendar, random));
        await db.SaveChangesAsync(cancellationToken);

        var people = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.DateOfDeath == null).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.BirthDate, p.DivisionCode }).ToListAsync(cancellationToken);
        db.GiftPackageDistributions.AddRange(Gifts(people.ConvertAll(p => (p.Id, p.Name, p.BirthDate, p.DivisionCode)), calendar));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A valid 民政 credit code: authority 5, the type code, the registering division and a running organisation code.</summary>
    public static string CreditCodeFor(OrganizationType type, string registeringDivision, int sequence) =>
        CreditCode.Compose(CreditCode.CivilAffairsAuthority, type switch
        {
            OrganizationType.SocialGroup => '1',
            OrganizationType.SocialServiceAgency => '2',
            OrganizationType.Foundation => '3',
            _ => '9',
        }, registeringDivision[..6], $"MJ{sequence:0000000}");

    private static List<SocialOrganization> Organizations(DemoCalendar calendar, Random random)
    {
        var list = new List<SocialOrganization>();
        var sequence = 0;
        var registering = new[] { DivisionCatalog.PrefectureCode }.Concat(Counties).ToArray();

        SocialOrganization Make(OrganizationType type, string name, string division, DateOnly on)
        {
            sequence++;
            var registered = type != OrganizationType.Community;
            var authority = division.Length > 6 ? division[..6] : division;
            return new SocialOrganization
            {
                Name = name, Type = type, DivisionCode = division, RegisteredOn = on,
                CreditCode = CreditCodeFor(type, authority, sequence),
                LegalRepresentative = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                SupervisingUnit = registered ? (type == OrganizationType.Foundation ? "博州民政局" : Supervisors[sequence % Supervisors.Length]) : null,
                HasPartyOrganization = registered ? sequence % 20 != 0 : sequence % 3 == 0,
                RegisteredOnline = registered && sequence % 5 < 3,
            };
        }

        // Registered organisations: the number published per type; names are place × topic, so unique.
        for (var i = 0; i < SocialGroups; i++)
        {
            var division = registering[i % registering.Length];
            var topic = GroupTopics[(i / registering.Length) % GroupTopics.Length];
            var round = i / (registering.Length * GroupTopics.Length);
            var name = DivisionCatalog.NameOf(division).Replace("博尔塔拉蒙古自治州", "博州", StringComparison.Ordinal) + (round > 0 ? $"第{round + 1}" : string.Empty) + topic;
            list.Add(Make(OrganizationType.SocialGroup, name, division, RegistrationDate(i, SocialGroups, calendar, random)));
        }

        for (var i = 0; i < ServiceAgencies; i++)
        {
            var town = Towns[i % Towns.Count];
            var topic = AgencyTopics[(i / Towns.Count) % AgencyTopics.Length];
            var round = i / (Towns.Count * AgencyTopics.Length);
            list.Add(Make(OrganizationType.SocialServiceAgency, $"{ShortName(town.Code)}{(round > 0 ? $"第{round + 1}" : string.Empty)}{topic}", town.ParentCode!, RegistrationDate(i, ServiceAgencies, calendar, random)));
        }

        string[] foundations = ["博州慈善基金会", "博州教育发展基金会", "博州见义勇为基金会", "博乐市扶贫济困基金会", "精河县枸杞产业发展基金会", "温泉县助学基金会"];
        for (var i = 0; i < Foundations; i++)
        {
            list.Add(Make(OrganizationType.Foundation, foundations[i], i < 3 ? DivisionCatalog.PrefectureCode : Counties[i % 4], calendar.YearsAgo(14 - (2 * i), 3 + i, 10)));
        }

        // 2,325 filed community organisations in the 乡镇/街道, numbered per township.
        for (var i = 0; i < CommunityOrganizations; i++)
        {
            var town = Towns[i % Towns.Count];
            var number = (i / Towns.Count) + 1;
            var activity = CommunityActivities[number % CommunityActivities.Length];
            list.Add(Make(OrganizationType.Community, $"{ShortName(town.Code)}第{number}社区{activity}", town.Code, RegistrationDate(i, CommunityOrganizations, calendar, random)));
        }

        // A few registered organisations were deregistered or revoked (they stay in the register).
        foreach (var (o, i) in list.Where(o => o.Type == OrganizationType.SocialGroup).Take(40).Select((o, i) => (o, i)).Where(x => x.i % 4 == 0))
        {
            (o.Status, o.StatusChangedOn) = (i % 8 == 0 ? OrganizationStatus.Revoked : OrganizationStatus.Deregistered, calendar.YearsAgo(1, 1 + (i % 12), 15));
        }

        return list;
    }

    private static readonly string[] Supervisors = ["博州民政局", "博州文化体育广播电视和旅游局", "博州卫生健康委员会", "博州教育局", "博州工商业联合会", "博州科学技术协会"];

    private static readonly List<DivisionInfo> Towns = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township)
        .Select(d => new DivisionInfo(d.Code, d.ParentCode)).ToList();

    private sealed record DivisionInfo(string Code, string? ParentCode);

    private static string ShortName(string code) => DivisionCatalog.NameOf(code);

    /// <summary>Registration dates from sixteen years before this year to the end of last year; the last few of each type this year, up to the report month.</summary>
    private static DateOnly RegistrationDate(int i, int count, DemoCalendar calendar, Random random)
    {
        if (i >= count - Math.Max(3, count / 40))
        {
            return DemoCalendar.Day(calendar.ThisYearRound(i), 1 + random.Next(27));
        }

        var start = calendar.YearsAgo(16, 1, 1).DayNumber;
        var end = calendar.YearsAgo(1, 12, 31).DayNumber;
        return DateOnly.FromDayNumber(start + (int)((long)(end - start) * i / count));
    }

    /// <summary>About 60% of registered organisations rated in the four years before this year, valid five years; grades mostly 3A.</summary>
    private static IEnumerable<OrganizationRating> Ratings(List<SocialOrganization> organizations, DemoCalendar calendar, Random random)
    {
        var firstYear = calendar.Year - 4;
        var registered = organizations.Where(o => o.Type != OrganizationType.Community && o.RegisteredOn.Year < firstYear).ToList();
        for (var i = 0; i < registered.Count; i++)
        {
            if (i % 5 >= 3)
            {
                continue;
            }

            var o = registered[i];
            var year = firstYear + (i % 4);
            var grade = (i % 20) switch { 0 => 1, < 5 => 2, < 14 => 3, < 19 => 4, _ => 5 };
            var ratedOn = new DateOnly(year, 9 + (i % 3), 1 + random.Next(27));
            yield return new OrganizationRating { OrganizationId = o.Id, Year = year, Grade = grade, RatedOn = ratedOn, ValidUntil = ratedOn.AddYears(5), DivisionCode = o.DivisionCode };
            if (i % 7 == 0 && year <= firstYear + 1)
            {
                // An earlier, lower rating: the history shows the organisation improving.
                var earlier = ratedOn.AddYears(-5);
                yield return new OrganizationRating { OrganizationId = o.Id, Year = earlier.Year, Grade = Math.Max(1, grade - 1), RatedOn = earlier, ValidUntil = ratedOn.AddDays(-1), DivisionCode = o.DivisionCode };
            }
        }
    }

    /// <summary>
    /// This year's registrations came through applications (approved on the registration day); some changes
    /// were approved, one establishment refused, and three applications submitted this month are pending.
    /// </summary>
    private static IEnumerable<RegistrationApplication> Applications(List<SocialOrganization> organizations, DemoCalendar calendar, Random random)
    {
        var i = 0;
        foreach (var o in organizations.Where(o => o.Type != OrganizationType.Community && o.RegisteredOn.Year == calendar.Year))
        {
            var online = o.RegisteredOnline;
            var application = new RegistrationApplication
            {
                Kind = ApplicationKind.Establish, Channel = online ? ApplicationChannel.Online : ApplicationChannel.Window,
                Visits = online ? (i % 6 == 0 ? 1 : 0) : 1 + (i % 4 == 0 ? 1 : 0), SubmittedOn = o.RegisteredOn.AddDays(-(3 + random.Next(12))),
                OrganizationId = o.Id, Name = o.Name, CreditCode = o.CreditCode, OrganizationType = o.Type, LegalRepresentative = o.LegalRepresentative,
                SupervisingUnit = o.SupervisingUnit, HasPartyOrganization = o.HasPartyOrganization, DivisionCode = o.DivisionCode,
            };
            application.SeedDecision(ApplicationStatus.Approved, o.RegisteredOn);
            i++;
            yield return application;
        }

        foreach (var o in organizations.Where(o => o.Type == OrganizationType.SocialGroup && o.Status == OrganizationStatus.Normal && o.RegisteredOn.Year < calendar.Year).Take(10))
        {
            var submitted = DemoCalendar.Day(calendar.ThisYearRound(i), 5);
            var application = new RegistrationApplication
            {
                Kind = ApplicationKind.Change, Channel = i % 3 == 0 ? ApplicationChannel.Window : ApplicationChannel.Online, Visits = i % 3 == 0 ? 1 : 0,
                SubmittedOn = submitted, OrganizationId = o.Id, Name = o.Name, CreditCode = o.CreditCode, OrganizationType = o.Type,
                LegalRepresentative = o.LegalRepresentative, SupervisingUnit = o.SupervisingUnit, HasPartyOrganization = o.HasPartyOrganization, DivisionCode = o.DivisionCode,
            };
            application.SeedDecision(ApplicationStatus.Approved, submitted.AddDays(5));
            i++;
            yield return application;
        }

        var refused = new RegistrationApplication
        {
            Kind = ApplicationKind.Establish, Channel = ApplicationChannel.Window, Visits = 2, SubmittedOn = calendar.ThisYear(6, 8),
            Name = "博乐市收藏爱好者联谊会", CreditCode = CreditCodeFor(OrganizationType.SocialGroup, "652701", 9_000_001), OrganizationType = OrganizationType.SocialGroup,
            LegalRepresentative = "王建国", SupervisingUnit = "博州文化体育广播电视和旅游局", DivisionCode = "652701",
        };
        refused.SeedDecision(ApplicationStatus.Refused, calendar.ThisYear(6, 26), "业务范围与已登记的博乐市收藏家协会重复。");
        yield return refused;

        // Submitted online this month on the 10th, 15th and 20th, or by today when the month is younger.
        string[] pending = ["博乐市无人机航拍协会", "精河县枸杞电商服务中心", "温泉县冰雪运动协会"];
        for (var p = 0; p < pending.Length; p++)
        {
            var type = p == 1 ? OrganizationType.SocialServiceAgency : OrganizationType.SocialGroup;
            var county = p switch { 0 => "652701", 1 => "652722", _ => "652723" };
            yield return new RegistrationApplication
            {
                Kind = ApplicationKind.Establish, Channel = ApplicationChannel.Online, Visits = 0, SubmittedOn = calendar.InCurrentMonth(10 + (p * 5)),
                Name = pending[p], CreditCode = CreditCodeFor(type, county, 9_000_010 + p), OrganizationType = type,
                LegalRepresentative = Surnames[p] + GivenNames[p], SupervisingUnit = "博州民政局", HasPartyOrganization = p != 2, DivisionCode = county,
            };
        }
    }

    /// <summary>The bases, established three to seven years before this year.</summary>
    private static List<IncubationBase> IncubationBases(int year) =>
    [
        new() { Name = "博州社会组织孵化基地", EstablishedYear = year - 7, DivisionCode = DivisionCatalog.PrefectureCode },
        new() { Name = "博乐市社会组织孵化中心", EstablishedYear = year - 6, DivisionCode = "652701" },
        new() { Name = "博乐市青得里街道社区社会组织孵化点", EstablishedYear = year - 5, DivisionCode = Towns.First(t => t.ParentCode == "652701").Code },
        new() { Name = "博乐市小营盘镇社区社会组织孵化点", EstablishedYear = year - 4, DivisionCode = Towns.Last(t => t.ParentCode == "652701").Code },
        new() { Name = "阿拉山口市社会组织服务中心", EstablishedYear = year - 5, DivisionCode = "652702" },
        new() { Name = "精河县社会组织孵化基地", EstablishedYear = year - 6, DivisionCode = "652722" },
        new() { Name = "精河县精河镇社区社会组织孵化点", EstablishedYear = year - 4, DivisionCode = Towns.First(t => t.ParentCode == "652722").Code },
        new() { Name = "温泉县社会组织孵化基地", EstablishedYear = year - 5, DivisionCode = "652723" },
        new() { Name = "温泉县博格达尔镇社区社会组织孵化点", EstablishedYear = year - 3, DivisionCode = Towns.First(t => t.ParentCode == "652723").Code },
    ];

    /// <summary>130 projects, one per organisation (28 groups, 22 agencies, 80 community organisations), over the six years to this year, 155万元 in all.</summary>
    private static IEnumerable<IncubationProject> Projects(List<SocialOrganization> organizations, List<IncubationBase> bases, int year)
    {
        var quality = 0;
        var index = 0;
        foreach (var (type, count, amount) in new[] { (OrganizationType.SocialGroup, IncubatedGroups, 15_000m), (OrganizationType.SocialServiceAgency, IncubatedAgencies, 20_000m), (OrganizationType.Community, IncubatedCommunity, 8_625m) })
        {
            var chosen = organizations.Where(o => o.Type == type && o.Status == OrganizationStatus.Normal && o.RegisteredOn.Year < year).Where((_, i) => i % 7 == 3).Take(count).ToList();
            for (var i = 0; i < chosen.Count; i++)
            {
                var o = chosen[i];
                // Pairs of ±: each type's total stays count × amount.
                var funding = amount + (i % 2 == 0 ? 1_000m : -1_000m) * (1 + (i / 2 % 3));
                if (i == chosen.Count - 1 && chosen.Count % 2 == 1)
                {
                    funding = amount;
                }

                var award = quality < QualityProjects && index % 10 == 4;
                quality += award ? 1 : 0;
                yield return new IncubationProject
                {
                    Name = $"{o.Name}{(type == OrganizationType.SocialServiceAgency ? "公益创投项目" : "孵化培育项目")}",
                    Category = type == OrganizationType.SocialServiceAgency || i % 5 == 0 ? ProjectCategory.Venture : ProjectCategory.Incubation,
                    OrganizationId = o.Id, OrganizationType = type, Year = year - 5 + (index % 6), Funding = funding, QualityAward = award,
                    BaseId = bases[index % bases.Count].Id, DivisionCode = o.DivisionCode,
                };
                index++;
            }
        }
    }

    /// <summary>12 donors giving goods to care homes (312,600 元) and a few cash donations to groups and programs, this year up to the report month.</summary>
    private static IEnumerable<Donation> Donations(List<(int Id, string DivisionCode)> homes, DemoCalendar calendar)
    {
        (string Name, DonorKind Kind, decimal Value, string Goods)[] toHomes =
        [
            ("博乐市天然气有限公司", DonorKind.Enterprise, 38_000m, "冬季取暖物资、棉被"), ("精河县晶鑫枸杞有限公司", DonorKind.Enterprise, 26_500m, "枸杞、米面油"),
            ("博州慈善总会", DonorKind.Organization, 45_000m, "轮椅、护理床"), ("温泉县温泉旅游开发有限公司", DonorKind.Enterprise, 18_600m, "米面油、牛奶"),
            ("阿拉山口市综合保税区商会", DonorKind.Organization, 30_000m, "电视机、洗衣机"), ("新疆博乐农村商业银行", DonorKind.Enterprise, 25_000m, "冬衣、棉鞋"),
            ("博州医学会", DonorKind.Organization, 12_500m, "血压计、血糖仪、常用药品"), ("博乐市爱心人士刘海燕", DonorKind.Individual, 8_000m, "保暖内衣、毛毯"),
            ("精河县个体劳动者协会", DonorKind.Organization, 22_000m, "米面油、清真牛羊肉"), ("博州蒙医药学会", DonorKind.Organization, 16_000m, "蒙药、理疗设备"),
            ("博乐市新华书店", DonorKind.Enterprise, 9_000m, "图书、报刊"), ("中国移动博州分公司", DonorKind.Enterprise, 62_000m, "智能手环、电视机顶盒"),
        ];
        for (var i = 0; i < toHomes.Length && homes.Count > 0; i++)
        {
            var (id, division) = homes[i % homes.Count];
            yield return new Donation
            {
                DonorName = toHomes[i].Name, DonorKind = toHomes[i].Kind, DonatedOn = DemoCalendar.Day(calendar.ThisYearRound(i), 8 + i), Form = DonationForm.Goods,
                Value = toHomes[i].Value, Description = toHomes[i].Goods, RecipientKind = RecipientKind.CareFacility, CareFacilityId = id, DivisionCode = division,
            };
        }

        yield return new Donation { DonorName = "博州慈善基金会", DonorKind = DonorKind.Organization, DonatedOn = calendar.ThisYear(5, 28), Form = DonationForm.Cash, Value = 50_000m, RecipientKind = RecipientKind.Group, RecipientGroup = RecipientGroup.ChildrenInDifficulty, DivisionCode = DivisionCatalog.PrefectureCode };
        yield return new Donation { DonorName = "博州教育发展基金会", DonorKind = DonorKind.Organization, DonatedOn = calendar.ThisYear(8, 20), Form = DonationForm.Cash, Value = 80_000m, RecipientKind = RecipientKind.Program, ProgramName = "慈善助学", DivisionCode = DivisionCatalog.PrefectureCode };
        yield return new Donation { DonorName = "精河县晶鑫枸杞有限公司", DonorKind = DonorKind.Enterprise, DonatedOn = calendar.ThisYear(1, 20), Form = DonationForm.Goods, Value = 15_000m, Description = "春节慰问品", RecipientKind = RecipientKind.Group, RecipientGroup = RecipientGroup.ElderlyInDifficulty, DivisionCode = "652722" };
        yield return new Donation { DonorName = "温泉县爱心人士巴特尔", DonorKind = DonorKind.Individual, DonatedOn = calendar.ThisYear(10, 12), Form = DonationForm.Cash, Value = 5_000m, RecipientKind = RecipientKind.Group, RecipientGroup = RecipientGroup.PersonsWithDisabilities, DivisionCode = "652723" };
    }

    /// <summary>
    /// 375 packages: children under 18 at 六一 and 春节, elderly 60+ at 春节 and 重阳; each row one package.
    /// The festivals' months are placed in this year up to the report month (all in January when that is L).
    /// </summary>
    private static IEnumerable<GiftPackageDistribution> Gifts(List<(int Id, string Name, DateOnly BirthDate, string DivisionCode)> people, DemoCalendar calendar)
    {
        DateOnly[] childDays = [calendar.ThisYear(2, 10), calendar.ThisYear(6, 1)];
        DateOnly[] elderDays = [calendar.ThisYear(2, 12), calendar.ThisYear(10, 29)];
        var children = people.Where(p => Age.On(p.BirthDate, childDays[0]) < 18).ToList();
        var elderly = people.Where(p => Age.On(p.BirthDate, elderDays[0]) >= 60).ToList();
        if (children.Count == 0 || elderly.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < GiftPackages; i++)
        {
            var child = i % 2 == 0;
            var group = child ? children : elderly;
            var person = group[(i / 2) % group.Count];
            var days = child ? childDays : elderDays;
            yield return new GiftPackageDistribution
            {
                PersonId = person.Id, RecipientName = person.Name, Group = child ? RecipientGroup.ChildrenInDifficulty : RecipientGroup.ElderlyInDifficulty,
                DistributedOn = days[(i / 2 / group.Count) % 2], Packages = 1, DivisionCode = person.DivisionCode,
            };
        }
    }

    /// <summary>84 clinics by the medical societies and hospitals in the townships, 7,236 patients, this year up to the report month.</summary>
    private static IEnumerable<FreeClinic> FreeClinics(DemoCalendar calendar)
    {
        string[] organisers = [.. FreeClinicService.KnownOrganisers, "博州人民医院", "博州蒙医医院"];
        var seen = 0;
        for (var i = 0; i < Clinics; i++)
        {
            var town = Towns[(i * 7) % Towns.Count];
            var patients = i == Clinics - 1 ? ClinicPatients - seen : 60 + ((i * 37) % 53);
            seen += patients;
            yield return new FreeClinic
            {
                Organiser = organisers[i % organisers.Length], HeldOn = DemoCalendar.Day(calendar.ThisYearRound(i), 3 + (i % 25)),
                Place = $"{DivisionCatalog.NameOf(town.Code)}综合文化站", Patients = patients, DivisionCode = town.Code,
            };
        }
    }

    /// <summary>Sales per county, month (January to the report month of this year) and game; the public-welfare fund is the games' legal share.</summary>
    private static IEnumerable<LotterySales> Lottery(DemoCalendar calendar, Random random)
    {
        decimal[] countyScale = [1.0m, 0.18m, 0.45m, 0.22m];
        (LotteryGame Game, decimal Base, decimal FundShare)[] games =
        [
            (LotteryGame.DoubleColorBall, 820_000m, 0.36m), (LotteryGame.ThreeD, 260_000m, 0.36m), (LotteryGame.SevenLuck, 60_000m, 0.36m),
            (LotteryGame.HappyEight, 540_000m, 0.36m), (LotteryGame.InstantSayram, 180_000m, 0.20m),
        ];
        foreach (var period in Period.Range(calendar.Last.YearStart, calendar.Last))
        {
            for (var c = 0; c < Counties.Length; c++)
            {
                foreach (var (game, amount, share) in games)
                {
                    var sales = Math.Round(amount * countyScale[c] * (0.85m + ((decimal)random.Next(0, 300) / 1000m)), 0);
                    yield return new LotterySales { Period = period.Key, DivisionCode = Counties[c], Game = game, Sales = sales, WelfareFund = Math.Round(sales * share, 2) };
                }
            }
        }
    }
}
