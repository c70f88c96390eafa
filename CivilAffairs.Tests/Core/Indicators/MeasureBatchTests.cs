using System.Data.Common;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Indicators;
using CivilAffairs.Core.People;
using CivilAffairs.Core.Security;
using CivilAffairs.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivilAffairs.Tests.Core.Indicators;

/// <summary>
/// The batched per-division measures (one statement, a correlated subquery per measure and window)
/// against each measure's own GROUP BY query on a varied hand-made data set; scope inside the batch;
/// standalone measures next to batched ones; statements per computation.
/// </summary>
public sealed class MeasureBatchTests : IAsyncLifetime
{
    private const string Prefecture = "652700";
    private static readonly Period October = new(2026, 10);
    private TestDatabase _db = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var ctx = _db.CreateDbContext(UserContext.System);
        await SeedAsync(ctx);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>Every measure of the elderly-care indicators, each once.</summary>
    private static List<Measure> ElderlyCareMeasures() =>
        [.. ElderlyCareIndicators.All.SelectMany(d => d.Denominator is null ? [d.Numerator] : new[] { d.Numerator, d.Denominator }).DistinctBy(m => m.Key)];

    private static readonly DateWindow[] Windows =
    [
        new(null, October.End),                        // stock / cumulative
        new(null, October.Previous.End),
        new(October.Start, October.End),               // flow
        new(October.YearStart.Start, October.End),     // year to date
        new(null, new DateOnly(2025, 12, 31)),
        new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
    ];

    [Fact]
    public async Task EachBatchedMeasureEqualsItsOwnGroupedQueryForEveryWindow()
    {
        var measures = ElderlyCareMeasures();
        Assert.All(measures, m => Assert.NotNull(m.Aggregate));   // the whole elderly-care set is batched
        var columns = measures.SelectMany(m => Windows.Select(w => (Measure: m, Window: w))).ToList();
        Assert.True(columns.Count > DivisionAggregateBatch.MaxColumns); // several statements

        await using var db = _db.ActAs(TestUsers.Leader).CreateDbContext();
        var batched = await DivisionAggregateBatch.ReadAsync(db, "6527", [.. columns.Select(c => (c.Measure.Aggregate!, c.Window))], CancellationToken.None);

        for (var i = 0; i < columns.Count; i++)
        {
            var (measure, window) = columns[i];
            var grouped = (await measure.Query(db, window).ToListAsync()).ToDictionary(r => r.DivisionCode, r => r.Value);
            var fromBatch = batched[i].Where(kv => kv.Value != 0).ToDictionary();
            Assert.True(grouped.Where(kv => kv.Value != 0).ToDictionary().OrderBy(kv => kv.Key).SequenceEqual(fromBatch.OrderBy(kv => kv.Key)),
                $"{measure.Key} {window}: grouped {Show(grouped)} batched {Show(fromBatch)}");
            Assert.Equal(DivisionCatalog.All.Count, batched[i].Count); // every division, zero when it has nothing
        }

        // The data set is not trivially empty for any measure.
        Assert.All(measures, m => Assert.Contains(columns.Select((c, i) => (c, i)), x => x.c.Measure == m && batched[x.i].Values.Any(v => v != 0)));
    }

