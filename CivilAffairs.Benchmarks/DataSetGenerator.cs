using System.Diagnostics;
using System.Globalization;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.ElderlyCare;
using CivilAffairs.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Builds a deterministic data set straight into a SQLite file: the schema from the production
/// migrations (and the reference rows through EF, so they are stored exactly as the portal stores
/// them), then the bulk tables with prepared ADO.NET inserts, ~100k rows per transaction, journal
/// and fsync off, and the secondary indexes dropped during the load and re-created afterwards from
/// the migrations' own definitions. A finished file is marked with its parameters and reused.
/// </summary>
internal sealed class DataSetGenerator(BenchOptions options)
{
    private const int Seed = 20_261_128;
    private const int GeneratorVersion = 1;
    private const int RowsPerTransaction = 100_000;
    private const string MarkerTable = "BenchmarkDataSet";

    /// <summary>120 months of allowance payments, ending with the month the benchmark measures.</summary>
    public static readonly Period FirstPeriod = new(2016, 11);

    public static readonly Period LastPeriod = new(2026, 10);

    /// <summary>The data set is "as of" this day: nothing happened after it.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 27);

    private static readonly string[] BulkTables =
        ["People", "CareFacilities", "ElderlyPersons", "HighAgeAllowancePayments", "CareVisits", "HomeAdaptations", "CaregiverTrainings"];

    private readonly Random _rng = new(Seed);
    private bool _upperCaseGuids = true;

