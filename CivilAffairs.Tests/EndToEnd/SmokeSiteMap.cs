using System.Reflection;
using System.Security.Claims;
using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>
/// What the smoke test walks, derived from the running portal rather than written by hand: every routable
/// page (components with <c>@page</c>), every download endpoint (GET under /export/ and /reports/), each demo
/// user's real ClaimsPrincipal, and whether the app's own authorization lets that user through.
/// </summary>
public sealed class SmokeSiteMap
{
    public static readonly string[] DemoUsers = ["admin", "leader", "stat", "elderly", "jinghe"];

    private SmokeSiteMap(IReadOnlyList<PageRoute> pages, IReadOnlyList<DownloadRoute> downloads, IReadOnlyDictionary<string, ClaimsPrincipal> principals)
    {
        Pages = pages;
        Downloads = downloads;
        Principals = principals;
    }

    public IReadOnlyList<PageRoute> Pages { get; }

    public IReadOnlyList<DownloadRoute> Downloads { get; }

    public IReadOnlyDictionary<string, ClaimsPrincipal> Principals { get; }

    public PageRoute Page(string template) => Pages.Single(p => string.Equals(p.Template, template, StringComparison.OrdinalIgnoreCase));

    public DownloadRoute Download(string pattern) => Downloads.Single(d => string.Equals(d.Pattern, pattern, StringComparison.OrdinalIgnoreCase));

    public static async Task<SmokeSiteMap> BuildAsync(IServiceProvider services)
    {
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = services.GetRequiredService<IAuthorizationService>();

        var principals = new Dictionary<string, ClaimsPrincipal>();
        foreach (var name in DemoUsers)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = UserContext.System;
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(name)
                ?? throw new InvalidOperationException($"The demo user {name} does not exist.");
            principals[name] = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        }

        async Task<IReadOnlyDictionary<string, bool>> AccessAsync(bool anonymous, IEnumerable<IAuthorizeData> data, IEnumerable<AuthorizationPolicy> extra)
        {
            // As the router and the authorization middleware do: [AllowAnonymous] lets anyone in, no [Authorize]
            // means the fallback policy (a signed-in user), otherwise the combined policies and roles.
            var policy = anonymous ? null : await AuthorizationPolicy.CombineAsync(policies, data, extra) ?? await policies.GetFallbackPolicyAsync();
            var access = new Dictionary<string, bool>();
            foreach (var (name, principal) in principals)
            {
                access[name] = policy is null || (await authorization.AuthorizeAsync(principal, null, policy)).Succeeded;
            }

            return access;
        }

        var pages = new List<PageRoute>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var attributes = type.GetCustomAttributes(inherit: true);
            var access = await AccessAsync(attributes.OfType<IAllowAnonymous>().Any(), attributes.OfType<IAuthorizeData>(), []);
            foreach (var route in type.GetCustomAttributes<RouteAttribute>(inherit: false))
            {
                pages.Add(new PageRoute(route.Template, type, RoutePatternFactory.Parse(route.Template),
                    attributes.OfType<IAllowAnonymous>().Any(),
                    !type.IsDefined(typeof(Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute), inherit: true),
                    access));
            }
        }

        var downloads = new List<DownloadRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null || !methods.Contains(HttpMethods.Get)
                || !(pattern.StartsWith("/export/", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/reports/", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var access = await AccessAsync(endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            downloads.Add(new DownloadRoute(pattern, endpoint.RoutePattern, endpoint.Metadata.GetMetadata<MethodInfo>(), access));
        }

        return new SmokeSiteMap(
            [.. pages.OrderBy(p => p.Pattern.Parameters.Count).ThenBy(p => p.Template, StringComparer.Ordinal)],
            [.. downloads.OrderBy(d => d.Pattern, StringComparer.Ordinal)],
            principals);
    }
}

/// <summary>A routable page: its template, component, and which demo users the app's authorization admits.</summary>
public sealed record PageRoute(string Template, Type Component, RoutePattern Pattern, bool Anonymous, bool Interactive, IReadOnlyDictionary<string, bool> Access)
{
    public bool HasParameters => Pattern.Parameters.Count > 0;

    /// <summary>The one parameter the smoke test knows how to fill: an integer record id.</summary>
    public RoutePatternParameterPart? IdParameter =>
        Pattern.Parameters is [{ } p] && string.Equals(p.Name, "Id", StringComparison.OrdinalIgnoreCase)
            && p.ParameterPolicies.Any(c => c.Content == "int") ? p : null;

    /// <summary>The list the record pages are opened from: the template without its last (parameter) segment.</summary>
    public string ParentTemplate => Template[..Template.LastIndexOf('/')] is { Length: > 0 } parent ? parent : "/";

    public string WithId(int id) => Template.Replace("{" + IdParameter!.Name + ":int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Whether the path is this record page's, and its id (the template matcher alone ignores the int constraint).</summary>
    public bool TryMatchId(string path, out int id)
    {
        id = 0;
        var values = new RouteValueDictionary();
        return IdParameter is { } parameter
            && new TemplateMatcher(TemplateParser.Parse(Template.TrimStart('/')), []).TryMatch(path, values)
            && int.TryParse(values[parameter.Name]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    public override string ToString() => Template;
}

/// <summary>A download endpoint (GET) and which demo users the app's authorization admits.</summary>
public sealed record DownloadRoute(string Pattern, RoutePattern Route, MethodInfo? Handler, IReadOnlyDictionary<string, bool> Access)
{
    public bool Matches(string path) => new TemplateMatcher(TemplateParser.Parse(Pattern.TrimStart('/')), []).TryMatch(path, []);

    public override string ToString() => Pattern;
}
