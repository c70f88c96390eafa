using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CivilAffairs.Core.Security;

/// <summary>
/// The scoped <see cref="ICurrentUser"/>: in a Blazor circuit the portal hands it the circuit's
/// principal; in a plain HTTP request (downloads, sign-in) it reads the request's user; jobs set
/// <see cref="Override"/> (e.g. to <see cref="UserContext.System"/>).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public UserContext? Override { get; set; }

    public ClaimsPrincipal? Principal { get; set; }

    public UserContext User => Override ?? UserContext.FromPrincipal(Principal ?? httpContextAccessor.HttpContext?.User);
}
