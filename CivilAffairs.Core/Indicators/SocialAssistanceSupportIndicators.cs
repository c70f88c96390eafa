using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialAssistance;

namespace CivilAffairs.Core.Indicators;

/// <summary>
/// 社会救助 support-programme indicators (临时救助, 安心助养, 主动发现, 近亲属备案). Codes SA50 and up;
/// SA01–SA49 belong to the 低保/特困 half of the line.
/// </summary>
public static class SocialAssistanceSupportIndicators
{
    private const string Line = "/assistance";

    public static readonly Measure TemporaryPersonTimes =
        Measure.Rows(db => db.TemporaryAssistances).WindowOn(a => a.GivenOn).Count("sa.temporary.personTimes");

    /// <summary>Amount in 元, cash and the value of assistance in kind.</summary>
    public static readonly Measure TemporaryAmount =
        Measure.Rows(db => db.TemporaryAssistances).WindowOn(a => a.GivenOn).Sum("sa.temporary.amount", a => a.Amount);

    public static readonly Measure TemporaryAtPoints =
        Measure.Rows(db => db.TemporaryAssistances.Where(a => a.AssistancePointId != null)).WindowOn(a => a.GivenOn).Count("sa.temporary.atPoints");

    /// <summary>Families supported on the last day of the period.</summary>
    public static readonly Measure SubsidyFamilies = Measure.Count("sa.subsidy.families", (db, w) =>
        db.CareSubsidyFamilies.Where(f => f.StartOn <= w.To && (f.EndOn == null || f.EndOn >= w.To)));

    /// <summary>安心助养 paid (status 已发放), in 元, by the month paid for.</summary>
    public static readonly Measure SubsidyPaid =
        Measure.Rows(db => db.CareSubsidyPayments.Where(p => p.Status == SubsidyPaymentStatus.Paid)).WindowOnMonth(p => p.Period).Sum("sa.subsidy.paid", p => p.Amount);

    public static readonly Measure LeadsFound =
        Measure.Rows(db => db.DiscoveryLeads).WindowOn(l => l.FoundOn).Count("sa.leads.found");

    /// <summary>Leads turned into a case, by the day they were converted.</summary>
    public static readonly Measure LeadsConverted =
        Measure.Rows(db => db.DiscoveryLeads.Where(l => l.Outcome == LeadOutcome.Converted)).WindowOn(l => l.ConvertedOn).Count("sa.leads.converted");

    public static readonly Measure ZeroReports =
        Measure.Rows(db => db.ZeroReports).WindowOnMonth(z => z.Period).Count("sa.zeroReports");

    public static readonly Measure RelativesFiled =
        Measure.Rows(db => db.RelativeFilings).WindowOn(f => f.FiledOn).Count("sa.relatives.filed");

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("SA50", "临时救助人次（本月）", "Temporary assistance person-times this month", IndicatorUnit.PersonTimes, IndicatorKind.Flow, ServiceLine.SocialAssistance, TemporaryPersonTimes, RecordsPage: Line + "/temporary"),
        new("SA51", "临时救助人次（本年）", "Temporary assistance person-times this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, TemporaryPersonTimes, RecordsPage: Line + "/temporary"),
        new("SA52", "临时救助金额（本月）", "Temporary assistance amount this month", IndicatorUnit.TenThousandYuan, IndicatorKind.Flow, ServiceLine.SocialAssistance, TemporaryAmount, RecordsPage: Line + "/temporary"),
        new("SA53", "临时救助金额（本年）", "Temporary assistance amount this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, TemporaryAmount, RecordsPage: Line + "/temporary"),
        new("SA54", "救助点临时救助人次（本年）", "Person-times at assistance points this year", IndicatorUnit.PersonTimes, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, TemporaryAtPoints, RecordsPage: Line + "/temporary"),
        new("SA55", "救助点临时救助人次（累计）", "Person-times at assistance points, cumulative", IndicatorUnit.PersonTimes, IndicatorKind.Cumulative, ServiceLine.SocialAssistance, TemporaryAtPoints, RecordsPage: Line + "/temporary"),
        new("SA56", "安心助养家庭", "Families receiving the 安心助养 subsidy", IndicatorUnit.Households, IndicatorKind.Stock, ServiceLine.SocialAssistance, SubsidyFamilies, RecordsPage: Line + "/subsidy/families"),
        new("SA57", "安心助养补贴发放金额（本年）", "安心助养 subsidy paid this year", IndicatorUnit.TenThousandYuan, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, SubsidyPaid, RecordsPage: Line + "/subsidy/payments"),
        new("SA58", "安心助养补贴发放金额（累计）", "安心助养 subsidy paid, cumulative", IndicatorUnit.TenThousandYuan, IndicatorKind.Cumulative, ServiceLine.SocialAssistance, SubsidyPaid, RecordsPage: Line + "/subsidy/payments"),
        new("SA59", "主动发现线索（本年）", "Discovery leads found this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, LeadsFound, RecordsPage: Line + "/leads"),
        new("SA60", "主动发现转为救助（本年）", "Discovery leads converted to cases this year", IndicatorUnit.Count, IndicatorKind.YearToDate, ServiceLine.SocialAssistance, LeadsConverted, RecordsPage: Line + "/leads?kind=Converted"),
        new("SA61", "零报告填报人数（本月）", "Workers filing a zero report this month", IndicatorUnit.Persons, IndicatorKind.Flow, ServiceLine.SocialAssistance, ZeroReports, RecordsPage: Line + "/zero-reports"),
        new("SA62", "近亲属备案（累计）", "Close relatives filed, cumulative", IndicatorUnit.Persons, IndicatorKind.Cumulative, ServiceLine.SocialAssistance, RelativesFiled, RecordsPage: Line + "/relatives"),
    ];
}
