using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Security;

/// <summary>Records events that change no record: sign-in success, failure, lockout, sign-out, and exports.</summary>
public sealed class SignInAudit(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
{
    public Task RecordAsync(AuditAction action, string userName, string? detail, CancellationToken cancellationToken = default) =>
        RecordAsync(action, userName, "Account", userName, detail, cancellationToken);

    public async Task RecordAsync(AuditAction action, string userName, string entityType, string? key, string? detail, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserName = Truncate(string.IsNullOrWhiteSpace(userName) ? "(空)" : userName.Trim(), 256)!,
            Action = action,
            EntityType = entityType,
            EntityKey = Truncate(key?.Trim(), AuditEntry.KeyMaxLength),
            Detail = Truncate(detail, 500),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
