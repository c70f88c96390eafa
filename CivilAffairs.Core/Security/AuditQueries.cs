using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Security;

public sealed record AuditFilter(
    string? UserName = null,
    string? EntityType = null,
    string? EntityKey = null,
    DateOnly? From = null,
    DateOnly? To = null,
    AuditAction? Action = null);

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string UserName, AuditAction Action, string EntityType, string? EntityKey, string? ChangesJson, string? Detail)
{
    public IReadOnlyList<AuditChange> Changes => new AuditEntry { ChangesJson = ChangesJson }.Changes;
}

/// <summary>
/// Reads the audit trail. The full log is for administrators; a record's own history is shown to
/// anyone who can see that record (the caller checks that first).
/// </summary>
public sealed class AuditQueries(IDbContextFactory<CivilAffairsDbContext> factory, ICurrentUser currentUser)
{
    public async Task<PagedResult<AuditRow>> SearchAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        RequireAdministrator();
        await using var db = factory.CreateDbContext();
        var query = Filter(db.AuditEntries.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);
        var ordered = page.SortBy switch
        {
            nameof(AuditRow.UserName) => page.Descending ? query.OrderByDescending(a => a.UserName).ThenByDescending(a => a.Id) : query.OrderBy(a => a.UserName).ThenByDescending(a => a.Id),
            nameof(AuditRow.EntityType) => page.Descending ? query.OrderByDescending(a => a.EntityType).ThenByDescending(a => a.Id) : query.OrderBy(a => a.EntityType).ThenByDescending(a => a.Id),
            nameof(AuditRow.Id) or nameof(AuditRow.OccurredAt) when !page.Descending => query.OrderBy(a => a.Id),
            _ => query.OrderByDescending(a => a.Id),
        };
        var rows = await ordered.Skip(page.Skip).Take(page.Size).Select(ToRow).ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(rows, total);
    }

    /// <summary>Every row matching the filter, newest first, for export.</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RequireAdministrator();
        await using var db = factory.CreateDbContext();
        await foreach (var row in Filter(db.AuditEntries.AsNoTracking(), filter).OrderByDescending(a => a.Id).Select(ToRow).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The change history of one record, newest first; empty unless the current user can see the
    /// record itself (the scope filter decides, as for the record).
    /// </summary>
    public async Task<IReadOnlyList<AuditRow>> HistoryAsync<TEntity>(int id, CancellationToken cancellationToken = default)
        where TEntity : Entity
    {
        await using var db = factory.CreateDbContext();
        if (!await db.Set<TEntity>().AnyAsync(e => e.Id == id, cancellationToken))
        {
            return [];
        }

        var entityType = typeof(TEntity).Name;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderByDescending(a => a.Id)
            .Take(200)
            .Select(ToRow)
            .ToListAsync(cancellationToken);
        return currentUser.User.CanSeeFullIdNumbers ? rows : rows.ConvertAll(MaskIdNumbers);
    }

    /// <summary>
    /// Old and new ID numbers in a change are masked like everywhere else for roles that may not see
    /// them; so are numbers that begin with one (a disability certificate is the ID number + 2 digits).
    /// </summary>
    private static AuditRow MaskIdNumbers(AuditRow row)
    {
        var changes = row.Changes;
        if (!changes.Any(c => IdNumberFields.Contains(c.Field)))
        {
            return row;
        }

        var masked = changes.Select(c => IdNumberFields.Contains(c.Field) ? c with { Old = Mask(c.Old), New = Mask(c.New) } : c);
        return row with { ChangesJson = System.Text.Json.JsonSerializer.Serialize(masked) };
    }

    private static string? Mask(string? value) => value is { Length: >= 18 } ? ResidentId.Mask(value[..18]) + value[18..] : value;

    /// <summary>Fields that hold a resident ID number (or start with one).</summary>
    private static readonly HashSet<string> IdNumberFields = [nameof(People.Person.IdNumber), "CertificateNumber"];

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        RequireAdministrator();
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    private void RequireAdministrator()
    {
        if (!currentUser.User.IsInRole(Roles.Administrator))
        {
            throw new AccessDeniedException("只有系统管理员可以查看审计日志。");
        }
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> query, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var user = filter.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
        {
            query = query.Where(a => a.EntityKey == filter.EntityKey.Trim());
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        // Dates are China dates; the log is kept in UTC.
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            query = query.Where(a => a.OccurredAt < end);
        }

        return query;
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditRow>> ToRow = a =>
        new AuditRow(a.Id, a.OccurredAt, a.UserName, a.Action, a.EntityType, a.EntityKey, a.ChangesJson, a.Detail);
}
