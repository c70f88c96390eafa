using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CivilAffairs.Benchmarks;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Indicators;
using Microsoft.Data.Sqlite;

// Elderly-care indicator set for one month, prefecture with county breakdown, at Xinjiang scale:
// the engine (EF: one statement, a subquery per measure and window part) against the best hand-written SQL.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["reports", .. var reportArgs])
{
    return await ReportBenchmarks.RunAsync(reportArgs);
}

BenchOptions? options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

if (options.Pdf)
{
    return PdfBenchmark.Run(options);
}

var period = new Period(2026, 10);
const string Prefecture = "652700";
const double TargetMs = 200;
const double TargetRatio = 3;

Console.WriteLine($".NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"Database: {options.DbPath}");

// ---- 1. data set ------------------------------------------------------------------------------
var generated = await new DataSetGenerator(options).EnsureAsync();
Console.WriteLine(generated is { } took
    ? $"Generated in {took.TotalSeconds:F1} s ({new FileInfo(options.DbPath).Length / 1024.0 / 1024:N0} MB); peak working set while generating {Memory.PeakMegabytes():N0} MB"
    : $"Reused the existing file ({new FileInfo(options.DbPath).Length / 1024.0 / 1024:N0} MB); --regenerate rebuilds it");
GC.Collect();
var peakReset = Memory.ResetPeak();

await using var connection = new SqliteConnection($"Data Source={options.DbPath}");
await connection.OpenAsync();
Console.WriteLine($"SQLite {Scalar(connection, "SELECT sqlite_version()")}; rows: " + string.Join(", ",
    new[] { "People", "CareFacilities", "ElderlyPersons", "HighAgeAllowancePayments", "CareVisits", "HomeAdaptations", "CaregiverTrainings" }
        .Select(t => $"{t} {Convert.ToInt64(Scalar(connection, $"SELECT MAX(Id) FROM {t}") ?? 0L, CultureInfo.InvariantCulture):N0}")));

foreach (var sql in options.Sql)
{
    var watch = Stopwatch.StartNew();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    command.ExecuteNonQuery();
    Console.WriteLine($"--sql ({watch.Elapsed.TotalSeconds:F1} s): {sql}");
}

Console.WriteLine("Indexes: " + string.Join("; ", Rows(connection,
    "SELECT tbl_name || ': ' || group_concat(name, ', ') FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL " +
    "AND tbl_name IN ('CareFacilities','HighAgeAllowancePayments','CareVisits','HomeAdaptations','CaregiverTrainings','ElderlyPersons') GROUP BY tbl_name")));

// ---- 2. measurement ---------------------------------------------------------------------------
var bench = new BenchDatabase(connection, BenchDatabase.PrefectureLeader);
var engine = new IndicatorEngine(bench, bench);
var user = BenchDatabase.PrefectureLeader;

var process = Process.GetCurrentProcess();

async Task<(IReadOnlyList<IndicatorResult> Results, double Ms, double CpuMs)> RunEngine()
{
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var results = await engine.ComputeAsync(ElderlyCareIndicators.All, period, Prefecture);
    var ms = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    return (results, ms, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

(IReadOnlyList<IndicatorResult> Results, double Ms, double CpuMs) RunHand()
{
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var results = HandWrittenSql.Compute(connection, user, period, Prefecture);
    var ms = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    return (results, ms, (process.TotalProcessorTime - cpu).TotalMilliseconds);
}

Console.WriteLine();
Console.WriteLine($"Computing {ElderlyCareIndicators.All.Count} indicators for {period} as a prefecture leader, 博尔塔拉州 with its 4 counties: " +
    $"{options.Warmup} warm-up + {options.Runs} measured runs each, alternating");
var first = await RunEngine();
var firstHand = RunHand();
Console.WriteLine($"First (cold) run: engine {SqlProfiler.Format(first.Ms)} ms, hand SQL {SqlProfiler.Format(firstHand.Ms)} ms");
var mismatches = Compare.Print(first.Results, firstHand.Results, Console.Out);

for (var i = 1; i < options.Warmup; i++)
{
    await RunEngine();
    RunHand();
}

var engineTimes = new List<double>();
var handTimes = new List<double>();
var engineCpu = new List<double>();
var handCpu = new List<double>();
for (var i = 0; i < options.Runs; i++)
{
    var run = await RunEngine();
    engineTimes.Add(run.Ms);
    engineCpu.Add(run.CpuMs);
    run = RunHand();
    handTimes.Add(run.Ms);
    handCpu.Add(run.CpuMs);
}

var e = Stats.Of(engineTimes);
var h = Stats.Of(handTimes);
Console.WriteLine();
Console.WriteLine($"{"wall time",-10} {"median",10} {"p90",10} {"min",10} {"max",10} {"CPU median",12}   (ms, {options.Runs} runs; load average now {LoadAverage()})");
Console.WriteLine($"{"engine",-10} {e.Median,10:F1} {e.P90,10:F1} {e.Min,10:F1} {e.Max,10:F1} {Stats.Of(engineCpu).Median,12:F1}");
Console.WriteLine($"{"hand SQL",-10} {h.Median,10:F1} {h.P90,10:F1} {h.Min,10:F1} {h.Max,10:F1} {Stats.Of(handCpu).Median,12:F1}");
var ratio = e.Median / h.Median;
Console.WriteLine($"engine / hand SQL (medians): {ratio:F2}× wall, {Stats.Of(engineCpu).Median / Stats.Of(handCpu).Median:F2}× CPU");
Console.WriteLine($"Target: engine median < {TargetMs} ms: {(e.Median < TargetMs ? "met" : "MISSED")}; within {TargetRatio}× of hand SQL: {(ratio <= TargetRatio ? "met" : "MISSED")}");
Console.WriteLine(peakReset
    ? $"Peak working set during measurement: {Memory.PeakMegabytes():N0} MB"
    : $"Peak working set of the process: {Memory.PeakMegabytes():N0} MB");

// ---- 3. where the time goes ---------------------------------------------------------------------
if (options.Profile)
{
    var profiler = new SqlProfiler();
    var profiled = new IndicatorEngine(new BenchDatabase(connection, user, profiler), bench);
    profiler.Recording = true;
    await profiled.ComputeAsync(ElderlyCareIndicators.All, period, Prefecture);
    profiler.Recording = false;
    Console.WriteLine();
    profiler.Report(connection, Console.Out);

    HandWrittenSql.Timings = [];
    RunHand();
    Console.WriteLine();
    Console.WriteLine($"Hand-written SQL, statement by statement ({HandWrittenSql.Timings.Sum(t => t.Ms):F1} ms):");
    foreach (var (sql, ms, plan) in HandWrittenSql.Timings.OrderByDescending(t => t.Ms))
    {
        var oneLine = string.Join(' ', sql.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Console.WriteLine($"  {SqlProfiler.Format(ms),8} ms  {(oneLine.Length > 160 ? oneLine[..160] + "…" : oneLine)}");
        Console.WriteLine($"              plan: {plan}");
    }

    HandWrittenSql.Timings = null;
}

return mismatches == 0 ? 0 : 1;

static object? Scalar(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return command.ExecuteScalar();
}

static IEnumerable<string> Rows(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    var rows = new List<string>();
    while (reader.Read())
    {
        rows.Add(reader.GetString(0));
    }

    return rows;
}

static string LoadAverage()
{
    try
    {
        return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "n/a";
    }
}

internal readonly record struct Stats(double Median, double P90, double Min, double Max)
{
    public static Stats Of(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q)
        {
            var index = q * (sorted.Length - 1);
            var lo = (int)Math.Floor(index);
            var hi = (int)Math.Ceiling(index);
            return sorted[lo] + ((sorted[hi] - sorted[lo]) * (index - lo));
        }

        return new Stats(At(0.5), At(0.9), sorted[0], sorted[^1]);
    }
}

/// <summary>Process peak resident set (VmHWM on Linux, which can be reset between phases).</summary>
internal static class Memory
{
    public static double PeakMegabytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        catch (IOException)
        {
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024;
    }

    /// <summary>Linux: writing 5 to clear_refs resets the peak to the current resident set.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>Checks that engine and hand-written SQL agree on every figure and prints the main ones.</summary>
internal static class Compare
{
    public static int Print(IReadOnlyList<IndicatorResult> engine, IReadOnlyList<IndicatorResult> hand, TextWriter output)
    {
        var mismatches = 0;
        output.WriteLine();
        output.WriteLine($"{"code",-5} {"indicator",-44} {"value",14} {"last month",14} {"numerator/denominator",28}  counties (博乐 | 阿拉山口 | 精河 | 温泉)");
        // The engine also lists a 州直 row (records kept at prefecture level); the hand SQL has counties only.
        static List<BreakdownRow> Counties(IndicatorResult r) => r.Breakdown.Where(row => row.DivisionCode != r.DivisionCode).ToList();
        foreach (var (a, b) in engine.Zip(hand))
        {
            var same = a.Definition.Code == b.Definition.Code && Same(a.Current, b.Current) && Same(a.Previous, b.Previous)
                && Counties(a).Count == Counties(b).Count
                && Counties(a).Zip(Counties(b)).All(p => p.First.DivisionCode == p.Second.DivisionCode && Same(p.First.Value, p.Second.Value));
            var parts = a.Current.Numerator is { } n ? $"{n:0.##}/{a.Current.Denominator:0.##}" : string.Empty;
            output.WriteLine($"{a.Definition.Code,-5} {Truncate(a.Definition.NameEn, 44),-44} {a.Current.Value,14:#,0.##} {a.Previous.Value,14:#,0.##} {parts,28}  " +
                string.Join(" | ", a.Breakdown.Select(r => r.Value.Value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—")) +
                (same ? string.Empty : "   <-- MISMATCH"));
            if (!same)
            {
                mismatches++;
                output.WriteLine($"      hand SQL: {b.Current.Value} ({b.Current.Numerator}/{b.Current.Denominator}), last month {b.Previous.Value}, counties " +
                    string.Join(" | ", b.Breakdown.Select(r => r.Value.Value)));
            }
        }

        output.WriteLine(mismatches == 0
            ? "Engine and hand-written SQL agree on every figure (value, last month, numerator, denominator, each county)."
            : $"{mismatches} indicators DIFFER between engine and hand-written SQL.");
        return mismatches;
    }

    private static bool Same(IndicatorValue x, IndicatorValue y) =>
        x.Value == y.Value && x.Numerator == y.Numerator && x.Denominator == y.Denominator;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
