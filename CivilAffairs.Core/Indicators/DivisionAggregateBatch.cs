using System.Linq.Expressions;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Indicators;

/// <summary>
/// Reads many per-division counts and sums in one statement:
/// <code>
/// SELECT d.Code, (SELECT COUNT(*) FROM CareFacilities f WHERE f.DivisionCode = d.Code AND …), (SELECT …), …
/// FROM Divisions d WHERE d.Code LIKE '6527%'
/// </code>
/// Each subquery is an index seek on the division code (every table of records has an index that
/// starts with it), so a measure costs the rows of its own divisions only, and SQLite neither sorts
/// nor runs a GROUP BY. Measured at Xinjiang scale this is several times faster than conditional
/// aggregates over one pass per table (SUM(CASE WHEN … THEN 1 ELSE 0 END) per measure), which SQLite
/// evaluates for every row and every measure. The subqueries read the tables through the context,
/// so the scope query filter applies to each of them.
/// </summary>
internal static class DivisionAggregateBatch
{
    /// <summary>Columns per statement: keeps statements and their parameter lists well inside every provider's limits.</summary>
    public const int MaxColumns = 64;

    /// <summary>For each column, the value per division code (every division under <paramref name="prefix"/>, zero when it has no rows).</summary>
    public static async Task<IReadOnlyList<Dictionary<string, decimal>>> ReadAsync(
        CivilAffairsDbContext db, string prefix, IReadOnlyList<(DivisionAggregate Aggregate, DateWindow Window)> columns, CancellationToken cancellationToken)
    {
        var results = new List<Dictionary<string, decimal>>(columns.Count);
        foreach (var chunk in columns.Chunk(MaxColumns))
        {
            results.AddRange(await ReadChunkAsync(db, prefix, chunk, cancellationToken));
        }

        return results;
    }

    private static async Task<List<Dictionary<string, decimal>>> ReadChunkAsync(
        CivilAffairsDbContext db, string prefix, IReadOnlyList<(DivisionAggregate Aggregate, DateWindow Window)> columns, CancellationToken cancellationToken)
    {
        var division = Expression.Parameter(typeof(Division), "d");
        var code = Expression.Property(division, nameof(Division.Code));
        var built = columns.Select(c => c.Aggregate.ForDivision(db, c.Window, code)).ToList();

        // Where each column is found: (index into Whole or Amounts, divisor for Whole).
        var whole = new List<Expression>();
        var amounts = new List<Expression>();
        var places = new List<(bool IsWhole, int Index, decimal Divisor)>(built.Count);
        foreach (var column in built)
        {
            var list = column.Value.Type == typeof(long) ? whole : amounts;
            places.Add((list == whole, list.Count, column.Divisor));
            list.Add(column.Value);
        }

        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Row).GetProperty(nameof(Row.Code))!, code) };
        if (whole.Count > 0)
        {
            bindings.Add(Expression.Bind(typeof(Row).GetProperty(nameof(Row.Whole))!, Expression.NewArrayInit(typeof(long), whole)));
        }

        if (amounts.Count > 0)
        {
            bindings.Add(Expression.Bind(typeof(Row).GetProperty(nameof(Row.Amounts))!, Expression.NewArrayInit(typeof(decimal), amounts)));
        }

        var selector = Expression.Lambda<Func<Division, Row>>(Expression.MemberInit(Expression.New(typeof(Row)), bindings), division);
        var rows = await db.Divisions.Where(d => d.Code.StartsWith(prefix)).Select(selector).ToListAsync(cancellationToken);

        var results = new List<Dictionary<string, decimal>>(built.Count);
        foreach (var (isWhole, index, divisor) in places)
        {
            results.Add(rows.ToDictionary(r => r.Code, r => isWhole ? r.Whole[index] / divisor : r.Amounts[index]));
        }

        return results;
    }

    private sealed class Row
    {
        public string Code { get; init; } = string.Empty;

        public long[] Whole { get; init; } = [];

        public decimal[] Amounts { get; init; } = [];
    }
}
