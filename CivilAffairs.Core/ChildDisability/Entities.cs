using CivilAffairs.Core.Common;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.ChildDisability;

/// <summary>A monthly benefit of the line: the two disability subsidies and the children's basic living allowance by category.</summary>
public enum WelfareBenefit
{
    /// <summary>困难残疾人生活补贴.</summary>
    DisabilityLiving = 1,
    /// <summary>重度残疾人护理补贴.</summary>
    DisabilityNursing = 2,
    /// <summary>孤儿基本生活费（集中养育）.</summary>
    OrphanCentralised = 3,
    /// <summary>孤儿基本生活费（社会散居）.</summary>
    OrphanDispersed = 4,
    /// <summary>事实无人抚养儿童基本生活补贴.</summary>
    DeFactoUnsupported = 5,
}

/// <summary>The two groups of monthly batches: each has its own page, batch and permissions.</summary>
public enum WelfareGroup
{
    Disability = 1,
    Children = 2,
}

/// <summary>残疾人两项补贴的补贴类别.</summary>
public enum DisabilitySubsidyType
{
    /// <summary>困难残疾人生活补贴.</summary>
    Living = 1,
    /// <summary>重度残疾人护理补贴 (一级、二级 only).</summary>
    Nursing = 2,
}

/// <summary>儿童类别 of children in care.</summary>
public enum ChildCategory
{
    /// <summary>孤儿（集中养育）: lives in a child welfare institution.</summary>
    OrphanCentralised = 1,
    /// <summary>孤儿（社会散居）.</summary>
    OrphanDispersed = 2,
    /// <summary>事实无人抚养儿童.</summary>
    DeFactoUnsupported = 3,
}

/// <summary>Why a child left care (null while in care).</summary>
public enum ChildExitReason
{
    /// <summary>年满18周岁.</summary>
    CameOfAge = 1,
    /// <summary>被收养.</summary>
    Adopted = 2,
    /// <summary>监护情况变化（父母恢复抚养能力等）.</summary>
    GuardianshipRestored = 3,
    /// <summary>死亡.</summary>
    Died = 4,
    /// <summary>其他.</summary>
    Other = 5,
}

public enum WelfareFacilityKind
{
    /// <summary>儿童福利机构.</summary>
    ChildWelfareInstitution = 1,
    /// <summary>乡镇（街道）未成年人保护工作站.</summary>
    MinorProtectionStation = 2,
    /// <summary>精神卫生福利机构（由医院运营）.</summary>
    PsychiatricWelfareHome = 3,
}

public enum WelfareFacilityStatus
{
    /// <summary>运营中.</summary>
    Operating = 1,
    /// <summary>在建.</summary>
    UnderConstruction = 2,
    /// <summary>已停用.</summary>
    Closed = 3,
}

public enum RehabActivityKind
{
    /// <summary>康复训练.</summary>
    Training = 1,
    /// <summary>心理疏导.</summary>
    Counselling = 2,
    /// <summary>社会融入活动.</summary>
    SocialInclusion = 3,
    /// <summary>家属培训.</summary>
    FamilyTraining = 4,
    /// <summary>筛查义诊.</summary>
    Screening = 5,
}

public static class WelfareBenefits
{
    public static WelfareGroup GroupOf(this WelfareBenefit benefit) =>
        benefit is WelfareBenefit.DisabilityLiving or WelfareBenefit.DisabilityNursing ? WelfareGroup.Disability : WelfareGroup.Children;

    public static IReadOnlyList<WelfareBenefit> Of(WelfareGroup group) => [.. Enum.GetValues<WelfareBenefit>().Where(b => b.GroupOf() == group)];

    public static WelfareBenefit Benefit(this DisabilitySubsidyType type) => type == DisabilitySubsidyType.Nursing ? WelfareBenefit.DisabilityNursing : WelfareBenefit.DisabilityLiving;

    public static WelfareBenefit Benefit(this ChildCategory category) => category switch
    {
        ChildCategory.OrphanCentralised => WelfareBenefit.OrphanCentralised,
        ChildCategory.OrphanDispersed => WelfareBenefit.OrphanDispersed,
        _ => WelfareBenefit.DeFactoUnsupported,
    };
}

