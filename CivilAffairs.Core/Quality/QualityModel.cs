using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Quality;

/// <summary>The cross-programme checks of the 数据质量 page and the monthly report's warnings.</summary>
public enum QualityCheck
{
    /// <summary>死亡后仍发放.</summary>
    PaymentsAfterDeath = 1,

    /// <summary>向非在保（暂停、退出、不予批准）或不在供养期的案件发放.</summary>
    PaidNotInPayment = 2,

    /// <summary>同时享受低保和特困集中供养.</summary>
    DibaoAndCentralisedSupport = 3,

    /// <summary>未满80周岁发放高龄津贴.</summary>
    HighAgeAllowanceUnder80 = 4,

    /// <summary>近亲属低保案件无近亲属备案.</summary>
    RelativeCaseWithoutFiling = 5,

    /// <summary>近亲属备案未关联救助案件.</summary>
    FilingWithoutCase = 6,

    /// <summary>工作人员当月未报零报告.</summary>
    ZeroReportMissing = 7,

    /// <summary>两项补贴应保人数少于享受人数.</summary>
    EligibleBelowRecipients = 8,

    /// <summary>存量指标同比变化过大.</summary>
    StockJump = 9,
}

/// <summary>What a check is called, what it looks for and which lines' readers see it.</summary>
public sealed record QualityCheckInfo(QualityCheck Check, string Code, string Name, string Description, IReadOnlyList<ServiceLine> Lines)
{
    public bool VisibleTo(UserContext user) => Lines.Any(user.CanRead);
}

/// <summary>
/// One finding: the record it is about (<see cref="Href"/> opens it), the person or unit it names, and
/// why it was found. <see cref="IdNumber"/> is masked for roles that do not handle cases.
/// </summary>
public sealed record QualityFinding(QualityCheck Check, string DivisionCode, string Subject, string? IdNumber, string Detail, string Href)
{
    public string DivisionName => Divisions.DivisionCatalog.NameOf(DivisionCode);

    public string CheckName => QualityChecks.Info(Check).Name;
}

/// <summary>How many findings a check has for a month and division.</summary>
public sealed record QualityCount(QualityCheckInfo Info, int Count);

/// <summary>The <c>DataQuality</c> configuration section.</summary>
public sealed class DataQualityOptions
{
    public const string SectionName = "DataQuality";

    /// <summary>A stock indicator whose value moved by more than this share of the same month last year is a finding (0.5 = 50 %).</summary>
    public decimal StockJumpShare { get; set; } = 0.5m;
}

public static class QualityChecks
{
    private static readonly ServiceLine[] AllLines = [.. ServiceLines.All];

    public static IReadOnlyList<QualityCheckInfo> All { get; } =
    [
        new(QualityCheck.PaymentsAfterDeath, "DQ01", "死亡后仍发放",
            "当月发放（含待发放）的月份晚于领取人死亡月份：应停发并追回。",
            [ServiceLine.ElderlyCare, ServiceLine.SocialAssistance, ServiceLine.ChildAndDisabilityWelfare]),
        new(QualityCheck.PaidNotInPayment, "DQ02", "向非在保案件发放",
            "当月低保发放的案件在月末未在保（未确认、暂停、退出或不予批准），或特困发放的人员当月不在供养期。",
            [ServiceLine.SocialAssistance]),
        new(QualityCheck.DibaoAndCentralisedSupport, "DQ03", "同时享受低保和特困集中供养",
            "月末在特困集中供养的人员，同时是在保低保家庭的成员。",
            [ServiceLine.SocialAssistance]),
        new(QualityCheck.HighAgeAllowanceUnder80, "DQ04", "未满80周岁发放高龄津贴",
            "按身份证号出生日期，当月末未满80周岁却有当月高龄津贴发放。",
            [ServiceLine.ElderlyCare]),
        new(QualityCheck.RelativeCaseWithoutFiling, "DQ05", "近亲属低保案件无备案",
            "标记为民政干部或村（社区）干部近亲属的低保案件（月末未退出、未被驳回），家庭成员中无人有截至月末的低保近亲属备案。",
            [ServiceLine.SocialAssistance]),
        new(QualityCheck.FilingWithoutCase, "DQ06", "近亲属备案未关联案件",
            "截至月末的低保近亲属备案，其亲属不在任何标记为近亲属的低保案件家庭中；特困备案，其亲属无特困供养记录。",
            [ServiceLine.SocialAssistance]),
        new(QualityCheck.ZeroReportMissing, "DQ07", "未报零报告",
            "在岗工作人员当月既未报零报告，也未报近亲属备案。",
            [ServiceLine.SocialAssistance]),
        new(QualityCheck.EligibleBelowRecipients, "DQ08", "应保人数少于享受人数",
            "残疾人两项补贴当月适用的应保人数少于该区划月末的享受人数（覆盖率将超过100%）。",
            [ServiceLine.ChildAndDisabilityWelfare]),
        new(QualityCheck.StockJump, "DQ09", "存量指标同比变化过大",
            "时点指标与上年同期相比变化超过设定比例（上年同期为 0 或无数据的不比较）。",
            AllLines),
    ];

    public static QualityCheckInfo Info(QualityCheck check) => All.Single(i => i.Check == check);

    internal static string Money(decimal amount) => amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    internal static string StatusName(ElderlyCare.PaymentStatus status) => status switch
    {
        ElderlyCare.PaymentStatus.Paid => "已发放",
        ElderlyCare.PaymentStatus.Returned => "已退回",
        _ => "待发放",
    };

    internal static string MonthName(int key) => Period.FromKey(key).ChineseName;
}
