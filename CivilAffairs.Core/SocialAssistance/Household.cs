using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>城市 / 农村: decides which 低保 standard applies.</summary>
public enum UrbanRural
{
    Urban = 1,
    Rural = 2,
}

/// <summary>Relation of a member to the head of the household (与户主关系).</summary>
public enum HouseholdRelation
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Sibling = 6,
    Other = 9,
}

/// <summary>救助家庭: the household a 低保 case is for; the head is one of the members.</summary>
public sealed class Household : Entity, IDivisionScoped, IServiceLineRecord
{
    public const int AddressMaxLength = 200;

    /// <summary>Highest monthly income of one member accepted, in 元.</summary>
    public const decimal MaxMonthlyIncome = 1_000_000m;

    /// <summary>Households are registered at township (乡镇/街道) level.</summary>
    public static bool IsTownship(string code) => DivisionCatalog.Find(code) is { Level: DivisionLevel.Township };

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public int HeadPersonId { get; set; }

    public Person? Head { get; set; }

    /// <summary>The township-level division the household lives in.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    public UrbanRural Area { get; set; } = UrbanRural.Urban;

    public string? Address { get; set; }

    public List<HouseholdMember> Members { get; } = [];

    /// <summary>Household income per member and month (家庭月人均收入), in 元, over all members.</summary>
    public decimal PerCapitaIncome => Members.Count == 0 ? 0 : Math.Round(Members.Sum(m => m.MonthlyIncome) / Members.Count, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A person of a household, with their own monthly income.</summary>
public sealed class HouseholdMember : Entity, IDivisionScoped, IServiceLineRecord
{
    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public int HouseholdId { get; set; }

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Kept equal to the household's, so members follow the same scope.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    public HouseholdRelation Relation { get; set; } = HouseholdRelation.Other;

    /// <summary>Monthly income of this member in 元 (wages, pensions, transfers, …).</summary>
    public decimal MonthlyIncome { get; set; }

    /// <summary>分类施保: an elderly, severely disabled, seriously ill or minor member who gets a top-up.</summary>
    public bool ClassifiedTopUp { get; set; }
}
