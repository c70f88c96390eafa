using CivilAffairs.Core.ChildDisability;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Indicators;

/// <summary>儿童福利与残疾人福利 indicators: CW01–CW29 (children, mental health), DS01–DS29 (disability subsidies).</summary>
public static class ChildDisabilityIndicators
{
    private const string Plan = "十四五规划（约束性指标）";
    private const ServiceLine Line = ServiceLine.ChildAndDisabilityWelfare;

    /// <summary>14th Five-Year Plan period: institutions built or invested from 2021 on count as new.</summary>
    public const int NewSinceYear = 2021;

    private static readonly WelfareBenefit[] ChildBenefits = [WelfareBenefit.OrphanCentralised, WelfareBenefit.OrphanDispersed, WelfareBenefit.DeFactoUnsupported];
    private static readonly WelfareBenefit[] DisabilityBenefits = [WelfareBenefit.DisabilityLiving, WelfareBenefit.DisabilityNursing];

    /// <summary>Children of a category in care on the last day of the period (alive then).</summary>
    private static Measure ChildrenOf(string key, ChildCategory category) => Measure.Count(key, (db, w) =>
        db.ChildrenInCare.Where(c => c.Category == category && c.StartOn <= w.To && (c.EndOn == null || c.EndOn >= w.To)
            && (c.Person!.DateOfDeath == null || c.Person.DateOfDeath > w.To)));

    /// <summary>Recipients of a subsidy type on the last day of the period (alive then).</summary>
    private static Measure RecipientsOf(string key, DisabilitySubsidyType type) => Measure.Count(key, (db, w) =>
        db.DisabilitySubsidies.Where(s => s.SubsidyType == type && s.StartOn <= w.To && (s.EndOn == null || s.EndOn >= w.To)
            && (s.Person!.DateOfDeath == null || s.Person.DateOfDeath > w.To)));

    /// <summary>应保人数 of a subsidy type: per division, the latest record effective in or before the period's month.</summary>
    private static Measure EligibleOf(string key, DisabilitySubsidyType type) => Measure.Sum(key, (db, w) => LatestEligible(db, type, Period.Of(w.To).Key), e => e.Count);

    private static IQueryable<EligiblePopulation> LatestEligible(CivilAffairsDbContext db, DisabilitySubsidyType type, int key) =>
        db.EligiblePopulations.Where(e => e.SubsidyType == type && e.EffectiveFrom <= key
            && !db.EligiblePopulations.Any(o => o.DivisionCode == e.DivisionCode && o.SubsidyType == type && o.EffectiveFrom > e.EffectiveFrom && o.EffectiveFrom <= key));

    private static MeasureRows<WelfareFacility> OperatingFacilities(WelfareFacilityKind kind) =>
        Measure.Rows(db => db.WelfareFacilities.Where(f => f.Kind == kind && f.Status == WelfareFacilityStatus.Operating))
            .WindowOn(f => f.OpenedOn, undatedIsEarliest: true, upToEnd: true);

    public static readonly Measure OrphansCentralised = ChildrenOf("cw.orphans.centralised", ChildCategory.OrphanCentralised);

    public static readonly Measure OrphansDispersed = ChildrenOf("cw.orphans.dispersed", ChildCategory.OrphanDispersed);

    public static readonly Measure DeFactoChildren = ChildrenOf("cw.defacto", ChildCategory.DeFactoUnsupported);

    /// <summary>Children's basic living allowance paid (status 已发放), in 元, by the month paid for.</summary>
    public static readonly Measure ChildAllowancePaid =
        Measure.Rows(db => db.WelfareMonthlyTotals.Where(t => ChildBenefits.Contains(t.Benefit))).WindowOnMonth(t => t.Period).Sum("cw.allowance.paid", t => t.PaidAmount);

    public static readonly Measure AidStudents =
        Measure.Rows(db => db.EducationAids).WindowOnYear(a => a.Year).Count("cw.aid.students");

    public static readonly Measure AidAmount =
        Measure.Rows(db => db.EducationAids).WindowOnYear(a => a.Year).Sum("cw.aid.amount", a => a.Amount);

    public static readonly Measure ChildInstitutions = OperatingFacilities(WelfareFacilityKind.ChildWelfareInstitution).Count("cw.institutions");

    public static readonly Measure NewChildInstitutions = Measure.Count("cw.institutions.new", (db, w) =>
        db.WelfareFacilities.Where(f => f.Kind == WelfareFacilityKind.ChildWelfareInstitution && f.Status == WelfareFacilityStatus.Operating
            && f.OpenedOn != null && f.OpenedOn <= w.To && f.OpenedOn >= new DateOnly(NewSinceYear, 1, 1)));

