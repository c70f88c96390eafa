namespace CivilAffairs.Core.ChildDisability;

/// <summary>Chinese names of the line's kinds, as lists, forms and exports show them.</summary>
public static class Names
{
    public static string GradeName(int grade) => grade switch
    {
        1 => "一级",
        2 => "二级",
        3 => "三级",
        4 => "四级",
        _ => $"{grade}级",
    };

    public static string ChineseName(this DisabilityCategory category) => category switch
    {
        DisabilityCategory.Visual => "视力残疾",
        DisabilityCategory.Hearing => "听力残疾",
        DisabilityCategory.Speech => "言语残疾",
        DisabilityCategory.Physical => "肢体残疾",
        DisabilityCategory.Intellectual => "智力残疾",
        DisabilityCategory.Mental => "精神残疾",
        DisabilityCategory.Multiple => "多重残疾",
        _ => category.ToString(),
    };

    public static string ChineseName(this DisabilitySubsidyType type) =>
        type == DisabilitySubsidyType.Nursing ? "重度残疾人护理补贴" : "困难残疾人生活补贴";

    public static string ChineseName(this ChildCategory category) => category switch
    {
        ChildCategory.OrphanCentralised => "孤儿（集中养育）",
        ChildCategory.OrphanDispersed => "孤儿（社会散居）",
        ChildCategory.DeFactoUnsupported => "事实无人抚养儿童",
        _ => category.ToString(),
    };

    public static string ChineseName(this ChildExitReason reason) => reason switch
    {
        ChildExitReason.CameOfAge => "年满18周岁",
        ChildExitReason.Adopted => "被收养",
        ChildExitReason.GuardianshipRestored => "监护情况变化",
        ChildExitReason.Died => "死亡",
        _ => "其他",
    };

    public static string ChineseName(this WelfareBenefit benefit) => benefit switch
    {
        WelfareBenefit.DisabilityLiving => "困难残疾人生活补贴",
        WelfareBenefit.DisabilityNursing => "重度残疾人护理补贴",
        WelfareBenefit.OrphanCentralised => "孤儿基本生活费（集中养育）",
        WelfareBenefit.OrphanDispersed => "孤儿基本生活费（社会散居）",
        WelfareBenefit.DeFactoUnsupported => "事实无人抚养儿童基本生活补贴",
        _ => benefit.ToString(),
    };

    public static string ChineseName(this WelfareGroup group) => group == WelfareGroup.Disability ? "残疾人两项补贴" : "困境儿童基本生活费";

    public static string ChineseName(this WelfareFacilityKind kind) => kind switch
    {
        WelfareFacilityKind.ChildWelfareInstitution => "儿童福利机构",
        WelfareFacilityKind.MinorProtectionStation => "未成年人保护工作站",
        WelfareFacilityKind.PsychiatricWelfareHome => "精神卫生福利机构",
        _ => kind.ToString(),
    };

    public static string ChineseName(this WelfareFacilityStatus status) => status switch
    {
        WelfareFacilityStatus.Operating => "运营中",
        WelfareFacilityStatus.UnderConstruction => "在建",
        _ => "已停用",
    };

    public static string ChineseName(this RehabActivityKind kind) => kind switch
    {
        RehabActivityKind.Training => "康复训练",
        RehabActivityKind.Counselling => "心理疏导",
        RehabActivityKind.SocialInclusion => "社会融入活动",
        RehabActivityKind.FamilyTraining => "家属培训",
        RehabActivityKind.Screening => "筛查义诊",
        _ => kind.ToString(),
    };
}
