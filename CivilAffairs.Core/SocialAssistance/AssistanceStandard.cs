using CivilAffairs.Core.Common;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// 低保标准: 元 per person and month for a county, urban or rural, from a date on. The standard that
/// applies on a day is the one with the latest <see cref="EffectiveFrom"/> not after it.
/// </summary>
public sealed class AssistanceStandard : Entity, IAdministratorRecord
{
    public string CountyCode { get; set; } = string.Empty;

    public UrbanRural Area { get; set; }

    public decimal MonthlyAmount { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public void Validate()
    {
        if (DivisionCatalog.Find(CountyCode) is not { Level: DivisionLevel.County })
        {
            throw new DomainException("低保标准须按县（市）设置，请选择县（市）。");
        }

        if (MonthlyAmount <= 0 || MonthlyAmount > 100_000)
        {
            throw new DomainException("低保标准须为正数（元/人·月）。");
        }

        Numbers.RequireFen(MonthlyAmount, "低保标准");
        Plausibility.DibaoStandard.Require(MonthlyAmount);
    }

    /// <summary>The county (6-digit prefix) a division belongs to.</summary>
    public static string CountyOf(string divisionCode) => divisionCode.Length >= 6 ? divisionCode[..6] : divisionCode;

    /// <summary>The standard for a division's county and area on a day, or null when none is set.</summary>
    public static AssistanceStandard? Choose(IEnumerable<AssistanceStandard> standards, string divisionCode, UrbanRural area, DateOnly on)
    {
        var county = CountyOf(divisionCode);
        return standards.Where(s => s.CountyCode == county && s.Area == area && s.EffectiveFrom <= on).MaxBy(s => s.EffectiveFrom);
    }
}