/// <summary>
/// 补贴标准: the monthly amount of a benefit from a month on (dynamic adjustment). The standard of a
/// month is the one with the latest <see cref="EffectiveFrom"/> not after it.
/// </summary>
public sealed class WelfareStandard : Entity, IAdministratorRecord
{
    public WelfareBenefit Benefit { get; set; }

    /// <summary>元 per person and month.</summary>
    public decimal MonthlyAmount { get; set; }

    /// <summary>First month the amount applies (yyyymm).</summary>
    public int EffectiveFrom { get; set; }

    public void Validate()
    {
        if (!Enum.IsDefined(Benefit))
        {
            throw new DomainException("请选择补贴项目。");
        }

        if (MonthlyAmount <= 0 || MonthlyAmount > 100_000)
        {
            throw new DomainException("月标准须为正数（元/人·月）。");
        }

        Numbers.RequireFen(MonthlyAmount, "月标准");
        Plausibility.WelfareStandard.Require(MonthlyAmount);

        _ = Period.FromKey(EffectiveFrom);
    }

    /// <summary>The standard of a benefit for a month, or null when none applies yet.</summary>
    public static WelfareStandard? Choose(IEnumerable<WelfareStandard> standards, WelfareBenefit benefit, Period period) =>
        standards.Where(s => s.Benefit == benefit && s.EffectiveFrom <= period.Key).MaxBy(s => s.EffectiveFrom);
}

/// <summary>残疾人两项补贴对象: one subsidy type for one disabled person, from a date on.</summary>
public sealed class DisabilitySubsidy : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    // Subsidised from StartOn to EndOn; the certificate encodes category and grade.
    private static readonly IReadOnlyDictionary<string, string> Figures = FigureDates.Of(
        (nameof(StartOn), [nameof(SubsidyType), nameof(Category), nameof(Grade), nameof(CertificateNumber), nameof(CrossProvince), nameof(DivisionCode), nameof(PersonId)]),
        (nameof(EndOn), []));

    DateOnly? IPeriodDated.ReportingDate => StartOn;

    IEnumerable<DateOnly?> IPeriodDated.ReportingDates => [StartOn, EndOn];

    IReadOnlyDictionary<string, string>? IPeriodDated.FigureDates => Figures;

    public const int NoteMaxLength = 200;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public int PersonId { get; set; }

    public People.Person? Person { get; set; }

    /// <summary>残疾人证号 (20 characters), checked against the person's ID number.</summary>
    public string CertificateNumber { get; set; } = string.Empty;

    public DisabilityCategory Category { get; set; }

    /// <summary>残疾等级 1–4 (一级 the most severe).</summary>
    public int Grade { get; set; }

    public DisabilitySubsidyType SubsidyType { get; set; }

    public DateOnly StartOn { get; set; }

    public DateOnly? EndOn { get; set; }

    /// <summary>跨省通办: applied for in another province (or for a resident of another province).</summary>
    public bool CrossProvince { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public string? Note { get; set; }

    public void Validate()
    {
        if (Grade is < 1 or > 4)
        {
            throw new DomainException("残疾等级须为一级至四级。");
        }

        if (SubsidyType == DisabilitySubsidyType.Nursing && Grade > 2)
        {
            throw new DomainException($"重度残疾人护理补贴仅限一级、二级残疾人，该残疾人为{Names.GradeName(Grade)}残疾，不能享受。");
        }

        if (EndOn is { } end && end < StartOn)
        {
            throw new DomainException("终止日期不能早于起始日期。");
        }
    }
}

