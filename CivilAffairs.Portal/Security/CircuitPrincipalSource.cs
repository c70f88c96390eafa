using System.Security.Claims;
using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace CivilAffairs.Portal.Security;

/// <summary>
/// In a Blazor circuit the authentication state provider holds the signed-in principal (and is
/// revalidated every minute); in a plain HTTP request (downloads, sign-in) it has no state and the
/// request's user is used.
/// </summary>
internal sealed class CircuitPrincipalSource(AuthenticationStateProvider authentication, IHttpContextAccessor http) : IPrincipalSource
{
    public ClaimsPrincipal? Principal
    {
        get
        {
            try
            {
                var state = authentication.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully)
                {
                    return state.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // No state set: this scope is an HTTP request, not a circuit.
            }

            return http.HttpContext?.User;
        }
    }
}
