namespace CivilAffairs.Core.SocialAssistance;

/// <summary>Chinese names of the support programmes' kinds, as lists, forms and exports show them.</summary>
public static class SupportNames
{
    public static string ChineseName(this DifficultyType type) => type == DifficultyType.Expenditure ? "支出型" : "急难型";

    public static string ChineseName(this AssistanceForm form) => form == AssistanceForm.InKind ? "实物" : "现金";

    public static string ChineseName(this LeadSource source) => source switch
    {
        LeadSource.GridWorker => "网格员",
        LeadSource.DataComparison => "部门数据比对",
        LeadSource.Public => "群众反映",
        LeadSource.Hotline => "热线",
        _ => source.ToString(),
    };

    public static string ChineseName(this LeadOutcome outcome) => outcome switch
    {
        LeadOutcome.Pending => "待核实",
        LeadOutcome.Converted => "已转为救助",
        LeadOutcome.NotEligible => "不符合条件",
        _ => outcome.ToString(),
    };

    public static string ChineseName(this WorkerLevel level) => level switch
    {
        WorkerLevel.County => "县级",
        WorkerLevel.Township => "乡级",
        WorkerLevel.Village => "村级",
        _ => level.ToString(),
    };

    public static string ChineseName(this FilingProgram program) => program switch
    {
        FilingProgram.LowIncome => "低保",
        FilingProgram.ExtremePoverty => "特困供养",
        FilingProgram.Temporary => "临时救助",
        FilingProgram.LowIncomePopulation => "低收入人口",
        _ => program.ToString(),
    };

    public static string ChineseName(this SubsidyPaymentStatus status) => status switch
    {
        SubsidyPaymentStatus.Pending => "待发放",
        SubsidyPaymentStatus.Paid => "已发放",
        SubsidyPaymentStatus.Returned => "已退回",
        _ => status.ToString(),
    };
}
