using CivilAffairs.Core.Data;
using CivilAffairs.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivilAffairs.Benchmarks;

/// <summary>
/// Contexts on one open SQLite connection (as the tests' TestDatabase does), acting as a fixed user,
/// with the production audit interceptor. The hand-written SQL runs on the same connection, so both
/// sides share the SQLite page cache and the OS file cache.
/// </summary>
internal sealed class BenchDatabase(SqliteConnection connection, UserContext user, params IInterceptor[] extraInterceptors)
    : IDbContextFactory<CivilAffairsDbContext>, ICurrentUser
{
    private readonly DbContextOptions<SqliteCivilAffairsDbContext> _options = new DbContextOptionsBuilder<SqliteCivilAffairsDbContext>()
        .UseSqlite(connection)
        .AddInterceptors([new AuditingInterceptor(TimeProvider.System), .. extraInterceptors])
        .Options;

    /// <summary>局领导 with the prefecture as scope: reads every service line, edits nothing.</summary>
    public static UserContext PrefectureLeader { get; } =
        new("bench-leader", "leader", "局领导", Roles.Leader, DivisionScope.Prefecture, new HashSet<ServiceLine>());

    public UserContext User { get; } = user;

    public SqliteConnection Connection { get; } = connection;

    public CivilAffairsDbContext CreateDbContext() => new SqliteCivilAffairsDbContext(_options, this);
}
