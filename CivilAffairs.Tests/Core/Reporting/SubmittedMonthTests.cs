using System.Reflection;
using CivilAffairs.Core;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Reporting;
using CivilAffairs.Core.Security;
using CivilAffairs.Core.SocialOrganizations;
using CivilAffairs.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CivilAffairs.Tests.Core.Reporting;

/// <summary>
/// The portal's own start-up (migrations and every line's demo data) on a SQLite file, with the
/// last closed month submitted for the prefecture by the statistician.
/// </summary>
public sealed class SubmittedDemoMonth : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "civilaffairs-lock-" + Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = default!;

    public Period Month { get; } = TestClock.LastClosedMonth;

    public int SubmissionId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = _folder,
            ["Database:SeedDemoData"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddDataProtection();
        services.AddCivilAffairsCore(configuration, _folder);
        Services = services.BuildServiceProvider();
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var report = await RunAsAsync(TestUsers.Statistician, s => s.GetRequiredService<ReportDataService>().MonthlyAsync(Month, DivisionScope.Prefecture.DivisionCode));
        var explanations = ReportValidation.Validate(report).Where(f => f.Severity == FindingSeverity.Warning).ToDictionary(f => f.Key, _ => "演示数据集中录入，已逐项核实。");
        await RunAsAsync(TestUsers.Statistician, s => s.GetRequiredService<SubmissionService>().SubmitAsync(report, [0x25, 0x50], [0x50, 0x4B], explanations));
        SubmissionId = (await RunAsAsync(TestUsers.Statistician, s => s.GetRequiredService<SubmissionService>().ActiveAsync(Month, DivisionScope.Prefecture.DivisionCode)))!.Id;
    }

    public async Task<T> RunAsAsync<T>(UserContext user, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = user;
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>
/// A submitted month cannot move: every kind of dated record in it refuses to be added, changed or
/// removed — through the services, the imports or the data layer — and afterwards every figure of
/// the month equals the stored submission.
/// </summary>
[Trait(TestClock.Category, TestClock.Calendar)]
public sealed class SubmittedMonthTests(SubmittedDemoMonth demo) : IClassFixture<SubmittedDemoMonth>
{
    private static readonly MethodInfo AttemptMethod = typeof(SubmittedMonthTests).GetMethod(nameof(AttemptAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    [Fact]
    public async Task EveryKindOfDatedRecordInTheMonthRefusesEveryWriteAndNoFigureMoves()
    {
        var tried = new List<string>();
        var slipped = new List<string>();
        Type[] types;
        await using (var scope = demo.Services.CreateAsyncScope())
        {
            types = scope.ServiceProvider.GetRequiredService<CivilAffairsDbContext>().Model.GetEntityTypes()
                .Select(t => t.ClrType).Where(t => typeof(IPeriodDated).IsAssignableFrom(t) && typeof(Entity).IsAssignableFrom(t)).ToArray();
        }

        foreach (var type in types)
        {
            var outcome = await (Task<string?>)AttemptMethod.MakeGenericMethod(type).Invoke(this, [slipped])!;
            if (outcome is not null)
            {
                tried.Add(outcome);
            }
        }

        Assert.True(slipped.Count == 0, "Writes that were not refused: " + string.Join("; ", slipped));
        Assert.True(tried.Count >= types.Length * 9 / 10, $"Only {tried.Count} of {types.Length} kinds had a record in a locked month: {string.Join(", ", tried)}");
        await AssertFiguresUnchangedAsync();
    }

    [Fact]
    public async Task AnOrganisationRegisteredOrDeregisteredInTheMonthIsRefusedThroughTheServiceButAPhoneLikeEditIsNot()
    {
        var inMonth = demo.Month.Start.AddDays(9);
        var create = new OrganizationForm
        {
            Name = "精河县锁定月测试协会", CreditCode = CreditCode.Compose('5', '1', "652722", "MJ0009901"), Type = OrganizationType.SocialGroup,
            RegisteredOn = inMonth, LegalRepresentative = "马金花", DivisionCode = "652722",
        };
        var refused = await Assert.ThrowsAsync<DomainException>(() => demo.RunAsAsync(TestUsers.Jinghe, s => s.GetRequiredService<SocialOrganizationService>().SaveAsync(create)));
        Assert.Contains("已锁定", refused.Message, StringComparison.Ordinal);

        // An organisation registered long before: deregistering it in the locked month is refused, today is allowed, and its representative can change.
        var id = await demo.RunAsAsync(TestUsers.Admin, async s =>
        {
            await using var db = s.GetRequiredService<CivilAffairsDbContext>();
            return await db.SocialOrganizations.Where(o => o.Status == OrganizationStatus.Normal && o.RegisteredOn < demo.Month.Start && o.DivisionCode.StartsWith("652722")).Select(o => o.Id).FirstAsync();
        });
        var service = (IServiceProvider s) => s.GetRequiredService<SocialOrganizationService>();
        var form = (await demo.RunAsAsync(TestUsers.Jinghe, s => service(s).GetAsync(id)))!;
        form.LegalRepresentative = "阿依古丽";
        await demo.RunAsAsync(TestUsers.Jinghe, s => service(s).SaveAsync(form));

        form = (await demo.RunAsAsync(TestUsers.Jinghe, s => service(s).GetAsync(id)))!;
        (form.Status, form.StatusChangedOn) = (OrganizationStatus.Deregistered, inMonth);
        await Assert.ThrowsAsync<DomainException>(() => demo.RunAsAsync(TestUsers.Jinghe, s => service(s).SaveAsync(form)));
        form.StatusChangedOn = TestClock.Today;
        await demo.RunAsAsync(TestUsers.Jinghe, s => service(s).SaveAsync(form));

        await AssertFiguresUnchangedAsync();
    }

    private async Task AssertFiguresUnchangedAsync()
    {
        var stored = (await demo.RunAsAsync(TestUsers.Statistician, s => s.GetRequiredService<SubmissionService>().FiguresAsync(demo.SubmissionId)))!;
        var live = await demo.RunAsAsync(TestUsers.Statistician, s => s.GetRequiredService<ReportDataService>().MonthlyAsync(demo.Month, DivisionScope.Prefecture.DivisionCode));
        var moved = live.Figures.Zip(stored.Figures)
            .Where(p => p.First.Code != p.Second.Code || p.First.Current != p.Second.Current || p.First.Previous != p.Second.Previous
                || !p.First.Breakdown.Select(b => b.Value).SequenceEqual(p.Second.Breakdown.Select(b => b.Value)))
            .Select(p => $"{p.First.Code} {p.Second.Current} → {p.First.Current}");
        Assert.Empty(moved);
        Assert.Equal(stored.Figures.Count, live.Figures.Count);
    }

    // Finds a record of the kind dated in the month and tries to change, remove and copy it as the administrator.
    private async Task<string?> AttemptAsync<T>(List<string> slipped)
        where T : Entity
    {
        var month = demo.Month;
        var found = await demo.RunAsAsync(TestUsers.Admin, async s =>
        {
            await using var db = s.GetRequiredService<CivilAffairsDbContext>();
            await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable())
            {
                // The submitted month locks itself and every month before it.
                if (((IPeriodDated)row).ReportingDates.Any(d => d is { } day && Period.Of(day) <= month))
                {
                    return (int?)row.Id;
                }
            }

            return null;
        });
        if (found is not { } id)
        {
            return null;
        }

        async Task Try(string what, Action<CivilAffairsDbContext, T> write)
        {
            try
            {
                await demo.RunAsAsync(TestUsers.Admin, async s =>
                {
                    await using var db = s.GetRequiredService<CivilAffairsDbContext>();
                    write(db, await db.Set<T>().SingleAsync(e => e.Id == id));
                    await db.SaveChangesAsync();
                    return true;
                });
                slipped.Add($"{typeof(T).Name} {what}");
            }
            catch (DomainException ex) when (ex.Message.Contains("已锁定", StringComparison.Ordinal))
            {
            }
        }

        await Try("moved within its locked month", (db, row) => MoveWithinMonth(db.Entry(row), month));
        await Try("deleted", (db, row) => db.Remove(row));
        await Try("copied into its locked month", (db, row) =>
        {
            var values = db.Entry(row).CurrentValues.Clone();
            values["Id"] = 0;
            db.Add((T)values.ToObject());
        });
        return typeof(T).Name;
    }

    // Shifts one of the record's reporting dates that lies in a locked month by a day within that month
    // (or its month key to the month before): a write dated in a locked month, whatever else it changes.
    private static void MoveWithinMonth(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Period month)
    {
        var dates = ((IPeriodDated)entry.Entity).ReportingDates.OfType<DateOnly>().Where(d => Period.Of(d) <= month).ToHashSet();
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is DateOnly day && dates.Contains(day))
            {
                property.CurrentValue = day.Day == 1 ? day.AddDays(1) : day.AddDays(-1);
                return;
            }

            if (property.CurrentValue is int key && key > 190000 && key % 100 is >= 1 and <= 12 && dates.Contains(Period.FromKey(key).Start) && property.Metadata.Name != "Id")
            {
                property.CurrentValue = Period.FromKey(key).Previous.Key;
                return;
            }
        }

        throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} has no reporting date in a locked month to move.");
    }
}
