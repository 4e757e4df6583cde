using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace DisclosurePortal.Tools.Generator;

/// <summary>Writes rows of a <see cref="BulkTable"/> inside the load's one transaction, by each database's fastest path.</summary>
internal interface IBulkWriter : IDisposable
{
    void Write(BulkTable table, IReadOnlyList<object?[]> rows);

    /// <summary>After the load: moves identity sequences past the ids the rows carried.</summary>
    Task FinishAsync(CancellationToken ct);
}

/// <summary>
/// SQLite: one prepared INSERT per table, reused for every row with only its parameter values changed (no SQL parsed
/// twice), all inside the caller's transaction.
/// </summary>
internal sealed class SqliteBulkWriter(SqliteConnection connection, SqliteTransaction transaction) : IBulkWriter
{
    private readonly Dictionary<BulkTable, SqliteCommand> _commands = [];

    public void Write(BulkTable table, IReadOnlyList<object?[]> rows)
    {
        var command = Command(table);
        var parameters = command.Parameters;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    // SQLite AUTOINCREMENT remembers the largest id inserted (sqlite_sequence), explicit ones included.
    public Task FinishAsync(CancellationToken ct) => Task.CompletedTask;

    private SqliteCommand Command(BulkTable table)
    {
        if (_commands.TryGetValue(table, out var command)) return command;
        command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", table.Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values})";
        for (var i = 0; i < table.Columns.Count; i++)
            command.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        command.Prepare();
        return _commands[table] = command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}

/// <summary>
/// PostgreSQL: binary COPY (Npgsql's BeginBinaryImport), one COPY per table per chunk of rows, in the caller's
/// transaction. A connection runs one COPY at a time, which is why rows arrive in chunks grouped by table.
/// </summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection) : IBulkWriter
{
    private readonly HashSet<BulkTable> _written = [];

    public void Write(BulkTable table, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0) return;
        _written.Add(table);
        var names = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var types = table.Columns.Select(c => TypeOf(c.Type)).ToArray();
        using var importer = connection.BeginBinaryImport($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) importer.WriteNull();
                else importer.Write(row[i], types[i]);
            }
        }
        importer.Complete();
    }

    public async Task FinishAsync(CancellationToken ct)
    {
        foreach (var table in _written.Where(t => t.HasIdentity))
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table.Name}\"))";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlDbType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Int => NpgsqlDbType.Integer,
        ColumnType.Long => NpgsqlDbType.Bigint,
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.Bool => NpgsqlDbType.Boolean,
        ColumnType.Date => NpgsqlDbType.Date,
        ColumnType.Instant => NpgsqlDbType.TimestampTz,
        ColumnType.Money => NpgsqlDbType.Numeric,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public void Dispose() { }
}

internal static class BulkWriter
{
    public static IBulkWriter For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite, (SqliteTransaction)transaction),
        NpgsqlConnection postgres => new PostgresBulkWriter(postgres),
        _ => throw new InvalidOperationException($"No bulk path for {connection.GetType().Name}."),
    };
}
