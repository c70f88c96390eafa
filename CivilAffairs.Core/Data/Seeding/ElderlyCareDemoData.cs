using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// The elderly-care network as the bureau publishes it (SERVICE-LINES.md §1): nursing-bed ratio 61%,
/// 17 of 23 乡镇街道 with a regional centre, 271 meal points, 17 new or renovated day-care centres,
/// 5 institutions and 9 day-care centres with medical services, 13,418 万元 invested, 233 homes
/// adapted (one per household), 926 training person-times this year, and 1,701 万元 of high-age allowance
/// paid in all. At the prefecture's scale (about 490,000 people): about 4,900 persons aged 80 or more and
/// 4,600 aged 60–79 in the register, all enrolled as elderly persons; twenty-four months of allowance batches
/// up to the report month (every eligible person, the real batch's preview, all paid) and the current month's
/// generated, not paid; an opening balance per county holds only what was paid before those two years.
/// Some facilities are 建设中 or 停用, with a dated status history (a meal point closed this year, a day-care
/// centre closed in the current month, a regional centre that opened this year after construction), so a
/// month's figures do not change when a facility closes later. Every date is relative to the clock's last
/// closed month (<see cref="DemoCalendar"/>), where these figures are reached. Deterministic; runs only on an
/// empty elderly-care table; the registers and payments are written with prepared inserts.
/// </summary>
public sealed class ElderlyCareDemoData(HighAgeAllowanceService allowance, TimeProvider clock)
{
    public const decimal PublishedAllowanceTotal = 17_010_000m;

    /// <summary>Persons aged 80 or more added to the register (the demo register's own few come on top).</summary>
    public const int Aged80Plus = 4_900;

    /// <summary>Persons aged 60–79 added to the register.</summary>
    public const int Aged60To79 = 4_600;

    /// <summary>Months of allowance history up to and including the report month.</summary>
    public const int HistoryMonths = 24;

    /// <summary>Meal points in the register: two closed this year, before the report month (271 at it).</summary>
    public const int MealPoints = 273;

    private static readonly string[] Counties = ["652701", "652702", "652722", "652723"];
    private static readonly string[] CountyNames = ["博乐市", "阿拉山口市", "精河县", "温泉县"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "周", "吴", "巴特", "阿依", "古丽", "努尔", "乌兰", "孙", "哈斯", "吐尔逊"];
    private static readonly string[] GivenNames = ["桂兰", "秀英", "玉兰", "凤英", "建国", "振华", "淑珍", "德明", "巴图", "其其格", "阿不都", "热依拉", "叶尔兰", "萨仁", "满仓", "金花", "宝山", "玉珍"];
    private static readonly string[] Ethnicities = ["汉族", "蒙古族", "哈萨克族", "维吾尔族", "回族"];

