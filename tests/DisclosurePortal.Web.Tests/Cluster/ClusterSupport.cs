using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DisclosurePortal.Web.Tests.Cluster;

/// <summary>
/// Two nodes of one cluster (issue 24): two apps on one PostgreSQL database and the test run's Redis (tests/run.sh
/// starts it and sets DP_TEST_REDIS), evicting across through <paramref name="evictions"/>, with a cluster name of
/// their own so that other fixtures' messages and rate counters never reach them.
/// </summary>
public abstract class ClusterNodes : IAsyncLifetime
{
    protected ClusterNodes(string evictions)
    {
        _database = SeededDatabases.Copy(TestDb.Postgres, demoData: true, demoRecords: 1000);
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        A = new ClusterNode(_database, name, "a", evictions, ownsDatabase: false);
        B = new ClusterNode(_database, name, "b", evictions, ownsDatabase: false);
    }

    private readonly PortalDatabase _database;

    public ClusterNode A { get; }
    public ClusterNode B { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        _database.Drop(TestDb.Postgres);
    }

    public static string Redis => Environment.GetEnvironmentVariable("DP_TEST_REDIS")
        ?? throw new InvalidOperationException("DP_TEST_REDIS is not set. Run the tests with tests/run.sh, which starts a throwaway Redis and sets it.");

    /// <summary>The certificate that encrypts the shared Data Protection keys: made once for the test run.</summary>
    public static string KeyCertificate => Certificate.Value;

    private static readonly Lazy<string> Certificate = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DisclosurePortal cluster test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Directory.CreateTempSubdirectory("dp-cluster-").FullName, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "test"));
        return path;
    });
}

public sealed class ClusterNodesOverRedis() : ClusterNodes("redis");

public sealed class ClusterNodesOverPostgres() : ClusterNodes("postgres");

/// <summary>One node: the usual test app (output cache on) with the Cluster settings.</summary>
public sealed class ClusterNode(PortalDatabase database, string cluster, string node, string evictions, string? redis = null, bool ownsDatabase = true)
    : PortalFactory(TestDb.Postgres, database, ownsDatabase: ownsDatabase)
{
    public string NodeName { get; } = node;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cluster:Redis", redis ?? ClusterNodes.Redis);
        builder.UseSetting("Cluster:Name", cluster);
        builder.UseSetting("Cluster:NodeName", NodeName);
        builder.UseSetting("Cluster:Evictions", evictions);
        builder.UseSetting("Cluster:KeyCertificate", ClusterNodes.KeyCertificate);
        builder.UseSetting("Cluster:KeyCertificatePassword", "test");
        // A low search limit, counted over both nodes (the other tests' factories allow 100,000).
        builder.UseSetting("RateLimits:Search:PermitLimit", "6");
        builder.UseSetting("RateLimits:Search:WindowSeconds", "600");
    }
}
