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

    /// <summary>
    /// Buffered multi-row inserts (many rows per statement, far fewer round trips than one row each) for rows
    /// whose ids are not needed; <see cref="Rows.Flush"/> (or disposing) writes the rest.
    /// </summary>
    public Rows PrepareRows(IDbContextTransaction transaction, string table, params string[] columns) => new(this, transaction, table, columns);

    public sealed class Rows : IDisposable
    {
        private readonly BulkLoader _loader;
        private readonly IDbContextTransaction _transaction;
        private readonly string _table;
        private readonly string[] _columns;
        private readonly int _perStatement;
        private readonly List<object?> _buffer = [];
        private DbCommand? _full;

        internal Rows(BulkLoader loader, IDbContextTransaction transaction, string table, string[] columns)
        {
            (_loader, _transaction, _table, _columns) = (loader, transaction, table, columns);
            // SQL Server takes at most 2,100 parameters a statement. SQLite finds each named parameter by a linear search
            // of the statement's parameters (binding costs the square of their number): about 240 a statement there.
            _perStatement = Math.Max(1, Math.Min(200, (loader._sqlite ? 240 : 2000) / columns.Length));
        }

        public void Add(params object?[] values)
        {
            _buffer.AddRange(values);
            if (_buffer.Count == _perStatement * _columns.Length)
            {
                _full ??= Command(_perStatement);
                Write(_full);
            }
        }

        public void Flush()
        {
            if (_buffer.Count > 0)
            {
                using var rest = Command(_buffer.Count / _columns.Length);
                Write(rest);
            }
        }

        public void Dispose()
        {
            Flush();
            _full?.Dispose();
        }

        private void Write(DbCommand command)
        {
            _loader.Bind(command, _buffer);
            command.ExecuteNonQuery();
            _buffer.Clear();
        }

        private DbCommand Command(int rows)
        {
            var rowsSql = Enumerable.Range(0, rows).Select(r =>
                "(" + string.Join(", ", _columns.Select((_, c) => "@p" + ((r * _columns.Length) + c).ToString(CultureInfo.InvariantCulture))) + ")");
            return _loader.PrepareSql(_transaction, $"INSERT INTO [{_table}] ({string.Join(", ", _columns.Select(c => $"[{c}]"))}) VALUES {string.Join(", ", rowsSql)}", rows * _columns.Length);
        }
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

    private void Bind(DbCommand command, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < values.Count; i++)
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
