using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Tools;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DisclosurePortal.Web.Tests.Cluster;

/// <summary>
/// A single node on PostgreSQL becoming a cluster (issue 24): <c>DisclosurePortal.Tools import-keys</c> moves its keys
/// folder into the database, so that the nodes read what the single node sealed: identity numbers and their blind
/// index, raters' address hashes, anything Data Protection protected (sign-in cookies).
/// </summary>
public sealed class ImportKeysTests : IDisposable
{
    private const string Number = "51102319850612123X";
    private static readonly DateOnly Day = new(2026, 12, 7);

    private readonly OwnedDatabases _databases = new(TestDb.Postgres);
    private readonly string _singleNodeKeys = Directory.CreateTempSubdirectory("dp-import-keys-").FullName;
    private readonly string _clusterNodeFolder = Directory.CreateTempSubdirectory("dp-import-node-").FullName;

    public void Dispose()
    {
        _databases.Dispose();
        Directory.Delete(_singleNodeKeys, recursive: true);
        Directory.Delete(_clusterNodeFolder, recursive: true);
    }

    [Fact]
    public async Task AfterTheImport_TheClusterReadsWhatTheSingleNodeSealed_AndTheKeysAreEncryptedAtRestInTheDatabase()
    {
        var database = await MigratedDatabaseAsync();
        string stored, index, raterHash, cookie;
        using (var single = Node(database, cluster: false))
        {
            (stored, index) = Sealed(single.Services.GetRequiredService<PersonalData>().Protect(Number));
            raterHash = single.Services.GetRequiredService<RaterAddresses>().Hash("203.0.113.7", Day);
            cookie = single.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test.cookie").Protect("已登录的会话");
        }
        var keyFiles = Directory.GetFiles(_singleNodeKeys, "key-*.xml");
        Assert.NotEmpty(keyFiles);

        var (exit, output, errors) = await ImportAsync(database);

        Assert.True(exit == 0, errors);
        Assert.Contains($"Imported {keyFiles.Length} Data Protection key(s)", output, StringComparison.Ordinal);
        Assert.Contains(SecretKeys.IdentityIndex, output, StringComparison.Ordinal);
        await using (var db = TestDatabases.Context(TestDb.Postgres, database))
        {
            var rows = await db.DataProtectionKeys.ToListAsync();
            Assert.Equal(keyFiles.Select(Path.GetFileNameWithoutExtension).Order(), rows.Select(r => r.FriendlyName).Order());
            foreach (var file in keyFiles)
            {
                // The master key's value, in clear in the single node's file, is nowhere in the database.
                var value = System.Xml.Linq.XElement.Load(file).Descendants("value").Single().Value;
                Assert.All(rows, row => Assert.DoesNotContain(value, row.Xml!, StringComparison.Ordinal));
            }
            Assert.All(rows, row => Assert.Contains("encryptedSecret", row.Xml!, StringComparison.Ordinal));
        }

        using (var node = Node(database, cluster: true))
        {
            var personal = node.Services.GetRequiredService<PersonalData>();
            Assert.Equal(Number, personal.Reveal(stored));
            Assert.Equal(index, personal.Protect(Number).Index);
            Assert.Equal(raterHash, node.Services.GetRequiredService<RaterAddresses>().Hash("203.0.113.7", Day));
            Assert.Equal("已登录的会话", node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test.cookie").Unprotect(cookie));
        }

        var (again, againOutput, _) = await ImportAsync(database);
        Assert.Equal(0, again);
        Assert.Contains($"Imported 0 Data Protection key(s)", againOutput, StringComparison.Ordinal);
        Assert.Contains($"{keyFiles.Length} there already", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClusterThatMadeItsOwnIndexKeyFirst_RefusesTheImport_AndNothingIsWritten()
    {
        var database = await MigratedDatabaseAsync();
        using (var single = Node(database, cluster: false))
            _ = single.Services.GetRequiredService<PersonalData>().Protect(Number);
        using (var early = Node(database, cluster: true))
            _ = early.Services.GetRequiredService<PersonalData>().Protect(Number); // the cluster's own key ring and index key
        await using var db = TestDatabases.Context(TestDb.Postgres, database);
        var keysBefore = await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();

        var (exit, _, errors) = await ImportAsync(database);

        Assert.Equal(1, exit);
        Assert.Contains(SecretKeys.IdentityIndex, errors, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", errors, StringComparison.Ordinal);
        Assert.Equal(keysBefore, await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
    }

    [Fact]
    public async Task WithoutItsFolder_OnSqlite_OrWithoutTheCertificate_ItSaysWhatIsWrong()
    {
        Assert.Contains("--from DIR is required", ImportKeysCommand.From(["import-keys"])!.Error, StringComparison.Ordinal);
        Assert.Null(ImportKeysCommand.From(["backup"]));

        var command = ImportKeysCommand.From(["import-keys", "--from", _singleNodeKeys])!;
        var errors = new StringWriter();
        var onSqlite = new ConfigurationBuilder().AddInMemoryCollection([new("Database:Provider", "Sqlite")]).Build();
        Assert.Equal(2, await command.RunAsync(onSqlite, new ServiceCollection().BuildServiceProvider(), TextWriter.Null, errors));
        Assert.Contains("PostgreSQL", errors.ToString(), StringComparison.Ordinal);

        errors = new StringWriter();
        var noCertificate = new ConfigurationBuilder().AddInMemoryCollection([new("Database:Provider", "PostgreSQL")]).Build();
        Assert.Equal(2, await command.RunAsync(noCertificate, new ServiceCollection().BuildServiceProvider(), TextWriter.Null, errors));
        Assert.Contains("Cluster:KeyCertificate", errors.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var database = _databases.Create("importkeys");
        await using var db = TestDatabases.Context(TestDb.Postgres, database);
        await db.Database.MigrateAsync();
        return database;
    }

    private static (string Stored, string Index) Sealed((string? Stored, string? Index) value) => (value.Stored!, value.Index!);

    /// <summary>The portal's storage as a node has it: a single node with its keys folder, or a node of a cluster.</summary>
    private IHost Node(string database, bool cluster)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(database, cluster));
        builder.Services.AddLogging();
        builder.Services.AddPortalStorage(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    private Dictionary<string, string?> Settings(string database, bool cluster)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = database,
            ["DataProtection:KeysFolder"] = cluster ? _clusterNodeFolder : _singleNodeKeys,
        };
        if (cluster)
        {
            settings["Cluster:Redis"] = "127.0.0.1:9"; // cluster mode on; storage never connects to it
            settings["Cluster:KeyCertificate"] = ClusterNodes.KeyCertificate;
            settings["Cluster:KeyCertificatePassword"] = "test";
        }
        return settings;
    }

    private async Task<(int Exit, string Output, string Errors)> ImportAsync(string database)
    {
        var command = ImportKeysCommand.From(["import-keys", "--from", _singleNodeKeys])!;
        Assert.Null(command.Error);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(database, cluster: true)).Build();
        await using var services = new ServiceCollection().AddPortalDatabase(configuration, AppContext.BaseDirectory).BuildServiceProvider();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await command.RunAsync(configuration, services, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
