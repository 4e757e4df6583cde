using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DisclosurePortal.Web.Tests.Data;

/// <summary>
/// PostgreSQL (issue 23): the portal's connections prepare the statements they run again (Npgsql's automatic
/// preparation) unless the connection string sets it; the search, whose values are written into its statements, still
/// finds what it found (SearchTests run on PostgreSQL with it on).
/// </summary>
public sealed class PreparedStatementsTests(PostgresPortal factory) : IClassFixture<PostgresPortal>
{
    private static NpgsqlConnectionStringBuilder Connection(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString());
    }

    [Fact]
    public void StatementsArePrepared_ByDefault()
    {
        var connection = Connection(factory.Services);
        Assert.Equal(200, connection.MaxAutoPrepare);
        Assert.Equal(2, connection.AutoPrepareMinUsages);
    }

    [Fact]
    public void AConnectionStringThatSaysOtherwise_IsKept()
    {
        using var own = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Portal", factory.ConnectionString + ";Max Auto Prepare=0"));
        Assert.Equal(0, Connection(own.Services).MaxAutoPrepare);
    }
}