    public static readonly Measure InstitutionBeds = OperatingFacilities(WelfareFacilityKind.ChildWelfareInstitution).Sum("cw.institutions.beds", f => f.Capacity);

    public static readonly Measure ProtectionStations = OperatingFacilities(WelfareFacilityKind.MinorProtectionStation).Count("cw.stations");

    /// <summary>Investment in 元 in child welfare institutions since 2021, by investment year up to the period's.</summary>
    public static readonly Measure InstitutionInvestment =
        Measure.Rows(db => db.WelfareFacilities.Where(f => f.Kind == WelfareFacilityKind.ChildWelfareInstitution && f.InvestmentYear >= NewSinceYear))
            .WindowOnYear(f => f.InvestmentYear, upToEnd: true).Sum("cw.institutions.investment", f => f.Investment);

    public static readonly Measure StationInvestment =
        Measure.Rows(db => db.WelfareFacilities.Where(f => f.Kind == WelfareFacilityKind.MinorProtectionStation))
            .WindowOnYear(f => f.InvestmentYear, upToEnd: true).Sum("cw.stations.investment", f => f.Investment);

    public static readonly Measure PsychiatricHomes = OperatingFacilities(WelfareFacilityKind.PsychiatricWelfareHome).Count("cw.psychiatric");

    public static readonly Measure RehabSessions = Measure.Rows(db => db.RehabActivities).WindowOn(a => a.HeldOn).Count("cw.rehab.sessions");

    public static readonly Measure RehabParticipants = Measure.Rows(db => db.RehabActivities).WindowOn(a => a.HeldOn).Sum("cw.rehab.participants", a => a.Participants);

    public static readonly Measure LivingRecipients = RecipientsOf("ds.living", DisabilitySubsidyType.Living);

    public static readonly Measure NursingRecipients = RecipientsOf("ds.nursing", DisabilitySubsidyType.Nursing);

    public static readonly Measure LivingEligible = EligibleOf("ds.living.eligible", DisabilitySubsidyType.Living);

    public static readonly Measure NursingEligible = EligibleOf("ds.nursing.eligible", DisabilitySubsidyType.Nursing);

    public static readonly Measure CrossProvince = Measure.Count("ds.crossProvince", (db, w) =>
        db.DisabilitySubsidies.Where(s => s.CrossProvince && s.StartOn <= w.To && (s.EndOn == null || s.EndOn >= w.To)));

    /// <summary>Both disability subsidies paid (status 已发放), in 元, by the month paid for.</summary>
    public static readonly Measure DisabilityPaid =
        Measure.Rows(db => db.WelfareMonthlyTotals.Where(t => DisabilityBenefits.Contains(t.Benefit))).WindowOnMonth(t => t.Period).Sum("ds.paid", t => t.PaidAmount);

