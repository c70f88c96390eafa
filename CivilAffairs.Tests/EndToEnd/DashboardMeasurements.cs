using System.Diagnostics;
using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>
/// Measurements, not tests: run by hand (explicit), never in CI, because this machine's timings are
/// noisy. `dotnet test CivilAffairs.Tests -c Release --filter FullyQualifiedName~DashboardMeasurements -- xUnit.Explicit=only`
/// </summary>
[Collection(PristinePortalCollection.Name)]
public sealed class DashboardMeasurements(PortalServer portal, ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task DashboardLoadTimeAndCircuitMemory()
    {
        var leader = await portal.NewPageAsync();
        await leader.GotoAsync("/Account/Login");
        await leader.FillAsync("#username", "leader");
        await leader.FillAsync("#password", "Demo#2026");
        await leader.ClickAsync("#login-submit");
        await leader.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // Time from navigation to the first KPI value on screen (prerender + circuit + engine).
        var times = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var watch = Stopwatch.StartNew();
            await leader.GotoAsync("/dashboard");
            await leader.Locator("[data-testid=kpi-EC01] [data-testid=kpi-value]").WaitForAsync();
            await leader.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"dashboard load (navigation → tiles, interactive), 12 runs after warm-up: median {times[times.Count / 2]:0} ms, min {times[1]:0} ms, max {times[^1]:0} ms");

        // Managed memory held per open dashboard circuit: open N more, force GC, compare.
        const int circuits = 10;
        var before = Measure();
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await leader.Context.NewPageAsync();
            await page.GotoAsync("/dashboard");
            await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.Locator("[data-testid=kpi-EC01] [data-testid=kpi-value]").WaitForAsync();
            pages.Add(page);
        }

        var after = Measure();
        output.WriteLine($"managed heap: {before / 1024.0 / 1024:0.0} MB → {after / 1024.0 / 1024:0.0} MB with {circuits} more dashboard circuits: {(after - before) / circuits / 1024.0:0} KB per circuit");
        Assert.True(after > 0);
    }

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
