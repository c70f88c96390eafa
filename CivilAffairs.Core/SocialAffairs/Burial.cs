using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAffairs;

public enum BurialFacilityKind
{
    /// <summary>公益性公墓.</summary>
    PublicCemetery = 1,

    /// <summary>骨灰堂.</summary>
    Columbarium = 2,

    /// <summary>经营性公墓.</summary>
    CommercialCemetery = 3,

    /// <summary>殡仪馆.</summary>
    FuneralHome = 4,
}

public enum BurialFacilityStatus
{
    /// <summary>规划中.</summary>
    Planned = 1,

    /// <summary>在建.</summary>
    UnderConstruction = 2,

    /// <summary>运营.</summary>
    InService = 3,

    /// <summary>停用.</summary>
    Closed = 4,
}

public static class BurialNames
{
    public static string ChineseName(this BurialFacilityKind kind) => kind switch
    {
        BurialFacilityKind.PublicCemetery => "公益性公墓",
        BurialFacilityKind.Columbarium => "骨灰堂",
        BurialFacilityKind.CommercialCemetery => "经营性公墓",
        BurialFacilityKind.FuneralHome => "殡仪馆",
        _ => kind.ToString(),
    };

    public static string ChineseName(this BurialFacilityStatus status) => status switch
    {
        BurialFacilityStatus.Planned => "规划中",
        BurialFacilityStatus.UnderConstruction => "在建",
        BurialFacilityStatus.InService => "运营",
        BurialFacilityStatus.Closed => "停用",
        _ => status.ToString(),
    };

    /// <summary>Kinds that are 安葬(放)设施 (burial or ash placement), as opposed to funeral homes.</summary>
    public static bool IsBurial(this BurialFacilityKind kind) => kind is not BurialFacilityKind.FuneralHome;
}

/// <summary>殡葬设施 of a county: cemetery, columbarium or funeral home.</summary>
public sealed class BurialFacility : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    // Counted from its opening; its status is the current state (no dated history).
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(OpenedOn), [nameof(Kind), nameof(PublicWelfare), nameof(DivisionCode), nameof(Capacity), nameof(Investment)]));

    DateOnly? Reporting.IPeriodDated.ReportingDate => OpenedOn;

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 80;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public string Name { get; set; } = string.Empty;

    public string DivisionCode { get; set; } = string.Empty;

    public BurialFacilityKind Kind { get; set; } = BurialFacilityKind.PublicCemetery;

    /// <summary>公益性: run without profit (a 公益性公墓 or 骨灰堂 always is; a commercial cemetery never).</summary>
    public bool PublicWelfare { get; set; } = true;

    /// <summary>Graves or niches (穴位/格位); 0 for a funeral home.</summary>
    public int Capacity { get; set; }

    /// <summary>Investment in 元.</summary>
    public decimal Investment { get; set; }

    public BurialFacilityStatus Status { get; set; } = BurialFacilityStatus.InService;

    public DateOnly? OpenedOn { get; set; }

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写设施名称（不超过 {NameMaxLength} 个字）。");
        }

        if (Kind == BurialFacilityKind.CommercialCemetery && PublicWelfare)
        {
            throw new DomainException("经营性公墓不能标记为公益性。");
        }

        if (Kind is BurialFacilityKind.PublicCemetery or BurialFacilityKind.Columbarium && !PublicWelfare)
        {
            throw new DomainException("公益性公墓和骨灰堂须标记为公益性。");
        }

        Numbers.RequireCount(Capacity, "容量");
        Numbers.RequireMoney(Investment, "投资额");
        Plausibility.Investment.Require(Investment);

        if (Status == BurialFacilityStatus.InService && OpenedOn is { } opened && opened > today)
        {
            throw new DomainException("运营中的设施，启用日期不能晚于今天。");
        }
    }
}
