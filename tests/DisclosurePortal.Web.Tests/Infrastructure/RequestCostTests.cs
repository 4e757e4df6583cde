using System.Globalization;
using System.Text.RegularExpressions;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Diagnostics;

/// <summary>
/// Diagnostics:ServerTiming (issue 23): each response says what it cost — statements, rows, database, view and total
/// time — so that the bench can write each page's cost; off unless configured; a page from the output cache cost nothing.
/// </summary>
public abstract partial class RequestCostTests(PortalFactory factory)
{
    [Fact]
    public async Task ServerTiming_IsOffByDefault()
    {
        var response = await factory.CreateClient().GetAsync("/");
        Assert.False(response.Headers.Contains("Server-Timing"));
    }

    [Fact]
    public async Task ServerTiming_CountsAPagesStatementsRowsAndTimes_AndACachedPageCostsNothing()
    {
        await using var timed = factory.WithWebHostBuilder(b => b.UseSetting("Diagnostics:ServerTiming", "true"));
        var client = timed.CreateClient(new() { AllowAutoRedirect = false });
        int recordId;
        await using (var db = factory.NewDbContext())
            recordId = await db.RecordVersions.Where(v => v.IsPublished && v.DomainId != null).OrderBy(v => v.Id).Select(v => v.RecordId).FirstAsync();
        var url = $"/records/{recordId}?n={Guid.NewGuid():N}"; // a URL no earlier request filled the cache with

        var before = factory.Commands.Count;
        var first = await client.GetAsync(url);
        var sent = factory.Commands.Count - before;
        var cost = Parse(first);
        Assert.InRange(cost.Statements, 2, sent); // the page's own (the counter may also see a background job's)
        Assert.True(cost.Rows >= 1, "a record page reads its record");
        Assert.True(cost.Database > 0 && cost.View > 0 && cost.Total >= cost.Database + cost.View - 0.05, first.Headers.GetValues("Server-Timing").Single());

        // The same page again, from the output cache: no statement, no view.
        var again = Parse(await client.GetAsync(url));
        Assert.Equal(0, again.Statements);
        Assert.Equal(0, again.Rows);
    }

    private static (int Statements, long Rows, double Database, double View, double Total) Parse(HttpResponseMessage response)
    {
        var header = string.Join(", ", response.Headers.GetValues("Server-Timing"));
        double Duration(string name) => double.Parse(Regex.Match(header, $@"\b{name};dur=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        long Described(string name) => long.Parse(Regex.Match(header, $@"\b{name};desc=""(\d+)""").Groups[1].Value, CultureInfo.InvariantCulture);
        return ((int)Described("statements"), Described("rows"), Duration("db"), Duration("view"), Duration("total"));
    }
}

public sealed class RequestCostOnSqlite(SqlitePortal factory) : RequestCostTests(factory), IClassFixture<SqlitePortal>;

public sealed class RequestCostOnPostgres(PostgresPortal factory) : RequestCostTests(factory), IClassFixture<PostgresPortal>;
