using System.Globalization;
using CivilAffairs.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilAffairs.Core.Data;

/// <summary>
/// Refuses, before any SQL is sent, a text longer than its column: SQLite would keep it and SQL
/// Server would fail the save with a database error, so the model's maximum lengths are the rule on
/// every provider, for every service, form and import. The message names the field in Chinese.
/// </summary>
internal static class LengthGuard
{
    // The fields' names as the forms label them; any other property is named by its position in the message only.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Name"] = "名称", ["Note"] = "备注", ["Title"] = "标题", ["Description"] = "物资说明", ["InKindDescription"] = "实物说明",
        ["Address"] = "地址", ["Phone"] = "联系电话", ["GuardianPhone"] = "监护人电话", ["GuardianName"] = "监护人姓名",
        ["GuardianRelation"] = "与儿童关系", ["LegalRepresentative"] = "法定代表人", ["SupervisingUnit"] = "业务主管单位",
        ["RecipientName"] = "受助人姓名", ["Place"] = "地点", ["Operator"] = "运营方", ["Visitor"] = "探访人", ["Subject"] = "对象",
        ["Specialty"] = "专业领域", ["School"] = "学校", ["Reason"] = "原因", ["RefusalReason"] = "不予批准理由", ["ReopenReason"] = "退回原因",
        ["OutcomeReason"] = "处理说明", ["EndReason"] = "终止原因", ["Relation"] = "关系", ["ProgramName"] = "项目名称", ["Post"] = "岗位",
        ["Origin"] = "户籍地", ["Organiser"] = "主办单位", ["Organisation"] = "单位", ["Items"] = "改造项目", ["Findings"] = "探访情况",
        ["FacilityName"] = "供养机构", ["Ethnicity"] = "民族", ["DonorName"] = "捐赠方", ["Detail"] = "详情", ["Comment"] = "意见",
        ["CaseReference"] = "案件编号", ["Assignee"] = "核查人", ["Applicant"] = "申请人", ["AidCity"] = "援疆城市",
        ["DisplayName"] = "姓名", ["UserName"] = "用户名", ["CreditCode"] = "统一社会信用代码", ["IdNumber"] = "身份证号码",
        ["CertificateNumber"] = "残疾人证号", ["Code"] = "代码",
    };

    public static void Check(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified))
        {
            return;
        }

        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is string text && property.Metadata.GetMaxLength() is { } max && text.Length > max
                && (entry.State == EntityState.Added || property.IsModified))
            {
                var label = Labels.TryGetValue(property.Metadata.Name, out var name) ? $"「{name}」" : "输入的内容";
                throw new DomainException(string.Format(CultureInfo.InvariantCulture, "{0}不能超过 {1:N0} 个字（当前 {2:N0} 个），未保存。请缩短后重试。", label, max, text.Length));
            }
        }
    }
}
