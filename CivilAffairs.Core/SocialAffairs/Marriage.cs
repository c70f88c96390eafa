using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAffairs;

/// <summary>婚姻登记处: a reference record (the county offices and the 赛里木湖景区 office).</summary>
public sealed class MarriageOffice : Entity, IDivisionScoped, IServiceLineRecord
{
    public const int NameMaxLength = 60;
    public const int AddressMaxLength = 120;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public string Name { get; set; } = string.Empty;

    public string DivisionCode { get; set; } = string.Empty;

    public string? Address { get; set; }

    /// <summary>A scenic-area office (景区婚姻登记处) as at Sayram Lake.</summary>
    public bool ScenicArea { get; set; }

    public bool Active { get; set; } = true;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写登记处名称（不超过 {NameMaxLength} 个字）。");
        }

        if (Address is { Length: > AddressMaxLength })
        {
            throw new DomainException($"地址不能超过 {AddressMaxLength} 个字。");
        }
    }
}

/// <summary>One office's registrations in one month: marriages and divorces (对) and 全区通办 registrations.</summary>
public sealed class MarriageMonthlyFigure : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Period > 0 ? Common.Period.FromKey(Period).Start : null;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public int OfficeId { get; set; }

    public MarriageOffice? Office { get; set; }

    /// <summary>The office's division, copied so the scope filter and indicators need no join.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>yyyymm.</summary>
    public int Period { get; set; }

    /// <summary>结婚登记（对）.</summary>
    public int Marriages { get; set; }

    /// <summary>离婚登记（对）.</summary>
    public int Divorces { get; set; }

    /// <summary>全区通办: registrations (对) for residents of other prefectures, included in the two figures above.</summary>
    public int CrossRegion { get; set; }

    public void Validate()
    {
        Numbers.RequireCount(Marriages, "结婚登记对数");
        Numbers.RequireCount(Divorces, "离婚登记对数");
        Numbers.RequireCount(CrossRegion, "全区通办对数");

        if (CrossRegion > Marriages + Divorces)
        {
            throw new DomainException("全区通办对数不能超过结婚与离婚登记对数之和。");
        }
    }
}

/// <summary>集体婚礼.</summary>
public sealed class CollectiveWedding : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int PlaceMaxLength = 100;

    DateOnly? IPeriodDated.ReportingDate => HeldOn;

    public static ServiceLine Line => ServiceLine.SocialAffairs;

    public DateOnly HeldOn { get; set; }

    public string Place { get; set; } = string.Empty;

    public int Couples { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public string? Note { get; set; }

    public void Validate(DateOnly today)
    {
        if (HeldOn == default || HeldOn > today.AddYears(1))
        {
            throw new DomainException("请填写举办日期。");
        }

        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > PlaceMaxLength)
        {
            throw new DomainException($"请填写举办地点（不超过 {PlaceMaxLength} 个字）。");
        }

        Numbers.RequireCount(Couples, "参加新人对数");
        if (Couples is < 1 or > 10_000)
        {
            throw new DomainException("参加新人须为 1 对以上。");
        }
    }
}
