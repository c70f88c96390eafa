using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CivilAffairs.Portal.Endpoints;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        // Sign-out only by POST with the page's antiforgery token: a link or a form on another site
        // cannot end (or start) anybody's session. The idle timer posts the same way.
        account.MapPost("/Logout", (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, SignInAudit audit) =>
            SignOutAsync(context, antiforgery, signIn, audit, "用户退出", "~/Account/Login")).AllowAnonymous();
        account.MapPost("/IdleLogout", (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, SignInAudit audit) =>
            SignOutAsync(context, antiforgery, signIn, audit, "空闲超时", "~/Account/Login?reason=idle")).AllowAnonymous();

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

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, SignInAudit audit, string reason, string then)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest("请求无效：请从本系统页面上的“退出”按钮退出。");
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditAction.SignOut, context.User.Identity.Name ?? string.Empty, reason);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(then);
    }
}
