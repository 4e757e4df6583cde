using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DisclosurePortal.Reliability.Tests.Support;

/// <summary>
/// A database of its own for one test (a SQLite data folder, or a new PostgreSQL database on DP_TEST_PG), the portal
/// settings that point at it, and plain SQL reads of what the portal stored: the check does not go through the app.
/// </summary>
public sealed class PortalDatabase : IDisposable
{
    private PortalDatabase(bool postgres, string folder, string? pgDatabase, string? server = null)
    {
        IsPostgres = postgres;
        Folder = folder;
        PgDatabase = pgDatabase;
        _server = server;
    }

    /// <summary>Set for a database someone else made (<see cref="Existing"/>): read only, never dropped here.</summary>
    private readonly string? _server;

    public bool IsPostgres { get; }

    /// <summary>The test's folder: the SQLite file (portal.db), data protection keys and attachments.</summary>
    public string Folder { get; }

    public string? PgDatabase { get; }

    public string SqliteFile => Path.Combine(Folder, "portal.db");

    public string ConnectionString => IsPostgres
        ? new NpgsqlConnectionStringBuilder(_server ?? PostgresServer) { Database = PgDatabase, Pooling = false }.ToString()
        : new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false }.ToString();

    public static PortalDatabase NewSqlite() => new(false, NewFolder(), null);

    /// <summary>
    /// A PostgreSQL database a portal already runs on (the cluster's of tests/cluster/run.sh): for reading what it
    /// stored; disposing it leaves it as it is.
    /// </summary>
    public static PortalDatabase Existing(string connectionString) =>
        new(true, "", new NpgsqlConnectionStringBuilder(connectionString).Database, connectionString);

    public static PortalDatabase NewPostgres(string purpose)
    {
        var name = $"durability_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        ExecuteOnServer($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0");
        return new PortalDatabase(true, NewFolder(), name);
    }

    /// <summary>The server the tests may create databases on (tests/run.sh starts one and sets DP_TEST_PG).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("DP_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("DP_TEST_PG is not set. Run the tests with tests/run.sh, which starts a throwaway PostgreSQL cluster and sets it.");

    /// <summary>What the portal needs on its command line to run on this database, keys and attachments kept in the folder.</summary>
    public IReadOnlyList<string> PortalSettings(bool demoData = false, int demoRecords = 30)
    {
        List<string> settings =
        [
            $"--Seed:DemoData={(demoData ? "true" : "false")}",
            $"--Seed:DemoRecords={demoRecords}",
            $"--DataProtection:KeysFolder={Path.Combine(Folder, "keys")}",
            $"--Storage:AttachmentsFolder={Path.Combine(Folder, "attachments")}",
            "--RateLimits:Apply:PermitLimit=1000000",
            "--RateLimits:Track:PermitLimit=1000000",
            "--RateLimits:Search:PermitLimit=1000000",
            "--RateLimits:Login:PermitLimit=1000000",
        ];
        if (IsPostgres)
        {
            settings.Add("--Database:Provider=PostgreSQL");
            settings.Add($"--ConnectionStrings:Portal={ConnectionString}");
        }
        else
        {
            settings.Add("--Database:Provider=Sqlite");
            settings.Add($"--Database:DataFolder={Folder}");
        }
        return settings;
    }

    /// <summary>
    /// What the installer does on a fresh install without demo data (issue 20): gives the site its particulars, so that
    /// the portal stops answering every request with its setup page. Called once the portal has migrated the database.
    /// </summary>
    public async Task SetUpSiteAsync()
    {
        await using var db = DisclosurePortal.Data.DatabaseSetup.CreateContext(
            IsPostgres ? DisclosurePortal.Data.DatabaseProvider.PostgreSQL : DisclosurePortal.Data.DatabaseProvider.Sqlite, ConnectionString);
        await DisclosurePortal.Data.Seed.DemoSiteIdentity.SeedAsync(db, TimeProvider.System);
    }

    public DbConnection Open()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The query codes of the application cases stored, each with the number of events it has.</summary>
    public Dictionary<string, int> StoredCases()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c."QueryCode", (SELECT COUNT(*) FROM "ApplicationEvents" e WHERE e."CaseId" = c."Id")
            FROM "ApplicationCases" c
            """;
        using var reader = command.ExecuteReader();
        var cases = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) cases[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return cases;
    }

    public string Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public static void ExecuteOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_server is not null) return;
        if (IsPostgres)
        {
            try
            {
                ExecuteOnServer($"DROP DATABASE IF EXISTS \"{PgDatabase}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // the throwaway cluster goes away with the run anyway
            }
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder; best effort
        }
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("dp-reliability-").FullName;
}
