using System.Linq.Expressions;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Indicators;

/// <summary>养老服务 indicators and the measures behind them.</summary>
public static class ElderlyCareIndicators
{
    private const string Plan = "十四五规划";

    // A facility counts at the end of a period when it had opened by then and was operating on that day
    // (its dated status history, see FacilityOperation): the list behind the tiles uses the same predicate.
    private static IQueryable<CareFacility> OperatingAt(Data.CivilAffairsDbContext db, DateWindow w) =>
        db.CareFacilities.OperatingOn(db, w.To);

    private static OperatingRows Operating(Expression<Func<CareFacility, bool>>? which = null) => new(which);

    /// <summary>Facilities operating at the window's end, optionally narrowed, to count or sum per division.</summary>
    private sealed class OperatingRows(Expression<Func<CareFacility, bool>>? which)
    {
        private IQueryable<CareFacility> Rows(Data.CivilAffairsDbContext db, DateWindow w) =>
            which is null ? OperatingAt(db, w) : OperatingAt(db, w).Where(which);

        public Measure Count(string key) => Measure.Count(key, Rows);

        public Measure Sum(string key, Expression<Func<CareFacility, int>> value) => Measure.Sum(key, Rows, value);
    }

    private static readonly FacilityKind[] InstitutionKinds =
        [.. Enum.GetValues<FacilityKind>().Where(k => k.IsInstitution())];

    private static readonly DivisionKind[] TownshipKinds =
        [.. Enum.GetValues<DivisionKind>().Where(k => k.IsTownshipLevel())];

    private static Measure CountOf(string key, params FacilityKind[] kinds) =>
        Operating(f => kinds.Contains(f.Kind)).Count(key);

    public static readonly Measure InstitutionBeds =
        Operating(f => InstitutionKinds.Contains(f.Kind)).Sum("ec.institution.beds", f => f.TotalBeds);

    public static readonly Measure InstitutionNursingBeds =
        Operating(f => InstitutionKinds.Contains(f.Kind)).Sum("ec.institution.nursingBeds", f => f.NursingBeds);

    /// <summary>街道, 镇 and 乡 (not farms or parks): the denominator of township coverage.</summary>
    public static readonly Measure Townships =
        Measure.Rows(db => db.Divisions.Where(d => TownshipKinds.Contains(d.Kind)), d => d.Code).Count("div.townships");

    /// <summary>乡镇街道 with at least one regional centre in service (a township with two counts once).</summary>
    public static readonly Measure TownshipsWithCentre = Measure.Count("ec.townships.withCentre", (db, w) =>
        db.Divisions.Where(d => TownshipKinds.Contains(d.Kind)
            && OperatingAt(db, w).Any(f => f.Kind == FacilityKind.TownshipCareCenter && f.DivisionCode == d.Code)), d => d.Code);

    public static readonly Measure AllFacilities = Operating().Count("ec.facilities");

    public static readonly Measure Institutions = CountOf("ec.institutions", InstitutionKinds);

    public static readonly Measure DayCareCentres = CountOf("ec.daycare", FacilityKind.CommunityDayCareCenter);

    public static readonly Measure MealPoints = CountOf("ec.mealpoints", FacilityKind.MealServicePoint);

    public static readonly Measure RegionalCentres = CountOf("ec.regional", FacilityKind.TownshipCareCenter);

    public static readonly Measure Courtyards = CountOf("ec.courtyards", FacilityKind.RuralHappinessCourtyard);

    /// <summary>Day-care centres built or renovated as livelihood projects in the 14th Five-Year Plan (2021 on).</summary>
    public static readonly Measure NewDayCareCentres = Measure.Count("ec.daycare.new", (db, w) =>
        OperatingAt(db, w).Where(f => f.Kind == FacilityKind.CommunityDayCareCenter && f.LivelihoodProjectYear >= 2021 && f.LivelihoodProjectYear <= w.To.Year));

    public static readonly Measure MedicalInstitutions =
        Operating(f => f.HasMedicalService && InstitutionKinds.Contains(f.Kind)).Count("ec.medical.institutions");

    public static readonly Measure MedicalDayCare =
        Operating(f => f.HasMedicalService && f.Kind == FacilityKind.CommunityDayCareCenter).Count("ec.medical.daycare");

