using Microsoft.Data.Sqlite;
using Npgsql;

namespace DisclosurePortal.Web.Tests.Infrastructure;

public enum TestDb
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Real databases only: a fresh SQLite file, or a fresh database on the throwaway PostgreSQL of tests/run.sh. Whoever
/// makes one drops it when done (<see cref="Drop"/>: the factories, <see cref="OwnedDatabases"/>): a run makes
/// hundreds, which left behind filled a CI machine's disk (stop 35). Only the seeded templates stay, until tests/run.sh
/// throws the run's temporary folder and cluster away.
/// </summary>
public static class TestDatabases
{
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("DP_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "DP_TEST_PG is not set. Run the tests with tests/run.sh, which starts a throwaway PostgreSQL cluster and sets it.");

    public static string Create(TestDb db, string prefix) => db switch
    {
        TestDb.Sqlite => NewSqlite(prefix),
        TestDb.Postgres => NewPostgres(prefix),
        _ => throw new ArgumentOutOfRangeException(nameof(db)),
    };

    public static string NewSqlite(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dp-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{prefix}-{Guid.NewGuid():N}.db");
        return new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
    }

    public static string NewPostgres(string prefix, string template = "template0")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        OnServer($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template}\"");
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
    }

    /// <summary>
    /// Drops a test database made here: SQLite's file and its journals are deleted; PostgreSQL's database is dropped,
    /// any connection still on it ended.
    /// </summary>
    public static void Drop(TestDb db, string connectionString)
    {
        switch (db)
        {
            case TestDb.Sqlite:
                var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(file + suffix);
                break;
            case TestDb.Postgres:
                OnServer($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(db));
        }
    }

    /// <summary>A statement on the test server's own "postgres" database (creating and dropping the test databases).</summary>
    private static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The portal's provider for a test database.</summary>
    public static DatabaseProvider Provider(TestDb db) => db switch
    {
        TestDb.Sqlite => DatabaseProvider.Sqlite,
        TestDb.Postgres => DatabaseProvider.PostgreSQL,
        _ => throw new ArgumentOutOfRangeException(nameof(db)),
    };

    /// <summary>The <c>Database:Provider</c> setting for a test database.</summary>
    public static string ProviderName(TestDb db) => Provider(db).ToString();

    /// <summary>A context on a test database, outside any host.</summary>
    public static DisclosurePortal.Data.PortalDbContext Context(TestDb db, string connectionString) =>
        DatabaseSetup.CreateContext(Provider(db), connectionString);
}

/// <summary>The databases one test makes for itself, dropped when the test is done (the test class disposes it).</summary>
public sealed class OwnedDatabases(TestDb db) : IDisposable
{
    private readonly List<string> _made = [];

    public string Create(string prefix)
    {
        var connectionString = TestDatabases.Create(db, prefix);
        _made.Add(connectionString);
        return connectionString;
    }

    public void Dispose()
    {
        foreach (var connectionString in _made) TestDatabases.Drop(db, connectionString);
        _made.Clear();
    }
}
