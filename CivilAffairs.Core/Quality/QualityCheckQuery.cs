using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Quality;

/// <summary>
/// What a check runs on: a context that carries the user's division scope (its query filters apply),
/// the month, and the prefix of the division chosen inside the scope ("" for the whole scope).
/// </summary>
public sealed record QualityContext(CivilAffairsDbContext Db, Period Period, string DivisionCode, string Prefix, UserContext User)
{
    public int Key => Period.Key;

    public DateOnly Start => Period.Start;

    public DateOnly End => Period.End;
}

/// <summary>One check: counts its findings and lists a page of them.</summary>
public interface IQualityCheckQuery
{
    QualityCheck Check { get; }

    Task<int> CountAsync(QualityContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<QualityFinding>> ListAsync(QualityContext context, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>
/// A check that is a query in the database: the parts are counted and paged there (one or two ordered
/// queries read one after the other), and only the rows of the page are turned into findings.
/// </summary>
public abstract class DatabaseCheck<TRow> : IQualityCheckQuery
{
    public abstract QualityCheck Check { get; }

    /// <summary>The ordered queries whose rows are findings.</summary>
    protected abstract IReadOnlyList<IQueryable<TRow>> Parts(QualityContext context);

    protected abstract QualityFinding ToFinding(TRow row, QualityContext context);

    public async Task<int> CountAsync(QualityContext context, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var part in Parts(context))
        {
            total += await part.CountAsync(cancellationToken);
        }

        return total;
    }

    public async Task<IReadOnlyList<QualityFinding>> ListAsync(QualityContext context, int skip, int take, CancellationToken cancellationToken)
    {
        var result = new List<QualityFinding>();
        foreach (var part in Parts(context))
        {
            if (take <= 0)
            {
                break;
            }

            var count = await part.CountAsync(cancellationToken);
            if (skip >= count)
            {
                skip -= count;
                continue;
            }

            var rows = await part.Skip(skip).Take(take).ToListAsync(cancellationToken);
            result.AddRange(rows.Select(r => ToFinding(r, context)));
            take -= rows.Count;
            skip = 0;
        }

        return result;
    }
}

/// <summary>A check whose findings are gathered by other services (already filtered in the database) and paged in memory.</summary>
public abstract class ListCheck : IQualityCheckQuery
{
    public abstract QualityCheck Check { get; }

    protected abstract Task<IReadOnlyList<QualityFinding>> FindAllAsync(QualityContext context, CancellationToken cancellationToken);

    public async Task<int> CountAsync(QualityContext context, CancellationToken cancellationToken) => (await FindAllAsync(context, cancellationToken)).Count;

    public async Task<IReadOnlyList<QualityFinding>> ListAsync(QualityContext context, int skip, int take, CancellationToken cancellationToken) =>
        [.. (await FindAllAsync(context, cancellationToken)).Skip(skip).Take(take)];
}
