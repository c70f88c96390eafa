using CivilAffairs.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivilAffairs.Core.Data;

// Used only by `dotnet ef` to build each provider's model; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCivilAffairsDbContext>
{
    public SqliteCivilAffairsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCivilAffairsDbContext>()
                .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(CivilAffairsDbContext).Assembly.FullName))
                .Options,
            FixedCurrentUser.System);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCivilAffairsDbContext>
{
    public SqlServerCivilAffairsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCivilAffairsDbContext>()
                .UseSqlServer("Server=(design-time);Database=CivilAffairs;Trusted_Connection=True", o => o.MigrationsAssembly(typeof(CivilAffairsDbContext).Assembly.FullName))
                .Options,
            FixedCurrentUser.System);
}
