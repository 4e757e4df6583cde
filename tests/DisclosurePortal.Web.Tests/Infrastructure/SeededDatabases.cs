using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>A portal's database and its attachments folder (the app keeps uploaded files outside the database).</summary>
public sealed record PortalDatabase(string ConnectionString, string AttachmentsFolder)
{
    /// <summary>A new, empty database: the app's start migrates and seeds it, as on a first deployment.</summary>
    public static PortalDatabase Fresh(TestDb db) =>
        new(TestDatabases.Create(db, "web"), Directory.CreateTempSubdirectory("dp-attachments-").FullName);

    /// <summary>Drops the database and deletes the attachments folder, when the tests that used them are done.</summary>
    public void Drop(TestDb db)
    {
        TestDatabases.Drop(db, ConnectionString);
        if (Directory.Exists(AttachmentsFolder)) Directory.Delete(AttachmentsFolder, recursive: true);
    }
}

/// <summary>
/// Migrating and seeding the demo county takes seconds; seventy test classes each did it again. Here each kind of seeded
/// database is made once per run, by the app's own start on a template database, and every factory gets a copy of it
/// (STYLE.md, Tests): PostgreSQL copies with CREATE DATABASE … TEMPLATE, SQLite with a file copy. On a copy the app's
/// start finds every migration applied and the seed there, and changes nothing.
/// </summary>
public static class SeededDatabases
{
    /// <summary>What the app seeds differs only by these (the constructor parameters of <see cref="PortalFactory"/>).</summary>
    private readonly record struct Seed(TestDb Db, bool DemoData, int DemoRecords);

    private static readonly ConcurrentDictionary<Seed, Lazy<PortalDatabase>> Templates = new();

    /// <summary>A copy of the template for this seed, made on first use.</summary>
    public static PortalDatabase Copy(TestDb db, bool demoData, int demoRecords)
    {
        var template = Templates.GetOrAdd(new Seed(db, demoData, demoRecords), seed => new Lazy<PortalDatabase>(() => Build(seed))).Value;
        var copy = new PortalDatabase(
            db switch
            {
                TestDb.Sqlite => CopySqlite(template.ConnectionString),
                TestDb.Postgres => TestDatabases.NewPostgres("web", template: new NpgsqlConnectionStringBuilder(template.ConnectionString).Database!),
                _ => throw new ArgumentOutOfRangeException(nameof(db)),
            },
            Directory.CreateTempSubdirectory("dp-attachments-").FullName);
        CopyFolder(template.AttachmentsFolder, copy.AttachmentsFolder);
        return copy;
    }

    private static PortalDatabase Build(Seed seed)
    {
        var fresh = PortalDatabase.Fresh(seed.Db);
        // No pooled connection may outlive the build: PostgreSQL refuses to copy a template someone is connected to.
        var template = seed.Db == TestDb.Postgres
            ? fresh with { ConnectionString = new NpgsqlConnectionStringBuilder(fresh.ConnectionString) { Pooling = false }.ToString() }
            : fresh;
        using (var app = new PortalFactory(seed.Db, template, seed.DemoData, seed.DemoRecords, ownsDatabase: false))
            _ = app.Services; // the app's start migrates and seeds (DatabaseInitializer)
        if (seed.Db == TestDb.Sqlite)
        {
            // The app turns on WAL: everything into the main file, so that copying that one file copies it all.
            using var connection = new SqliteConnection(template.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }
        return template;
    }

    private static string CopySqlite(string templateConnectionString)
    {
        var copy = TestDatabases.NewSqlite("web");
        File.Copy(new SqliteConnectionStringBuilder(templateConnectionString).DataSource, new SqliteConnectionStringBuilder(copy).DataSource);
        return copy;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
