using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>探访关爱: a visit to an empty-nest, disabled or severely disabled elderly person.</summary>
public sealed class CareVisit : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => VisitedOn;

    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public int ElderlyPersonId { get; set; }

    public ElderlyPerson? ElderlyPerson { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly VisitedOn { get; set; }

    public string Visitor { get; set; } = string.Empty;

    public VisitMode Mode { get; set; } = VisitMode.InPerson;

    public string? Findings { get; set; }

    public bool FollowUpNeeded { get; set; }
}

public enum VisitMode
{
    /// <summary>上门.</summary>
    InPerson = 1,

    /// <summary>电话.</summary>
    Phone = 2,
}

/// <summary>适老化改造: a household's home adapted for an elderly resident.</summary>
public sealed class HomeAdaptation : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => CompletedOn;

    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public int PersonId { get; set; }

    public People.Person? Person { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>What was done (扶手, 防滑, 坐便椅, 紧急呼叫…).</summary>
    public string Items { get; set; } = string.Empty;

    /// <summary>Total cost in 元.</summary>
    public decimal Cost { get; set; }

    /// <summary>Government subsidy in 元, never more than the cost.</summary>
    public decimal Subsidy { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Items))
        {
            throw new DomainException("请填写改造项目。");
        }

        Numbers.RequireMoney(Cost, "改造费用");
        Numbers.RequireMoney(Subsidy, "补贴金额");

        if (Subsidy > Cost)
        {
            throw new DomainException("补贴金额不能超过改造费用。");
        }
    }
}

/// <summary>养老护理员培训 or 职业技能竞赛: a session and the number who took part.</summary>
public sealed class CaregiverTraining : Entity, IDivisionScoped, IServiceLineRecord, IPeriodDated
{
    DateOnly? IPeriodDated.ReportingDate => HeldOn;

    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public string Title { get; set; } = string.Empty;

    public TrainingKind Kind { get; set; } = TrainingKind.Training;

    public string DivisionCode { get; set; } = string.Empty;

    public DateOnly HeldOn { get; set; }

    public bool Online { get; set; }

    /// <summary>Participants (培训人次) or entrants (参赛人数).</summary>
    public int Participants { get; set; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new DomainException("请填写培训或竞赛名称。");
        }

        Numbers.RequireCount(Participants, "参加人数");
    }
}

public enum TrainingKind
{
    /// <summary>培训.</summary>
    Training = 1,

    /// <summary>职业技能竞赛.</summary>
    Competition = 2,
}
