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
    private async Task SeedAsync(string what, Func<Task> seed)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await seed();
        logger.LogInformation("Demo data: {What} ready in {Milliseconds:0} ms.", what, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

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
                // One line per service line's demo data; each inserts only into its own empty tables. On SQLite the
                // seeding connection stays open with a large page cache and without a disk flush per commit (demo
                // data, rebuilt from scratch on an empty database): the first start stays fast.
                await SeedingConnection.OpenAsync(db, cancellationToken);
                await SeedAsync("demo users and persons", () => services.GetRequiredService<DemoDataSeeder>().SeedAsync(db, cancellationToken));
                await SeedAsync("养老服务", () => services.GetRequiredService<ElderlyCareDemoData>().SeedAsync(db, cancellationToken));
                await SeedAsync("社会救助", () => services.GetRequiredService<SocialAssistanceDemoData>().SeedAsync(db, cancellationToken));
                await SeedAsync("社会救助 support", () => services.GetRequiredService<SocialAssistanceSupportDemoData>().SeedAsync(db, cancellationToken));
                await SeedAsync("社会组织 and 慈善事业", () => services.GetRequiredService<SocialOrganizationsCharityDemoData>().SeedAsync(db, cancellationToken));
                await SeedAsync("社会事务", () => services.GetRequiredService<SocialAffairsDemoData>().SeedAsync(db, cancellationToken));
                await SeedAsync("儿童福利与残疾人福利", () => services.GetRequiredService<ChildDisabilityDemoData>().SeedAsync(db, cancellationToken));
                await SeedingConnection.CloseAsync(db);
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
