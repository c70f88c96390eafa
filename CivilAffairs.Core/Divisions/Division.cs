namespace CivilAffairs.Core.Divisions;

/// <summary>行政区划: reference data from the national statistical division codes.</summary>
public sealed class Division
{
    public const int CodeMaxLength = 12;

    public Division(string code, string name, string? parentCode, DivisionKind kind)
    {
        Code = code;
        Name = name;
        ParentCode = parentCode;
        Kind = kind;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? ParentCode { get; private set; }

    public DivisionKind Kind { get; private set; }

    public DivisionLevel Level => Kind.Level();

    /// <summary>Only 街道, 镇 and 乡 count as 乡镇街道 in coverage rates; farms and parks do not.</summary>
    public bool IsTownshipLevel => Kind.IsTownshipLevel();
}

public enum DivisionLevel
{
    Prefecture = 1,
    County = 2,
    Township = 3,
}

public enum DivisionKind
{
    Prefecture = 1,
    County = 2,
    Subdistrict = 3,
    Town = 4,
    Township = 5,
    FarmOrRanch = 6,
    IndustrialPark = 7,
}

public static class DivisionKindExtensions
{
    public static DivisionLevel Level(this DivisionKind kind) => kind switch
    {
        DivisionKind.Prefecture => DivisionLevel.Prefecture,
        DivisionKind.County => DivisionLevel.County,
        _ => DivisionLevel.Township,
    };

    public static bool IsTownshipLevel(this DivisionKind kind) =>
        kind is DivisionKind.Subdistrict or DivisionKind.Town or DivisionKind.Township;

    public static string ChineseName(this DivisionKind kind) => kind switch
    {
        DivisionKind.Prefecture => "州",
        DivisionKind.County => "县级",
        DivisionKind.Subdistrict => "街道",
        DivisionKind.Town => "镇",
        DivisionKind.Township => "乡",
        DivisionKind.FarmOrRanch => "农牧场/园区",
        DivisionKind.IndustrialPark => "园区",
        _ => kind.ToString(),
    };

    /// <summary>Maps the <c>kind</c> column of the division CSV.</summary>
    public static DivisionKind FromCsv(string kind) => kind switch
    {
        "prefecture" => DivisionKind.Prefecture,
        "county" => DivisionKind.County,
        "subdistrict" => DivisionKind.Subdistrict,
        "town" => DivisionKind.Town,
        "township" => DivisionKind.Township,
        "farm-or-ranch" => DivisionKind.FarmOrRanch,
        "industrial-park" => DivisionKind.IndustrialPark,
        _ => throw new FormatException($"Unknown division kind '{kind}'."),
    };
}
