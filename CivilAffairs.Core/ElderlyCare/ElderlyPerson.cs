using CivilAffairs.Core.Common;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;

namespace CivilAffairs.Core.ElderlyCare;

/// <summary>老年人: a person enrolled in elderly care, with the circumstances that decide the services they get.</summary>
public sealed class ElderlyPerson : Entity, IDivisionScoped, IServiceLineRecord
{
    public static ServiceLine Line => ServiceLine.ElderlyCare;

    public int PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The person's division of residence, kept with the enrolment for scope and counting.</summary>
    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>空巢.</summary>
    public bool EmptyNest { get; set; }

    /// <summary>独居.</summary>
    public bool LivingAlone { get; set; }

    /// <summary>失能.</summary>
    public bool Disabled { get; set; }

    /// <summary>重残.</summary>
    public bool SeverelyDisabled { get; set; }

    /// <summary>特困.</summary>
    public bool ExtremelyPoor { get; set; }

    public CareMode CareMode { get; set; } = CareMode.Home;

    public int? FacilityId { get; set; }

    public CareFacility? Facility { get; set; }

    public void Validate()
    {
        if (CareMode == CareMode.Institution && FacilityId is null)
        {
            throw new DomainException("机构养老须选择所在养老机构。");
        }

        if (CareMode != CareMode.Institution)
        {
            FacilityId = CareMode == CareMode.Community ? FacilityId : null;
        }
    }
}

/// <summary>The "9073" care modes.</summary>
public enum CareMode
{
    Home = 1,
    Community = 2,
    Institution = 3,
}
