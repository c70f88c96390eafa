using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.SocialAffairs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// 社会事务 as the bureau publishes it (SERVICE-LINES.md §5): public-welfare burial facilities in all 4 counties
/// (coverage 100%) with 1,426万元 invested in the 2 urban cemeteries (the other facilities' investment predates
/// the records); 412 POIs of which 120 entered by the partner aid province, and 6 experts in the pool;
/// 身后一件事 cases completed in well under half the baseline days; monthly marriage figures of every office
/// (赛里木湖景区 included) for January to the report month of this year — the report month being the clock's
/// last closed month and "this year" its year (<see cref="DemoCalendar"/>). Deceased persons of the demo cases
/// are new register entries, so no other line's demo figures change. Deterministic; runs only when there is
/// no marriage office.
/// </summary>
public sealed class SocialAffairsDemoData(TimeProvider clock, IOptions<SocialAffairsOptions> options)
{
    public const decimal UrbanCemeteryInvestment = 14_260_000m;
    public const int PointsOfInterest = 412;
    public const int AidCityEntries = 120;
    public const int Experts = 6;
    public const int DeathCaseCount = 60;
    public const string AidProvince = "湖北省";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "巴图", "哈斯", "努尔", "吐尔逊", "周", "吴"];
    private static readonly string[] GivenNames = ["德胜", "桂英", "凤兰", "振华", "玉珍", "巴音", "淑芬", "永福", "阿不力孜", "其木格", "金山", "秀珍"];

    // Approximate county seats (°E, °N); points are scattered around them inside the prefecture's box.
    private static readonly Dictionary<string, (double Lon, double Lat)> Seats = new()
    {
        ["652701"] = (82.07, 44.90), ["652702"] = (82.57, 45.17), ["652722"] = (82.89, 44.60), ["652723"] = (81.02, 44.97),
    };

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.MarriageOffices.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var calendar = new DemoCalendar(clock.Today());
        var random = new Random(2027);
        SeedMarriage(db, random, calendar);
        await db.SaveChangesAsync(cancellationToken);
        SeedBurial(db, calendar);
        SeedPlaceNames(db, random, calendar);
        await db.SaveChangesAsync(cancellationToken);
        await SeedDeathCasesAsync(db, random, calendar, cancellationToken);
    }

    private static void SeedMarriage(CivilAffairsDbContext db, Random random, DemoCalendar calendar)
    {
        // (office, typical marriages a month, divorce share)
        var offices = new (MarriageOffice Office, int Marriages, double DivorceShare)[]
        {
            (new MarriageOffice { Name = "博乐市婚姻登记处", DivisionCode = "652701", Address = "博乐市民政局便民服务大厅" }, 115, 0.42),
            (new MarriageOffice { Name = "阿拉山口市婚姻登记处", DivisionCode = "652702", Address = "阿拉山口市政务服务中心" }, 9, 0.35),
            (new MarriageOffice { Name = "精河县婚姻登记处", DivisionCode = "652722", Address = "精河县政务服务中心" }, 52, 0.40),
            (new MarriageOffice { Name = "温泉县婚姻登记处", DivisionCode = "652723", Address = "温泉县政务服务中心" }, 24, 0.33),
            (new MarriageOffice { Name = "赛里木湖景区婚姻登记处", DivisionCode = "652701", Address = "赛里木湖景区游客服务中心", ScenicArea = true }, 0, 0),
        };
        db.MarriageOffices.AddRange(offices.Select(o => o.Office));
        // Every month of this year up to and including the report month; the month in progress is not yet reported.
        var last = calendar.Last;
        foreach (var period in Period.Range(last.YearStart, last))
        {
            foreach (var (office, typical, share) in offices)
            {
                int marriages, divorces;
                if (office.ScenicArea)
                {
                    // Scenic-area office: couples come in the summer season; no divorces are handled there.
                    marriages = period.Month is >= 5 and <= 9 ? random.Next(18, 40) : random.Next(2, 8);
                    divorces = 0;
                }
                else
                {
                    var seasonal = period.Month is 1 or 2 or 5 or 10 ? 1.3 : 1.0;
                    marriages = (int)Math.Round(typical * seasonal * (0.85 + (random.NextDouble() * 0.3)));
                    divorces = (int)Math.Round(typical * share * (0.8 + (random.NextDouble() * 0.4)));
                }

                db.MarriageMonthlyFigures.Add(new MarriageMonthlyFigure
                {
                    Office = office, DivisionCode = office.DivisionCode, Period = period.Key, Marriages = marriages, Divorces = divorces,
                    CrossRegion = office.ScenicArea ? (int)Math.Round(marriages * 0.6) : random.Next(0, Math.Max(1, marriages / 10)),
                });
            }
        }

        db.CollectiveWeddings.AddRange(
            new CollectiveWedding { HeldOn = calendar.YearsAgo(1, 8, 29), Place = "赛里木湖景区", Couples = 36, DivisionCode = "652701", Note = "七夕集体婚礼" },
            new CollectiveWedding { HeldOn = calendar.ThisYear(5, 20), Place = "博乐市人民广场", Couples = 28, DivisionCode = "652701", Note = "新时代文明婚礼" },
            new CollectiveWedding { HeldOn = calendar.ThisYear(8, 19), Place = "赛里木湖景区", Couples = 52, DivisionCode = "652701", Note = "“赛湖之约”七夕集体婚礼" },
            new CollectiveWedding { HeldOn = calendar.ThisYear(10, 1), Place = "精河县枸杞文化广场", Couples = 18, DivisionCode = "652722", Note = "国庆集体婚礼" });
    }

    private static void SeedBurial(CivilAffairsDbContext db, DemoCalendar calendar) =>
        db.BurialFacilities.AddRange(
            new BurialFacility { Name = "博乐市城市公益性公墓", DivisionCode = "652701", Kind = BurialFacilityKind.PublicCemetery, PublicWelfare = true, Capacity = 12_000, Investment = 8_860_000m, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(3, 9, 1) },
            new BurialFacility { Name = "精河县城市公益性公墓", DivisionCode = "652722", Kind = BurialFacilityKind.PublicCemetery, PublicWelfare = true, Capacity = 8_000, Investment = 5_400_000m, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(2, 6, 1) },
            new BurialFacility { Name = "阿拉山口市公益性骨灰堂", DivisionCode = "652702", Kind = BurialFacilityKind.Columbarium, PublicWelfare = true, Capacity = 3_000, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(7, 7, 1) },
            new BurialFacility { Name = "温泉县公益性公墓", DivisionCode = "652723", Kind = BurialFacilityKind.PublicCemetery, PublicWelfare = true, Capacity = 4_000, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(8, 5, 1) },
            new BurialFacility { Name = "小营盘镇农村公益性公墓", DivisionCode = "652701100", Kind = BurialFacilityKind.PublicCemetery, PublicWelfare = true, Capacity = 1_500, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(9, 4, 1) },
            new BurialFacility { Name = "博州殡仪馆", DivisionCode = "652701", Kind = BurialFacilityKind.FuneralHome, PublicWelfare = true, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(18, 10, 1) },
            new BurialFacility { Name = "博乐市福寿园经营性公墓", DivisionCode = "652701", Kind = BurialFacilityKind.CommercialCemetery, PublicWelfare = false, Capacity = 6_000, Status = BurialFacilityStatus.InService, OpenedOn = calendar.YearsAgo(14, 3, 1) });

    private static void SeedPlaceNames(CivilAffairsDbContext db, Random random, DemoCalendar calendar)
    {
        var townships = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();
        var categories = new[] { PlaceNameCategory.PublicService, PlaceNameCategory.Transport, PlaceNameCategory.ScenicSpot, PlaceNameCategory.Road, PlaceNameCategory.Settlement };
        var suffixes = new Dictionary<PlaceNameCategory, string[]>
        {
            [PlaceNameCategory.PublicService] = ["便民服务中心", "卫生院", "学校", "文化活动中心", "养老服务站"],
            [PlaceNameCategory.Transport] = ["客运站", "公交首末站", "停车场", "加油站"],
            [PlaceNameCategory.ScenicSpot] = ["观景台", "湿地公园", "草原营地", "游客中心"],
            [PlaceNameCategory.Road] = ["路", "街", "巷"],
            [PlaceNameCategory.Settlement] = ["村", "社区", "牧业点"],
        };
        var first = calendar.YearsAgo(1, 1, 1);
        // Recorded by the end of last month, so the report month (and every later one) shows all of them.
        var span = calendar.Last.End.DayNumber - first.DayNumber + 1;
        PlaceName Make(int i, PlaceNameKind kind, PlaceNameSource source)
        {
            var place = townships[i % townships.Count];
            var seat = Seats[place.ParentCode!];
            var category = kind == PlaceNameKind.StandardName ? (i % 2 == 0 ? PlaceNameCategory.Road : PlaceNameCategory.Settlement) : categories[i % categories.Length];
            var names = suffixes[category];
            var lon = Math.Clamp(seat.Lon + ((random.NextDouble() - 0.5) * 0.5), PrefectureBounds.MinLongitude, PrefectureBounds.MaxLongitude);
            var lat = Math.Clamp(seat.Lat + ((random.NextDouble() - 0.5) * 0.4), PrefectureBounds.MinLatitude, PrefectureBounds.MaxLatitude);
            return new PlaceName
            {
                Name = $"{place.Name}{(i / townships.Count) + 1}号{names[random.Next(names.Length)]}",
                Kind = kind, Category = category, DivisionCode = place.Code, Longitude = Math.Round(lon, 6), Latitude = Math.Round(lat, 6),
                Status = i % 23 == 0 ? PlaceNameStatus.Pending : PlaceNameStatus.Approved, Source = source,
                AidCity = source == PlaceNameSource.AidCity ? AidProvince : null, RecordedOn = first.AddDays(random.Next(0, span)),
            };
        }

        for (var i = 0; i < PointsOfInterest; i++)
        {
            db.PlaceNames.Add(Make(i, PlaceNameKind.PointOfInterest, i < AidCityEntries ? PlaceNameSource.AidCity : PlaceNameSource.Local));
        }

        for (var i = 0; i < 60; i++)
        {
            db.PlaceNames.Add(Make(i + 7, PlaceNameKind.StandardName, PlaceNameSource.Local));
        }

        var expertsAdded = calendar.ThisYear(3, 15);
        db.PlaceNameExperts.AddRange(
            new PlaceNameExpert { Name = "巴音其其格", Specialty = "蒙古语地名", Organisation = "博州史志办", DivisionCode = "652700", AddedOn = expertsAdded },
            new PlaceNameExpert { Name = "王建军", Specialty = "测绘地理信息", Organisation = "博州自然资源局", DivisionCode = "652700", AddedOn = expertsAdded },
            new PlaceNameExpert { Name = "努尔兰", Specialty = "哈萨克语地名", Organisation = "博州民族语言文字工作委员会", DivisionCode = "652700", AddedOn = expertsAdded },
            new PlaceNameExpert { Name = "李秀华", Specialty = "地名文化", Organisation = "博乐市文化馆", DivisionCode = "652701", AddedOn = expertsAdded },
            new PlaceNameExpert { Name = "陈志远", Specialty = "历史地理", Organisation = "博州党史研究室", DivisionCode = "652700", AddedOn = expertsAdded },
            new PlaceNameExpert { Name = "马玉兰", Specialty = "地名标准化", Organisation = "精河县民政局", DivisionCode = "652722", AddedOn = expertsAdded });
    }

    private async Task SeedDeathCasesAsync(CivilAffairsDbContext db, Random random, DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var used = (await db.People.IgnoreQueryFilters().Select(p => p.IdNumber).ToListAsync(cancellationToken)).ToHashSet();
        var townships = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();
        var cases = new List<(Person Person, DateOnly Death)>();
        for (var i = 0; i < DeathCaseCount; i++)
        {
            var place = townships[(i * 7) % townships.Count];
            // Every five days from 3 January of this year; the cases that would come later than three days
            // ago (all but a few when the report month is January) fall in the last three weeks instead.
            var death = new DateOnly(calendar.Year, 1, 3).AddDays(i * 5 + random.Next(0, 4));
            if (death > today.AddDays(-3))
            {
                death = today.AddDays(-3 - i % 20);
            }

            var birth = death.AddYears(-random.Next(62, 95)).AddDays(-random.Next(1, 360));
            string number;
            do
            {
                var first17 = $"{place.ParentCode}{birth:yyyyMMdd}{random.Next(1, 999):000}";
                number = first17 + ResidentId.CheckCharacter(first17);
            }
            while (!used.Add(number));

            var person = new Person(ResidentId.Parse(number, today), Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], place.Code);
            person.RecordDeath(death, today);
            cases.Add((person, death));
        }

        db.People.AddRange(cases.Select(c => c.Person));
        await db.SaveChangesAsync(cancellationToken);

        var baseline = options.Value.AfterDeathBaselineDays;
        var all = AfterDeathItems.HouseholdRegistration | AfterDeathItems.PensionStop | AfterDeathItems.FuneralSubsidy | AfterDeathItems.MedicalInsuranceStop | AfterDeathItems.AllowanceStop;
        var list = new List<DeathCase>();
        foreach (var (person, death) in cases)
        {
            var applied = death.AddDays(random.Next(1, 4));
            var items = random.Next(3) == 0 ? all | AfterDeathItems.SurvivorBenefits : all;
            var done = applied.AddDays(random.Next(4, 11));
            var c = new DeathCase
            {
                PersonId = person.Id, DivisionCode = person.DivisionCode, DateOfDeath = death, Applicant = "家属" + person.Name[..1] + "某", AppliedOn = applied,
                Items = items, BaselineDays = baseline,
            };
            if (done <= today)
            {
                (c.CompletedItems, c.CompletedOn) = (items, done);
            }
            else
            {
                c.CompletedItems = AfterDeathItems.HouseholdRegistration;
            }

            c.Validate(person.BirthDate, today);
            list.Add(c);
        }

        db.DeathCases.AddRange(list);
        await db.SaveChangesAsync(cancellationToken);
    }
}
