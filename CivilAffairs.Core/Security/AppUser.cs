using Microsoft.AspNetCore.Identity;

namespace CivilAffairs.Core.Security;

/// <summary>A portal account: Identity user plus display name, division scope and granted service lines.</summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Code of the division the user's scope is rooted at (prefecture, county or 乡镇/街道).</summary>
    public string DivisionCode { get; set; } = string.Empty;

    /// <summary>Comma-separated <see cref="ServiceLine"/> names; see <see cref="ServiceLines.Parse"/>.</summary>
    public string ServiceLineList { get; set; } = string.Empty;

    /// <summary>A disabled user cannot sign in and loses an open session at the next revalidation.</summary>
    public bool IsDisabled { get; set; }
}
