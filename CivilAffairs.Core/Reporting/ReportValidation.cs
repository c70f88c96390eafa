using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.Quality;

namespace CivilAffairs.Core.Reporting;

public enum FindingSeverity
{
    /// <summary>Blocks submission until the data is corrected.</summary>
    Error,

    /// <summary>Needs a written explanation before submission.</summary>
    Warning,
}

/// <summary>A validation finding; <see cref="Key"/> identifies it so an explanation can be attached.</summary>
public sealed record ReportFinding(FindingSeverity Severity, string Rule, string IndicatorCode, string DivisionName, string Message)
{
    public string Key => $"{Rule}:{IndicatorCode}:{DivisionName}";
}

/// <summary>
/// The checks run on a monthly report before it is submitted. Errors: negative counts or amounts,
/// ratios above 100%, and pairs that must be ordered (nursing beds ≤ total beds…), checked for the
/// division and for each row of the breakdown. Warnings: a stock or flow that moved by more than
/// <see cref="ChangeThresholdPercent"/>% on last month, and every cross-programme check of the
/// 数据质量 page that has findings for the month and division (with its count).
/// </summary>
public static class ReportValidation
{
    public const decimal ChangeThresholdPercent = 30m;

    /// <summary>(part, whole): the part's figure may never exceed the whole's. Service lines add their pairs here.</summary>
    public static IReadOnlyList<(string Part, string Whole)> OrderedPairs { get; } =
    [
        ("EC06", "EC05"), // 护理型床位 ≤ 养老机构床位
        ("EC12", "EC04"), // 医养结合养老机构 ≤ 养老机构
        ("EC13", "EC08"), // 医养结合日间照料中心 ≤ 社区日间照料中心
        ("EC09", "EC08"), // 新建改建日间照料中心 ≤ 社区日间照料中心
        ("EC04", "EC03"), // 养老机构 ≤ 养老服务设施
        ("EC15", "EC16"), // 本年适老化改造 ≤ 累计
        ("EC19", "EC20"), // 本年高龄津贴 ≤ 累计
        ("EC18", "EC19"), // 本月 ≤ 本年
        ("SA50", "SA51"), // 临时救助人次 本月 ≤ 本年
        ("SA52", "SA53"), // 临时救助金额 本月 ≤ 本年
        ("SA54", "SA51"), // 救助点人次 ≤ 临时救助人次（本年）
        ("SA54", "SA55"), // 救助点人次 本年 ≤ 累计
        ("SA57", "SA58"), // 安心助养金额 本年 ≤ 累计
        // 社会组织 and 慈善事业
        ("SO06", "SO07"), // 新登记 本月 ≤ 本年
        ("SO05", "SO01"), // 社区社会组织 ≤ 社会组织总数
        ("SO17", "SO18"), // 孵化资金 本年 ≤ 累计
        ("CH01", "CH02"), // 捐赠笔数 本月 ≤ 本年
        ("CH03", "CH04"), // 捐赠款物 本月 ≤ 本年
        ("CH05", "CH04"), // 向养老机构捐赠物资 ≤ 捐赠款物
        ("CH07", "CH08"), // 礼包 本月 ≤ 本年
        ("CH11", "CH12"), // 义诊场次 本月 ≤ 本年
        ("CH14", "CH15"), // 福彩销售 本月 ≤ 本年
        ("CH16", "CH17"), // 公益金 本月 ≤ 本年
        ("CH17", "CH15"), // 公益金 ≤ 销售额
        ("CH18", "CH15"), // 赛里木湖即开型 ≤ 销售额
        // 社会事务
        ("AF01", "AF02"), // 结婚登记 本月 ≤ 本年
        ("AF03", "AF04"), // 离婚登记 本月 ≤ 本年
        ("AF10", "AF11"), // 身后一件事 本月 ≤ 本年
        // 儿童福利与残疾人福利
        ("CW04", "CW05"), // 儿童基本生活费 本月 ≤ 本年
        ("CW09", "CW08"), // 新建儿童福利机构 ≤ 儿童福利机构
        ("DS05", "DS06"), // 两项补贴 本月 ≤ 本年
        ("DS06", "DS07"), // 两项补贴 本年 ≤ 累计
    ];

