using CivilAffairs.Core.Divisions;

namespace CivilAffairs.Core.Security;

/// <summary>
/// The divisions a user may see: the prefecture (everything), one county with its 乡镇/街道, or one
/// 乡镇/街道. Division codes are hierarchical, so a scope is a code prefix: 4 digits for the
/// prefecture, 6 for a county, the whole code for a township.
/// </summary>
public sealed record DivisionScope
{
    private DivisionScope(string divisionCode, string prefix)
    {
        DivisionCode = divisionCode;
        Prefix = prefix;
    }

    public string DivisionCode { get; }

    /// <summary>Every division code in scope starts with this prefix.</summary>
    public string Prefix { get; }

    /// <summary>A scope that sees nothing (anonymous users).</summary>
    public static DivisionScope None { get; } = new(string.Empty, "\u0001none");

    public static DivisionScope Prefecture { get; } = For(DivisionCatalog.PrefectureCode);

    public static DivisionScope For(string divisionCode)
    {
        var division = DivisionCatalog.Find(divisionCode)
            ?? throw new ArgumentException($"Unknown division code '{divisionCode}'.", nameof(divisionCode));
        var prefix = division.Level switch
        {
            DivisionLevel.Prefecture => divisionCode[..4],
            DivisionLevel.County => divisionCode[..6],
            _ => divisionCode,
        };
        return new DivisionScope(divisionCode, prefix);
    }

    public bool Contains(string? divisionCode) =>
        divisionCode is not null && divisionCode.StartsWith(Prefix, StringComparison.Ordinal);

    public string Name => DivisionCatalog.NameOf(DivisionCode);
}
