using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;
using Npgsql;

namespace DisclosurePortal.Web.Tests.Pages;

/// <summary>
/// The load balancer's probes (issue 24): while the database refuses connections, <c>/healthz/ready</c> answers 503 and
/// <c>/healthz/live</c> still 200; when the database is back, ready again — without a restart.
/// </summary>
public sealed class HealthProbeTests(PostgresPortal factory) : IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task WhileTheDatabaseIsAway_ReadyIs503_LiveIs200_AndReadyRecoversByItself()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        try
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false");
            await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
            NpgsqlConnection.ClearAllPools();

            var ready = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("\"database\":{\"status\":\"Unhealthy\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS true");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