    /// <summary>The measures as first written, each window a predicate (before windows were split on their column).</summary>
    private static readonly Measure[] AsWindowPredicates =
    [
        new("ec.facilities", (db, w) => db.CareFacilities.Where(f => f.Status == FacilityStatus.Operating && (f.OpenedOn == null || f.OpenedOn <= w.To))
            .GroupBy(f => f.DivisionCode).Select(g => new DivisionValue(g.Key, g.Count()))),
        new("ec.institution.beds", (db, w) => db.CareFacilities.Where(f => f.Status == FacilityStatus.Operating && (f.OpenedOn == null || f.OpenedOn <= w.To)
                && (f.Kind == FacilityKind.PrefectureCareCenter || f.Kind == FacilityKind.CountyWelfareInstitute || f.Kind == FacilityKind.TownshipCareCenter || f.Kind == FacilityKind.PrivateCareHome))
            .GroupBy(f => f.DivisionCode).Select(g => new DivisionValue(g.Key, g.Sum(f => f.TotalBeds)))),
        new("ec.investment", (db, w) => db.CareFacilities.Where(f => f.InvestmentYear != null && f.InvestmentYear <= w.To.Year)
            .GroupBy(f => f.DivisionCode).Select(g => new DivisionValue(g.Key, g.Sum(f => f.Investment)))),
        new("ec.visits", (db, w) => db.CareVisits.Where(v => v.VisitedOn <= w.To && (w.From == null || v.VisitedOn >= w.From))
            .GroupBy(v => v.DivisionCode).Select(g => new DivisionValue(g.Key, g.Count()))),
        new("ec.training", (db, w) => db.CaregiverTrainings.Where(t => t.Kind == TrainingKind.Training && t.HeldOn <= w.To && (w.From == null || t.HeldOn >= w.From))
            .GroupBy(t => t.DivisionCode).Select(g => new DivisionValue(g.Key, g.Sum(t => t.Participants)))),
        new("ec.allowance.paid", (db, w) => db.AllowanceMonthlyTotals
            .Where(t => t.Period >= (w.From == null ? 0 : (w.From.Value.Year * 100) + w.From.Value.Month) && t.Period <= (w.To.Year * 100) + w.To.Month)
            .GroupBy(t => t.DivisionCode).Select(g => new DivisionValue(g.Key, g.Sum(t => t.PaidAmount)))),
    ];

    [Fact]
    public async Task MeasuresSplitOnTheirWindowColumnSelectWhatTheWindowPredicatesDid()
    {
        await using var db = _db.ActAs(TestUsers.Leader).CreateDbContext();
        var measures = ElderlyCareMeasures().ToDictionary(m => m.Key);
        DateWindow[] windows = [.. Windows, new(null, October.YearStart.Start.AddDays(-1)), new(October.Start, October.Start)];
        var requests = AsWindowPredicates.SelectMany(old => windows.Select(w => (Old: old, New: measures[old.Key], Window: w))).ToList();

        var batched = await DivisionAggregateBatch.ReadAsync(db, "6527", [.. requests.Select(r => (r.New.Aggregate!, r.Window))], CancellationToken.None);

        for (var i = 0; i < requests.Count; i++)
        {
            var (old, _, window) = requests[i];
            var expected = (await old.Query(db, window).ToListAsync()).Where(r => r.Value != 0).ToDictionary(r => r.DivisionCode, r => r.Value);
            var actual = batched[i].Where(kv => kv.Value != 0).ToDictionary();
            Assert.True(expected.OrderBy(kv => kv.Key).SequenceEqual(actual.OrderBy(kv => kv.Key)), $"{old.Key} {window}: expected {Show(expected)} got {Show(actual)}");
        }
    }

    [Fact]
    public async Task MoneyIsSummedExactlyToTheFen()
    {
        await using var db = _db.ActAs(TestUsers.Leader).CreateDbContext();
        var window = new DateWindow(null, October.End);
        var expectedPaid = (await db.AllowanceMonthlyTotals.Where(t => t.Period <= October.Key).Select(t => new { t.DivisionCode, t.PaidAmount }).ToListAsync())
            .GroupBy(t => t.DivisionCode).ToDictionary(g => g.Key, g => g.Sum(t => t.PaidAmount));
        var expectedInvestment = (await db.CareFacilities.Where(f => f.InvestmentYear <= 2026).Select(f => new { f.DivisionCode, f.Investment }).ToListAsync())
            .GroupBy(f => f.DivisionCode).ToDictionary(g => g.Key, g => g.Sum(f => f.Investment));

        var batched = await DivisionAggregateBatch.ReadAsync(db, "6527",
            [(ElderlyCareIndicators.AllowancePaid.Aggregate!, window), (ElderlyCareIndicators.Investment.Aggregate!, window)], CancellationToken.None);

        Assert.All(expectedPaid, kv => Assert.Equal(kv.Value, batched[0][kv.Key]));
        Assert.All(expectedInvestment, kv => Assert.Equal(kv.Value, batched[1][kv.Key]));
        Assert.Contains(expectedInvestment.Values, v => v != Math.Round(v)); // cents do occur
    }

