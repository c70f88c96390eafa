using System.Text.RegularExpressions;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;

namespace CivilAffairs.Reports.Documents;

/// <summary>
/// The fixed parts of the monthly report's header and footer (configuration section
/// <c>Reports:Monthly</c>): the table's registration with the statistics authority and the people
/// who sign it. The preparer and the date are filled in when the report is produced.
/// </summary>
public sealed partial class ReportOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Reports:Monthly";

    /// <summary>表号.</summary>
    public string TableNumber { get; set; } = "民统月01表";

    /// <summary>制表机关.</summary>
    public string IssuingAuthority { get; set; } = "民政部";

    /// <summary>批准机关.</summary>
    public string ApprovingAuthority { get; set; } = "国家统计局";

    /// <summary>
    /// 批准文号 (as printed on the approved table, e.g. 国统制〔2024〕58号). No default: a report is refused while
    /// it is missing or still the placeholder without a number (<see cref="EnsureComplete"/>).
    /// </summary>
    public string ApprovalNumber { get; set; } = string.Empty;

    /// <summary>有效期至 of the approval (e.g. 2027年1月).</summary>
    public string ValidUntil { get; set; } = string.Empty;

    /// <summary>单位负责人.</summary>
    public string UnitHead { get; set; } = string.Empty;

    /// <summary>统计负责人.</summary>
    public string StatisticsHead { get; set; } = string.Empty;

    /// <summary>联系电话.</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary>The bureau's name, author of every document.</summary>
    public string Bureau { get; set; } = "博尔塔拉蒙古自治州民政局";

    /// <summary>The approval number as an approved table carries it: an authority, a bracketed year and a number.</summary>
    public static bool IsApprovalNumber(string? value) =>
        !string.IsNullOrWhiteSpace(value) && ApprovalPattern().IsMatch(value.Trim());

    /// <summary>Refuses to render a monthly report whose 批准文号 is missing or a placeholder, with a message naming the setting.</summary>
    public void EnsureComplete()
    {
        if (!IsApprovalNumber(ApprovalNumber))
        {
            throw new DomainException(string.IsNullOrWhiteSpace(ApprovalNumber)
                ? $"月报的批准文号未配置：请在配置 {SectionName}:ApprovalNumber 中填写国家统计局批准的文号（如“国统制〔2024〕58号”）后再生成报表。"
                : $"月报的批准文号“{ApprovalNumber}”不完整（缺少文号数字）：请在配置 {SectionName}:ApprovalNumber 中填写完整的批准文号后再生成报表。");
        }
    }

    [GeneratedRegex(@"^\S+〔\d{4}〕\d+号$")]
    private static partial Regex ApprovalPattern();

    /// <summary>填报单位: the division's civil-affairs bureau (e.g. 精河县民政局).</summary>
    public string ReportingUnit(string divisionCode) =>
        DivisionCatalog.Find(divisionCode) is { Level: DivisionLevel.Prefecture } || string.IsNullOrEmpty(divisionCode)
            ? Bureau
            : DivisionCatalog.NameOf(divisionCode) + (DivisionCatalog.Find(divisionCode)?.Level == DivisionLevel.County ? "民政局" : "");
}

/// <summary>Who prepared the report and when it is sent: the footer's variable part.</summary>
/// <param name="Preparer">填表人.</param>
/// <param name="ReportDate">报出日期.</param>
public sealed record ReportSignature(string Preparer, DateOnly ReportDate);
