using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivilAffairs.Core.Data.Seeding;

/// <summary>
/// Prepared parameterised inserts on the context's connection and transaction (works on both providers),
/// for the large demo registers: no change tracking, no audit rows. Demo seeding only.
/// </summary>
internal sealed class BulkLoader(CivilAffairsDbContext db, Random random, bool upperCaseGuids)
{
    // How the SQLite context stores DateTimeOffset (see SqliteCivilAffairsDbContext.ConfigureConventions).
    private static readonly DateTimeOffsetToBinaryConverter TimeConverter = new();

    private readonly bool _sqlite = db.Database.IsSqlite();

    /// <summary>A loader whose Guids are written as the context wrote those of <paramref name="sampleTable"/> (SQLite: text in EF's case).</summary>
    public static async Task<BulkLoader> ForAsync(CivilAffairsDbContext db, Random random, string sampleTable, CancellationToken cancellationToken)
    {
#pragma warning disable EF1002, EF1003 // the table name is one of the seeders' own constants
        var sample = await db.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM [" + sampleTable + "]").FirstAsync(cancellationToken);
#pragma warning restore EF1002, EF1003
        return new BulkLoader(db, random, sample == sample.ToUpperInvariant());
    }

    /// <summary>A prepared statement of any shape (e.g. INSERT … SELECT) with <paramref name="parameters"/> parameters @p0, @p1 …</summary>
    public DbCommand PrepareSql(IDbContextTransaction transaction, string sql, int parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a prepared statement; returns the rows it wrote.</summary>
    public int Execute(DbCommand command, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    public DbCommand Prepare(IDbContextTransaction transaction, string table, params string[] columns)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var names = columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var returning = _sqlite ? " RETURNING Id" : string.Empty;
        var output = _sqlite ? string.Empty : " OUTPUT INSERTED.Id";
        command.CommandText = $"INSERT INTO [{table}] ({string.Join(", ", columns.Select(c => $"[{c}]"))}){output} VALUES ({string.Join(", ", names)}){returning}";
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public void Insert(DbCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteScalar();
    }

    public long InsertReturningId(DbCommand command, params object?[] values)
    {
        Bind(command, values);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Deterministic, unlike Guid.NewGuid; stored as EF stores the concurrency token.</summary>
    public object NewVersion()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var guid = new Guid(bytes);
        if (!_sqlite)
        {
            return guid;
        }

        var text = guid.ToString("D");
        return upperCaseGuids ? text.ToUpperInvariant() : text;
    }

    private void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateOnly d when _sqlite => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                bool b when _sqlite => b ? 1 : 0,
                DateTimeOffset t when _sqlite => TimeConverter.ConvertToProvider(t),
                decimal m when _sqlite => m.ToString("0.0###", CultureInfo.InvariantCulture),
                var v => v,
            };
        }
    }
}
