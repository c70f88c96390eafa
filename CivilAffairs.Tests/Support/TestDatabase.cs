using CivilAffairs.Core.Common;
using CivilAffairs.Core.Data;
using CivilAffairs.Core.Divisions;
using CivilAffairs.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivilAffairs.Tests.Support;

/// <summary>
/// A real SQLite database in memory, migrated with the production migrations and seeded with the
/// divisions. The acting user can be switched between operations with <see cref="ActAs"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<CivilAffairsDbContext>, ICurrentUser
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<SqliteCivilAffairsDbContext> _options;

    private TestDatabase(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        Clock = clock;
        Interceptor = new AuditingInterceptor(clock);
        _options = new DbContextOptionsBuilder<SqliteCivilAffairsDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(Interceptor)
            .Options;
    }

    public UserContext User { get; private set; } = UserContext.System;

    public TimeProvider Clock { get; }

    public AuditingInterceptor Interceptor { get; }

    public static async Task<TestDatabase> CreateAsync(TimeProvider? clock = null)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new TestDatabase(connection, clock ?? TimeProvider.System);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Divisions.AddRange(DivisionCatalog.All.OrderBy(d => d.Level).Select(d => new Division(d.Code, d.Name, d.ParentCode, d.Kind)));
        await db.SaveChangesAsync();
        return database;
    }

    public TestDatabase ActAs(UserContext user)
    {
        User = user;
        return this;
    }

    public CivilAffairsDbContext CreateDbContext() => new SqliteCivilAffairsDbContext(_options, this);

    /// <summary>A context acting as someone other than the current user, e.g. a second clerk.</summary>
    public CivilAffairsDbContext CreateDbContext(UserContext user) => new SqliteCivilAffairsDbContext(_options, new FixedCurrentUser(user));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>Users of the tests, each with the scope the demo users have.</summary>
public static class TestUsers
{
    public static UserContext Jinghe { get; } = Staff("u-jinghe", "jinghe", "652722");

    public static UserContext Wenquan { get; } = Staff("u-wenquan", "wenquan", "652723");

    public static UserContext JingheTown { get; } = Staff("u-jinghe-town", "jinghetown", "652722100");

    public static UserContext Elderly { get; } = new("u-elderly", "elderly", "养老服务科", Roles.Staff, DivisionScope.Prefecture, new HashSet<ServiceLine> { ServiceLine.ElderlyCare });

    public static UserContext Leader { get; } = new("u-leader", "leader", "局领导", Roles.Leader, DivisionScope.Prefecture, new HashSet<ServiceLine>());

    public static UserContext Statistician { get; } = new("u-stat", "stat", "统计人员", Roles.Statistician, DivisionScope.Prefecture, new HashSet<ServiceLine>());

    public static UserContext Admin { get; } = new("u-admin", "admin", "系统管理员", Roles.Administrator, DivisionScope.Prefecture, new HashSet<ServiceLine>(ServiceLines.All));

    private static UserContext Staff(string id, string name, string division) =>
        new(id, name, name, Roles.Staff, DivisionScope.For(division), new HashSet<ServiceLine>(ServiceLines.All));
}

/// <summary>Valid resident ID numbers for tests, built with the real check character.</summary>
public static class TestIds
{
    public static string For(string region, DateOnly birth, int sequence)
    {
        var first17 = $"{region}{birth:yyyyMMdd}{sequence:000}";
        return first17 + ResidentId.CheckCharacter(first17);
    }

    public static readonly DateOnly Today = new(2026, 11, 28);
}

/// <summary>A clock fixed at a given instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
