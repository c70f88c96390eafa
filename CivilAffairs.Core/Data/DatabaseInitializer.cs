using CivilAffairs.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivilAffairs.Core.Data;

/// <summary>
/// Runs before the web server accepts requests: creates the data folder, applies migrations,
/// seeds reference data and, when asked, demo data. Logs and rethrows: a portal without its
/// database must not start half-working.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<CivilAffairs.Core.Security.CurrentUser>().Override = CivilAffairs.Core.Security.UserContext.System;
            var db = services.GetRequiredService<CivilAffairsDbContext>();
            if (settings.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(db, cancellationToken);
            if (settings.ShouldSeedDemoData)
            {
                await services.GetRequiredService<DemoDataSeeder>().SeedAsync(db, cancellationToken);
                await services.GetRequiredService<ElderlyCareDemoData>().SeedAsync(db, cancellationToken);
                await services.GetRequiredService<SocialAssistanceDemoData>().SeedAsync(db, cancellationToken);
                await services.GetRequiredService<SocialAssistanceSupportDemoData>().SeedAsync(db, cancellationToken);
                await services.GetRequiredService<SocialOrganizationsCharityDemoData>().SeedAsync(db, cancellationToken); // 社会组织 and 慈善事业
                // 社会事务
                await services.GetRequiredService<SocialAffairsDemoData>().SeedAsync(db, cancellationToken);
                await services.GetRequiredService<ChildDisabilityDemoData>().SeedAsync(db, cancellationToken); // 儿童福利与残疾人福利
            }

            logger.LogInformation("Database ready ({Provider}, demo data: {Demo}).", settings.Provider, settings.ShouldSeedDemoData);
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The database could not be prepared ({Provider}).", settings.Provider);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
