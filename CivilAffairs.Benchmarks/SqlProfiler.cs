using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Records the commands EF sends during one computation, then re-runs each on its own: its time
/// (reading every row) and SQLite's query plan. The recorder is only attached in profiling runs.
/// </summary>
internal sealed class SqlProfiler : DbCommandInterceptor
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _commands = [];

    public bool Recording { get; set; }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (Recording)
        {
            _commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
        }
    }

    public void Report(SqliteConnection connection, TextWriter output)
    {
        var rows = new List<(double Ms, int Index, string Sql, string Plan, string Parameters)>();
        for (var i = 0; i < _commands.Count; i++)
        {
            var (sql, parameters) = _commands[i];
            var plan = string.Join(" | ", Query(connection, "EXPLAIN QUERY PLAN " + sql, parameters).Select(r => r[3]));
            var times = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                _ = Query(connection, sql, parameters).Count;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            rows.Add((times[1], i + 1, sql, plan, string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}"))));
        }

        output.WriteLine($"EF commands of one computation: {rows.Count}, {rows.Sum(r => r.Ms):F1} ms when run one by one (median of 3 each)");
        foreach (var row in rows.OrderByDescending(r => r.Ms))
        {
            output.WriteLine();
            output.WriteLine($"#{row.Index}  {row.Ms:F1} ms   [{row.Parameters}]");
            output.WriteLine("  plan: " + row.Plan);
            output.WriteLine("  " + row.Sql.ReplaceLineEndings("\n  "));
        }
    }

    private static List<object[]> Query(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<object[]>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }

    public static string Format(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
