namespace CivilAffairs.Core.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default, embedded) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server; optional for SQLite (defaults to a file in <see cref="DataFolder"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the SQLite file; relative paths are under the app's content root. Default <c>App_Data</c>.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start. Default on; production DBAs may run the script instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load demo users and records. Null means: yes on SQLite, no on SQL Server.</summary>
    public bool? SeedDemoData { get; set; }

    public bool ShouldSeedDemoData => SeedDemoData ?? Provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// First administrator of a production database: created at start only while the database has
    /// no users at all. Remove the password from configuration after the first start.
    /// </summary>
    public string? InitialAdminUserName { get; set; }

    public string? InitialAdminPassword { get; set; }

    public const string SqliteFileName = "civilaffairs.db";
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
