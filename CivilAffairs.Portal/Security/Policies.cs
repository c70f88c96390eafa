using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace CivilAffairs.Portal.Security;

/// <summary>Authorization policies used by pages (<c>@attribute [Authorize(Policy = …)]</c>) and download endpoints.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";

    /// <summary>Any signed-in user with a role: the shared registers (persons) are readable to all of them.</summary>
    public const string Registers = "Registers";

    /// <summary>Reads 养老服务 pages (for <c>[Authorize(Policy = …)]</c>, which needs a constant).</summary>
    public const string ElderlyCare = "Line:" + nameof(ServiceLine.ElderlyCare);

    /// <summary>Reads 社会救助 pages.</summary>
    public const string SocialAssistance = "Line:" + nameof(ServiceLine.SocialAssistance);

    /// <summary>The leadership dashboard: leaders, statisticians, administrators, and staff for their lines.</summary>
    public const string Dashboard = "Dashboard";

    /// <summary>统计报表: statisticians prepare and submit; leaders and administrators read and download.</summary>
    public const string Reports = "Reports";

    /// <summary>The policy that lets a user read a service line's pages.</summary>
    public static string ForLine(ServiceLine line) => "Line:" + line;

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        // Default deny: an endpoint or page that forgets [Authorize] still needs a signed-in user.
        builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
        builder.AddPolicy(Registers, p => p.RequireRole([.. Roles.All]));
        builder.AddPolicy(Dashboard, p => p.RequireRole([.. Roles.All]));
        builder.AddPolicy(Reports, p => p.RequireRole(Roles.Statistician, Roles.Leader, Roles.Administrator));
        foreach (var line in ServiceLines.All)
        {
            builder.AddPolicy(ForLine(line), p => p.RequireAssertion(c => UserContext.FromPrincipal(c.User).CanRead(line)));
        }

        return builder;
    }
}
