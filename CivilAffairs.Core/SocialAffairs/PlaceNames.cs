using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAffairs;

public enum PlaceNameCategory
{
    /// <summary>行政区域/居民点.</summary>
    Settlement = 1,

    /// <summary>道路街巷.</summary>
    Road = 2,

    /// <summary>自然地理实体（山、河、湖）.</summary>
    Natural = 3,

    /// <summary>交通设施.</summary>
    Transport = 4,

    /// <summary>公共服务设施.</summary>
    PublicService = 5,

    /// <summary>旅游景点.</summary>
    ScenicSpot = 6,

    /// <summary>纪念地/文化遗址.</summary>
    Heritage = 7,
}

/// <summary>标准地名 or 兴趣点 (POI).</summary>
public enum PlaceNameKind
{
    /// <summary>标准地名.</summary>
    StandardName = 1,

    /// <summary>兴趣点.</summary>
    PointOfInterest = 2,
}

public enum PlaceNameStatus
{
    /// <summary>已审定.</summary>
    Approved = 1,

    /// <summary>待审定.</summary>
    Pending = 2,

    /// <summary>已注销.</summary>
    Retired = 3,
}

public enum PlaceNameSource
{
    /// <summary>本地采集.</summary>
    Local = 1,

    /// <summary>援疆城市录入 (partner aid city).</summary>
    AidCity = 2,
}

public static class PlaceNameNames
{
    public static string ChineseName(this PlaceNameCategory c) => c switch
    {
        PlaceNameCategory.Settlement => "居民点",
        PlaceNameCategory.Road => "道路街巷",
        PlaceNameCategory.Natural => "自然地理实体",
        PlaceNameCategory.Transport => "交通设施",
        PlaceNameCategory.PublicService => "公共服务设施",
        PlaceNameCategory.ScenicSpot => "旅游景点",
        PlaceNameCategory.Heritage => "纪念地遗址",
        _ => c.ToString(),
    };

    public static string ChineseName(this PlaceNameKind k) => k == PlaceNameKind.StandardName ? "标准地名" : "兴趣点";

    public static string ChineseName(this PlaceNameStatus s) => s switch
    {
        PlaceNameStatus.Approved => "已审定",
        PlaceNameStatus.Pending => "待审定",
        PlaceNameStatus.Retired => "已注销",
        _ => s.ToString(),
    };

    public static string ChineseName(this PlaceNameSource s) => s == PlaceNameSource.Local ? "本地采集" : "援疆城市录入";
}

/// <summary>Coordinates a place name may carry: inside the prefecture's bounding box.</summary>
public static class PrefectureBounds
{
    // Bounding box of 博尔塔拉蒙古自治州 (WGS-84), rounded outward: about 79.9–83.7°E, 44.0–45.4°N.
    // A point outside it is a typing error (swapped or mistyped coordinates), never a local place.
    public const double MinLongitude = 79.9;
    public const double MaxLongitude = 83.7;
    public const double MinLatitude = 44.0;
    public const double MaxLatitude = 45.4;

    public static bool Contains(double longitude, double latitude) =>
        longitude is >= MinLongitude and <= MaxLongitude && latitude is >= MinLatitude and <= MaxLatitude;

    /// <summary>Null when the point is inside; else the message to show.</summary>
    public static string? Check(double longitude, double latitude) =>
        Contains(longitude, latitude)
            ? null
            : $"坐标不在博州范围内（经度 {MinLongitude}–{MaxLongitude}°E，纬度 {MinLatitude}–{MaxLatitude}°N），请核对经纬度。";
}

/// <summary>地名: a standard name or a POI with its coordinates.</summary>
public sealed class PlaceName : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    // Counted by the day it was recorded, by source and division; its status is the current state.
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(RecordedOn), [nameof(Kind), nameof(Category), nameof(DivisionCode), nameof(Source), nameof(AidCity)]));

    DateOnly? Reporting.IPeriodDated.ReportingDate => RecordedOn;

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 80;
    public const int AidCityMaxLength = 30;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public string Name { get; set; } = string.Empty;

    public PlaceNameKind Kind { get; set; } = PlaceNameKind.PointOfInterest;

    public PlaceNameCategory Category { get; set; } = PlaceNameCategory.PublicService;

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>Longitude in degrees east (WGS-84).</summary>
    public double Longitude { get; set; }

    /// <summary>Latitude in degrees north (WGS-84).</summary>
    public double Latitude { get; set; }

    public PlaceNameStatus Status { get; set; } = PlaceNameStatus.Approved;

    public PlaceNameSource Source { get; set; } = PlaceNameSource.Local;

    /// <summary>The partner aid city that entered it (e.g. 天津市), for <see cref="PlaceNameSource.AidCity"/>.</summary>
    public string? AidCity { get; set; }

    public DateOnly RecordedOn { get; set; }

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写地名（不超过 {NameMaxLength} 个字）。");
        }

        if (PrefectureBounds.Check(Longitude, Latitude) is { } message)
        {
            throw new DomainException(message);
        }

        if (Source == PlaceNameSource.AidCity && string.IsNullOrWhiteSpace(AidCity))
        {
            throw new DomainException("援疆城市录入的地名须填写援疆城市。");
        }

        if (AidCity is { Length: > AidCityMaxLength })
        {
            throw new DomainException($"援疆城市不能超过 {AidCityMaxLength} 个字。");
        }

        if (RecordedOn == default || RecordedOn > today)
        {
            throw new DomainException("请填写采集日期（不晚于今天）。");
        }
    }
}

/// <summary>地名专家库: a small reference list.</summary>
public sealed class PlaceNameExpert : Entity, IDivisionScoped, IServiceLineRecord, Reporting.IPeriodDated
{
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of((nameof(AddedOn), [nameof(DivisionCode)]));

    DateOnly? Reporting.IPeriodDated.ReportingDate => AddedOn;

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 50;
    public const int TextMaxLength = 100;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public string Name { get; set; } = string.Empty;

    /// <summary>专业领域 (地名文化, 测绘, 蒙古语地名 …).</summary>
    public string Specialty { get; set; } = string.Empty;

    public string? Organisation { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly AddedOn { get; set; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写专家姓名（不超过 {NameMaxLength} 个字）。");
        }

        if (string.IsNullOrWhiteSpace(Specialty) || Specialty.Length > TextMaxLength || Organisation is { Length: > TextMaxLength })
        {
            throw new DomainException($"请填写专业领域（工作单位、专业领域均不超过 {TextMaxLength} 个字）。");
        }
    }
}
