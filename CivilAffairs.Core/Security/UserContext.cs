using System.Security.Claims;

namespace CivilAffairs.Core.Security;

/// <summary>Who is acting: name, role, division scope and granted service lines.</summary>
public sealed record UserContext(
    string? UserId,
    string UserName,
    string DisplayName,
    string? Role,
    DivisionScope Scope,
    IReadOnlySet<ServiceLine> Lines)
{
    public static UserContext Anonymous { get; } =
        new(null, "anonymous", "匿名用户", null, DivisionScope.None, new HashSet<ServiceLine>());

    /// <summary>Seeding and background jobs: unrestricted, recorded in the audit trail as "system".</summary>
    public static UserContext System { get; } =
        new(null, "system", "系统", Roles.Administrator, DivisionScope.Prefecture, new HashSet<ServiceLine>(ServiceLines.All));

    public bool IsAuthenticated => UserId is not null || ReferenceEquals(this, System);

    public bool IsInRole(string role) => Role == role;

    /// <summary>Leaders and statisticians read every service line; staff read their granted lines.</summary>
    public bool CanRead(ServiceLine line) => Role switch
    {
        Roles.Administrator or Roles.Leader or Roles.Statistician => true,
        Roles.Staff => Lines.Contains(line),
        _ => false,
    };

    /// <summary>Only administrators and staff holding the line may change its records.</summary>
    public bool CanEdit(ServiceLine line) => Role switch
    {
        Roles.Administrator => true,
        Roles.Staff => Lines.Contains(line),
        _ => false,
    };

    /// <summary>Shared registers (persons) may be edited by administrators and any staff member.</summary>
    public bool CanEditRecords => Role is Roles.Administrator or Roles.Staff;

    /// <summary>Full ID numbers are shown to the roles that handle cases; others see them masked.</summary>
    public bool CanSeeFullIdNumbers => Role is Roles.Administrator or Roles.Staff;

    public static UserContext FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.Identity.Name ?? string.Empty;
        var division = principal.FindFirstValue(PortalClaimTypes.Division);
        DivisionScope scope;
        try
        {
            scope = division is null ? DivisionScope.None : DivisionScope.For(division);
        }
        catch (ArgumentException)
        {
            scope = DivisionScope.None;
        }

        var role = principal.FindFirstValue(ClaimTypes.Role);
        return new UserContext(
            id,
            name,
            principal.FindFirstValue(PortalClaimTypes.DisplayName) ?? name,
            role,
            scope,
            ServiceLines.Parse(principal.FindFirstValue(PortalClaimTypes.ServiceLines)));
    }
}

public static class PortalClaimTypes
{
    public const string DisplayName = "ca:display_name";
    public const string Division = "ca:division";
    public const string ServiceLines = "ca:service_lines";
}

/// <summary>Supplies the acting user to the data layer (scope filters, write checks, audit trail).</summary>
public interface ICurrentUser
{
    UserContext User { get; }
}

/// <summary>A fixed user: for seeding, background jobs and tests.</summary>
public sealed class FixedCurrentUser(UserContext user) : ICurrentUser
{
    public static FixedCurrentUser System { get; } = new(UserContext.System);

    public UserContext User { get; } = user;
}