    /// <summary>Investment in 元 of facilities invested up to the period's year (built or under construction).</summary>
    public static readonly Measure Investment =
        Measure.Rows(db => db.CareFacilities).WindowOnYear(f => f.InvestmentYear, upToEnd: true).Sum("ec.investment", f => f.Investment);

    /// <summary>
    /// Households (户) adapted in the window: each elderly person's home counts once however many adaptations it had
    /// (the first one completed in the window, in its division), as the bureau publishes 适老化改造 in households.
    /// </summary>
    public static readonly Measure AdaptationsCompleted = Measure.Count("ec.adaptations.households", (db, w) =>
        db.HomeAdaptations.Where(a => a.CompletedOn != null && (w.From == null || a.CompletedOn >= w.From) && a.CompletedOn <= w.To
            && !db.HomeAdaptations.Any(b => b.PersonId == a.PersonId && b.CompletedOn != null && (w.From == null || b.CompletedOn >= w.From)
                && (b.CompletedOn < a.CompletedOn || (b.CompletedOn == a.CompletedOn && b.Id < a.Id)))));

    public static readonly Measure Visits =
        Measure.Rows(db => db.CareVisits).WindowOn(v => v.VisitedOn).Count("ec.visits");

    public static readonly Measure TrainingPersonTimes =
        Measure.Rows(db => db.CaregiverTrainings.Where(t => t.Kind == TrainingKind.Training)).WindowOn(t => t.HeldOn).Sum("ec.training", t => t.Participants);

    /// <summary>Enrolled elderly persons now (the register keeps no history): the same for every window.</summary>
    public static readonly Measure EnrolledElderly = Measure.Rows(db => db.ElderlyPersons).Count("ec.elderly");

    // Allowance measures read the monthly totals kept with the payments (AllowanceTotals), not the
    // payments themselves: a cumulative figure over ten million payments is then a few thousand rows.

    /// <summary>Payments not returned, per month paid for.</summary>
    public static readonly Measure AllowanceRecipients =
        Measure.Rows(db => db.AllowanceMonthlyTotals).WindowOnMonth(t => t.Period).Sum("ec.allowance.recipients", t => t.Payments);

