using System.Globalization;
using System.Security.Claims;
using Bunit;
using CivilAffairs.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CivilAffairs.Tests.Support;

/// <summary>bUnit base for portal components: MudBlazor services, loose JS interop, Chinese UI strings.</summary>
public abstract class PortalTestContext : BunitContext
{
    protected PortalTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddScoped<CivilAffairs.Portal.Components.Shared.UserActions>();
        Services.AddTransient<MudBlazor.MudLocalizer, CivilAffairs.Portal.Resources.ChineseMudLocalizer>();
    }

    /// <summary>Signs the test in as a portal user, with the claims the sign-in cookie carries.</summary>
    protected void SignInAs(UserContext user)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.UserName);
        if (user.Role is { } role)
        {
            auth.SetRoles(role);
        }

        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, user.UserId ?? user.UserName),
            new Claim(PortalClaimTypes.DisplayName, user.DisplayName),
            new Claim(PortalClaimTypes.Division, user.Scope.DivisionCode),
            new Claim(PortalClaimTypes.ServiceLines, ServiceLines.Format(user.Lines)));
    }
}