    /// <summary>Disability subsidy payments not returned (人次).</summary>
    public static readonly Measure DisabilityPayments =
        Measure.Rows(db => db.WelfareMonthlyTotals.Where(t => DisabilityBenefits.Contains(t.Benefit))).WindowOnMonth(t => t.Period).Sum("ds.payments", t => t.Payments);

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("CW01", "孤儿（集中养育）", "Orphans in centralised care", IndicatorUnit.Persons, IndicatorKind.Stock, Line, OrphansCentralised, RecordsPage: "/children/in-care?kind=OrphanCentralised"),
        new("CW02", "孤儿（社会散居）", "Orphans in dispersed care", IndicatorUnit.Persons, IndicatorKind.Stock, Line, OrphansDispersed, RecordsPage: "/children/in-care?kind=OrphanDispersed"),
        new("CW03", "事实无人抚养儿童", "De-facto unsupported children", IndicatorUnit.Persons, IndicatorKind.Stock, Line, DeFactoChildren, RecordsPage: "/children/in-care?kind=DeFactoUnsupported"),
        new("CW04", "儿童基本生活费发放金额（本月）", "Children's basic living allowance paid this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, Line, ChildAllowancePaid, RecordsPage: "/children/payments"),
        new("CW05", "儿童基本生活费发放金额（本年）", "Children's basic living allowance paid this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, Line, ChildAllowancePaid, RecordsPage: "/children/payments"),
        new("CW06", "福彩圆梦·孤儿助学人数（本年）", "Orphan education aid students this year", IndicatorUnit.Persons, IndicatorKind.YearToDate, Line, AidStudents, RecordsPage: "/children/education-aid"),
        new("CW07", "福彩圆梦·孤儿助学金额（本年）", "Orphan education aid this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, Line, AidAmount, RecordsPage: "/children/education-aid"),
        new("CW08", "儿童福利机构", "Child welfare institutions", IndicatorUnit.Count, IndicatorKind.Stock, Line, ChildInstitutions, RecordsPage: "/children/facilities?kind=ChildWelfareInstitution"),
        new("CW09", "新建儿童福利机构（十四五以来）", "New child welfare institutions since 2021", IndicatorUnit.Count, IndicatorKind.Cumulative, Line, NewChildInstitutions, RecordsPage: "/children/facilities?kind=ChildWelfareInstitution"),
        new("CW10", "儿童福利机构床位", "Child welfare institution beds", IndicatorUnit.Beds, IndicatorKind.Stock, Line, InstitutionBeds, RecordsPage: "/children/facilities?kind=ChildWelfareInstitution"),
        new("CW11", "儿童福利机构投资（十四五以来）", "Child welfare institution investment since 2021", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, Line, InstitutionInvestment, RecordsPage: "/children/facilities?kind=ChildWelfareInstitution"),
        new("CW12", "乡镇（街道）未成年人保护工作站", "Township minor-protection stations", IndicatorUnit.Count, IndicatorKind.Stock, Line, ProtectionStations, RecordsPage: "/children/facilities?kind=MinorProtectionStation"),
        new("CW13", "未成年人保护工作站投资", "Minor-protection station investment", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, Line, StationInvestment, RecordsPage: "/children/facilities?kind=MinorProtectionStation"),
        new("CW14", "精神卫生福利机构", "Psychiatric welfare homes", IndicatorUnit.Count, IndicatorKind.Stock, Line, PsychiatricHomes, RecordsPage: "/children/facilities?kind=PsychiatricWelfareHome"),
        new("CW15", "社区康复活动（本年）", "Community rehabilitation activities this year", IndicatorUnit.Count, IndicatorKind.YearToDate, Line, RehabSessions, RecordsPage: "/disability/rehabilitation"),
        new("CW16", "社区康复活动参与人次（本年）", "Rehabilitation participants this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, Line, RehabParticipants, RecordsPage: "/disability/rehabilitation"),
        new("DS01", "困难残疾人生活补贴对象", "Living-subsidy recipients", IndicatorUnit.Persons, IndicatorKind.Stock, Line, LivingRecipients, RecordsPage: "/disability/recipients?kind=Living"),
        new("DS02", "重度残疾人护理补贴对象", "Nursing-subsidy recipients", IndicatorUnit.Persons, IndicatorKind.Stock, Line, NursingRecipients, RecordsPage: "/disability/recipients?kind=Nursing"),
        new("DS03", "困难残疾人生活补贴覆盖率", "Living-subsidy coverage", IndicatorUnit.Percent, IndicatorKind.Stock, Line, LivingRecipients, LivingEligible,
            new IndicatorTarget(100, TargetDirection.AtLeast, Plan), "/disability/eligible"),
        new("DS04", "重度残疾人护理补贴覆盖率", "Nursing-subsidy coverage", IndicatorUnit.Percent, IndicatorKind.Stock, Line, NursingRecipients, NursingEligible,
            new IndicatorTarget(100, TargetDirection.AtLeast, Plan), "/disability/eligible"),
        new("DS05", "残疾人两项补贴发放金额（本月）", "Disability subsidies paid this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, Line, DisabilityPaid, RecordsPage: "/disability/payments"),
        new("DS06", "残疾人两项补贴发放金额（本年）", "Disability subsidies paid this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, Line, DisabilityPaid, RecordsPage: "/disability/payments"),
        new("DS07", "残疾人两项补贴发放金额（累计）", "Disability subsidies paid, cumulative", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, Line, DisabilityPaid, RecordsPage: "/disability/payments"),
        new("DS08", "残疾人两项补贴跨省通办对象", "Cross-province subsidy recipients", IndicatorUnit.Persons, IndicatorKind.Stock, Line, CrossProvince, RecordsPage: "/disability/recipients?kind=CrossProvince"),
        new("DS09", "残疾人两项补贴发放人次（本年）", "Disability subsidy payments this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, Line, DisabilityPayments, RecordsPage: "/disability/payments"),
        new("DS10", "困难残疾人生活补贴应保人数", "Persons eligible for the living subsidy", IndicatorUnit.Persons, IndicatorKind.Stock, Line, LivingEligible, RecordsPage: "/disability/eligible"),
        new("DS11", "重度残疾人护理补贴应保人数", "Persons eligible for the nursing subsidy", IndicatorUnit.Persons, IndicatorKind.Stock, Line, NursingEligible, RecordsPage: "/disability/eligible"),
    ];
}
