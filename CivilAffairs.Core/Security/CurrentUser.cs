using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CivilAffairs.Core.Security;

/// <summary>Where the acting principal comes from: the HTTP request here; the portal adds the Blazor circuit.</summary>
public interface IPrincipalSource
{
    ClaimsPrincipal? Principal { get; }
}

public sealed class HttpContextPrincipalSource(IHttpContextAccessor accessor) : IPrincipalSource
{
    public ClaimsPrincipal? Principal => accessor.HttpContext?.User;
}

/// <summary>
/// The scoped <see cref="ICurrentUser"/>: reads the principal from its source on each use, so a
/// revoked or changed sign-in takes effect at once; jobs set <see cref="Override"/> (e.g. to
/// <see cref="UserContext.System"/>).
/// </summary>
public sealed class CurrentUser(IPrincipalSource source) : ICurrentUser
{
    public UserContext? Override { get; set; }

    public UserContext User => Override ?? UserContext.FromPrincipal(source.Principal);
}
