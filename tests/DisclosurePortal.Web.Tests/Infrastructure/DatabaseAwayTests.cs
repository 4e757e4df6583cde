using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// While the database is away (a restart, a failover: issue 24), a page that needs it answers the Chinese 503 page with
/// Retry-After — not a 500, and not a failure of the error page itself — even when the site's particulars are due to be
/// read again; when it is back, the same node answers 200 without a restart.
/// </summary>
public sealed class DatabaseAwayTests(DatabaseAwayPortal factory) : IClassFixture<DatabaseAwayPortal>
{
    [Fact]
    public async Task PagesAnswer503WithRetryAfter_WhileTheDatabaseIsAway_And200WhenItIsBack()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/domains/health")).StatusCode);
        factory.Services.GetRequiredService<SiteIdentityStore>().MarkStale(); // due to be read again, like another node's change
        factory.Away.Down = true;
        try
        {
            foreach (var url in new[] { "/", "/domains/health", "/records/7", "/search?q=%E9%80%9A%E7%9F%A5" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {response.StatusCode}");
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Contains("服务暂不可用", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            factory.Away.Down = false;
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/domains/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}

/// <summary>The app (output cache off) with a switch that makes every connection fail as a stopped server does.</summary>
public sealed class DatabaseAwayPortal() : PortalFactory(TestDb.Postgres, outputCache: false)
{
    public DatabaseAway Away { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(Away)));
    }
}

public sealed class DatabaseAway : DbConnectionInterceptor
{
    public volatile bool Down;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        Down ? throw Refused() : ValueTask.FromResult(result);

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Down ? throw Refused() : result;

    private static Npgsql.NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1 (test: the database is away)", new SocketException((int)SocketError.ConnectionRefused));
}