    [Fact]
    public async Task EverySubqueryOfTheBatchKeepsTheUsersScope()
    {
        // A 精河县 clerk's context asked (below the engine, which refuses it) for the whole prefecture.
        // Divisions are reference data, not records: the township count alone is not scoped.
        var measures = ElderlyCareMeasures().Where(m => m != ElderlyCareIndicators.Townships).ToList();
        await using var db = _db.ActAs(TestUsers.Jinghe).CreateDbContext();

        var batched = await DivisionAggregateBatch.ReadAsync(
            db, "6527", [.. measures.Select(m => (m.Aggregate!, new DateWindow(null, October.End)))], CancellationToken.None);

        Assert.All(batched, values => Assert.All(
            values.Where(kv => !kv.Key.StartsWith("652722", StringComparison.Ordinal)), kv => Assert.Equal(0m, kv.Value)));
        Assert.All(measures.Where(m => m != ElderlyCareIndicators.Visits && m != ElderlyCareIndicators.TrainingPersonTimes
                && m != ElderlyCareIndicators.AdaptationsCompleted && m != ElderlyCareIndicators.AllowanceRecipients && m != ElderlyCareIndicators.AllowancePaid),
            m => Assert.Contains(batched[measures.IndexOf(m)], kv => kv.Value != 0));
    }

    [Fact]
    public async Task AStandaloneMeasureWorksNextToBatchedOnes()
    {
        // Beds of every facility in service, as its own grouped query (as another service line might write one).
        var allBeds = new Measure("test.beds.all", (db, w) =>
            db.CareFacilities.Where(f => f.Status == FacilityStatus.Operating && (f.OpenedOn == null || f.OpenedOn <= w.To))
                .GroupBy(f => f.DivisionCode).Select(g => new DivisionValue(g.Key, g.Sum(f => f.TotalBeds))));
        var definition = new IndicatorDefinition("T01", "机构床位占全部床位比例", "Institution beds of all beds", IndicatorUnit.Percent, IndicatorKind.Stock,
            ServiceLine.ElderlyCare, ElderlyCareIndicators.InstitutionBeds, allBeds);

        var result = (await new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db).ComputeAsync([definition, IndicatorCatalog.Find("EC05")!], October, Prefecture))[0];