    /// <summary>Allowance paid out (status 已发放), in 元.</summary>
    public static readonly Measure AllowancePaid =
        Measure.Rows(db => db.AllowanceMonthlyTotals).WindowOnMonth(t => t.Period).Sum("ec.allowance.paid", t => t.PaidAmount);

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("EC01", "养老机构护理型床位占比", "Nursing-type beds in care institutions", IndicatorUnit.Percent, IndicatorKind.Stock, ServiceLine.ElderlyCare,
            InstitutionNursingBeds, InstitutionBeds, new IndicatorTarget(55, TargetDirection.AtLeast, Plan), "/elderly/facilities?operating=true&scope=institutions"),
        new("EC02", "乡镇(街道)区域养老服务中心覆盖率", "Township regional care-centre coverage", IndicatorUnit.Percent, IndicatorKind.Stock, ServiceLine.ElderlyCare,
            TownshipsWithCentre, Townships, new IndicatorTarget(60, TargetDirection.AtLeast, Plan), "/elderly/facilities?operating=true&kind=TownshipCareCenter"),
        new("EC03", "养老服务设施", "Elderly-care facilities", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, AllFacilities, RecordsPage: "/elderly/facilities?operating=true"),
        new("EC04", "养老机构", "Care institutions", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, Institutions, RecordsPage: "/elderly/facilities?operating=true&scope=institutions"),
        new("EC05", "养老机构床位", "Institution beds", IndicatorUnit.Beds, IndicatorKind.Stock, ServiceLine.ElderlyCare, InstitutionBeds, RecordsPage: "/elderly/facilities?operating=true&scope=institutions"),
        new("EC06", "护理型床位", "Nursing-type beds", IndicatorUnit.Beds, IndicatorKind.Stock, ServiceLine.ElderlyCare, InstitutionNursingBeds, RecordsPage: "/elderly/facilities?operating=true&scope=institutions"),
        new("EC07", "乡镇(街道)区域养老服务中心", "Township regional care centres", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, RegionalCentres, RecordsPage: "/elderly/facilities?operating=true&kind=TownshipCareCenter"),
        new("EC08", "社区日间照料中心", "Community day-care centres", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, DayCareCentres, RecordsPage: "/elderly/facilities?operating=true&kind=CommunityDayCareCenter"),
        new("EC09", "新建改建日间照料中心（十四五以来）", "New or renovated day-care centres since 2021", IndicatorUnit.Count, IndicatorKind.Cumulative, ServiceLine.ElderlyCare, NewDayCareCentres, RecordsPage: "/elderly/facilities?operating=true&kind=CommunityDayCareCenter&scope=livelihood"),
        new("EC10", "老年助餐点", "Meal service points", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, MealPoints, RecordsPage: "/elderly/facilities?operating=true&kind=MealServicePoint"),
        new("EC11", "农村幸福大院", "Rural happiness courtyards", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, Courtyards, RecordsPage: "/elderly/facilities?operating=true&kind=RuralHappinessCourtyard"),
        new("EC12", "医养结合养老机构", "Institutions with medical services", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, MedicalInstitutions, RecordsPage: "/elderly/facilities?operating=true&scope=institutions&medical=true"),
        new("EC13", "医养结合日间照料中心", "Day-care centres with medical services", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.ElderlyCare, MedicalDayCare, RecordsPage: "/elderly/facilities?operating=true&kind=CommunityDayCareCenter&medical=true"),
        new("EC14", "养老服务设施投资", "Elderly-care investment", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, ServiceLine.ElderlyCare, Investment, RecordsPage: "/elderly/facilities"),
        new("EC15", "适老化改造（本年）", "Home adaptations this year", IndicatorUnit.Households, IndicatorKind.YearToDate, ServiceLine.ElderlyCare, AdaptationsCompleted, RecordsPage: "/elderly/adaptations"),
        new("EC16", "适老化改造（累计）", "Home adaptations, cumulative", IndicatorUnit.Households, IndicatorKind.Cumulative, ServiceLine.ElderlyCare, AdaptationsCompleted, RecordsPage: "/elderly/adaptations"),
        new("EC17", "高龄津贴发放人数（本月）", "High-age allowance recipients this month", IndicatorUnit.Persons, IndicatorKind.Flow, ServiceLine.ElderlyCare, AllowanceRecipients, RecordsPage: "/elderly/allowance"),
        new("EC24", "高龄津贴发放人次（本年）", "High-age allowance payments this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, ServiceLine.ElderlyCare, AllowanceRecipients, RecordsPage: "/elderly/allowance"),
        new("EC18", "高龄津贴发放金额（本月）", "High-age allowance paid this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.ElderlyCare, AllowancePaid, RecordsPage: "/elderly/allowance"),
        new("EC19", "高龄津贴发放金额（本年）", "High-age allowance paid this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.ElderlyCare, AllowancePaid, RecordsPage: "/elderly/allowance"),
        new("EC20", "高龄津贴发放金额（累计）", "High-age allowance paid, cumulative", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, ServiceLine.ElderlyCare, AllowancePaid, RecordsPage: "/elderly/allowance"),
        new("EC21", "探访关爱（本年）", "Care visits this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, ServiceLine.ElderlyCare, Visits, RecordsPage: "/elderly/visits"),
        new("EC22", "养老护理员培训（本年）", "Caregiver training this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, ServiceLine.ElderlyCare, TrainingPersonTimes, RecordsPage: "/elderly/training"),
        new("EC23", "登记老年人", "Registered elderly persons", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.ElderlyCare, EnrolledElderly, RecordsPage: "/elderly/persons"),
    ];
}

/// <summary>Every indicator of every service line, in catalogue order.</summary>
public static class IndicatorCatalog
{
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        .. ElderlyCareIndicators.All, .. SocialAssistanceIndicators.All, .. SocialAssistanceSupportIndicators.All,
        .. SocialOrganizationIndicators.All, .. CharityIndicators.All, .. SocialAffairsIndicators.All, .. ChildDisabilityIndicators.All,
    ];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    public static IEnumerable<IndicatorDefinition> ForLine(ServiceLine line) => All.Where(d => d.Line == line);
}
