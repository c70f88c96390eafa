namespace CivilAffairs.Portal.Security;

/// <summary>
/// Response headers every answer carries (OWASP ASVS V3/V14, 等保 L3 §8.1.4): a content security policy
/// that fits Blazor Server and MudBlazor (own origin only, the circuit's WebSocket included; no eval,
/// no inline script; inline styles are needed by MudBlazor's components), no MIME sniffing, no framing,
/// no referrer beyond the portal, no powerful browser features, and nothing stored by a browser or proxy
/// cache except the fingerprinted static files (which set their own caching).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                // Pages, exports and reports hold personal data: never kept by a browser or proxy cache.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