    private string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"v{GeneratorVersion};seed={Seed};persons={options.Persons};payments={options.Payments};facilities={options.Facilities};" +
        $"visits={options.Visits};adaptations={options.Adaptations};trainings={options.Trainings}");

    /// <summary>Makes sure the file holds this data set; returns the generation time, or null when an existing file was reused.</summary>
    public async Task<TimeSpan?> EnsureAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(options.DbPath)!);
        if (!options.Regenerate && File.Exists(options.DbPath) && ReadFingerprint() == Fingerprint)
        {
            // Applies any migration added since the file was made (no-op otherwise).
            await using var db = CreateEfContext();
            await db.Database.MigrateAsync();
            return null;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-journal", "-wal", "-shm" })
        {
            File.Delete(options.DbPath + suffix);
        }

        var watch = Stopwatch.StartNew();
        await CreateSchemaAndReferenceDataAsync();
        Load();
        return watch.Elapsed;
    }

    private string? ReadFingerprint()
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={options.DbPath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT Value FROM {MarkerTable} WHERE Key = 'fingerprint'";
            return command.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private SqliteCivilAffairsDbContext CreateEfContext() =>
        new(new DbContextOptionsBuilder<SqliteCivilAffairsDbContext>()
                .UseSqlite($"Data Source={options.DbPath};Pooling=False")
                .AddInterceptors(new AuditingInterceptor(TimeProvider.System))
                .Options,
            FixedCurrentUser.System);

    private async Task CreateSchemaAndReferenceDataAsync()
    {
        await using var db = CreateEfContext();
        await db.Database.MigrateAsync();
        db.Divisions.AddRange(DivisionCatalog.All.OrderBy(d => d.Level).Select(d => new Division(d.Code, d.Name, d.ParentCode, d.Kind)));
        await db.SaveChangesAsync();

        foreach (var (min, max, before, from2022) in Bands)
        {
            db.HighAgeAllowanceStandards.Add(new HighAgeAllowanceStandard { MinAge = min, MaxAge = max, MonthlyAmount = before, EffectiveFrom = 201601 });
            db.HighAgeAllowanceStandards.Add(new HighAgeAllowanceStandard { MinAge = min, MaxAge = max, MonthlyAmount = from2022, EffectiveFrom = 202201 });
        }

        // Cumulative indicators carry what was paid or done before the records begin.
        foreach (var county in Counties)
        {
            db.OpeningBalances.Add(new OpeningBalance { IndicatorCode = "EC20", DivisionCode = county.Code, Before = FirstPeriod.Key, Value = _rng.Next(1_000_000, 5_000_000) });
            db.OpeningBalances.Add(new OpeningBalance { IndicatorCode = "EC16", DivisionCode = county.Code, Before = 201901, Value = _rng.Next(50, 500) });
        }

        await db.SaveChangesAsync();

        // Bulk rows must store the concurrency token exactly as EF does.
        var sample = await db.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM OpeningBalances LIMIT 1").SingleAsync();
        _upperCaseGuids = sample == sample.ToUpperInvariant();
    }

    // ---- the bulk load ------------------------------------------------------------------------

    private static readonly (int Min, int? Max, decimal Before2022, decimal From2022)[] Bands =
    [
        (80, 89, 100m, 125.50m),
        (90, 99, 200m, 250.50m),
        (100, null, 500m, 600m),
    ];

    private static readonly Division[] Counties = [.. DivisionCatalog.All.Where(d => d.Level == DivisionLevel.County)];

    private static readonly Division[] Towns = [.. DivisionCatalog.All.Where(d => d.Level == DivisionLevel.Township)];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "林", "阿", "巴", "买", "吐"];

    private static readonly string[] GivenChars = ["建", "国", "华", "明", "军", "平", "秀", "英", "兰", "芳", "玉", "梅", "志", "强", "伟", "丽", "敏", "静", "海", "涛", "力", "江", "古", "丽", "尔", "别", "克", "提"];

    private static readonly (string Name, double Weight)[] Ethnicities =
        [("汉族", 0.66), ("维吾尔族", 0.13), ("哈萨克族", 0.09), ("蒙古族", 0.06), ("回族", 0.05), ("锡伯族", 0.01)];

    private static readonly string[] AdaptationItems = ["扶手", "防滑地面", "坐便椅", "紧急呼叫装置", "无障碍坡道", "淋浴椅", "夜间照明"];

    private struct PersonSpec
    {
        public int Birth;        // DayNumber
        public int Death;        // DayNumber, 0 = alive
        public short FirstMonth; // payment months, as indexes from FirstPeriod; Last < First = none
        public short LastMonth;
        public byte Town;
        public bool Male;
    }

    private void Load()
    {
        using var connection = new SqliteConnection($"Data Source={options.DbPath};Pooling=False;Foreign Keys=False");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");

        var indexes = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", BulkTables.Select(t => $"'{t}'"))})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Exec(connection, $"DROP INDEX \"{name}\"");
        }

        var loader = new Loader(connection);
        var watch = Stopwatch.StartNew();
        var facilities = LoadFacilities(loader);
        Step("CareFacilities", options.Facilities, watch);
        var persons = GeneratePersons(out var elderlyIds);
        LoadPersons(loader, persons);
        Step("People", persons.Length, watch);
        var enrolled = LoadElderlyPersons(loader, persons, elderlyIds, facilities);
        Step("ElderlyPersons", enrolled.Count, watch);
        var payments = LoadPayments(loader, persons, elderlyIds);
        Step("HighAgeAllowancePayments", payments, watch);
        LoadVisits(loader, enrolled);
        Step("CareVisits", options.Visits, watch);
        LoadAdaptations(loader, enrolled);
        Step("HomeAdaptations", options.Adaptations, watch);
        LoadTrainings(loader);
        Step("CaregiverTrainings", options.Trainings, watch);
        loader.Complete();

        foreach (var (name, sql) in indexes)
        {
            Exec(connection, sql);
        }

        Step($"{indexes.Count} indexes re-created", null, watch);

        // The portal keeps monthly allowance totals with every batch; bulk-loaded payments get theirs here.
        Exec(connection, "DELETE FROM AllowanceMonthlyTotals; INSERT INTO AllowanceMonthlyTotals (Period, DivisionCode, Payments, PaidAmount) " +
            "SELECT Period, DivisionCode, SUM(CASE WHEN Status <> 3 THEN 1 ELSE 0 END), printf('%.2f', ROUND(TOTAL(CASE WHEN Status = 2 THEN CAST(Amount AS REAL) ELSE 0 END), 2)) " +
            "FROM HighAgeAllowancePayments GROUP BY Period, DivisionCode");
        Step("AllowanceMonthlyTotals", null, watch);
        Exec(connection, "PRAGMA journal_mode=DELETE;");
        Exec(connection, $"CREATE TABLE {MarkerTable} (Key TEXT PRIMARY KEY, Value TEXT NOT NULL)");
        using var mark = connection.CreateCommand();
        mark.CommandText = $"INSERT INTO {MarkerTable} VALUES ('fingerprint', $f), ('payments', $p)";
        mark.Parameters.AddWithValue("$f", Fingerprint);
        mark.Parameters.AddWithValue("$p", payments);
        mark.ExecuteNonQuery();
    }

    private static void Step(string what, long? rows, Stopwatch watch)
    {
        Console.WriteLine(rows is { } n
            ? $"  {what,-28} {n,12:N0} rows   {watch.Elapsed.TotalSeconds,7:F1} s"
            : $"  {what,-28} {string.Empty,12}        {watch.Elapsed.TotalSeconds,7:F1} s");
    }

    private sealed record Facilities(int[] Institutions, int[] DayCare);

    private Facilities LoadFacilities(Loader loader)
    {
        var insert = loader.Prepare(
            "INSERT INTO CareFacilities (Id, Name, Kind, DivisionCode, OperationMode, Operator, TotalBeds, NursingBeds, OccupiedBeds, " +
            "HasMedicalService, Investment, InvestmentYear, OpenedOn, Status, LivelihoodProjectYear, Version) VALUES " +
            "($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)", 16);
        var institutions = new List<int>();
        var dayCare = new List<int>();
        var towns = TownPicker();
        // Kinds by share: township centres, courtyards, day-care, meal points, private homes; one prefecture centre and a welfare institute per county first.
        (FacilityKind Kind, double Weight)[] mix =
        [
            (FacilityKind.TownshipCareCenter, 0.12), (FacilityKind.RuralHappinessCourtyard, 0.25), (FacilityKind.CommunityDayCareCenter, 0.25),
            (FacilityKind.MealServicePoint, 0.28), (FacilityKind.PrivateCareHome, 0.095), (FacilityKind.CountyWelfareInstitute, 0.004),
            (FacilityKind.PrefectureCareCenter, 0.001),
        ];
        var kinds = new WeightedPicker(mix.Select(m => m.Weight));
        for (var id = 1; id <= options.Facilities; id++)
        {
            var kind = id == 1 ? FacilityKind.PrefectureCareCenter
                : id <= 1 + Counties.Length ? FacilityKind.CountyWelfareInstitute
                : mix[kinds.Next(_rng)].Kind;
            var division = kind switch
            {
                FacilityKind.PrefectureCareCenter => DivisionCatalog.PrefectureCode,
                FacilityKind.CountyWelfareInstitute => id <= 1 + Counties.Length ? Counties[id - 2].Code : Counties[_rng.Next(Counties.Length)].Code,
                _ => Towns[towns.Next(_rng)].Code,
            };
            var beds = kind switch
            {
                FacilityKind.PrefectureCareCenter => _rng.Next(300, 801),
                FacilityKind.CountyWelfareInstitute => _rng.Next(100, 401),
                FacilityKind.TownshipCareCenter => _rng.Next(20, 121),
                FacilityKind.PrivateCareHome => _rng.Next(30, 301),
                FacilityKind.RuralHappinessCourtyard => _rng.Next(0, 21),
                FacilityKind.CommunityDayCareCenter => _rng.Next(0, 31),
                _ => 0,
            };
            var institution = kind.IsInstitution();
            var nursing = (int)(beds * (institution ? 0.3 + (0.5 * _rng.NextDouble()) : 0.3 * _rng.NextDouble()));
            var occupied = (int)(beds * (0.4 + (0.55 * _rng.NextDouble())));
            var statusDraw = _rng.NextDouble();
            var status = statusDraw < 0.85 ? FacilityStatus.Operating : statusDraw < 0.95 ? FacilityStatus.UnderConstruction : FacilityStatus.Suspended;
            DateOnly? opened = status == FacilityStatus.UnderConstruction || _rng.NextDouble() < 0.03
                ? null
                : RandomDay(new DateOnly(2005, 1, 1), AsOf);
            var mode = kind == FacilityKind.PrivateCareHome ? OperationMode.Private
                : _rng.NextDouble() < 0.7 ? OperationMode.PublicOperated : OperationMode.PublicBuiltPrivatelyOperated;
            var medical = _rng.NextDouble() < (institution ? 0.4 : kind == FacilityKind.CommunityDayCareCenter ? 0.2 : 0.05);
            var investment = Math.Round((decimal)((institution ? 1_000_000 : 50_000) * (1 + (20 * _rng.NextDouble()))), 2);
            int? investmentYear = _rng.NextDouble() < 0.1 ? null
                : opened is { } o ? Math.Max(2004, o.Year - _rng.Next(0, 2))
                : _rng.Next(2024, 2027);
            int? livelihood = _rng.NextDouble() < (kind == FacilityKind.CommunityDayCareCenter ? 0.4 : 0.05) ? _rng.Next(2019, 2027) : null;

            loader.Insert(insert, id, $"{DivisionCatalog.NameOf(division)}{kind.ChineseName()}{id}号", (int)kind, division, (int)mode,
                mode == OperationMode.PublicOperated ? null : $"养老服务有限公司{id % 97}", beds, nursing, occupied, medical, investment,
                investmentYear, opened, (int)status, livelihood, NewVersion());
            if (status == FacilityStatus.Operating)
            {
                (institution ? institutions : kind == FacilityKind.CommunityDayCareCenter ? dayCare : null)?.Add(id);
            }
        }

        return new Facilities([.. institutions], [.. dayCare]);
    }

    /// <summary>
    /// Allowance recipients first (80 or older by the last month, enough of them for the payment count),
    /// then everyone else; shuffled so that recipients are spread over the person ids.
    /// </summary>
    private PersonSpec[] GeneratePersons(out int[] elderlyIds)
    {
        var persons = new PersonSpec[options.Persons];
        var towns = TownPicker();
        var months = MonthIndex(LastPeriod) + 1;
        long payments = 0;
        var count = 0;
        var oldest = new DateOnly(1916, 1, 1).DayNumber;
        var youngestRecipient = new DateOnly(LastPeriod.Year - 80, LastPeriod.Month, 1).AddMonths(1).AddDays(-1).DayNumber;
        while (payments < options.Payments && count < options.Persons / 2)
        {
            var birth = DateOnly.FromDayNumber(_rng.Next(oldest, youngestRecipient + 1));
            var first = Math.Max(0, MonthIndex(new Period(birth.Year + 80, birth.Month)));
            var last = months - 1;
            var death = 0;
            if (_rng.NextDouble() < 0.35)
            {
                death = _rng.Next(FirstPeriod.AddMonths(first).Start.DayNumber, AsOf.DayNumber + 1);
                last = Math.Min(last, MonthIndex(Period.Of(DateOnly.FromDayNumber(death))) - 1);
            }

            var n = Math.Max(0, last - first + 1);
            if (payments + n > options.Payments)
            {
                last = first + (int)(options.Payments - payments) - 1;
                n = last - first + 1;
            }

            payments += n;
            persons[count++] = new PersonSpec
            {
                Birth = birth.DayNumber, Death = death, FirstMonth = (short)first, LastMonth = (short)last,
                Town = (byte)towns.Next(_rng), Male = _rng.Next(2) == 0,
            };
        }

        var firstBirth = new DateOnly(1947, 1, 1).DayNumber;
        var lastBirth = new DateOnly(2025, 12, 31).DayNumber;
        for (; count < persons.Length; count++)
        {
            var birth = _rng.Next(firstBirth, lastBirth + 1);
            persons[count] = new PersonSpec
            {
                Birth = birth,
                Death = _rng.NextDouble() < 0.02 ? _rng.Next(Math.Max(birth, new DateOnly(2000, 1, 1).DayNumber), AsOf.DayNumber + 1) : 0,
                FirstMonth = 0, LastMonth = -1,
                Town = (byte)towns.Next(_rng), Male = _rng.Next(2) == 0,
            };
        }

        _rng.Shuffle(persons);
        elderlyIds = [.. Enumerable.Range(0, persons.Length).Where(i => persons[i].LastMonth >= persons[i].FirstMonth).Select(i => i + 1)];
        return persons;
    }

    private void LoadPersons(Loader loader, PersonSpec[] persons)
    {
        var insert = loader.Prepare(
            "INSERT INTO People (Id, IdNumber, Name, Gender, BirthDate, Ethnicity, Phone, DivisionCode, DateOfDeath, Version) " +
            "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9)", 10);
        var sequences = new Dictionary<long, int>();
        var ethnicities = new WeightedPicker(Ethnicities.Select(e => e.Weight));
        Span<char> first17 = stackalloc char[17];
        for (var i = 0; i < persons.Length; i++)
        {
            ref var p = ref persons[i];
            var town = Towns[p.Town];
            var birth = DateOnly.FromDayNumber(p.Birth);
            // 公民身份号码: county of registration, birth date, sequence (odd for men), check character.
            var county = town.Code.AsSpan(0, 6);
            var key = ((long)int.Parse(county, CultureInfo.InvariantCulture) << 32) | ((long)p.Birth << 1) | (p.Male ? 1L : 0L);
            var k = sequences.GetValueOrDefault(key);
            sequences[key] = k + 1;
            var sequence = p.Male ? (2 * k) + 1 : (2 * k) + 2;
            if (sequence > 999)
            {
                throw new InvalidOperationException("Too many persons born on one day in one county for distinct ID numbers.");
            }

            county.CopyTo(first17);
            birth.TryFormat(first17[6..], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
            sequence.TryFormat(first17[14..], out _, "000", CultureInfo.InvariantCulture);
            var idNumber = new string(first17) + ResidentId.CheckCharacter(first17);

            var name = Surnames[_rng.Next(Surnames.Length)] + GivenChars[_rng.Next(GivenChars.Length)]
                + (_rng.Next(3) == 0 ? string.Empty : GivenChars[_rng.Next(GivenChars.Length)]);
            var ethnicity = _rng.NextDouble() < 0.02 ? null : Ethnicities[ethnicities.Next(_rng)].Name;
            var phone = _rng.NextDouble() < 0.8 ? "13" + _rng.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) : null;
            DateOnly? death = p.Death == 0 ? null : DateOnly.FromDayNumber(p.Death);
            loader.Insert(insert, i + 1, idNumber, name, p.Male ? (int)Gender.Male : (int)Gender.Female, birth, ethnicity, phone, town.Code, death, NewVersion());
        }
    }

    private sealed record Enrolled(int Id, int PersonId, string DivisionCode, bool Visited);

    /// <summary>老年人 enrolled in elderly care: every living allowance recipient and 40% of the other living persons aged 60 or more.</summary>
    private List<Enrolled> LoadElderlyPersons(Loader loader, PersonSpec[] persons, int[] elderlyIds, Facilities facilities)
    {
        var insert = loader.Prepare(
            "INSERT INTO ElderlyPersons (Id, PersonId, DivisionCode, EmptyNest, LivingAlone, Disabled, SeverelyDisabled, ExtremelyPoor, CareMode, FacilityId, Version) " +
            "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", 11);
        var recipients = new HashSet<int>(elderlyIds);
        var sixty = AsOf.AddYears(-60).DayNumber;
        var enrolled = new List<Enrolled>();
        for (var i = 0; i < persons.Length; i++)
        {
            ref var p = ref persons[i];
            if (p.Death != 0 || p.Birth > sixty || (!recipients.Contains(i + 1) && _rng.NextDouble() >= 0.4))
            {
                continue;
            }

            var emptyNest = _rng.NextDouble() < 0.3;
            var alone = _rng.NextDouble() < 0.12;
            var disabled = _rng.NextDouble() < 0.08;
            var severely = _rng.NextDouble() < 0.03;
            var poor = _rng.NextDouble() < 0.02;
            var modeDraw = _rng.NextDouble();
            var mode = modeDraw < 0.9 ? CareMode.Home : modeDraw < 0.97 ? CareMode.Community : CareMode.Institution;
            int? facility = mode switch
            {
                CareMode.Institution when facilities.Institutions.Length > 0 => facilities.Institutions[_rng.Next(facilities.Institutions.Length)],
                CareMode.Community when facilities.DayCare.Length > 0 && _rng.Next(2) == 0 => facilities.DayCare[_rng.Next(facilities.DayCare.Length)],
                _ => null,
            };
            if (mode == CareMode.Institution && facility is null)
            {
                mode = CareMode.Home;
            }

            var id = enrolled.Count + 1;
            var division = Towns[p.Town].Code;
            loader.Insert(insert, id, i + 1, division, emptyNest, alone, disabled, severely, poor, (int)mode, facility, NewVersion());
            enrolled.Add(new Enrolled(id, i + 1, division, emptyNest || alone || disabled || severely));
        }

        return enrolled;
    }

    /// <summary>One batch per month, in month order (as the monthly payment run appends them).</summary>
    private long LoadPayments(Loader loader, PersonSpec[] persons, int[] elderlyIds)
    {
        var insert = loader.Prepare(
            "INSERT INTO HighAgeAllowancePayments (Id, PersonId, DivisionCode, Period, Age, Amount, Status, SettledOn, Note, Version) " +
            "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9)", 10);
        long id = 0;
        var months = MonthIndex(LastPeriod) + 1;
        for (var month = 0; month < months; month++)
        {
            var period = FirstPeriod.AddMonths(month);
            var end = period.End;
            var from2022 = period.Key >= 202201;
            foreach (var personId in elderlyIds)
            {
                ref var p = ref persons[personId - 1];
                if (month < p.FirstMonth || month > p.LastMonth)
                {
                    continue;
                }

                var age = Age.On(DateOnly.FromDayNumber(p.Birth), end);
                var band = Bands[age >= 100 ? 2 : age >= 90 ? 1 : 0];
                var draw = _rng.NextDouble();
                var status = draw < 0.015 ? PaymentStatus.Returned
                    : month == months - 1 && draw < 0.095 ? PaymentStatus.Pending
                    : PaymentStatus.Paid;
                DateOnly? settled = status switch
                {
                    PaymentStatus.Paid => end.AddDays(15),
                    PaymentStatus.Returned => end.AddDays(20),
                    _ => null,
                };
                loader.Insert(insert, ++id, personId, Towns[p.Town].Code, period.Key, age, from2022 ? band.From2022 : band.Before2022, (int)status,
                    settled, status == PaymentStatus.Returned ? "银行账户信息有误，已退回" : null, NewVersion());
            }
        }

        return id;
    }

    /// <summary>探访关爱 of empty-nest, alone-living or disabled enrolled persons since 2021, appended in date order.</summary>
    private void LoadVisits(Loader loader, List<Enrolled> enrolled)
    {
        var visited = enrolled.Where(e => e.Visited).ToArray();
        if (visited.Length == 0)
        {
            return;
        }

        var insert = loader.Prepare(
            "INSERT INTO CareVisits (Id, ElderlyPersonId, DivisionCode, VisitedOn, Visitor, Mode, Findings, FollowUpNeeded, Version) " +
            "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)", 9);
        var days = new int[options.Visits];
        var from = new DateOnly(2021, 1, 1).DayNumber;
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = _rng.Next(from, AsOf.DayNumber + 1);
        }

        Array.Sort(days);
        for (var i = 0; i < days.Length; i++)
        {
            var e = visited[_rng.Next(visited.Length)];
            var findings = _rng.NextDouble() < 0.2 ? "身体状况良好，生活基本自理" : null;
            loader.Insert(insert, i + 1, e.Id, e.DivisionCode, DateOnly.FromDayNumber(days[i]), $"网格员{_rng.Next(1, 500)}",
                _rng.NextDouble() < 0.7 ? 1 : 2, findings, _rng.NextDouble() < 0.05, NewVersion());
        }
    }

    private void LoadAdaptations(Loader loader, List<Enrolled> enrolled)
    {
        if (enrolled.Count == 0)
        {
            return;
        }

        var insert = loader.Prepare(
            "INSERT INTO HomeAdaptations (Id, PersonId, DivisionCode, Items, Cost, Subsidy, CompletedOn, Version) VALUES ($0, $1, $2, $3, $4, $5, $6, $7)", 8);
        var from = new DateOnly(2019, 1, 1);
        for (var i = 1; i <= options.Adaptations; i++)
        {
            var e = enrolled[_rng.Next(enrolled.Count)];
            var cost = _rng.Next(200_000, 1_500_001) / 100m;
            var subsidy = Math.Round(cost * (decimal)(0.5 + (0.5 * _rng.NextDouble())), 2);
            var items = string.Join("、", AdaptationItems.Where(_ => _rng.Next(3) == 0).DefaultIfEmpty(AdaptationItems[0]));
            DateOnly? completed = _rng.NextDouble() < 0.9 ? RandomDay(from, AsOf) : null;
            loader.Insert(insert, i, e.PersonId, e.DivisionCode, items, cost, subsidy, completed, NewVersion());
        }
    }

    private void LoadTrainings(Loader loader)
    {
        var insert = loader.Prepare(
            "INSERT INTO CaregiverTrainings (Id, Title, Kind, DivisionCode, HeldOn, Online, Participants, Version) VALUES ($0, $1, $2, $3, $4, $5, $6, $7)", 8);
        var from = new DateOnly(2019, 1, 1);
        for (var i = 1; i <= options.Trainings; i++)
        {
            var draw = _rng.NextDouble();
            var division = draw < 0.1 ? DivisionCatalog.PrefectureCode
                : draw < 0.4 ? Counties[_rng.Next(Counties.Length)].Code
                : Towns[_rng.Next(Towns.Length)].Code;
            var competition = _rng.NextDouble() < 0.1;
            loader.Insert(insert, i, competition ? "养老护理员职业技能竞赛" : "养老护理员岗前培训", competition ? 2 : 1, division,
                RandomDay(from, AsOf), _rng.NextDouble() < 0.3, _rng.Next(10, 201), NewVersion());
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static int MonthIndex(Period period) => ((period.Year - FirstPeriod.Year) * 12) + period.Month - FirstPeriod.Month;

    private DateOnly RandomDay(DateOnly from, DateOnly to) => DateOnly.FromDayNumber(_rng.Next(from.DayNumber, to.DayNumber + 1));

    /// <summary>Deterministic, unlike Guid.NewGuid; formatted as EF stores a Guid in SQLite.</summary>
    private string NewVersion()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        var text = new Guid(bytes).ToString("D");
        return _upperCaseGuids ? text.ToUpperInvariant() : text;
    }

    /// <summary>Persons live mostly in 街道 and 镇, fewer in 乡, farms and parks.</summary>
    private static WeightedPicker TownPicker() => new(Towns.Select(t => t.Kind switch
    {
        DivisionKind.Subdistrict => 4.0,
        DivisionKind.Town => 3.0,
        DivisionKind.Township => 2.0,
        DivisionKind.FarmOrRanch => 1.0,
        _ => 0.5,
    }));

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private sealed class WeightedPicker
    {
        private readonly double[] _cumulative;

        public WeightedPicker(IEnumerable<double> weights)
        {
            var sum = 0.0;
            _cumulative = [.. weights.Select(w => sum += w)];
        }

        public int Next(Random rng)
        {
            var i = Array.BinarySearch(_cumulative, rng.NextDouble() * _cumulative[^1]);
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }

    /// <summary>Prepared inserts sharing one transaction that is committed every <see cref="RowsPerTransaction"/> rows.</summary>
    private sealed class Loader
    {
        private readonly SqliteConnection _connection;
        private readonly List<SqliteCommand> _commands = [];
        private SqliteTransaction _transaction;
        private int _pending;

        public Loader(SqliteConnection connection)
        {
            _connection = connection;
            _transaction = connection.BeginTransaction();
        }

        public SqliteCommand Prepare(string sql, int parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            for (var i = 0; i < parameters; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            command.Prepare();
            _commands.Add(command);
            return command;
        }

        public void Insert(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.Transaction = _transaction;
            command.ExecuteNonQuery();
            if (++_pending >= RowsPerTransaction)
            {
                Commit();
            }
        }

        private void Commit()
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = _connection.BeginTransaction();
            _pending = 0;
        }

        /// <summary>Commits the last rows and ends the load (no transaction stays open).</summary>
        public void Complete()
        {
            _transaction.Commit();
            Dispose();
        }

        private void Dispose()
        {
            _transaction.Dispose();
            foreach (var command in _commands)
            {
                command.Dispose();
            }
        }
    }
}