    /// <summary>Rule of the warnings that come from the 数据质量 checks (<see cref="Quality.QualityChecks"/>).</summary>
    public const string QualityRule = "DQ";

    public static IReadOnlyList<ReportFinding> Validate(MonthlyReportData report) => Validate(report, null);

    /// <summary>The report's checks plus a warning for each data-quality check with findings (<paramref name="quality"/>, counted for the report's month and division).</summary>
    public static IReadOnlyList<ReportFinding> Validate(MonthlyReportData report, IReadOnlyList<QualityCount>? quality)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new List<ReportFinding>();
        var byCode = report.Figures.ToDictionary(f => f.Code);
        var units = Units(report);
        foreach (var figure in report.Figures)
        {
            foreach (var (divisionName, value) in units.Select(u => (u.Name, u.Value(figure))))
            {
                if (value < 0)
                {
                    findings.Add(new(FindingSeverity.Error, "NEG", figure.Code, divisionName,
                        $"{divisionName}“{figure.Name}”为负数（{value}），请核对录入的记录。"));
                }

                if (figure.Unit == IndicatorUnit.Percent && value > 100)
                {
                    findings.Add(new(FindingSeverity.Error, "PCT", figure.Code, divisionName,
                        $"{divisionName}“{figure.Name}”为 {value}%，占比不能超过 100%。"));
                }
            }

            if (MonthOnMonthApplies(figure, report) && figure.MonthOnMonth is { } change && Math.Abs(change) > ChangeThresholdPercent)
            {
                findings.Add(new(FindingSeverity.Warning, "MOM", figure.Code, report.DivisionName,
                    $"“{figure.Name}”环比变化 {change:+0.0;-0.0}%（上月 {figure.Previous}，本期 {figure.Current}），超过 {ChangeThresholdPercent}%，请说明原因。"));
            }
        }

        foreach (var (partCode, wholeCode) in OrderedPairs)
        {
            if (!byCode.TryGetValue(partCode, out var part) || !byCode.TryGetValue(wholeCode, out var whole))
            {
                continue;
            }

            foreach (var unit in units)
            {
                if (unit.Value(part) is { } p && unit.Value(whole) is { } w && p > w)
                {
                    findings.Add(new(FindingSeverity.Error, "ORD", part.Code, unit.Name,
                        $"{unit.Name}“{part.Name}”（{p}）大于“{whole.Name}”（{w}），请核对录入的记录。"));
                }
            }
        }

        foreach (var count in (quality ?? []).Where(q => q.Count > 0))
        {
            findings.Add(new(FindingSeverity.Warning, QualityRule, count.Info.Code, report.DivisionName,
                $"数据质量核查“{count.Info.Name}”发现 {count.Count} 条记录（{count.Info.Description}），请在“数据质量”页核实更正，或说明原因。"));
        }

        return findings;
    }

    /// <summary>Year-to-date figures restart in January; cumulative ones only grow. Neither is compared month on month.</summary>
    private static bool MonthOnMonthApplies(ReportFigure figure, MonthlyReportData report) =>
        figure.Kind is IndicatorKind.Stock or IndicatorKind.Flow && figure.Previous is > 0;

    private static List<(string Name, Func<ReportFigure, decimal?> Value)> Units(MonthlyReportData report) =>
    [
        (report.DivisionName, f => f.Current),
        .. report.BreakdownColumns.Select(c => (c.DivisionName,
            (Func<ReportFigure, decimal?>)(f => f.Breakdown.FirstOrDefault(b => b.DivisionCode == c.DivisionCode && b.DivisionName == c.DivisionName)?.Value))),
    ];
}
