using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>
/// 主动发现线索: a person or household possibly in need, found by a grid worker, data comparison, the
/// public or the hotline; verified and either turned into a case or closed with a reason.
/// </summary>
public sealed class DiscoveryLead : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int SubjectMaxLength = 200;
    public const int AssigneeMaxLength = 50;
    public const int ReasonMaxLength = 300;
    public const int CaseReferenceMaxLength = 40;

    DateOnly? IPeriodDated.ReportingDate => FoundOn;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public LeadSource Source { get; set; } = LeadSource.GridWorker;

    /// <summary>Who or which household the lead is about, as reported.</summary>
    public string Subject { get; set; } = string.Empty;

    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly FoundOn { get; set; }

    /// <summary>Who verifies the lead.</summary>
    public string? Assignee { get; set; }

    public LeadOutcome Outcome { get; set; } = LeadOutcome.Pending;

    /// <summary>Why the lead was closed (不符合条件), or a note on the conversion.</summary>
    public string? OutcomeReason { get; set; }

    /// <summary>
    /// The case the lead became (低保/特困/临时救助 case number or id). A plain value, not a foreign key:
    /// the case tables belong to the other half of the social-assistance line (to link on merge).
    /// </summary>
    public string? CaseReference { get; set; }

    public DateOnly? ConvertedOn { get; set; }

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Length > SubjectMaxLength)
        {
            throw new DomainException($"请填写线索对象（不超过 {SubjectMaxLength} 个字）。");
        }

        if (FoundOn > today)
        {
            throw new DomainException("发现日期不能晚于今天。");
        }

        switch (Outcome)
        {
            case LeadOutcome.Converted:
                if (string.IsNullOrWhiteSpace(CaseReference))
                {
                    throw new DomainException("已转为救助的线索须填写救助案件编号。");
                }

                if (ConvertedOn is not { } on || on < FoundOn || on > today)
                {
                    throw new DomainException("请填写转为救助的日期（不早于发现日期，不晚于今天）。");
                }

                break;
            case LeadOutcome.NotEligible:
                if (string.IsNullOrWhiteSpace(OutcomeReason))
                {
                    throw new DomainException("不符合条件的线索须填写原因。");
                }

                (CaseReference, ConvertedOn) = (null, null);
                break;
            default:
                (CaseReference, ConvertedOn) = (null, null);
                break;
        }
    }
}

public enum LeadSource
{
    /// <summary>网格员.</summary>
    GridWorker = 1,

    /// <summary>部门数据比对.</summary>
    DataComparison = 2,

    /// <summary>群众反映.</summary>
    Public = 3,

    /// <summary>热线.</summary>
    Hotline = 4,
}

public enum LeadOutcome
{
    /// <summary>待核实.</summary>
    Pending = 1,

    /// <summary>已转为救助.</summary>
    Converted = 2,

    /// <summary>不符合条件.</summary>
    NotEligible = 3,
}
