using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.Charity;

/// <summary>慈善捐赠: cash or goods from an enterprise, organisation or individual to a care facility, a group or a program.</summary>
public sealed class Donation : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 200;

    public static ServiceLine Line => ServiceLine.Charity;

    DateOnly? IPeriodDated.ReportingDate => DonatedOn;

    public string DonorName { get; set; } = string.Empty;

    public DonorKind DonorKind { get; set; } = DonorKind.Enterprise;

    public DateOnly DonatedOn { get; set; }

    public DonationForm Form { get; set; } = DonationForm.Goods;

    /// <summary>Value in 元 (the amount of cash, or the goods' value).</summary>
    public decimal Value { get; set; }

    public string? Description { get; set; }

    public RecipientKind RecipientKind { get; set; } = RecipientKind.CareFacility;

    public int? CareFacilityId { get; set; }

    public ElderlyCare.CareFacility? CareFacility { get; set; }

    public RecipientGroup? RecipientGroup { get; set; }

    /// <summary>The program supported (e.g. 慈善助学), for recipient kind Program.</summary>
    public string? ProgramName { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(DonorName) || DonorName.Length > NameMaxLength)
        {
            throw new DomainException($"请填写捐赠方名称（不超过 {NameMaxLength} 个字）。");
        }

        if (DonatedOn == default || DonatedOn > today)
        {
            throw new DomainException("请填写捐赠日期（不晚于今天）。");
        }

        if (Value <= 0)
        {
            throw new DomainException("捐赠价值须大于 0 元。");
        }

        Numbers.RequireFen(Value, "捐赠价值");
        Plausibility.Donation.Require(Value);

        if (Form == DonationForm.Goods && string.IsNullOrWhiteSpace(Description))
        {
            throw new DomainException("物资捐赠须填写物资说明。");
        }

        switch (RecipientKind)
        {
            case RecipientKind.CareFacility when CareFacilityId is null:
                throw new DomainException("请选择受赠的养老机构。");
            case RecipientKind.Group when RecipientGroup is null:
                throw new DomainException("请选择受助群体。");
            case RecipientKind.Program when string.IsNullOrWhiteSpace(ProgramName):
                throw new DomainException("请填写慈善项目名称。");
        }
    }
}

/// <summary>慈善礼包发放: packages given to a person of a group in difficulty.</summary>
public sealed class GiftPackageDistribution : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public static ServiceLine Line => ServiceLine.Charity;

    DateOnly? IPeriodDated.ReportingDate => DistributedOn;

    public int PersonId { get; set; }

    public People.Person? Person { get; set; }

    /// <summary>Copied from the register.</summary>
    public string RecipientName { get; set; } = string.Empty;

    public RecipientGroup Group { get; set; } = RecipientGroup.ChildrenInDifficulty;

    public DateOnly DistributedOn { get; set; }

    public int Packages { get; set; } = 1;

    public string DivisionCode { get; set; } = string.Empty;

    public const string PackagesMessage = "礼包数量须在 1 至 20 份之间。";

    public static string? PackagesError(int packages) => packages is < 1 or > 20 ? PackagesMessage : null;

    /// <summary>Checks the date, count and that the person's age fits the group (under 18 / 60 and over).</summary>
    public void Validate(DateOnly today, DateOnly birthDate)
    {
        if (DistributedOn == default || DistributedOn > today)
        {
            throw new DomainException("请填写发放日期（不晚于今天）。");
        }

        if (PackagesError(Packages) is { } packages)
        {
            throw new DomainException(packages);
        }

        var age = Age.On(birthDate, DistributedOn);
        if (Group == RecipientGroup.ChildrenInDifficulty && age >= 18)
        {
            throw new DomainException($"“{RecipientName}”发放时已满 18 周岁（{age} 岁），不属于困境儿童。");
        }

        if (Group == RecipientGroup.ElderlyInDifficulty && age < 60)
        {
            throw new DomainException($"“{RecipientName}”发放时未满 60 周岁（{age} 岁），不属于 60 岁以上特殊困难老人。");
        }
    }
}

/// <summary>义诊: a free clinic held by a medical society.</summary>
public sealed class FreeClinic : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int NameMaxLength = 100;

    public static ServiceLine Line => ServiceLine.Charity;

    DateOnly? IPeriodDated.ReportingDate => HeldOn;

    public string Organiser { get; set; } = string.Empty;

    public DateOnly HeldOn { get; set; }

    public string Place { get; set; } = string.Empty;

    public int Patients { get; set; }

    public static string? PatientsError(int patients) =>
        Numbers.NegativeError(patients, "服务人次") ?? (patients > 10_000 ? "服务人次不能超过 10000。" : null);

    public string DivisionCode { get; set; } = string.Empty;

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Organiser) || Organiser.Length > NameMaxLength)
        {
            throw new DomainException($"请填写主办单位（不超过 {NameMaxLength} 个字）。");
        }

        if (string.IsNullOrWhiteSpace(Place) || Place.Length > NameMaxLength)
        {
            throw new DomainException($"请填写义诊地点（不超过 {NameMaxLength} 个字）。");
        }

        if (HeldOn == default || HeldOn > today)
        {
            throw new DomainException("请填写义诊日期（不晚于今天）。");
        }

        if (PatientsError(Patients) is { } patients)
        {
            throw new DomainException(patients);
        }
    }
}

