using CivilAffairs.Core.Common;

namespace CivilAffairs.Core.People;

/// <summary>人员: the shared register keyed by the resident ID number; every program enrols persons from it.</summary>
public sealed class Person : Entity, IDivisionScoped, Reporting.IPeriodDated
{
    // The register itself is not dated; a death is, and it moves the month's figures (allowances
    // end, after-death cases, deaths by division). Name, phone, ethnicity stay editable in any month.
    private static readonly IReadOnlyDictionary<string, string> Figures = new Dictionary<string, string>
    {
        [nameof(DateOfDeath)] = nameof(DateOfDeath),
        [nameof(DivisionCode)] = nameof(DateOfDeath),
    };

    DateOnly? Reporting.IPeriodDated.ReportingDate => DateOfDeath;

    IReadOnlyDictionary<string, string>? Reporting.IPeriodDated.FigureDates => Figures;

    public const int NameMaxLength = 50;
    public const int EthnicityMaxLength = 20;
    public const int PhoneMaxLength = 20;

    private Person()
    {
    }

    public Person(ResidentId residentId, string name, string divisionCode)
    {
        SetResidentId(residentId);
        Rename(name);
        DivisionCode = divisionCode;
    }

    /// <summary>The 18-character 公民身份号码, unique in the register.</summary>
    public string IdNumber { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>Derived from the ID number; stored so that queries can filter and count by it.</summary>
    public Gender Gender { get; private set; }

    /// <summary>Derived from the ID number; stored so that age bands are computed in the database.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>民族.</summary>
    public string? Ethnicity { get; set; }

    public string? Phone { get; set; }

    /// <summary>Division of residence; decides who may see the person.</summary>
    public string DivisionCode { get; private set; } = string.Empty;

    public DateOnly? DateOfDeath { get; private set; }

    public bool IsDeceased => DateOfDeath is not null;

    public void SetResidentId(ResidentId id)
    {
        IdNumber = id.Value;
        Gender = id.Gender;
        BirthDate = id.BirthDate;
    }

    public void Rename(string name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("请填写姓名。");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException($"姓名不能超过 {NameMaxLength} 个字。");
        }

        Name = trimmed;
    }

    public void MoveTo(string divisionCode) => DivisionCode = divisionCode;

    public void RecordDeath(DateOnly date, DateOnly today)
    {
        if (date < BirthDate)
        {
            throw new DomainException("死亡日期不能早于出生日期。");
        }

        if (date > today)
        {
            throw new DomainException("死亡日期不能晚于今天。");
        }

        DateOfDeath = date;
    }

    public void ClearDeath() => DateOfDeath = null;

    public int AgeOn(DateOnly day) => Age.On(BirthDate, day);
}
