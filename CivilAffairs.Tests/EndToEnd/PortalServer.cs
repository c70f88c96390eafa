using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CivilAffairs.Tests.Support;
using Microsoft.Playwright;

namespace CivilAffairs.Tests.EndToEnd;

/// <summary>
/// The real portal on a real port (Kestrel), with a fresh SQLite database and the demo data, and
/// Debian's Chromium driven by Playwright. Shared by the browser tests of one collection.
/// </summary>
public class PortalServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "civilaffairs-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>What the portal has logged at Error and Critical, and Warnings carrying an exception (see <see cref="ServerErrorLog"/>).</summary>
    public ServerErrorLog ServerLog { get; } = new();

    /// <summary>The running portal's services (authorization, endpoints, user store) for tests that derive expectations from the app.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The portal has not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath} (Debian package 'chromium'); .ci/run installs it.");
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            // Development is what lets the test host serve the framework and MudBlazor static assets from their packages.
            b.UseEnvironment("Development");
            b.UseSetting("Database:DataFolder", _dataFolder);
            b.UseSetting("Database:SeedDemoData", "true");
            // The portal's calendar is the tests' pinned date, never the machine's.
            b.UseSetting(CivilAffairs.Core.Common.PinnedClock.ConfigurationKey, TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (Clock is { } clock)
            {
                b.ConfigureServices(s => s.AddSingleton(clock));
            }

            // Errors the portal logs (server-side exceptions, failed circuits) for tests to assert on.
            b.ConfigureLogging(l => l.AddProvider(ServerLog));
        });
        // A free port each time: two portals (two collections) can run side by side.
        _factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await CreateLockoutUserAsync();

        // Expectations wait as long as actions on a shared 2-core machine (the default 5 s flaked under load).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A clock of the test's own instead of the pinned one (<c>Clock:Today</c>); null for the pinned one.</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>A rural household with no open 低保 case whose income leaves a benefit (for the case-workflow test).</summary>
    public async Task<int> HouseholdReadyToApplyAsync(string divisionPrefix)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CivilAffairs.Core.Security.CurrentUser>().Override = CivilAffairs.Core.Security.UserContext.System;
        await using var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CivilAffairs.Core.Data.CivilAffairsDbContext>>().CreateDbContext();
        var open = db.DibaoCases.Where(c => c.State != CivilAffairs.Core.SocialAssistance.CaseState.Exited && c.State != CivilAffairs.Core.SocialAssistance.CaseState.Refused).Select(c => c.HouseholdId);
        var candidates = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.HouseholdMembers.Where(m => m.DivisionCode.StartsWith(divisionPrefix) && !open.Contains(m.HouseholdId)
                    && db.Households.Any(h => h.Id == m.HouseholdId && h.Area == CivilAffairs.Core.SocialAssistance.UrbanRural.Rural))
                .GroupBy(m => m.HouseholdId).Select(g => new { g.Key, Income = g.Sum(m => (double)m.MonthlyIncome), Count = g.Count() }));
        return candidates.Where(c => c.Income / c.Count < 200).OrderBy(c => c.Key).First().Key;
    }

    /// <summary>The lockout test locks this account, not a demo user the other tests sign in with.</summary>
    public const string LockoutUser = "locktest";

    /// <summary>A 精河县 statistician: the download tests check that another division's report is refused.</summary>
    public const string CountyStatistician = "jhstat";

    private async Task CreateLockoutUserAsync()
    {
        await CreateUserAsync(LockoutUser, "锁定测试", "652700", CivilAffairs.Core.Security.Roles.Staff, "ElderlyCare");
        await CreateUserAsync(CountyStatistician, "精河县统计员", "652722", CivilAffairs.Core.Security.Roles.Statistician, string.Empty);
    }

    private async Task CreateUserAsync(string name, string displayName, string division, string role, string lines)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CivilAffairs.Core.Security.CurrentUser>().Override = CivilAffairs.Core.Security.UserContext.System;
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CivilAffairs.Core.Security.AppUser>>();
        var user = new CivilAffairs.Core.Security.AppUser { UserName = name, DisplayName = displayName, DivisionCode = division, ServiceLineList = lines, LockoutEnabled = true };
        if (!(await users.CreateAsync(user, "Demo#2026")).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException($"Could not create the test user {name}.");
        }
    }

    /// <summary>A fresh browser context (no cookies) with a page on the portal.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "zh-CN" });
        // Generous: on a shared 2-core machine other collections start their portals (migrate and seed
        // every line's demo data) while a flow runs, and a save can wait for the database's write lock.
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context signed in as a demo user (password Demo#2026), once the page is interactive.</summary>
    public async Task<IPage> SignInAsync(string user)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "Demo#2026");
        await page.ClickAsync("#login-submit");
        await page.Locator("#circuit-status[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Reads the database directly (as the system) to find a record id for URL-guessing tests.</summary>
    public async Task<int> FirstPersonIdInAsync(string divisionPrefix)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CivilAffairs.Core.Security.CurrentUser>().Override = CivilAffairs.Core.Security.UserContext.System;
        await using var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CivilAffairs.Core.Data.CivilAffairsDbContext>>().CreateDbContext();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.People.Where(p => p.DivisionCode.StartsWith(divisionPrefix)).Select(p => p.Id));
    }

    /// <summary>Reads the database directly as the system (e.g. to find a person a flow test can enrol).</summary>
    public async Task<T> QueryAsync<T>(Func<CivilAffairs.Core.Data.CivilAffairsDbContext, Task<T>> query)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CivilAffairs.Core.Security.CurrentUser>().Override = CivilAffairs.Core.Security.UserContext.System;
        await using var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CivilAffairs.Core.Data.CivilAffairsDbContext>>().CreateDbContext();
        return await query(db);
    }

    /// <summary>A living person of 80 or more in the division (for the 身后一件事 flow): id and full ID number.</summary>
    public Task<(int Id, string IdNumber)> LivingOctogenarianInAsync(string divisionPrefix) => QueryAsync(async db =>
    {
        var bornBy = TestClock.Today.AddYears(-81);
        var person = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.People.Where(p => p.DivisionCode.StartsWith(divisionPrefix) && p.DateOfDeath == null && p.BirthDate <= bornBy)
                .OrderBy(p => p.DivisionCode).ThenBy(p => p.Name).Select(p => new { p.Id, p.IdNumber }));   // first in a batch preview's order
        return (person.Id, person.IdNumber);
    });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}

// Browser collections run on their own, after the parallel ones: two cores cannot host two portals,
// Chromium and the unit tests at once without timing out.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Portal in a browser";
}

/// <summary>A portal of its own, for tests that assert exact published figures other tests would move.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PristinePortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Pristine portal in a browser";
}

/// <summary>A portal of its own for submitting reports: a submitted month is locked for every other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReportingPortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Reporting portal in a browser";
}

/// <summary>A portal of its own for the smoke test over every page and role: other tests' writes cannot move what it sees.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SmokePortalCollection : ICollectionFixture<SmokePortalServer>
{
    public const string Name = "Smoke portal in a browser";
}

/// <summary>A time the test can move on, for rules that need days to pass (the 7-day 公示).</summary>
public sealed class AdjustableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A portal on an adjustable clock.</summary>
public sealed class ClockedPortalServer : PortalServer
{
    public AdjustableClock TestClock { get; } = new(Support.TestClock.Now);

    protected override TimeProvider? Clock => TestClock;
}

/// <summary>A portal of its own whose clock the tests move.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockedPortalCollection : ICollectionFixture<ClockedPortalServer>
{
    public const string Name = "Clocked portal in a browser";
}
