using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.AdminAudit;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// A database made by the last release with hand-written migrations (Data/Upgrade: the demo county, two applications
/// with encrypted identity numbers, a chained audit trail) is upgraded in place by this version's start: every row of
/// every table is the same afterwards, the audit chain verifies, the identity numbers decrypt, the schema equals a new
/// database's, and the history lists the generated migrations (docs/adr/0026).
/// </summary>
public abstract class UpgradeTests(TestDb db) : IDisposable
{
    private readonly OwnedDatabases _databases = new(db);

    public void Dispose() => _databases.Dispose();

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Data", "Upgrade");
    private const string FixtureIdentityNumber = "11010519491231002X";

    [Fact]
    public async Task DatabaseOfTheHandWrittenMigrations_IsUpgradedInPlace_LosingNothing()
    {
        var cs = await RestoreAsync("upgrade");
        var columns = await ColumnsAsync(cs);
        var before = await ContentAsync(cs, columns);
        Assert.Contains(before, t => t.Key == "\"AuditEvents\"" && t.Value.Rows == 2);
        Assert.Contains(before, t => t.Key == "\"ApplicationCases\"" && t.Value.Rows == 2);

        await using (var app = new UpgradedPortal(db, cs))
        {
            using var client = app.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            await using var context = Context(cs);
            var protector = app.Services.GetRequiredService<PersonalData>();
            var numbers = await context.ApplicationCases.Select(c => c.IdentityNumber).ToListAsync();
            Assert.Equal(2, numbers.Count);
            Assert.All(numbers, n => Assert.Equal(FixtureIdentityNumber, protector.Reveal(n)));
            var chain = await AuditChainCheck.RunAsync(context, DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.True(chain.Intact, chain.Break?.ToString());
            Assert.Equal(2, chain.Checked);
            Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        }

        // Every value that was there is there still (columns added since are new, not lost: checked below).
        Assert.Equal(before, await ContentAsync(cs, columns));

        await using var upgraded = Context(cs);
        Assert.True(await upgraded.Roles.AnyAsync(r => r.Name == DisclosurePortal.Data.Security.Roles.Leader));
        // ApplicantDocumentsAndReplyFiles (issue 18): a person's application made before it gave a 居民身份证.
        Assert.All(await upgraded.ApplicationCases.ToListAsync(), c =>
            Assert.Equal(c.ApplicantKind == DisclosurePortal.Domain.Applications.ApplicantKind.NaturalPerson
                ? DisclosurePortal.Domain.Applications.IdentityDocument.ResidentId : null, c.IdentityDocument));
        await using var fresh = Context(_databases.Create("fresh"));
        await fresh.Database.MigrateAsync();
        Assert.Equal(await MigrationSchemaTests.DescribeAsync(db, fresh), await MigrationSchemaTests.DescribeAsync(db, upgraded));
    }

    [Fact]
    public async Task DatabaseOfAnOlderHandWrittenMigration_IsRefused_AndLeftAsItWas()
    {
        var cs = await RestoreAsync("older");
        await using var context = Context(cs);
        await context.Database.ExecuteSqlAsync(
            $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {HandWrittenMigrations.Ids[^1]}");
        var columns = await ColumnsAsync(cs);
        var before = await ContentAsync(cs, columns);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HandWrittenMigrations.AdoptAsync(context, CancellationToken.None));

        Assert.Contains(HandWrittenMigrations.Ids[^2], refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ContentAsync(cs, columns));
    }

    private DatabaseProvider Provider => TestDatabases.Provider(db);

    private PortalDbContext Context(string cs) => DatabaseSetup.CreateContext(Provider, cs);

    /// <summary>A new database with the fixture's dump run into it (sqlite3's .dump, pg_dump --inserts).</summary>
    private async Task<string> RestoreAsync(string prefix)
    {
        var cs = _databases.Create(prefix);
        var file = Path.Combine(Fixtures, db == TestDb.Sqlite ? "legacy-sqlite.sql.gz" : "legacy-postgres.sql.gz");
        string script;
        await using (var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
            script = await reader.ReadToEndAsync();
        await using var connection = Open(cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = script;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync();
        return cs;
    }

    private DbConnection Open(string cs) => db == TestDb.Sqlite ? new SqliteConnection(cs) : new NpgsqlConnection(cs);

    /// <summary>
    /// Every table but EF's history, with its columns as they are now. On SQLite the FTS5 table and its shadow tables are
    /// left out: they are the index of SearchEntries (which is compared), rebuilt by a migration in another form (ADR 41).
    /// </summary>
    private async Task<Dictionary<string, List<string>>> ColumnsAsync(string cs)
    {
        await using var connection = Open(cs);
        await connection.OpenAsync();
        var tables = await ColumnAsync(connection, db == TestDb.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'SearchText%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EFMigrations%'");
        var columns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            await using var reader = await command.ExecuteReaderAsync();
            columns[table] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
        }
        return columns;
    }

    /// <summary>
    /// Each of <paramref name="columns"/>' tables: its row count and a digest of its rows (each row's values in those
    /// columns, sorted), so that a column a later migration adds does not hide a value lost from the others.
    /// </summary>
    private static readonly string[] RolesSinceTheFixture = [DisclosurePortal.Data.Security.Roles.Leader];

    private async Task<SortedDictionary<string, (int Rows, string Digest)>> ContentAsync(string cs, Dictionary<string, List<string>> columns)
    {
        await using var connection = Open(cs);
        await connection.OpenAsync();
        var content = new SortedDictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (table, names) in columns)
        {
            var quoted = $"\"{table}\"";
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", names.Select(n => $"\"{n}\""))} FROM {quoted}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                    values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                // A role added since the fixture (Leader, issue 21 §6) is seeded at start: a new row, not a changed one.
                if (table == "AspNetRoles" && values[names.IndexOf("Name")] is var role && RolesSinceTheFixture.Contains(role)) continue;
                rows.Add(string.Join("\u001f", values));
            }
            rows.Sort(StringComparer.Ordinal);
            content[quoted] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows)))));
        }
        return content;
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>The portal started on the restored database with the fixture's Data Protection keys.</summary>
    private sealed class UpgradedPortal(TestDb db, string connectionString) : WebApplicationFactory<Program>
    {
        private readonly string _keys = CopyKeys();

        private static string CopyKeys()
        {
            var folder = Directory.CreateTempSubdirectory("dp-upgrade-keys-").FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "keys")))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            return folder;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", TestDatabases.ProviderName(db));
            builder.UseSetting("ConnectionStrings:Portal", connectionString);
            builder.UseSetting("Seed:DemoData", "false");
            builder.UseSetting("DataProtection:KeysFolder", _keys);
            builder.UseSetting("Storage:AttachmentsFolder", Directory.CreateTempSubdirectory("dp-upgrade-attachments-").FullName);
        }
    }
}

public sealed class UpgradeOnSqlite() : UpgradeTests(TestDb.Sqlite);

public sealed class UpgradeOnPostgres() : UpgradeTests(TestDb.Postgres);
