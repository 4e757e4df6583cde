using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;

namespace DisclosurePortal.Web.Tests.Dashboards;

/// <summary>The public statistics: the numbers are the database's, the chart is well-formed SVG with a title, no JavaScript.</summary>
public abstract partial class StatisticsTests(PortalFactory factory)
{
    private static readonly ConditionalWeakTable<PortalFactory, WebApplicationFactory<Program>> UncachedApps = [];

    /// <summary>The page with its cache off, so each request reads the database: one such app per fixture, not one per use.</summary>
    protected WebApplicationFactory<Program> Uncached =>
        UncachedApps.GetValue(factory, f => f.WithWebHostBuilder(b => b.UseSetting("Statistics:CacheSeconds", "0")));

    [Fact]
    public async Task Numbers_MatchTheDatabase_AndKnownDataMovesThem()
    {
        var client = Uncached.CreateClient();
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var today = factory.Clock.Today();
        var thisMonth = $"{today:yyyy-MM}";
        var (_, before) = await Html.GetAsync(client, "/statistics");

        // Two records published this month, a case received this month and answered on time, one answered late.
        await PublishedAsync(factory, housing, RecordKind.Notice, today);
        await PublishedAsync(factory, housing, RecordKind.Notice, new DateOnly(today.Year, today.Month, 1));
        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            var now = factory.Clock.GetUtcNow();
            ApplicationCase Paper(DateOnly received) => ApplicationCase.Register(new ApplicationDetails
            {
                ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "孙八", Contact = "13900000002",
                InformationDescription = "统计测试申请", Channel = ApplicationChannel.InPerson,
            }, "ST" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), received, "测试", now, calendar, today);
            var onTime = Paper(new DateOnly(today.Year, today.Month, 1));
            onTime.Reply(ReplyType.Disclosed, "答复内容。", today, "测试", now);
            var late = Paper(today.AddDays(-80));
            late.Reply(ReplyType.Disclosed, "答复内容。", today, "测试", now);
            db.ApplicationCases.AddRange(onTime, late);
            await db.SaveChangesAsync();
        }

        var (response, after) = await Html.GetAsync(client, "/statistics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        int Cell(AngleSharp.Dom.IDocument doc, string table, string month, int column) =>
            int.Parse(doc.QuerySelector($"#{table} tr[data-month='{month}']")!.QuerySelectorAll("td")[column].Text());
        Assert.Equal(2, Cell(after, "published-table", thisMonth, 0) - Cell(before, "published-table", thisMonth, 0));
        Assert.Equal(1, Cell(after, "applications-table", thisMonth, 0) - Cell(before, "applications-table", thisMonth, 0));
        Assert.Equal(2, Cell(after, "applications-table", thisMonth, 1) - Cell(before, "applications-table", thisMonth, 1));
        Assert.Equal(1, Cell(after, "applications-table", thisMonth, 2) - Cell(before, "applications-table", thisMonth, 2));

        // Every number against the database, counted here in memory.
        await using var check = factory.NewDbContext();
        var published = await check.RecordVersions.Where(v => v.IsPublished).Select(v => new { v.PublishedOn, v.DomainId }).ToListAsync();
        var cases = await check.ApplicationCases.Select(c => new { c.ReceivedOn, c.RepliedOn, c.DueOn }).ToListAsync();
        var months = after.QuerySelectorAll("#published-table tbody tr").Select(r => r.GetAttribute("data-month")!).ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(thisMonth, months[^1]);
        static string M(DateOnly? d) => d is { } x ? $"{x:yyyy-MM}" : "";
        foreach (var m in months)
        {
            Assert.Equal(published.Count(p => M(p.PublishedOn) == m), Cell(after, "published-table", m, 0));
            Assert.Equal(cases.Count(c => M(c.ReceivedOn) == m), Cell(after, "applications-table", m, 0));
            Assert.Equal(cases.Count(c => M(c.RepliedOn) == m), Cell(after, "applications-table", m, 1));
            Assert.Equal(cases.Count(c => M(c.RepliedOn) == m && c.RepliedOn <= c.DueOn), Cell(after, "applications-table", m, 2));
        }
        var domains = await check.Domains.ToDictionaryAsync(d => d.Code, d => d.Id);
        var domainRows = after.QuerySelectorAll("#domain-table tbody tr");
        Assert.Equal(26, domainRows.Length);
        foreach (var row in domainRows)
            Assert.Equal(published.Count(p => p.DomainId == domains[row.GetAttribute("data-domain")!]), int.Parse(row.QuerySelector("td")!.Text()));

        // The chart holds the table's numbers, one bar per month.
        var svg = await ChartAsync(client);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var bars = svg.Root!.Elements(ns + "g").ToList();
        Assert.Equal(months.Select(m => $"{m}: {Cell(after, "published-table", m, 0)}"), bars.Select(b => b.Element(ns + "title")!.Value));
    }

    [Fact]
    public async Task Chart_IsWellFormedSvg_WithATitleAndDescription_AndThePageHasNoScript()
    {
        var client = Uncached.CreateClient();
        var svg = await ChartAsync(client);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("img", svg.Root.Attribute("role")!.Value);
        var title = svg.Root.Element(ns + "title")!;
        Assert.Contains("每月发布的信息", title.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(svg.Root.Element(ns + "desc")!.Value));
        Assert.Contains(title.Attribute("id")!.Value, svg.Root.Attribute("aria-labelledby")!.Value, StringComparison.Ordinal);
        Assert.Equal(12, svg.Root.Descendants(ns + "rect").Count());

        var (_, doc) = await Html.GetAsync(client, "/statistics");
        Assert.Empty(doc.QuerySelectorAll("script"));
        var (_, home) = await Html.GetAsync(client, "/");
        Assert.NotNull(home.QuerySelector("footer a[href='/statistics']"));
    }

    [Theory]
    [InlineData("/statistics?months=0")]
    [InlineData("/statistics?months=25")]
    [InlineData("/statistics?months=abc")]
    [InlineData("/statistics?months=-3")]
    public async Task BadMonths_Is400_WithAChineseMessage(string url)
    {
        var (response, doc) = await Html.GetAsync(factory.CreateClient(), url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("月数应为 1 到 24 之间的整数", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherMonthCounts_ShowThatManyMonths()
    {
        var (response, doc) = await Html.GetAsync(Uncached.CreateClient(), "/statistics?months=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, doc.QuerySelectorAll("#published-table tbody tr").Length);
    }

    private static async Task<XDocument> ChartAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/statistics");
        var match = SvgElement().Match(html);
        Assert.True(match.Success, "no <svg> in the page");
        return XDocument.Parse(match.Value); // throws unless well-formed XML
    }

    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex SvgElement();
}

public sealed class StatisticsTestsOnSqlite(SqlitePortal factory) : StatisticsTests(factory), IClassFixture<SqlitePortal>
{
    /// <summary>
    /// The grouped queries of published versions read the filtered indexes (a range of IX_RecordVersions_Published_Date,
    /// all of the covering IX_RecordVersions_Published_Domain), never a full scan of the table (ADR 14 gives the cost).
    /// </summary>
    [Fact]
    public async Task Queries_ReadIndexes_NoFullScansOfRecords()
    {
        var client = Uncached.CreateClient();
        await client.GetAsync("/statistics");
        factory.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statistics")).StatusCode);
        var commands = factory.Commands.Commands.Where(c => c.Sql.Contains("GROUP BY", StringComparison.Ordinal)).ToList();
        // The page's four groupings, and (issue 21 §5) the year's 评议 counted per unit.
        Assert.Single(commands, c => c.Sql.Contains("\"Ratings\"", StringComparison.Ordinal));
        Assert.Equal(4, commands.Count(c => !c.Sql.Contains("\"Ratings\"", StringComparison.Ordinal)));
        await using var connection = new SqliteConnection(factory.ConnectionString);
        await connection.OpenAsync();
        foreach (var command in commands.Where(c => c.Sql.Contains("\"RecordVersions\"", StringComparison.Ordinal)))
        {
            var plan = await QueryPlanTests.PlanAsync(connection, command);
            var alias = QueryPlanTests.Alias(command.Sql, "RecordVersions");
            Assert.True(plan.Any(l => l.Contains("INDEX IX_RecordVersions_Published_", StringComparison.Ordinal)),
                $"{string.Join("\n", plan)}\n{command.Sql}");
            Assert.DoesNotContain(plan, l => l.Contains("SCAN", StringComparison.Ordinal) && l.Contains($" {alias}", StringComparison.Ordinal) && !l.Contains("USING", StringComparison.Ordinal));
        }
    }
}

public sealed class StatisticsTestsOnPostgres(PostgresPortal factory) : StatisticsTests(factory), IClassFixture<PostgresPortal>;
