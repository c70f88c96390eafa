using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CivilAffairs.Portal.Endpoints;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        account.MapPost("/Logout", async (HttpContext context, SignInManager<AppUser> signIn, SignInAudit audit) =>
        {
            await SignOutAsync(context, signIn, audit, "用户退出");
            return TypedResults.LocalRedirect("~/Account/Login");
        }).AllowAnonymous();

        // Called by the page's idle timer; only ends the caller's own session.
        account.MapGet("/IdleLogout", async (HttpContext context, SignInManager<AppUser> signIn, SignInAudit audit) =>
        {
            await SignOutAsync(context, signIn, audit, "空闲超时");
            return TypedResults.LocalRedirect("~/Account/Login?reason=idle");
        }).AllowAnonymous();

        // Pinged by the page while the user is active: interactive work sends no HTTP requests, so
        // without it the sliding cookie would expire under a busy user.
        account.MapGet("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();

        endpoints.MapGet("/culture/set", (HttpContext context, [FromQuery] string culture, [FromQuery] string? redirectUri) =>
        {
            if (DependencyInjection.SupportedCultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            return TypedResults.LocalRedirect(LocalUrl.IsLocal(redirectUri) ? redirectUri! : "~/");
        }).AllowAnonymous();
        return endpoints;
    }

    private static async Task SignOutAsync(HttpContext context, SignInManager<AppUser> signIn, SignInAudit audit, string reason)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditAction.SignOut, context.User.Identity.Name ?? string.Empty, reason);
        }

        await signIn.SignOutAsync();
    }
}
