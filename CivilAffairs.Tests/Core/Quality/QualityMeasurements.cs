using System.Diagnostics;
using CivilAffairs.Core;
using CivilAffairs.Core.Quality;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.Tests.Core.Quality;

/// <summary>
/// The checks on the portal's own demo data at the last closed month: the counts per check and how long
/// counting them took. A measurement, not a test of the demo data (which another branch rewrites); run it
/// explicitly: <c>dotnet test CivilAffairs.Tests --filter FullyQualifiedName~QualityMeasurements -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class QualityMeasurements(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task CountsOnTheDemoData()
    {
        var folder = Path.Combine(Path.GetTempPath(), "civilaffairs-quality-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = folder,
            ["Database:SeedDemoData"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddDataProtection();
        services.AddCivilAffairsCore(configuration, folder);
        await using var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        foreach (var user in new[] { TestUsers.Statistician, TestUsers.Jinghe })
        {
            for (var run = 0; run < 3; run++)
            {
                await using var scope = provider.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = user;
                var watch = Stopwatch.StartNew();
                var counts = await scope.ServiceProvider.GetRequiredService<DataQualityService>().CountAsync(TestClock.LastClosedMonth);
                output.WriteLine($"{user.UserName} {TestClock.LastClosedMonth} run {run + 1}: {watch.ElapsedMilliseconds} ms; "
                    + string.Join(", ", counts.Select(c => $"{c.Info.Code} {c.Count}")));
            }
        }

        Directory.Delete(folder, recursive: true);
    }
}
