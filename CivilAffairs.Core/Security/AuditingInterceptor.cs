using System.Globalization;
using System.Text.Json;
using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Reporting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilAffairs.Core.Security;

/// <summary>
/// Enforces the write rules (division scope, read-only roles), stamps concurrency tokens and writes
/// the audit trail in the same transaction as the change. Audit rows are built after the save so
/// that generated keys are known; when the caller has no transaction, one is opened here so the
/// change and its audit rows commit together.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Identity bookkeeping columns that change on every sign-in; not worth an audit row.</summary>
    private static readonly HashSet<string> IgnoredFields =
    [
        nameof(Entity.Version), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.SecurityStamp),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.NormalizedUserName),
        nameof(AppUser.NormalizedEmail),
    ];

    private static readonly HashSet<string> SecretFields = [nameof(AppUser.PasswordHash)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CivilAffairsDbContext db && db.PendingAudit is not { Writing: true })
        {
            db.AbandonPendingAudit();
            db.ChangeTracker.DetectChanges();
            if (db.ChangeTracker.HasChanges())
            {
                var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
                Begin(db, owned);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CivilAffairsDbContext db && db.PendingAudit is not { Writing: true })
        {
            db.AbandonPendingAudit();
            db.ChangeTracker.DetectChanges();
            if (db.ChangeTracker.HasChanges())
            {
                var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                Begin(db, owned);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is CivilAffairsDbContext { PendingAudit: { Writing: false } pending } db)
        {
            pending.Writing = true;
            try
            {
                db.Set<AuditEntry>().AddRange(pending.Build());
                db.SaveChanges();
                pending.OwnedTransaction?.Commit();
            }
            finally
            {
                pending.Writing = false;
                db.AbandonPendingAudit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CivilAffairsDbContext { PendingAudit: { Writing: false } pending } db)
        {
            pending.Writing = true;
            try
            {
                db.Set<AuditEntry>().AddRange(pending.Build());
                await db.SaveChangesAsync(cancellationToken);
                if (pending.OwnedTransaction is not null)
                {
                    await pending.OwnedTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                pending.Writing = false;
                db.AbandonPendingAudit();
            }
        }

        return result;
    }

    // Failures, concurrency conflicts (for which EF raises no SaveChangesFailed) and cancellations
    // are all cleaned up by CivilAffairsDbContext.SaveChanges, which sees every way out of a save.

    // The transaction is open before the checks run: the month-lock query then sees every submission
    // committed before this save, and a submission in progress makes this save wait (SQLite takes its
    // write lock at BEGIN IMMEDIATE), so nothing slips into a month while it is being submitted.
    private void Begin(CivilAffairsDbContext db, IDbContextTransaction? owned)
    {
        try
        {
            var pending = Prepare(db);
            pending.OwnedTransaction = owned;
            db.PendingAudit = pending;
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    private PendingAudit Prepare(CivilAffairsDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var user = db.CurrentUser;
        var now = clock.GetUtcNow();
        var items = new List<PendingItem>();
        var entries = db.ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("Audit entries are never updated or deleted.");
                }

                continue;
            }

            LengthGuard.Check(entry);
            if (entry.Entity is Entity entity)
            {
                WriteGuard.Check(user, entry);
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    entity.Version = Guid.NewGuid();
                }
            }

            if (!IsAudited(entry.Entity))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changes = action == AuditAction.Insert ? null : Changes(entry, action);
            if (action == AuditAction.Update && changes!.Count == 0)
            {
                continue;
            }

            items.Add(new PendingItem(entry, action, changes, KeyOf(entry)));
        }

        // After the access checks, so that a user without rights learns nothing about locked months.
        PeriodLockGuard.Check(db, entries);
        return new PendingAudit(items, user.UserName, now);
    }

    private static bool IsAudited(object entity) => entity is Entity or AppUser or IdentityUserRole<string> or IdentityRole;

    private static string EntityName(EntityEntry entry) => entry.Entity switch
    {
        IdentityUserRole<string> => "UserRole",
        _ => entry.Metadata.ClrType.Name,
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        return string.Join(",", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static List<AuditChange> Changes(EntityEntry entry, AuditAction action)
    {
        var list = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredFields.Contains(name))
            {
                continue;
            }

            var secret = SecretFields.Contains(name);
            switch (action)
            {
                case AuditAction.Insert when property.CurrentValue is not null:
                    list.Add(new AuditChange(name, null, secret ? "***" : Format(property.CurrentValue)));
                    break;
                case AuditAction.Delete when property.OriginalValue is not null:
                    list.Add(new AuditChange(name, secret ? "***" : Format(property.OriginalValue), null));
                    break;
                case AuditAction.Update when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    list.Add(secret
                        ? new AuditChange(name, "***", "***（已修改）")
                        : new AuditChange(name, Format(property.OriginalValue), Format(property.CurrentValue)));
                    break;
            }
        }

        return list;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    internal sealed record PendingItem(EntityEntry Entry, AuditAction Action, List<AuditChange>? Changes, string? KeyBefore);

    internal sealed class PendingAudit(List<PendingItem> items, string userName, DateTimeOffset at)
    {
        public IDbContextTransaction? OwnedTransaction { get; set; }

        public bool Writing { get; set; }

        public IEnumerable<AuditEntry> Build() => items.Select(item => new AuditEntry
        {
            OccurredAt = at,
            UserName = userName,
            Action = item.Action,
            EntityType = EntityName(item.Entry),
            // Generated keys are only known after the save.
            EntityKey = item.Action == AuditAction.Insert ? KeyOf(item.Entry) : item.KeyBefore,
            ChangesJson = JsonSerializer.Serialize(item.Changes ?? Changes(item.Entry, AuditAction.Insert), JsonOptions),
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
