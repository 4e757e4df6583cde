using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Cluster;

/// <summary>Cluster mode (issue 24) is off unless Cluster:Redis is set, and a cluster set up wrongly refuses to start, saying what to set.</summary>
public sealed class ClusterSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void WithoutRedis_ItIsASingleNode_WithTheNoOpBusAndLeases()
    {
        var settings = Settings(("Database:Provider", "Sqlite"));
        Assert.False(ClusterMode.IsOn(settings));
        var services = new ServiceCollection().AddPortalCluster(settings);
        Assert.Contains(services, d => d.ServiceType == typeof(IEvictionBus) && d.ImplementationType == typeof(NoEvictionBus));
        Assert.Contains(services, d => d.ServiceType == typeof(IJobLeases) && d.ImplementationType == typeof(SingleNodeLeases));
    }

    [Fact]
    public void OnSqlite_OrWithoutTheCertificate_OrWithAnUnknownBus_ItRefusesToStart_SayingWhatToSet()
    {
        var onSqlite = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddPortalCluster(Settings(("Cluster:Redis", "localhost:6379"), ("Database:Provider", "Sqlite"))));
        Assert.Contains("PostgreSQL", onSqlite.Message, StringComparison.Ordinal);

        var noCertificate = Assert.Throws<InvalidOperationException>(() => ClusterMode.KeyCertificate(Settings(("Cluster:Redis", "localhost:6379"))));
        Assert.Contains("Cluster:KeyCertificate", noCertificate.Message, StringComparison.Ordinal);

        var unknownBus = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPortalCluster(Settings(
            ("Cluster:Redis", "localhost:6379"), ("Database:Provider", "PostgreSQL"), ("ConnectionStrings:Portal", "Host=localhost"), ("Cluster:Evictions", "carrier-pigeon"))));
        Assert.Contains("redis or postgres", unknownBus.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "disclosureportal")]
    [InlineData("county-510823", "county-510823")]
    public void TheClusterName_PrefixesItsKeys(string? name, string expected) =>
        Assert.Equal(expected, ClusterMode.Name(Settings(("Cluster:Name", name!))));

    [Theory]
    [InlineData("two words")]
    [InlineData("a:b")]
    [InlineData("名称")]
    public void AClusterNameOutsideLettersDigitsAndDashes_IsRefused(string name) =>
        Assert.Throws<InvalidOperationException>(() => ClusterMode.Name(Settings(("Cluster:Name", name))));
}