/// <summary>困境儿童保障对象: an orphan or a de-facto unsupported child, with guardian, from a date on.</summary>
public sealed class ChildInCare : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    // In care from StartOn to EndOn; guardian details feed no figure.
    private static readonly IReadOnlyDictionary<string, string> Figures = FigureDates.Of(
        (nameof(StartOn), [nameof(Category), nameof(DivisionCode), nameof(InstitutionId), nameof(PersonId)]),
        (nameof(EndOn), [nameof(ExitReason)]));

    DateOnly? IPeriodDated.ReportingDate => StartOn;

    IEnumerable<DateOnly?> IPeriodDated.ReportingDates => [StartOn, EndOn];

    IReadOnlyDictionary<string, string>? IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public int PersonId { get; set; }

    public People.Person? Person { get; set; }

    public ChildCategory Category { get; set; }

    public string GuardianName { get; set; } = string.Empty;

    /// <summary>监护人与儿童关系 (祖父母, 外祖父母, 兄姐, 其他亲属, 机构 …).</summary>
    public string GuardianRelation { get; set; } = string.Empty;

    public string? GuardianPhone { get; set; }

    /// <summary>The child welfare institution of a child in centralised care.</summary>
    public int? InstitutionId { get; set; }

    public WelfareFacility? Institution { get; set; }

    public DateOnly StartOn { get; set; }

    public DateOnly? EndOn { get; set; }

    public ChildExitReason? ExitReason { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(GuardianName) || GuardianName.Length > NameMaxLength)
        {
            throw new DomainException($"请填写监护人姓名（不超过 {NameMaxLength} 个字）。");
        }

        if (string.IsNullOrWhiteSpace(GuardianRelation) || GuardianRelation.Length > 20)
        {
            throw new DomainException("请填写监护人与儿童的关系。");
        }

        if (Category == ChildCategory.OrphanCentralised && InstitutionId is null)
        {
            throw new DomainException("集中养育的孤儿须选择所在儿童福利机构。");
        }

        if (EndOn is { } end)
        {
            if (end < StartOn)
            {
                throw new DomainException("终止日期不能早于起始日期。");
            }

            if (ExitReason is null)
            {
                throw new DomainException("终止保障须选择退出原因。");
            }
        }
        else if (ExitReason is not null)
        {
            throw new DomainException("选择退出原因时须填写终止日期。");
        }
    }
}

/// <summary>福彩圆梦·孤儿助学: the aid one student received for one year.</summary>
public sealed class EducationAid : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int SchoolMaxLength = 100;

    DateOnly? IPeriodDated.ReportingDate => GrantedOn;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public int PersonId { get; set; }

    public People.Person? Person { get; set; }

    /// <summary>The year of the aid (one per student and year).</summary>
    public int Year { get; set; }

    public string School { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public DateOnly GrantedOn { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public void Validate(DateOnly today)
    {
        Numbers.RequireYear(Year, "资助年度", 2000, Numbers.LastYear(today));

        if (string.IsNullOrWhiteSpace(School) || School.Length > SchoolMaxLength)
        {
            throw new DomainException($"请填写就读学校（不超过 {SchoolMaxLength} 个字）。");
        }

        if (Amount <= 0 || Amount > 100_000)
        {
            throw new DomainException("资助金额须为正数（元）。");
        }

        Numbers.RequireFen(Amount, "资助金额");

        if (GrantedOn.Year != Year)
        {
            throw new DomainException("发放日期须在资助年度内。");
        }
    }
}

/// <summary>儿童福利机构, 未成年人保护工作站 and the psychiatric welfare home.</summary>
public sealed class WelfareFacility : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int NameMaxLength = 100;

    DateOnly? IPeriodDated.ReportingDate => OpenedOn;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public string Name { get; set; } = string.Empty;

    public WelfareFacilityKind Kind { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>Investment in 元.</summary>
    public decimal Investment { get; set; }

    public int? InvestmentYear { get; set; }

    /// <summary>Beds or places.</summary>
    public int Capacity { get; set; }

    public DateOnly? OpenedOn { get; set; }

    public WelfareFacilityStatus Status { get; set; } = WelfareFacilityStatus.Operating;

    /// <summary>Children served (in care or helped) at the last count.</summary>
    public int ChildrenServed { get; set; }

    /// <summary>An institution in service has opened: its opening date cannot lie ahead.</summary>
    public const string OpensInFutureMessage = "运营中的机构，启用日期不能晚于今天。";

    /// <summary>Who runs it (e.g. the hospital operating the psychiatric welfare home).</summary>
    public string? Operator { get; set; }

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > NameMaxLength)
        {
            throw new DomainException($"请填写机构名称（不超过 {NameMaxLength} 个字）。");
        }

        Numbers.RequireCount(Capacity, "床位/容量");
        Numbers.RequireCount(ChildrenServed, "服务儿童数");
        Numbers.RequireMoney(Investment, "投资金额");
        Plausibility.Investment.Require(Investment);
        Plausibility.Beds.Require(Capacity);
        Numbers.RequireYear(InvestmentYear, "投资年度", Numbers.FirstYear, Numbers.LastYear(today));

        if (Investment > 0 && InvestmentYear is null)
        {
            throw new DomainException("填写投资时须填写投资年度。");
        }

        if (Kind == WelfareFacilityKind.PsychiatricWelfareHome && string.IsNullOrWhiteSpace(Operator))
        {
            throw new DomainException("精神卫生福利机构须填写运营医院。");
        }

        if (Status == WelfareFacilityStatus.Operating && OpenedOn is null)
        {
            throw new DomainException("运营中的机构须填写启用日期。");
        }

        if (Status == WelfareFacilityStatus.Operating && OpenedOn > today)
        {
            throw new DomainException(OpensInFutureMessage);
        }
    }
}