    public async Task SeedAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CareFacilities.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var today = clock.Today();
        var calendar = new DemoCalendar(today);
        var year = calendar.Year;
        var random = new Random(1949);
        var townships = DivisionCatalog.All.Where(d => d.IsTownshipLevel).Select(d => d.Code).ToList();
        var leaves = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Code).ToList();
        var facilities = new List<CareFacility>();

        CareFacility Add(string name, FacilityKind kind, string division, int beds, int nursing, decimal investmentWan, int year, DateOnly? opened, bool medical = false, int? livelihood = null, OperationMode mode = OperationMode.PublicOperated, string? op = null)
        {
            var f = new CareFacility
            {
                Name = name, Kind = kind, DivisionCode = division, TotalBeds = beds, NursingBeds = nursing, OccupiedBeds = beds * 7 / 10,
                Investment = investmentWan * 10000m, InvestmentYear = investmentWan > 0 ? year : null, OpenedOn = opened, HasMedicalService = medical,
                LivelihoodProjectYear = livelihood, OperationMode = mode, Operator = op, Status = FacilityStatus.Operating,
            };
            facilities.Add(f);
            return f;
        }

        // Institutions: 3,000 beds, 1,830 nursing-type (61.0%); the five public ones have medical services.
        // History keeps its distance from this year (the reference data's 2021 is year - 5, and so on).
        Add("博州康养护理中心", FacilityKind.PrefectureCareCenter, DivisionCatalog.PrefectureCode, 600, 420, 4200, year - 5, calendar.YearsAgo(4, 9, 1), medical: true, livelihood: year - 5);
        int[][] institutes = [[400, 250, 1200], [150, 90, 600], [300, 190, 900], [200, 120, 700]];
        for (var i = 0; i < 4; i++)
        {
            Add($"{CountyNames[i]}综合社会福利院", FacilityKind.CountyWelfareInstitute, Counties[i], institutes[i][0], institutes[i][1], institutes[i][2], year - 4, calendar.YearsAgo(7, 6, 1), medical: true);
        }

        // Regional centres in 17 of the 23 乡镇街道, spread over the counties (two towns have a
        // second one); three opened this year, by the report month (they count towards the coverage).
        var covered = townships.Where((_, i) => i % 4 != 3 && i != 22).ToList();
        var centreTowns = covered.Concat(covered.Take(2)).ToList();
        for (var i = 0; i < centreTowns.Count; i++)
        {
            var opened = i is 14 or 15 or 16 ? calendar.ThisYear(2 + ((i - 14) * 3), 1) : calendar.YearsAgo(3, 1 + (i % 12), 1);
            Add($"{DivisionCatalog.NameOf(centreTowns[i])}区域养老服务中心{(i >= 17 ? "（二）" : string.Empty)}", FacilityKind.TownshipCareCenter, centreTowns[i], 40, 20, 150, opened.Year, opened,
                mode: i % 3 == 0 ? OperationMode.PublicBuiltPrivatelyOperated : OperationMode.PublicOperated, op: i % 3 == 0 ? "新疆康乐养老服务有限公司" : null);
        }

        // Private homes: 590 beds, 380 nursing-type; two opened this year, by the report month.
        for (var i = 0; i < 5; i++)
        {
            var opened = i < 2 ? calendar.ThisYear(3 + (i * 4), 15) : calendar.YearsAgo(6 - i, 5, 1);
            Add($"{CountyNames[i % 4]}颐养院{(i >= 4 ? "二部" : string.Empty)}", FacilityKind.PrivateCareHome, Counties[i % 4], 118, 76, 0, 0, opened, mode: OperationMode.Private, op: $"博州颐养{i + 1}号养老服务中心");
        }

        // 40 day-care centres: 17 built or renovated as livelihood projects since 2021, 9 with medical services.
        // The 17 keep their calendar years 2021–2025: they are the 14th Five-Year Plan's projects, a fixed
        // period that EC09 counts from 2021 on (in the indicator, not relative to any clock), and they are
        // history (October 2025 at the latest) for any date the portal runs on.
        for (var i = 0; i < 40; i++)
        {
            var isNew = i < 17;
            Add($"{DivisionCatalog.NameOf(leaves[i % leaves.Count])}社区日间照料中心{i / leaves.Count + 1}", FacilityKind.CommunityDayCareCenter, leaves[i % leaves.Count], 20, 0,
                isNew ? 80 : 0, 2021 + (i % 5), isNew ? new DateOnly(2021 + (i % 5), 10, 1) : calendar.YearsAgo(8, 1 + (i % 12), 1), medical: i % 4 == 0 && i < 36, livelihood: isNew ? 2021 + (i % 5) : null);
        }

        for (var i = 0; i < MealPoints; i++)
        {
            Add($"{DivisionCatalog.NameOf(leaves[i % leaves.Count])}老年助餐点{(i / leaves.Count) + 1:00}", FacilityKind.MealServicePoint, leaves[i % leaves.Count], 0, 0, 0, 0, calendar.YearsAgo(4 - (i % 4), 1 + (i % 12), 1));
        }

        // 60 rural courtyards carry the remaining 1,608 万元 of the 13,418 万元 investment.
        for (var i = 0; i < 60; i++)
        {
            Add($"{DivisionCatalog.NameOf(leaves[i % leaves.Count])}农村幸福大院{(i / leaves.Count) + 1}", FacilityKind.RuralHappinessCourtyard, leaves[i % leaves.Count], 0, 0, 23.8m, year - 5 + (i % 5), calendar.YearsAgo(5 - (i % 5), 6, 1));
        }

        var uncovered = townships.Except(covered).First();
        var building = Add($"{DivisionCatalog.NameOf(uncovered)}区域养老服务中心", FacilityKind.TownshipCareCenter, uncovered, 40, 20, 180, year, null);
        building.Status = FacilityStatus.UnderConstruction;
        var buildingDayCare = Add($"{DivisionCatalog.NameOf(leaves[5])}社区日间照料中心（新建）", FacilityKind.CommunityDayCareCenter, leaves[5], 20, 0, 0, 0, null);
        buildingDayCare.Status = FacilityStatus.UnderConstruction;

        db.CareFacilities.AddRange(facilities);
        await db.SaveChangesAsync(cancellationToken);
        await SeedStatusHistoryAsync(db, facilities, calendar, cancellationToken);

        await SeedPeopleAndActivitiesAsync(db, facilities, calendar, random, cancellationToken);
        await SeedAllowanceAsync(db, calendar, cancellationToken);
    }

    /// <summary>
    /// Dated status changes: the regional centre opened this year after construction, two meal points closed this
    /// year (before the report month: 271 of 273 count at it), a courtyard closed last year, and a day-care centre
    /// (not a livelihood project, no medical service) closed in the current month: it still counts at the report month.
    /// </summary>
    private static async Task SeedStatusHistoryAsync(CivilAffairsDbContext db, List<CareFacility> facilities, DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var centres = facilities.Where(f => f.Kind == FacilityKind.TownshipCareCenter && f.OpenedOn?.Year == calendar.Year).OrderBy(f => f.OpenedOn).ToList();
        var meals = facilities.Where(f => f.Kind == FacilityKind.MealServicePoint).ToList();
        var courtyard = facilities.Last(f => f.Kind == FacilityKind.RuralHappinessCourtyard);
        var dayCare = facilities.Where(f => f.Kind == FacilityKind.CommunityDayCareCenter && f.LivelihoodProjectYear is null && !f.HasMedicalService && f.OpenedOn is not null).Skip(1).First();
        var changes = new List<CareFacilityStatusChange>();
        void Change(CareFacility f, FacilityStatus from, FacilityStatus to, DateOnly on, string note)
        {
            changes.Add(new CareFacilityStatusChange { FacilityId = f.Id, DivisionCode = f.DivisionCode, From = from, To = to, EffectiveOn = on, Note = note });
            f.Status = to;
        }

        if (centres.Count > 0)
        {
            Change(centres[0], FacilityStatus.UnderConstruction, FacilityStatus.Operating, centres[0].OpenedOn!.Value, "竣工验收，投入运营");
        }

        Change(meals[^2], FacilityStatus.Operating, FacilityStatus.Suspended, calendar.ThisYear(4, 10), "场地租赁到期，暂停服务");
        Change(meals[^1], FacilityStatus.Operating, FacilityStatus.Suspended, calendar.ThisYear(7, 1), "服务对象并入邻近助餐点");
        Change(courtyard, FacilityStatus.Operating, FacilityStatus.Suspended, calendar.YearsAgo(1, 9, 1), "房屋安全鉴定不合格，停用");
        Change(dayCare, FacilityStatus.Operating, FacilityStatus.Suspended, calendar.InCurrentMonth(2), "设施改造，暂停运营");
        db.CareFacilityStatusChanges.AddRange(changes);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The register at scale: 4,900 persons aged 80+ and 4,600 aged 60–79 over every 乡镇 (prepared inserts),
    /// all enrolled as elderly persons with the demo register's own 60+ (9073: 3% in institutions, 7% in the
    /// community); care visits this year; 245 adaptations, one per household (233 completed by the report month);
    /// this year's training round.
    /// </summary>
    private static async Task SeedPeopleAndActivitiesAsync(CivilAffairsDbContext db, List<CareFacility> facilities, DemoCalendar calendar, Random random, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var used = (await db.People.IgnoreQueryFilters().Select(p => p.IdNumber).ToListAsync(cancellationToken)).ToHashSet();
        var places = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).ToList();
        var bulk = await BulkLoader.ForAsync(db, new Random(80), "CareFacilities", cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "People", "IdNumber", "Name", "Gender", "BirthDate", "DivisionCode", "Ethnicity", "Phone", "Version");
            for (var i = 0; i < Aged80Plus + Aged60To79; i++)
            {
                var place = places[i % places.Count];
                // 80+: nine in ten aged 80–89, one in ten 90–99, one in two hundred 100 or more.
                var age = i >= Aged80Plus ? random.Next(60, 80) : i % 200 == 0 ? random.Next(100, 104) : i % 10 == 0 ? random.Next(90, 100) : random.Next(80, 90);
                var birth = today.AddYears(-age).AddDays(-random.Next(1, 360));
                string number;
                do
                {
                    var first17 = $"{place.ParentCode}{birth:yyyyMMdd}{random.Next(1, 999):000}";
                    number = first17 + ResidentId.CheckCharacter(first17);
                }
                while (!used.Add(number));

                var id = ResidentId.Parse(number, today);
                insert.Add(id.Value, Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)], (int)id.Gender, id.BirthDate, place.Code,
                    Ethnicities[random.Next(Ethnicities.Length)], $"139{random.Next(10000000, 99999999)}", bulk.NewVersion());
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        var sixtyPlus = today.AddYears(-60);
        var people = await db.People.IgnoreQueryFilters().Where(p => p.BirthDate <= sixtyPlus).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DivisionCode }).ToListAsync(cancellationToken);
        var institutions = facilities.Where(f => f.Kind.IsInstitution()).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "ElderlyPersons", "PersonId", "DivisionCode", "EmptyNest", "LivingAlone", "Disabled", "SeverelyDisabled", "ExtremelyPoor", "CareMode", "FacilityId", "Version");
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                // 9073: 3 in 100 in an institution (every extremely poor elderly person among them: 应养尽养), 7 in the community.
                var mode = i % 100 < 3 ? CareMode.Institution : i % 100 < 10 ? CareMode.Community : CareMode.Home;
                insert.Add(p.Id, p.DivisionCode, i % 3 == 0, i % 5 == 0, i % 7 == 0, i % 11 == 0, mode == CareMode.Institution && i % 2 == 0, (int)mode,
                    mode == CareMode.Institution ? institutions[i % institutions.Count].Id : null, bulk.NewVersion());
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        var elderly = (await db.ElderlyPersons.IgnoreQueryFilters().OrderBy(e => e.PersonId).Select(e => new { e.Id, e.DivisionCode }).ToListAsync(cancellationToken))
            .ConvertAll(e => (e.Id, e.DivisionCode));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Care visits this year to empty-nest, living-alone and disabled elderly: about a quarter of them once.
            using var visit = bulk.PrepareRows(transaction, "CareVisits", "ElderlyPersonId", "DivisionCode", "VisitedOn", "Visitor", "Mode", "Findings", "FollowUpNeeded", "Version");
            for (var i = 0; i < elderly.Count; i += 3)
            {
                if (i % 12 != 0 && i % 5 != 0)
                {
                    continue;
                }

                var (id, division) = elderly[i];
                visit.Add(id, division, today.AddDays(-random.Next(0, 330)), i % 2 == 0 ? "社区网格员" : "乡镇民政助理员", (int)(i % 9 == 0 ? VisitMode.Phone : VisitMode.InPerson),
                    i % 27 == 0 ? "需协助就医" : "身体状况良好", i % 27 == 0, bulk.NewVersion());
            }

            // 233 adapted homes completed by the end of the report month (the published cumulative figure), every
            // four days back from it; 12 in progress. One adaptation per household: 245 different persons (37 is
            // prime to the register's size, so the steps never meet).
            visit.Flush();
            using var adaptation = bulk.PrepareRows(transaction, "HomeAdaptations", "PersonId", "DivisionCode", "Items", "Cost", "Subsidy", "CompletedOn", "Version");
            var step = people.Count % 37 == 0 ? 41 : 37;
            for (var i = 0; i < 245; i++)
            {
                var p = people[(i * step) % people.Count];
                var cost = 3000m + (i % 5 * 500m);
                adaptation.Add(p.Id, p.DivisionCode, i % 2 == 0 ? "卫生间扶手、防滑地面、紧急呼叫器" : "床边护栏、坐便椅、夜间感应灯", cost, cost * 0.8m,
                    i < 233 ? calendar.Last.End.AddDays(-4 * i) : null, bulk.NewVersion());
            }

            adaptation.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        // This year's training round, held by the report month: 926 person-times; and a skills competition.
        var sessions = new[] { 120, 96, 150, 88, 110, 132, 95, 135 };
        for (var i = 0; i < sessions.Length; i++)
        {
            db.CaregiverTrainings.Add(new CaregiverTraining
            {
                Title = $"{calendar.Year}年养老护理员培训第{i + 1}期", Kind = TrainingKind.Training, DivisionCode = Counties[i % 4],
                HeldOn = calendar.ThisYear(3 + i, 12), Online = i % 3 == 0, Participants = sessions[i],
            });
        }

        db.CaregiverTrainings.Add(new CaregiverTraining { Title = $"{calendar.Year}年博州养老护理职业技能竞赛", Kind = TrainingKind.Competition, DivisionCode = DivisionCatalog.PrefectureCode, HeldOn = calendar.ThisYear(9, 20), Participants = 48 });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Standards; the twenty-four months to the report month as the real batch computes them (its preview:
    /// everyone alive and 80 or older in the month, the standard of the age band), all paid (each settled ten
    /// days before its month ends), and the current month's batch generated, not yet paid, written with one
    /// prepared insert; the opening balance holds what was paid before those two years, making up the
    /// published total at the report month.
    /// </summary>
    private async Task SeedAllowanceAsync(CivilAffairsDbContext db, DemoCalendar calendar, CancellationToken cancellationToken)
    {
        var since = new Period(calendar.Year - 6, 1).Key;
        db.HighAgeAllowanceStandards.AddRange(
            new HighAgeAllowanceStandard { MinAge = 80, MaxAge = 89, MonthlyAmount = 100, EffectiveFrom = since },
            new HighAgeAllowanceStandard { MinAge = 90, MaxAge = 99, MonthlyAmount = 300, EffectiveFrom = since },
            new HighAgeAllowanceStandard { MinAge = 100, MonthlyAmount = 600, EffectiveFrom = since });
        await db.SaveChangesAsync(cancellationToken);

        var last = calendar.Last;
        var first = last.AddMonths(-(HistoryMonths - 1));
        var batches = new List<AllowancePreview>();
        foreach (var period in Period.Range(first, calendar.Current))
        {
            batches.Add(await allowance.PreviewAsync(period, cancellationToken: cancellationToken));
        }

        var bulk = await BulkLoader.ForAsync(db, new Random(1701), "HighAgeAllowanceStandards", cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            using var insert = bulk.PrepareRows(transaction, "HighAgeAllowancePayments", "PersonId", "DivisionCode", "Period", "Age", "Amount", "Status", "SettledOn", "Version");
            foreach (var batch in batches)
            {
                var paid = batch.Period != calendar.Current;
                var settled = paid ? batch.Period.End.AddDays(-10) : (DateOnly?)null;
                foreach (var line in batch.Lines)
                {
                    insert.Add(line.PersonId, line.DivisionCode, batch.Period.Key, line.Age, line.Amount, (int)(paid ? PaymentStatus.Paid : PaymentStatus.Pending), settled, bulk.NewVersion());
                }
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        await AllowanceTotals.RefreshAsync(db, Period.Range(first, calendar.Current).Select(p => p.Key), cancellationToken);

        // A death reported late (精河县, where the demo county clerk works), after the current month's batch was generated: the person was rightly paid
        // for the month of death, and the current month's (unpaid) allowance is what 待追回 lists for recovery.
        var late = await db.HighAgeAllowancePayments.IgnoreQueryFilters()
            .Where(p => p.Period == calendar.Current.Key && p.DivisionCode.StartsWith("652722"))
            .OrderBy(p => p.PersonId).Select(p => p.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == late, cancellationToken) is { } deceased)
        {
            deceased.RecordDeath(last.Start.AddDays(Math.Min(19, last.End.Day - 1)), calendar.Today);
            await db.SaveChangesAsync(cancellationToken);
        }

        var paidTotal = await db.HighAgeAllowancePayments.IgnoreQueryFilters().Where(p => p.Status == PaymentStatus.Paid).SumAsync(p => p.Amount, cancellationToken);
        var code = ElderlyCareIndicators.All.Single(d => d.Kind == IndicatorKind.Cumulative && d.Numerator == ElderlyCareIndicators.AllowancePaid).Code;
        var shares = new[] { 0.46m, 0.09m, 0.27m, 0.18m };
        var balance = PublishedAllowanceTotal - paidTotal;
        if (balance < 0)
        {
            throw new InvalidOperationException($"The demo allowance history ({paidTotal} 元) exceeds the published total.");
        }

        for (var i = 0; i < 4; i++)
        {
            var value = i < 3 ? Math.Round(balance * shares[i], 2) : balance - Enumerable.Range(0, 3).Sum(j => Math.Round(balance * shares[j], 2));
            db.OpeningBalances.Add(new OpeningBalance { IndicatorCode = code, DivisionCode = Counties[i], Before = first.Key, Value = value });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
