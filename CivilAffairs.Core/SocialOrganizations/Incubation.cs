using CivilAffairs.Core.Common;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.SocialOrganizations;

/// <summary>孵化基地: a reference record of the places where organisations are incubated.</summary>
public sealed class IncubationBase : Entity, IDivisionScoped, IServiceLineRecord
{
    public const int NameMaxLength = 100;

    public static ServiceLine Line => ServiceLine.SocialOrganizations;

    public string Name { get; set; } = string.Empty;

    public int EstablishedYear { get; set; }

    public bool Active { get; set; } = true;

    public string DivisionCode { get; set; } = string.Empty;
}

/// <summary>孵化 / 公益创投 project: one organisation supported in a year with funding; may win a quality-project award.</summary>
public sealed class IncubationProject : Entity, IDivisionScoped, IServiceLineRecord
{
    public const int NameMaxLength = 100;

    public static ServiceLine Line => ServiceLine.SocialOrganizations;

    public string Name { get; set; } = string.Empty;

    public ProjectCategory Category { get; set; } = ProjectCategory.Incubation;

    public int OrganizationId { get; set; }

    public SocialOrganization? Organization { get; set; }

    /// <summary>The organisation's type, copied so outcomes (organisations incubated by type) count in SQL without a join.</summary>
    public OrganizationType OrganizationType { get; set; }

    public int Year { get; set; }

    /// <summary>Funding in 元.</summary>
    public decimal Funding { get; set; }

    /// <summary>评为优质（精品）项目.</summary>
    public bool QualityAward { get; set; }

    public int? BaseId { get; set; }

    public IncubationBase? Base { get; set; }

    public string DivisionCode { get; set; } = string.Empty;

    public void Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > NameMaxLength)
        {
            throw new DomainException($"请填写项目名称（不超过 {NameMaxLength} 个字）。");
        }

        Numbers.RequireYear(Year, "项目年度", 2015, today.Year);

        Numbers.RequireMoney(Funding, "资助金额");
        Plausibility.ProjectFunding.Require(Funding);
    }
}

public enum ProjectCategory
{
    /// <summary>孵化培育.</summary>
    Incubation = 1,

    /// <summary>公益创投.</summary>
    Venture = 2,
}