/// <summary>社区康复活动 (mental-health welfare): one session.</summary>
public sealed class RehabActivity : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int TitleMaxLength = 100;

    DateOnly? IPeriodDated.ReportingDate => HeldOn;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public string Title { get; set; } = string.Empty;

    public RehabActivityKind Kind { get; set; }

    public DateOnly HeldOn { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public int Participants { get; set; }

    public static string? ParticipantsError(int participants) =>
        Numbers.NegativeError(participants, "参加人数") ?? (participants is < 1 or > 100_000 ? "参加人数须为正整数。" : null);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > TitleMaxLength)
        {
            throw new DomainException($"请填写活动名称（不超过 {TitleMaxLength} 个字）。");
        }

        if (ParticipantsError(Participants) is { } participants)
        {
            throw new DomainException(participants);
        }
    }
}

/// <summary>
/// 应保人数: the eligible population of a disability subsidy in a division from a month on — the
/// denominator of the coverage rate. The count of a month is the latest record not after it.
/// </summary>
public sealed class EligiblePopulation : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    /// <summary>The coverage denominator from its month: a submitted month's rate cannot change under it.</summary>
    DateOnly? IPeriodDated.ReportingDate => Common.Period.FromKey(EffectiveFrom).Start;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public string DivisionCode { get; set; } = string.Empty;

    public DisabilitySubsidyType SubsidyType { get; set; }

    public int Count { get; set; }

    /// <summary>yyyymm.</summary>
    public int EffectiveFrom { get; set; }

    public void Validate()
    {
        Numbers.RequireCount(Count, "应保人数");

        _ = Period.FromKey(EffectiveFrom);
    }
}

/// <summary>One month's benefit for one person; at most one per person, benefit and month.</summary>
public sealed class WelfarePayment : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Period > 0 ? Common.Period.FromKey(Period).Start : null;

    public static ServiceLine Line => ServiceLine.ChildAndDisabilityWelfare;

    public WelfareBenefit Benefit { get; set; }

    public WelfareGroup Group { get; set; }

    public int PersonId { get; set; }

    /// <summary>The <see cref="DisabilitySubsidy"/> or <see cref="ChildInCare"/> paid for.</summary>
    public int RecordId { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>The month paid for (yyyymm).</summary>
    public int Period { get; set; }

    public decimal Amount { get; set; }

    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    public DateOnly? SettledOn { get; set; }

    public string? Note { get; set; }
}

/// <summary>Payments of one month, division and benefit, summed; rewritten with every batch and settlement.</summary>
public sealed class WelfareMonthlyTotal : IDivisionScoped
{
    public int Period { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public WelfareBenefit Benefit { get; set; }

    /// <summary>Payments not returned.</summary>
    public int Payments { get; set; }

    /// <summary>Paid out (status 已发放), in 元.</summary>
    public decimal PaidAmount { get; set; }
}