/// <summary>福利彩票销售: one game's sales and the public-welfare fund raised in a county in a month (one row each).</summary>
public sealed class LotterySales : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public static ServiceLine Line => ServiceLine.Charity;

    DateOnly? IPeriodDated.ReportingDate => Common.Period.FromKey(Period).Start;

    /// <summary>yyyymm.</summary>
    public int Period { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public LotteryGame Game { get; set; }

    /// <summary>销售额, 元.</summary>
    public decimal Sales { get; set; }

    /// <summary>筹集公益金, 元.</summary>
    public decimal WelfareFund { get; set; }

    public void Validate(DateOnly today)
    {
        if (Period > Common.Period.Of(today).Key)
        {
            throw new DomainException("销售月份不能晚于本月。");
        }

        Numbers.RequireMoney(Sales, "销售额");
        Numbers.RequireMoney(WelfareFund, "筹集公益金");
        Plausibility.LotterySales.Require(Sales);
        Plausibility.LotteryWelfareFund.Require(WelfareFund);

        if (WelfareFund > Sales)
        {
            throw new DomainException("筹集公益金不能大于销售额。");
        }
    }
}

public enum DonorKind
{
    /// <summary>企业.</summary>
    Enterprise = 1,

    /// <summary>社会组织.</summary>
    Organization = 2,

    /// <summary>个人.</summary>
    Individual = 3,
}

public enum DonationForm
{
    /// <summary>资金.</summary>
    Cash = 1,

    /// <summary>物资.</summary>
    Goods = 2,
}

public enum RecipientKind
{
    /// <summary>养老机构.</summary>
    CareFacility = 1,

    /// <summary>困难群体.</summary>
    Group = 2,

    /// <summary>慈善项目.</summary>
    Program = 3,
}

public enum RecipientGroup
{
    /// <summary>困境儿童.</summary>
    ChildrenInDifficulty = 1,

    /// <summary>60岁以上特殊困难老人.</summary>
    ElderlyInDifficulty = 2,

    /// <summary>残疾人.</summary>
    PersonsWithDisabilities = 3,

    /// <summary>低保、特困等困难群众.</summary>
    LowIncome = 4,
}

public enum LotteryGame
{
    /// <summary>双色球.</summary>
    DoubleColorBall = 1,

    /// <summary>福彩3D.</summary>
    ThreeD = 2,

    /// <summary>七乐彩.</summary>
    SevenLuck = 3,

    /// <summary>快乐8.</summary>
    HappyEight = 4,

    /// <summary>即开型“丝路明珠·赛里木湖”.</summary>
    InstantSayram = 5,

    /// <summary>其他即开型.</summary>
    InstantOther = 6,
}

public static class CharityNames
{
    public static string ChineseName(this DonorKind kind) => kind switch
    {
        DonorKind.Enterprise => "企业",
        DonorKind.Organization => "社会组织",
        DonorKind.Individual => "个人",
        _ => kind.ToString(),
    };

    public static string ChineseName(this DonationForm form) => form switch
    {
        DonationForm.Cash => "资金",
        DonationForm.Goods => "物资",
        _ => form.ToString(),
    };

    public static string ChineseName(this RecipientKind kind) => kind switch
    {
        RecipientKind.CareFacility => "养老机构",
        RecipientKind.Group => "困难群体",
        RecipientKind.Program => "慈善项目",
        _ => kind.ToString(),
    };

    public static string ChineseName(this RecipientGroup group) => group switch
    {
        RecipientGroup.ChildrenInDifficulty => "困境儿童",
        RecipientGroup.ElderlyInDifficulty => "60岁以上特殊困难老人",
        RecipientGroup.PersonsWithDisabilities => "残疾人",
        RecipientGroup.LowIncome => "低保、特困等困难群众",
        _ => group.ToString(),
    };

    public static string ChineseName(this LotteryGame game) => game switch
    {
        LotteryGame.DoubleColorBall => "双色球",
        LotteryGame.ThreeD => "福彩3D",
        LotteryGame.SevenLuck => "七乐彩",
        LotteryGame.HappyEight => "快乐8",
        LotteryGame.InstantSayram => "即开型“丝路明珠·赛里木湖”",
        LotteryGame.InstantOther => "其他即开型",
        _ => game.ToString(),
    };
}
