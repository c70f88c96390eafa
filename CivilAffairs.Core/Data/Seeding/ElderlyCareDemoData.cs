using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// The elderly-care network as the bureau publishes it (SERVICE-LINES.md §1): nursing-bed ratio 61%,
/// 17 of 23 乡镇街道 with a regional centre, 271 meal points, 17 new or renovated day-care centres,
/// 5 institutions and 9 day-care centres with medical services, 13,418 万元 invested, 233 homes
/// adapted, 926 training person-times this year, and 1,701 万元 of high-age allowance paid in all
/// (an opening balance per county plus the twelve months to the report month paid through the real
/// batch; the current month's batch is generated and not yet paid). Every date is relative to the
/// clock's last closed month (<see cref="DemoCalendar"/>), where these figures are reached.
/// Deterministic; runs only on an empty elderly-care table.
/// </summary>
public sealed class ElderlyCareDemoData(HighAgeAllowanceService allowance, TimeProvider clock)
{
    public const decimal PublishedAllowanceTotal = 17_010_000m;

    private static readonly string[] Counties = ["652701", "652702", "652722", "652723"];
    private static readonly string[] CountyNames = ["博乐市", "阿拉山口市", "精河县", "温泉县"];

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

        CareFacility Add(string name, FacilityKind kind, string division, int beds, int nursing, decimal investmentWan, int year, DateOnly opened, bool medical = false, int? livelihood = null, OperationMode mode = OperationMode.PublicOperated, string? op = null)
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

        for (var i = 0; i < 271; i++)
        {
            Add($"{DivisionCatalog.NameOf(leaves[i % leaves.Count])}老年助餐点{(i / leaves.Count) + 1:00}", FacilityKind.MealServicePoint, leaves[i % leaves.Count], 0, 0, 0, 0, calendar.YearsAgo(4 - (i % 4), 1 + (i % 12), 1));
        }

        // 60 rural courtyards carry the remaining 1,608 万元 of the 13,418 万元 investment.
        for (var i = 0; i < 60; i++)
        {
            Add($"{DivisionCatalog.NameOf(leaves[i % leaves.Count])}农村幸福大院{(i / leaves.Count) + 1}", FacilityKind.RuralHappinessCourtyard, leaves[i % leaves.Count], 0, 0, 26.8m, year - 5 + (i % 5), calendar.YearsAgo(5 - (i % 5), 6, 1));
        }

        db.CareFacilities.AddRange(facilities);
        await db.SaveChangesAsync(cancellationToken);

        await SeedPeopleAndActivitiesAsync(db, facilities, calendar, random, cancellationToken);
        await SeedAllowanceAsync(db, calendar, cancellationToken);
    }

    private static async Task SeedPeopleAndActivitiesAsync(CivilAffairsDbContext db, List<CareFacility> facilities, DemoCalendar calendar, Random random, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var sixtyPlus = today.AddYears(-60);
        var people = await db.People.IgnoreQueryFilters().Where(p => p.BirthDate <= sixtyPlus).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var institutions = facilities.Where(f => f.Kind.IsInstitution()).ToList();
        var elderly = people.Select((p, i) => new ElderlyPerson
        {
            PersonId = p.Id, DivisionCode = p.DivisionCode, EmptyNest = i % 3 == 0, LivingAlone = i % 5 == 0, Disabled = i % 7 == 0,
            SeverelyDisabled = i % 11 == 0, ExtremelyPoor = i % 13 == 0,
            CareMode = i % 10 == 0 ? CareMode.Institution : i % 10 == 1 ? CareMode.Community : CareMode.Home,
            FacilityId = i % 10 == 0 ? institutions[i % institutions.Count].Id : null,
        }).ToList();
        db.ElderlyPersons.AddRange(elderly);
        await db.SaveChangesAsync(cancellationToken);

        var visited = elderly.Where(e => e.EmptyNest || e.Disabled || e.SeverelyDisabled || e.LivingAlone).ToList();
        for (var i = 0; i < 300 && visited.Count > 0; i++)
        {
            var e = visited[i % visited.Count];
            db.CareVisits.Add(new CareVisit
            {
                ElderlyPersonId = e.Id, DivisionCode = e.DivisionCode, VisitedOn = today.AddDays(-random.Next(0, 330)), Visitor = i % 2 == 0 ? "社区网格员" : "乡镇民政助理员",
                Mode = i % 3 == 0 ? VisitMode.Phone : VisitMode.InPerson, Findings = i % 9 == 0 ? "需协助就医" : "身体状况良好", FollowUpNeeded = i % 9 == 0,
            });
        }

        // 233 adapted homes completed by the end of the report month (the published cumulative figure), every
        // four days back from it; 12 in progress.
        for (var i = 0; i < 245; i++)
        {
            var p = people[i % people.Count];
            var cost = 3000m + (i % 5 * 500m);
            db.HomeAdaptations.Add(new HomeAdaptation
            {
                PersonId = p.Id, DivisionCode = p.DivisionCode, Items = i % 2 == 0 ? "卫生间扶手、防滑地面、紧急呼叫器" : "床边护栏、坐便椅、夜间感应灯",
                Cost = cost, Subsidy = cost * 0.8m, CompletedOn = i < 233 ? calendar.Last.End.AddDays(-4 * i) : null,
            });
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
    /// Standards; the twelve months to the report month through the real batch service, all paid (each
    /// settled ten days before its month ends), and the current month's batch generated, not yet paid;
    /// the opening balance makes up the published total at the report month.
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
        var first = last.AddMonths(-11);
        foreach (var period in Period.Range(first, calendar.Current))
        {
            await allowance.CommitAsync(period, cancellationToken: cancellationToken);
        }

        foreach (var period in Period.Range(first, last))
        {
            var settled = period.End.AddDays(-10);
            await db.HighAgeAllowancePayments.IgnoreQueryFilters().Where(p => p.Period == period.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Paid).SetProperty(p => p.SettledOn, settled), cancellationToken);
        }

        await AllowanceTotals.RefreshAsync(db, Period.Range(first, last).Select(p => p.Key), cancellationToken);

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

        var paid = await db.HighAgeAllowancePayments.IgnoreQueryFilters().Where(p => p.Status == PaymentStatus.Paid).SumAsync(p => p.Amount, cancellationToken);
        var code = ElderlyCareIndicators.All.Single(d => d.Kind == IndicatorKind.Cumulative && d.Numerator == ElderlyCareIndicators.AllowancePaid).Code;
        var shares = new[] { 0.46m, 0.09m, 0.27m, 0.18m };
        var balance = PublishedAllowanceTotal - paid;
        for (var i = 0; i < 4; i++)
        {
            var value = i < 3 ? Math.Round(balance * shares[i], 2) : balance - Enumerable.Range(0, 3).Sum(j => Math.Round(balance * shares[j], 2));
            db.OpeningBalances.Add(new OpeningBalance { IndicatorCode = code, DivisionCode = Counties[i], Before = first.Key, Value = value });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
