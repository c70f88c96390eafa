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

    // Counted when found and when it became a case: a lead found in a submitted month can still be converted in an open one.
    private static readonly IReadOnlyDictionary<string, string> Figures = Reporting.FigureDates.Of(
        (nameof(FoundOn), [nameof(Source), nameof(DivisionCode)]),
        (nameof(ConvertedOn), [nameof(Outcome), nameof(DibaoCaseId), nameof(CaseReference)]));

    DateOnly? IPeriodDated.ReportingDate => FoundOn;

    IEnumerable<DateOnly?> IPeriodDated.ReportingDates => [FoundOn, ConvertedOn];

    IReadOnlyDictionary<string, string>? IPeriodDated.FigureDates => Figures;

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
    /// The case the lead became when it is not a 低保 case of this portal (a 特困 or 临时救助 number, or a
    /// case of another system). A 低保 application made from the lead links it by <see cref="DibaoCaseId"/>.
    /// </summary>
    public string? CaseReference { get; set; }

    /// <summary>The 低保 case applied for from this lead (受理 with channel 主动发现).</summary>
    public int? DibaoCaseId { get; private set; }

    public DibaoCase? DibaoCase { get; private set; }

    /// <summary>The lead became this 低保 application, received on <paramref name="on"/>.</summary>
    public void ConvertTo(DibaoCase dibaoCase, DateOnly on)
    {
        if (Outcome != LeadOutcome.Pending)
        {
            throw new DomainException("该线索已核实办结，不能再转为低保申请。");
        }

        if (on < FoundOn)
        {
            throw new DomainException($"申请日期不能早于线索发现日期（{FoundOn:yyyy-MM-dd}）。");
        }

        (Outcome, DibaoCase, ConvertedOn, OutcomeReason) = (LeadOutcome.Converted, dibaoCase, on, "已受理低保申请");
    }

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
                if (string.IsNullOrWhiteSpace(CaseReference) && DibaoCaseId is null)
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

        if (DibaoCaseId is not null && Outcome != LeadOutcome.Converted)
        {
            throw new DomainException("该线索已转为低保申请，不能更改核实结果。");
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
