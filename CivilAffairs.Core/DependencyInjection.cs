using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Data.Seeding;
using CivilAffairs.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.Core;

public static class DependencyInjection
{
    /// <summary>
    /// The data layer (one context factory for the configured provider), the current user, the
    /// audit trail, Identity with the bureau's password and lockout rules, and the start-up
    /// migrator and seeders.
    /// </summary>
    public static IServiceCollection AddCivilAffairsCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(section);

        // Clock:Today pins the date (demonstrations, tests); otherwise the system clock.
        services.TryAddSingleton(PinnedClock.FromConfiguration(configuration) ?? TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditingInterceptor>();
        services.TryAddScoped<IPrincipalSource, HttpContextPrincipalSource>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = SqliteConnectionString(options, contentRoot);
                services.AddDbContextFactory<SqliteCivilAffairsDbContext>(
                    (sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<AuditingInterceptor>()),
                    ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<CivilAffairsDbContext>, ContextFactory<SqliteCivilAffairsDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = options.ConnectionString
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer but Database:ConnectionString is not set.");
                services.AddDbContextFactory<SqlServerCivilAffairsDbContext>(
                    (sp, o) => o.UseSqlServer(sqlServer).AddInterceptors(sp.GetRequiredService<AuditingInterceptor>()),
                    ServiceLifetime.Scoped);
                services.AddScoped<IDbContextFactory<CivilAffairsDbContext>, ContextFactory<SqlServerCivilAffairsDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        // Identity's stores take a context from the scope; everything else uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CivilAffairsDbContext>>().CreateDbContext());

        services.AddCivilAffairsIdentity();
        services.AddScoped<SignInAudit>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<CivilAffairs.Core.People.PersonService>();
        services.AddScoped<CivilAffairs.Core.Indicators.IndicatorEngine>();
        services.AddScoped<CivilAffairs.Core.Indicators.IndicatorRecordService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.CareFacilityService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.HighAgeAllowanceService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.ElderlyPersonService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.CareVisitService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.HomeAdaptationService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.CaregiverTrainingService>();
        services.AddScoped<CivilAffairs.Core.ElderlyCare.Import.ElderlyCareImportService>();
        services.AddScoped<CivilAffairs.Core.SocialAssistance.Import.HouseholdImportService>();
        services.Configure<CivilAffairs.Core.SocialAssistance.SocialAssistanceOptions>(configuration.GetSection(CivilAffairs.Core.SocialAssistance.SocialAssistanceOptions.SectionName));
        services.AddScoped<CivilAffairs.Core.SocialAssistance.HouseholdService>();
        services.AddScoped<CivilAffairs.Core.SocialAssistance.DibaoCaseService>();
        services.AddScoped<CivilAffairs.Core.SocialAssistance.ExtremePovertyService>();
        services.AddScoped<CivilAffairs.Core.SocialAssistance.AssistancePaymentService>();
        services.AddScoped<CivilAffairs.Core.SocialAssistance.AssistanceStandardService>();
        services.AddScoped<CivilAffairs.Core.Reporting.ReportDataService>();
        services.AddScoped<CivilAffairs.Core.Reporting.SubmissionService>();
        services.AddScoped<CivilAffairs.Core.Common.OfficialCalendarService>();
        // 社会组织 and 慈善事业
        CivilAffairs.Core.SocialOrganizations.ServiceRegistration.AddSocialOrganizationsAndCharity(services);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ElderlyCareDemoData>();
        services.AddScoped<SocialAssistanceDemoData>();
        CivilAffairs.Core.SocialAssistance.SupportServiceRegistration.AddSocialAssistanceSupport(services);
        // 社会事务
        CivilAffairs.Core.SocialAffairs.SocialAffairsRegistration.AddSocialAffairs(services, configuration);
        // 儿童福利与残疾人福利
        CivilAffairs.Core.ChildDisability.ChildDisabilityRegistration.AddChildDisability(services);
        // 数据质量 (cross-programme checks)
        CivilAffairs.Core.Quality.DataQualityRegistration.AddDataQuality(services, configuration);
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>Identity with the bureau's rules: lockout after 5 failures for 15 minutes, 3-of-4 character classes.</summary>
    public static IdentityBuilder AddCivilAffairsIdentity(this IServiceCollection services) =>
        services
            .AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = CharacterClassPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CivilAffairsDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CharacterClassPasswordValidator>()
            .AddDefaultTokenProviders();

    public static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, DatabaseOptions.SqliteFileName)}";
    }

    /// <summary>Hands out the provider's context as the shared base type.</summary>
    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CivilAffairsDbContext>
        where TContext : CivilAffairsDbContext
    {
        public CivilAffairsDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
