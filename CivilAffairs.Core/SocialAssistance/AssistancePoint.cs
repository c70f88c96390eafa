using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// 救助点: one of the "1+N" temporary-assistance points (赛里木湖, 五台, 八家户, 火车站 and each county's
/// office). Reference data kept by administrators; visible inside its division's scope.
/// </summary>
public sealed class AssistancePoint : Entity, IDivisionScoped, IAdministratorRecord
{
    public const int NameMaxLength = 50;

    public string Name { get; set; } = string.Empty;

    public string DivisionCode { get; set; } = string.Empty;

    public bool Active { get; set; } = true;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写救助点名称（不超过 {NameMaxLength} 个字）。");
        }
    }
}

/// <summary>
/// 临时救助分层分档: a tier with the amount range (元) an assistance of that tier may have.
/// Reference data kept by administrators.
/// </summary>
public sealed class AssistanceTier : Entity, IAdministratorRecord
{
    public const int NameMaxLength = 50;

    public string Name { get; set; } = string.Empty;

    public decimal MinAmount { get; set; }

    public decimal MaxAmount { get; set; }

    public bool Active { get; set; } = true;

    public bool Allows(decimal amount) => amount >= MinAmount && amount <= MaxAmount;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength)
        {
            throw new DomainException($"请填写档次名称（不超过 {NameMaxLength} 个字）。");
        }

        Numbers.RequireMoney(MinAmount, "档次金额下限");
        Numbers.RequireMoney(MaxAmount, "档次金额上限");
        if (MaxAmount <= 0)
        {
            throw new DomainException("档次金额须为正数（元）。");
        }

        if (MaxAmount < MinAmount)
        {
            throw new DomainException("档次金额上限不能小于下限。");
        }
    }
}
