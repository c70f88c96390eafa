using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;

namespace CivilAffairs.Core.Indicators;

/// <summary>社会救助 indicators (cases and payments) and the measures behind them.</summary>
public static class SocialAssistanceIndicators
{
    // A 低保 case is in the stock at a period's end when it is in payment on that day (one rule with the
    // monthly batch: DibaoInPayment), so a month's figure stays what it was when a case changes later.
    private static IQueryable<DibaoCase> InStock(Data.CivilAffairsDbContext db, DateWindow w, UrbanRural area) =>
        DibaoInPayment.On(db, w.To).Where(c => c.Area == area);

    private static IQueryable<ExtremePovertyCase> Supported(Data.CivilAffairsDbContext db, DateWindow w, SupportMode mode) =>
        db.ExtremePovertyCases.Where(c => c.Mode == mode && c.StartedOn <= w.To && (c.EndedOn == null || c.EndedOn > w.To));

    public static readonly Measure UrbanHouseholds = Measure.Count("sa.dibao.urban.households", (db, w) => InStock(db, w, UrbanRural.Urban));

    public static readonly Measure RuralHouseholds = Measure.Count("sa.dibao.rural.households", (db, w) => InStock(db, w, UrbanRural.Rural));

    public static readonly Measure UrbanPersons = Measure.Sum("sa.dibao.urban.persons", (db, w) => InStock(db, w, UrbanRural.Urban), c => c.Members);

    public static readonly Measure RuralPersons = Measure.Sum("sa.dibao.rural.persons", (db, w) => InStock(db, w, UrbanRural.Rural), c => c.Members);

    /// <summary>低保 paid out (已发放), in 元, per month paid for (from the monthly totals kept with the payments).</summary>
    public static readonly Measure DibaoPaid =
        Measure.Rows(db => db.AssistanceMonthlyTotals.Where(t => t.Program == AssistanceProgram.Dibao)).WindowOnMonth(t => t.Period).Sum("sa.dibao.paid", t => t.PaidAmount);

    public static readonly Measure CentralisedPersons = Measure.Count("sa.poverty.centralised", (db, w) => Supported(db, w, SupportMode.Centralised));

    public static readonly Measure DispersedPersons = Measure.Count("sa.poverty.dispersed", (db, w) => Supported(db, w, SupportMode.Dispersed));

    /// <summary>Dispersed 特困 persons who want centralised care (the bureau's rule, 应养尽养: there are none).</summary>
    public static readonly Measure WillingNotCentralised = Measure.Count("sa.poverty.willingNotCentralised", (db, w) =>
        Supported(db, w, SupportMode.Dispersed).Where(c => c.WillingCentralised));

    /// <summary>特困 support paid out (已发放), in 元.</summary>
    public static readonly Measure PovertyPaid =
        Measure.Rows(db => db.AssistanceMonthlyTotals.Where(t => t.Program == AssistanceProgram.ExtremePoverty)).WindowOnMonth(t => t.Period).Sum("sa.poverty.paid", t => t.PaidAmount);

    /// <summary>Working days from application to confirmation, summed over the cases confirmed in the window.</summary>
    public static readonly Measure ProcessingDays =
        Measure.Rows(db => db.DibaoCases.Where(c => c.ProcessingDays != null)).WindowOn(c => c.ConfirmedOn).Sum("sa.dibao.processingDays", c => c.ProcessingDays ?? 0);

    public static readonly Measure ConfirmedCases =
        Measure.Rows(db => db.DibaoCases.Where(c => c.ProcessingDays != null)).WindowOn(c => c.ConfirmedOn).Count("sa.dibao.confirmed");

    /// <summary>
    /// Cases applied for and not yet decided at the period's end whose whole-procedure deadline had
    /// passed by then (the step deadlines are only known for the current state, so history uses this one).
    /// </summary>
    public static readonly Measure OverdueCases = Measure.Count("sa.dibao.overdue", (db, w) =>
        db.DibaoCases.Where(c => c.AppliedOn <= w.To && c.ProcessDueOn < w.To && (c.DecidedOn == null || c.DecidedOn > w.To)));

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("SA01", "城市低保户数", "Urban minimum-living-guarantee households", IndicatorUnit.Households, IndicatorKind.Stock, ServiceLine.SocialAssistance, UrbanHouseholds, RecordsPage: "/assistance/cases?area=Urban"),
        new("SA02", "城市低保人数", "Urban minimum-living-guarantee persons", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.SocialAssistance, UrbanPersons, RecordsPage: "/assistance/cases?area=Urban"),
        new("SA03", "农村低保户数", "Rural minimum-living-guarantee households", IndicatorUnit.Households, IndicatorKind.Stock, ServiceLine.SocialAssistance, RuralHouseholds, RecordsPage: "/assistance/cases?area=Rural"),
        new("SA04", "农村低保人数", "Rural minimum-living-guarantee persons", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.SocialAssistance, RuralPersons, RecordsPage: "/assistance/cases?area=Rural"),
        new("SA05", "低保资金支出（本月）", "Minimum-living-guarantee spending this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.SocialAssistance, DibaoPaid, RecordsPage: "/assistance/payments"),
        new("SA06", "低保资金支出（本年）", "Minimum-living-guarantee spending this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, DibaoPaid, RecordsPage: "/assistance/payments"),
        new("SA07", "特困人员（集中供养）", "Extremely poor persons in centralised care", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.SocialAssistance, CentralisedPersons, RecordsPage: "/assistance/extreme-poverty?mode=Centralised"),
        new("SA08", "特困人员（分散供养）", "Extremely poor persons in dispersed care", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.SocialAssistance, DispersedPersons, RecordsPage: "/assistance/extreme-poverty?mode=Dispersed"),
        new("SA09", "特困供养资金支出（本月）", "Extreme-poverty support spending this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.SocialAssistance, PovertyPaid, RecordsPage: "/assistance/payments"),
        new("SA10", "特困供养资金支出（本年）", "Extreme-poverty support spending this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, PovertyPaid, RecordsPage: "/assistance/payments"),
        new("SA11", "低保平均办理时长（工作日）", "Average working days to confirm a case", IndicatorUnit.Days, IndicatorKind.Flow, ServiceLine.SocialAssistance, ProcessingDays, ConfirmedCases, RecordsPage: "/assistance/cases"),
        new("SA13", "有集中供养意愿未集中供养的特困人员", "Extremely poor persons willing but not yet in centralised care", IndicatorUnit.Persons, IndicatorKind.Stock, ServiceLine.SocialAssistance, WillingNotCentralised,
            Target: new IndicatorTarget(0, TargetDirection.AtMost, "特困人员救助供养政策（应养尽养）"), RecordsPage: "/assistance/extreme-poverty?willing=true"),
        new("SA12", "低保超期未办结案件", "Overdue open cases", IndicatorUnit.Count, IndicatorKind.Stock, ServiceLine.SocialAssistance, OverdueCases, RecordsPage: "/assistance/cases?overdue=true"),
    ];
}
