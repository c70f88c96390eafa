using System.Linq.Expressions;
using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Common;

/// <summary>
/// What every record list and form needs, once: a short-lived context per operation, server-side
/// paging with a whitelist of sort columns, load-in-scope-or-fail, optimistic concurrency and delete.
/// Scope and write rules are enforced below this, by the context (query filter, write guard).
/// </summary>
public abstract class RecordService<TEntity>(IDbContextFactory<CivilAffairsDbContext> factory)
    where TEntity : Entity
{
    /// <summary>Shown when a record is missing or outside the user's scope (the two look the same).</summary>
    protected virtual string NotFoundMessage => "该记录不存在，或不在您的管辖范围内。";

    protected IDbContextFactory<CivilAffairsDbContext> Factory => factory;

    /// <summary>Sort columns a grid may ask for, by name; anything else falls back to newest first.</summary>
    protected abstract IReadOnlyDictionary<string, Expression<Func<TEntity, object?>>> SortColumns { get; }

    protected async Task<PagedResult<TRow>> PageAsync<TRow>(
        Func<CivilAffairsDbContext, IQueryable<TEntity>> query, PageRequest page, Expression<Func<TEntity, TRow>> map, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var filtered = query(db).AsNoTracking();
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await Sort(filtered, page.SortBy, page.Descending).Skip(page.Skip).Take(page.Size).Select(map).ToListAsync(cancellationToken);
        return new PagedResult<TRow>(rows, total);
    }

    /// <summary>Every row of the filter, sorted like the grid, streamed (for exports).</summary>
    protected async IAsyncEnumerable<TRow> StreamAsync<TRow>(
        Func<CivilAffairsDbContext, IQueryable<TEntity>> query, string? sortBy, bool descending, Expression<Func<TEntity, TRow>> map,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await foreach (var row in Sort(query(db).AsNoTracking(), sortBy, descending).Select(map).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    protected IQueryable<TEntity> Sort(IQueryable<TEntity> query, string? sortBy, bool descending)
    {
        if (sortBy is null || !SortColumns.TryGetValue(sortBy, out var key))
        {
            return query.OrderByDescending(e => e.Id);
        }

        return (descending ? query.OrderByDescending(key) : query.OrderBy(key)).ThenBy(e => e.Id);
    }

    /// <summary>Creates (id 0) or updates a record: loads it inside the scope, checks the version the form was loaded with, applies and saves.</summary>
    protected async Task<int> SaveAsync(int id, Guid version, Func<TEntity> create, Func<CivilAffairsDbContext, TEntity, Task> apply, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        TEntity entity;
        if (id == 0)
        {
            entity = create();
            await apply(db, entity);
            db.Add(entity);
        }
        else
        {
            entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException(NotFoundMessage);
            db.Entry(entity).Property(e => e.Version).OriginalValue = version;
            await apply(db, entity);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entity.Id;
    }

    public async Task DeleteAsync(int id, Guid version, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var entity = await db.Set<TEntity>().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException(NotFoundMessage);
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        db.Remove(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException("该记录仍被其他记录引用，不能删除。", ex);
        }
    }

    /// <summary>The division must exist and lie inside the user's scope (the write guard would refuse later, less clearly).</summary>
    protected static void RequireDivision(CivilAffairsDbContext db, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || Divisions.DivisionCatalog.Find(code) is null)
        {
            throw new DomainException("请选择有效的行政区划。");
        }

        if (!db.CurrentUser.Scope.Contains(code))
        {
            throw new AccessDeniedException($"所选行政区划不在您的管辖范围（{db.CurrentUser.Scope.Name}）内。");
        }
    }

    /// <summary>Records in a division and everything below it.</summary>
    protected static IQueryable<T> InDivision<T>(IQueryable<T> query, string? divisionCode)
        where T : IDivisionScoped
    {
        if (string.IsNullOrWhiteSpace(divisionCode) || Divisions.DivisionCatalog.Find(divisionCode) is null)
        {
            return query;
        }

        var prefix = Security.DivisionScope.For(divisionCode).Prefix;
        return query.Where(e => e.DivisionCode.StartsWith(prefix));
    }
}
