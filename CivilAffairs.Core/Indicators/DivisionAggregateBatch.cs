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
/// so the scope query filter applies to each of them. Records count under the divisions of the
/// register (the Divisions table), which every record's code references (foreign keys or checks on write).
/// </summary>
internal static class DivisionAggregateBatch
{
    /// <summary>Columns per statement: keeps statements and their parameter lists well inside every provider's limits.</summary>
    public const int MaxColumns = 64;

    /// <summary>
    /// For each (aggregate, window), the value per division code (every division under
    /// <paramref name="prefix"/>, zero when it has no rows). The windows of one aggregate are read as
    /// the parts its plan splits them into (see <see cref="WindowColumn{T}"/>), each part once.
    /// </summary>
    public static async Task<IReadOnlyList<Dictionary<string, decimal>>> ReadAsync(
        CivilAffairsDbContext db, string prefix, IReadOnlyList<(DivisionAggregate Aggregate, DateWindow Window)> requests, CancellationToken cancellationToken)
    {
        var parts = new List<Func<CivilAffairsDbContext, Expression, AggregateColumn>>();
        var partsOfRequest = new int[requests.Count][];
        foreach (var group in requests.Select((r, i) => (r.Aggregate, r.Window, Index: i)).GroupBy(r => r.Aggregate))
        {
            var asked = group.ToList();
            var plan = group.Key.Plan([.. asked.Select(r => r.Window)]);
            var offset = parts.Count;
            parts.AddRange(plan.Parts);
            for (var i = 0; i < asked.Count; i++)
            {
                partsOfRequest[asked[i].Index] = [.. plan.PartsOfWindow[i].Select(p => p + offset)];
            }
        }

        var columns = new List<Dictionary<string, decimal>>(parts.Count);
        foreach (var chunk in parts.Chunk(MaxColumns))
        {
            columns.AddRange(await ReadChunkAsync(db, prefix, chunk, cancellationToken));
        }

        return [.. partsOfRequest.Select(ofRequest => ofRequest.Length == 1
            ? columns[ofRequest[0]]
            : columns[ofRequest[0]].Keys.ToDictionary(code => code, code => ofRequest.Sum(p => columns[p][code])))];
    }

    /// <summary>The statements <see cref="ReadAsync"/> sends for these requests (to inspect a provider's SQL).</summary>
    internal static IEnumerable<string> Statements(
        CivilAffairsDbContext db, string prefix, IReadOnlyList<(DivisionAggregate Aggregate, DateWindow Window)> requests) =>
        requests.GroupBy(r => r.Aggregate).SelectMany(g => g.Key.Plan([.. g.Select(r => r.Window)]).Parts)
            .Chunk(MaxColumns).Select(chunk => Query(db, prefix, chunk).Query.ToQueryString());

    private static async Task<List<Dictionary<string, decimal>>> ReadChunkAsync(
        CivilAffairsDbContext db, string prefix, IReadOnlyList<Func<CivilAffairsDbContext, Expression, AggregateColumn>> parts, CancellationToken cancellationToken)
    {
        var (query, places) = Query(db, prefix, parts);
        var rows = await query.ToListAsync(cancellationToken);
        var results = new List<Dictionary<string, decimal>>(places.Count);
        foreach (var (isWhole, index, divisor) in places)
        {
            results.Add(rows.ToDictionary(r => r.Code, r => isWhole ? r.Whole[index] / divisor : r.Amounts[index]));
        }

        return results;
    }

    /// <summary>One row per division under <paramref name="prefix"/> with a column per part; where each part's value is found.</summary>
    private static (IQueryable<Row> Query, List<(bool IsWhole, int Index, decimal Divisor)> Places) Query(
        CivilAffairsDbContext db, string prefix, IReadOnlyList<Func<CivilAffairsDbContext, Expression, AggregateColumn>> parts)
    {
        var division = Expression.Parameter(typeof(Division), "d");
        var code = Expression.Property(division, nameof(Division.Code));
        var whole = new List<Expression>();
        var amounts = new List<Expression>();
        var places = new List<(bool IsWhole, int Index, decimal Divisor)>(parts.Count);
        foreach (var column in parts.Select(part => part(db, code)))
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
        return (db.Divisions.Where(d => d.Code.StartsWith(prefix)).Select(selector), places);
    }

    private sealed class Row
    {
        public string Code { get; init; } = string.Empty;

        public long[] Whole { get; init; } = [];

        public decimal[] Amounts { get; init; } = [];
    }
}