        await using var ctx = _db.CreateDbContext(UserContext.System);
        var operating = await ctx.CareFacilities.Where(f => f.Status == FacilityStatus.Operating && (f.OpenedOn == null || f.OpenedOn <= October.End))
            .Select(f => new { f.Kind, f.TotalBeds }).ToListAsync();
        decimal institutionBeds = operating.Where(f => f.Kind.IsInstitution()).Sum(f => f.TotalBeds);
        decimal beds = operating.Sum(f => f.TotalBeds);
        Assert.Equal((institutionBeds, beds), (result.Current.Numerator!.Value, result.Current.Denominator!.Value));
        Assert.Equal(Math.Round(institutionBeds / beds * 100, 1), result.Current.Value);
    }

    [Theory]
    [InlineData("EC01")]   // a ratio of stocks: two measures a month, more parts than one statement takes
    [InlineData("EC16")]   // cumulative, with an opening balance
    [InlineData("EC19")]   // year to date by month key, across three new years
    [InlineData("EC21")]   // year to date by date
    [InlineData("EC24")]
    public async Task ALongSeriesGivesEachMonthsValue(string code)
    {
        var engine = new IndicatorEngine(_db.ActAs(TestUsers.Leader), _db);
        var definition = IndicatorCatalog.Find(code)!;
        await using (var ctx = _db.CreateDbContext(UserContext.System))
        {
            ctx.OpeningBalances.Add(new OpeningBalance { IndicatorCode = "EC16", DivisionCode = "652722", Before = 202501, Value = 40 });
            await ctx.SaveChangesAsync();
        }

        var series = await engine.SeriesAsync(definition, October, Prefecture, months: 40);

        Assert.Equal(40, series.Count);
        Assert.Equal(October.AddMonths(-39), series[0].Period);
        foreach (var point in series.Where((_, i) => i % 3 == 0).Append(series[^1]))
        {
            var single = (await engine.ComputeAsync([definition], point.Period, Prefecture)).Single();
            Assert.Equal(single.Current.Value, point.Value);
        }

        Assert.True(series.Select(p => p.Value).Distinct().Count() > 3);
    }

    [Fact]
    public async Task TheWholeElderlyCareSetTakesTwoStatements()
    {
        await using var counted = await CountingDatabase.CreateAsync();
        await using (var ctx = counted.CreateSystemContext())
        {
            await SeedAsync(ctx);
        }

        counted.Commands.Clear();
        var results = await new IndicatorEngine(counted, counted).ComputeAsync(ElderlyCareIndicators.All, October, Prefecture);

        Assert.Equal(ElderlyCareIndicators.All.Count, results.Count);
        Assert.Equal(2, counted.Commands.Count);   // the batch and the opening balances
    }

    private static string Show(Dictionary<string, decimal> values) =>
        string.Join(", ", values.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>A varied data set over every division: kinds, statuses, opening dates, cents, years.</summary>
    private static async Task SeedAsync(CivilAffairsDbContext ctx)
    {
        var rng = new Random(20261128);
        var divisions = DivisionCatalog.All.Select(d => d.Code).ToArray();
        var townships = DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Code).ToArray();
        var kinds = Enum.GetValues<FacilityKind>();
        var statuses = Enum.GetValues<FacilityStatus>();
        DateOnly Day(int fromYear, int toYear) => new DateOnly(fromYear, 1, 1).AddDays(rng.Next((toYear - fromYear + 1) * 365));

        for (var i = 0; i < 400; i++)
        {
            var beds = rng.Next(0, 200);
            ctx.CareFacilities.Add(new CareFacility
            {
                Name = $"设施{i}",
                Kind = kinds[rng.Next(kinds.Length)],
                DivisionCode = divisions[rng.Next(divisions.Length)],
                TotalBeds = beds,
                NursingBeds = rng.Next(0, beds + 1),
                HasMedicalService = rng.Next(3) == 0,
                Investment = rng.Next(0, 5) == 0 ? 0 : rng.Next(0, 100_000_000) / 100m,
                InvestmentYear = rng.Next(4) == 0 ? null : rng.Next(2018, 2028),
                OpenedOn = rng.Next(6) == 0 ? null : Day(2015, 2027),
                Status = statuses[rng.Next(statuses.Length)],
                LivelihoodProjectYear = rng.Next(3) == 0 ? rng.Next(2019, 2028) : null,
            });
        }

        // Every other township has a regional centre and a new day-care centre in service.
        foreach (var town in townships.Where((_, i) => i % 2 == 0))
        {
            ctx.CareFacilities.Add(new CareFacility { Name = $"中心{town}", Kind = FacilityKind.TownshipCareCenter, DivisionCode = town, OpenedOn = new DateOnly(2020, 5, 1) });
            ctx.CareFacilities.Add(new CareFacility
            {
                Name = $"日照{town}", Kind = FacilityKind.CommunityDayCareCenter, DivisionCode = town, OpenedOn = new DateOnly(2022, 7, 1),
                LivelihoodProjectYear = 2022, HasMedicalService = true, Investment = 1_234_567.89m, InvestmentYear = 2022,
            });
        }

        var people = new List<Person>();
        for (var i = 0; i < 60; i++)
        {
            var town = townships[rng.Next(townships.Length)];
            people.Add(new Person(ResidentId.Parse(TestIds.For(town[..6], new DateOnly(1940, 1, 1).AddDays(i), i + 1), TestIds.Today), $"老人{i}", town));
        }

        ctx.People.AddRange(people);
        await ctx.SaveChangesAsync();

        var elderly = people.Take(45).Select(p => new ElderlyPerson { PersonId = p.Id, DivisionCode = p.DivisionCode, EmptyNest = true }).ToList();
        ctx.ElderlyPersons.AddRange(elderly);
        await ctx.SaveChangesAsync();

        for (var i = 0; i < 300; i++)
        {
            var e = elderly[rng.Next(elderly.Count)];
            ctx.CareVisits.Add(new CareVisit { ElderlyPersonId = e.Id, DivisionCode = e.DivisionCode, VisitedOn = Day(2024, 2027), Visitor = "网格员" });
        }

        for (var i = 0; i < 80; i++)
        {
            var p = people[rng.Next(people.Count)];
            ctx.HomeAdaptations.Add(new HomeAdaptation { PersonId = p.Id, DivisionCode = p.DivisionCode, Items = "扶手", Cost = 3000, Subsidy = 2000, CompletedOn = rng.Next(5) == 0 ? null : Day(2019, 2027) });
        }

        for (var i = 0; i < 120; i++)
        {
            ctx.CaregiverTrainings.Add(new CaregiverTraining
            {
                Title = $"培训{i}",
                Kind = rng.Next(3) == 0 ? TrainingKind.Competition : TrainingKind.Training,
                DivisionCode = divisions[rng.Next(divisions.Length)],
                HeldOn = Day(2024, 2027),
                Participants = rng.Next(0, 80),
            });
        }

        foreach (var period in Period.Range(new Period(2024, 1), new Period(2027, 2)))
        {
            foreach (var code in townships.Where(_ => rng.Next(3) > 0))
            {
                ctx.AllowanceMonthlyTotals.Add(new AllowanceMonthlyTotal
                {
                    Period = period.Key,
                    DivisionCode = code,
                    Payments = rng.Next(0, 500),
                    PaidAmount = rng.Next(0, 10_000_000) / 100m,
                });
            }
        }

        await ctx.SaveChangesAsync();
    }

    /// <summary>A migrated in-memory database like <see cref="TestDatabase"/>, counting the commands its contexts send.</summary>
    private sealed class CountingDatabase : IDbContextFactory<CivilAffairsDbContext>, ICurrentUser, IAsyncDisposable
    {
        private readonly SqliteConnection _connection = new("Data Source=:memory:");
        private readonly DbContextOptions<SqliteCivilAffairsDbContext> _options;

        private CountingDatabase()
        {
            _options = new DbContextOptionsBuilder<SqliteCivilAffairsDbContext>()
                .UseSqlite(_connection)
                .AddInterceptors(new AuditingInterceptor(TimeProvider.System), new Counter(Commands))
                .Options;
        }

        public List<string> Commands { get; } = [];

        public UserContext User => TestUsers.Leader;

        public static async Task<CountingDatabase> CreateAsync()
        {
            var database = new CountingDatabase();
            await database._connection.OpenAsync();
            await using var db = new SqliteCivilAffairsDbContext(database._options, FixedCurrentUser.System);
            await db.Database.MigrateAsync();
            db.Divisions.AddRange(DivisionCatalog.All.OrderBy(d => d.Level).Select(d => new Division(d.Code, d.Name, d.ParentCode, d.Kind)));
            await db.SaveChangesAsync();
            return database;
        }

        public CivilAffairsDbContext CreateDbContext() => new SqliteCivilAffairsDbContext(_options, this);

        public CivilAffairsDbContext CreateSystemContext() => new SqliteCivilAffairsDbContext(_options, FixedCurrentUser.System);

        public ValueTask DisposeAsync() => _connection.DisposeAsync();

        private sealed class Counter(List<string> commands) : DbCommandInterceptor
        {
            public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                commands.Add(command.CommandText);
                return ValueTask.FromResult(result);
            }
        }
    }
}
