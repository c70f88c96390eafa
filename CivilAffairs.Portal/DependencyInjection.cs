using System.Globalization;
using CivilAffairs.Core;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using CivilAffairs.Portal.Components;
using CivilAffairs.Portal.Endpoints;
using CivilAffairs.Portal.Security;
using CivilAffairs.Reports.Pdf;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace CivilAffairs.Portal;

public static class DependencyInjection
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en-US")];

    /// <summary>Idle time after which a session ends (cookie sliding window and the in-page idle timer).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static WebApplicationBuilder AddCivilAffairsPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // No Server header: the response does not advertise the web server.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddCivilAffairsCore(builder.Configuration, builder.Environment.ContentRootPath);

        services.Configure<CivilAffairs.Reports.Documents.ReportOptions>(builder.Configuration.GetSection(CivilAffairs.Reports.Documents.ReportOptions.SectionName));
        services.AddScoped<Reporting.ReportWorkflow>();
        services.AddPdfReports(builder.Configuration);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // A query value that does not bind (e.g. ?period=abc) is a 400 in every environment, not a
        // Development-only exception that the error page turns into a 500.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Resources.ChineseMudLocalizer>();
        services.AddScoped<Components.Shared.UserActions>();
        services.AddLocalization();

        // Who is acting: the circuit's authentication state, or the HTTP request outside a circuit.
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.Replace(ServiceDescriptor.Scoped<IPrincipalSource, CircuitPrincipalSource>());

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CivilAffairs.Auth";
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
        });

        // A disabled or changed user is signed out at the next check, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddPortalPolicies();

        // Keys in the database: several instances behind a load balancer share sign-ins.
        services.AddDataProtection()
            .SetApplicationName("CivilAffairs.Portal")
            .PersistKeysToDbContext<CivilAffairsDbContext>();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseCivilAffairsPortal(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Strict-Transport-Security on HTTPS requests (behind a reverse proxy: see README, forwarded headers).
            app.UseHsts();
        }

        // Users never see a stack trace, in any environment.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous(); // the sign-in page needs its css and scripts
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapReportEndpoints();
        return app;
    }
}
