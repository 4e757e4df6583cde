using System.Net;
using System.Xml;
using System.Xml.Linq;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Feeds.AtomRules;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Feeds;

/// <summary>The Atom feeds, parsed with a real XML parser and held to RFC 4287, against the database, on SQLite and PostgreSQL.</summary>
public abstract class FeedTests(PortalFactory factory)
{
    private readonly HttpClient _client = Browserish.NewClient(factory);

    public static TheoryData<string> FeedUrls => ["/feeds/all.atom", "/feeds/domains/health.atom", "/feeds/departments/3.atom", "/feeds/interpretations.atom"];

    [Theory]
    [MemberData(nameof(FeedUrls))]
    public async Task EveryFeed_IsValidAtom_ServedAsAtom_WithItsSelfLink(string url)
    {
        var (response, feed) = await GetFeedAsync(url);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var problems = Problems(feed);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var root = feed.Root!;
        Assert.Equal("zh-CN", (string?)root.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("http://localhost" + url, root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.Equal("application/atom+xml", root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("type")!.Value);
        Assert.NotEmpty(root.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.InRange(entries.Count, 1, 50);
        // The feed is as new as its newest entry.
        Assert.Equal(entries.Max(e => Date(e.Element(Atom + "updated"))), Date(root.Element(Atom + "updated")));
        foreach (var entry in entries)
        {
            var id = entry.Element(Atom + "id")!.Value;
            Assert.Matches(@"^http://localhost/records/\d+$", id);
            Assert.Equal(id, entry.Elements(Atom + "link").Single().Attribute("href")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "summary")!.Value));
            Assert.NotNull(Date(entry.Element(Atom + "published")));
        }
    }

    [Fact]
    public async Task SiteFeed_IsTheNewest50PublishedRecords_NewestFirst_WithTheirMetadata()
    {
        await using var db = factory.NewDbContext();
        var expected = await Newest(db, db.RecordVersions.Where(v => v.IsPublished));
        var (_, feed) = await GetFeedAsync("/feeds/all.atom");
        Assert.Equal(expected.Select(v => v.RecordId), RecordIds(feed));

        var newest = expected[0];
        var entry = feed.Root!.Element(Atom + "entry")!;
        Assert.Equal(newest.Title, entry.Element(Atom + "title")!.Value);
        Assert.Equal(newest.PublishedAt, Date(entry.Element(Atom + "updated")));
        var department = await db.Departments.SingleAsync(d => d.Id == newest.DepartmentId);
        Assert.Equal(department.Name, entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal($"http://localhost/departments/{department.Id}", entry.Element(Atom + "author")!.Element(Atom + "uri")!.Value);
        var domain = await db.Domains.SingleAsync(d => d.Id == newest.DomainId);
        Assert.Contains(entry.Elements(Atom + "category"), c => (string?)c.Attribute("term") == domain.Code && (string?)c.Attribute("label") == domain.NameZh);
        Assert.StartsWith(newest.IssuingOrgan, entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainDepartmentAndInterpretationFeeds_HoldOnlyTheirOwnNewestRecords()
    {
        await using var db = factory.NewDbContext();
        var published = db.RecordVersions.Where(v => v.IsPublished);
        var health = await db.Domains.SingleAsync(d => d.Code == "health");
        Assert.Equal((await Newest(db, published.Where(v => v.DomainId == health.Id))).Select(v => v.RecordId),
            RecordIds((await GetFeedAsync("/feeds/domains/health.atom")).Feed));

        // The department with the most records, so that the feed is cut at 50.
        var busiest = await published.GroupBy(v => v.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var departmentFeed = RecordIds((await GetFeedAsync($"/feeds/departments/{busiest}.atom")).Feed);
        Assert.Equal(50, departmentFeed.Count);
        Assert.Equal((await Newest(db, published.Where(v => v.DepartmentId == busiest))).Select(v => v.RecordId), departmentFeed);

        var interpretations = await Newest(db, published.Where(v => v.Kind == RecordKind.PolicyInterpretation));
        Assert.NotEmpty(interpretations);
        var (_, feed) = await GetFeedAsync("/feeds/interpretations.atom");
        Assert.Equal(interpretations.Select(v => v.RecordId), RecordIds(feed));
        Assert.All(feed.Root!.Elements(Atom + "entry"), e =>
            Assert.Contains(e.Elements(Atom + "category"), c => (string?)c.Attribute("term") == nameof(RecordKind.PolicyInterpretation)));
    }

    [Fact]
    public async Task ARecord_AppearsInItsFeedsWhenPublished_AndDisappearsWhenWithdrawn_DraftsAndWithheldNever()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var item = await HousingItemAsync(factory);
        var feeds = await FeedsOfItemAsync(item);

        var published = await CreateDraftAsync(editor, item.Id, $"订阅测试 {Guid.NewGuid():N}");
        await SubmitAsync(editor, published);
        await DecideAsync(reviewer, await LatestVersionIdAsync(factory, published), "approve");
        var draft = await CreateDraftAsync(editor, item.Id, $"草稿不入订阅 {Guid.NewGuid():N}");
        var withheld = await CreateDraftAsync(editor, item.Id, $"不予公开不入订阅 {Guid.NewGuid():N}");
        await SubmitAsync(editor, withheld);
        await DecideAsync(reviewer, await LatestVersionIdAsync(factory, withheld), "withhold", "涉及第三方商业秘密", attribute: "2");

        foreach (var url in feeds)
        {
            var ids = RecordIds((await GetFeedAsync(url)).Feed);
            Assert.Equal(published, ids[0]); // published today, the newest of all
            Assert.DoesNotContain(draft, ids);
            Assert.DoesNotContain(withheld, ids);
        }

        var withdraw = await Browserish.PostFormAsync(reviewer, $"/manage/records/{published}", $"/review/records/{published}/withdraw", new() { ["reason"] = "内容有误，需重新核实" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        foreach (var url in feeds)
        {
            var (_, feed) = await GetFeedAsync(url);
            Assert.DoesNotContain(published, RecordIds(feed));
            Assert.Empty(Problems(feed));
        }
    }

    [Theory]
    [InlineData("/feeds/domains/no-such-domain.atom", "没有找到该公开领域。")]
    [InlineData("/feeds/departments/99999.atom", "没有找到该部门。")]
    [InlineData("/feeds/departments/abc.atom", "没有找到该部门。")]
    [InlineData("/feeds/departments/-1.atom", "没有找到该部门。")]
    public async Task AnUnknownDomainOrDepartment_Is404_WithAChineseMessage(string url, string message)
    {
        var (response, doc) = await Html.GetAsync(_client, url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(message, doc.QuerySelector(".problem p:not(.problem-code)").Text());
    }

    [Fact]
    public async Task Pages_OfferTheirFeed_InTheHead_AndAsAVisibleLink()
    {
        var (_, home) = await Html.GetAsync(_client, "/");
        Assert.Equal(["/feeds/all.atom"], home.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
        Assert.NotNull(home.QuerySelector("footer a[href='/feeds/all.atom']"));
        Assert.NotNull(home.QuerySelector("footer a[href='/open-data']"));

        var (_, domain) = await Html.GetAsync(_client, "/domains/health");
        Assert.Equal(["/feeds/all.atom", "/feeds/domains/health.atom"],
            domain.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
        Assert.Equal("/feeds/domains/health.atom", domain.QuerySelector("main a.feed-link")!.GetAttribute("href"));

        var (_, department) = await Html.GetAsync(_client, "/departments/3");
        Assert.Contains("/feeds/departments/3.atom", department.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal("/feeds/departments/3.atom", department.QuerySelector("main a.feed-link")!.GetAttribute("href"));

        int interpretationId;
        await using (var db = factory.NewDbContext())
            interpretationId = await db.RecordVersions.Where(v => v.IsPublished && v.InterpretationForm != null).Select(v => v.RecordId).FirstAsync();
        var (_, interpretation) = await Html.GetAsync(_client, $"/records/{interpretationId}");
        Assert.Contains("/feeds/interpretations.atom", interpretation.QuerySelectorAll("head link[rel=alternate]").Select(l => l.GetAttribute("href")));
        Assert.Equal("/feeds/interpretations.atom", interpretation.QuerySelector("main a.feed-link")!.GetAttribute("href"));

        // Every feed the pages link to answers.
        foreach (var href in new[] { home, domain, department, interpretation }.SelectMany(d => d.QuerySelectorAll("link[type='application/atom+xml'], a[type='application/atom+xml']")).Select(l => l.GetAttribute("href")!).Distinct())
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(href)).StatusCode);
    }

    private async Task<(HttpResponseMessage Response, XDocument Feed)> GetFeedAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return (response, await XDocument.LoadAsync(reader, LoadOptions.None, CancellationToken.None));
    }

    private static List<int> RecordIds(XDocument feed) =>
        feed.Root!.Elements(Atom + "entry").Select(e => int.Parse(e.Element(Atom + "id")!.Value.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static Task<List<RecordVersion>> Newest(PortalDbContext db, IQueryable<RecordVersion> published) =>
        published.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(50).ToListAsync();

    /// <summary>The feeds a record filed under the item appears in: the site's, its domain's and its department's.</summary>
    private async Task<string[]> FeedsOfItemAsync(CatalogueItem item)
    {
        await using var db = factory.NewDbContext();
        var code = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.Code).SingleAsync();
        return ["/feeds/all.atom", $"/feeds/domains/{code}.atom", $"/feeds/departments/{item.DepartmentId}.atom"];
    }
}

public sealed class FeedsOnSqlite(SqlitePortal factory) : FeedTests(factory), IClassFixture<SqlitePortal>;

public sealed class FeedsOnPostgres(PostgresPortal factory) : FeedTests(factory), IClassFixture<PostgresPortal>;
