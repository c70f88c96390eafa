using CivilAffairs.Core.Common;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialAssistance;

/// <summary>民政干部/村(社区)干部: a worker who must file close relatives who apply, or a zero report.</summary>
public sealed class AssistanceWorker : Entity, IDivisionScoped, IServiceLineRecord
{
    public const int NameMaxLength = 50;
    public const int PostMaxLength = 50;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public string Name { get; set; } = string.Empty;

    public WorkerLevel Level { get; set; } = WorkerLevel.Village;

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>职务, e.g. 民政助理员, 村委会主任.</summary>
    public string? Post { get; set; }

    /// <summary>Still in post: only active workers owe a zero report.</summary>
    public bool Active { get; set; } = true;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > NameMaxLength)
        {
            throw new DomainException($"请填写工作人员姓名（不超过 {NameMaxLength} 个字）。");
        }
    }
}

public enum WorkerLevel
{
    /// <summary>县级.</summary>
    County = 1,

    /// <summary>乡级.</summary>
    Township = 2,

    /// <summary>村级.</summary>
    Village = 3,
}

/// <summary>近亲属备案: a worker's close relative who applies for or receives assistance, filed for county review.</summary>
public sealed class RelativeFiling : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    public const int RelationMaxLength = 20;

    DateOnly? IPeriodDated.ReportingDate => FiledOn;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public int WorkerId { get; set; }

    public AssistanceWorker? Worker { get; set; }

    public int RelativePersonId { get; set; }

    public People.Person? Relative { get; set; }

    /// <summary>关系 (配偶, 父母, 子女, 兄弟姐妹…).</summary>
    public string Relation { get; set; } = string.Empty;

    public FilingProgram Program { get; set; } = FilingProgram.LowIncome;

    public DateOnly FiledOn { get; set; }

    /// <summary>The worker's division (the filing is reviewed where the worker serves).</summary>
    public string DivisionCode { get; set; } = string.Empty;
}

public enum FilingProgram
{
    /// <summary>低保.</summary>
    LowIncome = 1,

    /// <summary>特困供养.</summary>
    ExtremePoverty = 2,

    /// <summary>临时救助.</summary>
    Temporary = 3,

    /// <summary>低收入人口.</summary>
    LowIncomePopulation = 4,
}

/// <summary>零报告: a worker declares that no close relative applied in the month. One per worker and month.</summary>
public sealed class ZeroReport : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => Period > 0 ? Common.Period.FromKey(Period).Start : null;

    public static ServiceLine Line => ServiceLine.SocialAssistance;

    public int WorkerId { get; set; }

    public AssistanceWorker? Worker { get; set; }

    /// <summary>The month reported on (yyyymm).</summary>
    public int Period { get; set; }

    public DateOnly FiledOn { get; set; }

    public string DivisionCode { get; set; } = string.Empty;
}
