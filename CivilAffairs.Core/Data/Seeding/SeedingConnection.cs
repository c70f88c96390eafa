using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// The demo seeding's connection on SQLite: kept open for the whole seeding, with a 128 MB page cache, temporary
/// tables in memory and no flush to disk at each commit; the defaults are restored before it is closed (pooled
/// connections keep their settings). Nothing on SQL Server.
/// </summary>
public static class SeedingConnection
{
    public static async Task OpenAsync(CivilAffairsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; PRAGMA synchronous = OFF;", cancellationToken);
        }
    }

    public static async Task CloseAsync(CivilAffairsDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL; PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;");
            await db.Database.CloseConnectionAsync();
        }
    }
}
