using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// 临时救助: one assistance given to a registered resident (<see cref="PersonId"/>) or to a person
/// passing through (name, optional ID number, origin; no local household needed).
/// </summary>
public sealed class TemporaryAssistance : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int NameMaxLength = 50;
    public const int OriginMaxLength = 100;
    public const int DescriptionMaxLength = 200;

    DateOnly? IPeriodDated.ReportingDate => GivenOn;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    /// <summary>The registered resident helped; null for a person passing through.</summary>
    public int? PersonId { get; set; }

    public People.Person? Person { get; set; }

    /// <summary>Recipient's name (copied from the register for a resident).</summary>
    public string RecipientName { get; set; } = string.Empty;

    /// <summary>公民身份号码, optional for a person passing through, validated when given.</summary>
    public string? IdNumber { get; set; }

    /// <summary>Where a person passing through comes from (籍贯/来源地).</summary>
    public string? Origin { get; set; }

    public bool PassingThrough => PersonId is null;

    public DifficultyType Difficulty { get; set; } = DifficultyType.Emergency;

    public int TierId { get; set; }

    public AssistanceTier? Tier { get; set; }

    /// <summary>Amount in 元 (cash, or the value of what was given in kind).</summary>
    public decimal Amount { get; set; }

    public AssistanceForm Form { get; set; } = AssistanceForm.Cash;

    /// <summary>What was given, for assistance in kind.</summary>
    public string? InKindDescription { get; set; }

    public DateOnly GivenOn { get; set; }

    public int? AssistancePointId { get; set; }

    public AssistancePoint? AssistancePoint { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>Checks the record against its tier; the message says what to change.</summary>
    public void Validate(AssistanceTier tier)
    {
        if (string.IsNullOrWhiteSpace(RecipientName) || RecipientName.Length > NameMaxLength)
        {
            throw new DomainException($"请填写受助人姓名（不超过 {NameMaxLength} 个字）。");
        }

        if (Amount <= 0)
        {
            throw new DomainException("救助金额须大于 0 元。");
        }

        Numbers.RequireFen(Amount, "救助金额");
        Plausibility.TemporaryAssistance.Require(Amount);

        if (!tier.Allows(Amount))
        {
            throw new DomainException($"救助金额 {Amount:0.##} 元不在“{tier.Name}”的金额范围（{tier.MinAmount:0.##}–{tier.MaxAmount:0.##} 元）内，请调整金额或档次。");
        }

        if (Form == AssistanceForm.InKind && string.IsNullOrWhiteSpace(InKindDescription))
        {
            throw new DomainException("实物救助须填写实物内容。");
        }
    }
}

public enum DifficultyType
{
    /// <summary>急难型.</summary>
    Emergency = 1,

    /// <summary>支出型.</summary>
    Expenditure = 2,
}

public enum AssistanceForm
{
    /// <summary>现金.</summary>
    Cash = 1,

    /// <summary>实物.</summary>
    InKind = 2,
}
