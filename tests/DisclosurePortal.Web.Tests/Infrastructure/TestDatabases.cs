using Microsoft.Data.Sqlite;
using Npgsql;

namespace DisclosurePortal.Web.Tests.Infrastructure;

public enum TestDb
{
    Sqlite,
    Postgres,
}

/// <summary>Real databases only: a fresh SQLite file, or a fresh database on the throwaway PostgreSQL of tests/run.sh.</summary>
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
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template}\"";
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
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
