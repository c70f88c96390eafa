using CivilAffairs.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Security;

/// <summary>Records sign-in events (success, failure, lockout, sign-out) in the audit trail.</summary>
public sealed class SignInAudit(IDbContextFactory<CivilAffairsDbContext> factory, TimeProvider clock)
{
    public async Task RecordAsync(AuditAction action, string userName, string? detail, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserName = Truncate(string.IsNullOrWhiteSpace(userName) ? "(空)" : userName.Trim(), 256)!,
            Action = action,
            EntityType = "Account",
            EntityKey = Truncate(userName?.Trim(), AuditEntry.KeyMaxLength),
            Detail = Truncate(detail, 500),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
