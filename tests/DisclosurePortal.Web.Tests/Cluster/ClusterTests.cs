using System.Diagnostics;
using System.Globalization;
using System.Net;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Infrastructure.Cluster;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePortal.Web.Tests.Caching.CacheSupport;

using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Cluster;

/// <summary>
/// Two nodes of a cluster (issue 24) on one PostgreSQL database and Redis: what one node publishes the other shows at
/// once, a sign-in on one is valid on the other, a rate limit counts over both, a job's lease is held by one at a time.
/// tests/cluster/run.sh proves the same with three processes behind nginx.
/// </summary>
public abstract class ClusterTests(ClusterNodes nodes)
{
    /// <summary>How long another node may show a page that changed: issue 24 asks for one second.</summary>
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task APublicationThroughOneNode_IsShownByTheOther_WithinASecond_AndSoIsAWithdrawal()
    {
        var editor = await Browserish.SignedInAsync(nodes.A, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(nodes.A, "reviewer");
        var visitorOfB = Browserish.NewClient(nodes.B);
        var item = await HousingItemAsync(nodes.A);
        string domain, stage;
        await using (var db = nodes.A.NewDbContext())
        {
            domain = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.Code).SingleAsync();
            stage = await db.Stages.Where(s => s.Id == item.StageId).Select(s => s.Code).SingleAsync();
        }
        string[] lists = ["/", $"/domains/{domain}?stage={stage}", $"/items/{item.Id}", "/feeds/all.atom"];
        var title = $"集群发布测试 {Guid.NewGuid():N}";
        var id = await CreateDraftAsync(editor, item.Id, title);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        foreach (var url in lists) Assert.DoesNotContain(title, await SettledAsync(visitorOfB, url), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(nodes.A, id), "approve")).StatusCode);
        var published = Stopwatch.StartNew();
        foreach (var url in lists)
            await WithinAsync(published, () => ShowsAsync(visitorOfB, url, title), $"node b did not show the publication on {url}");
        Assert.Contains(title, (await FetchAsync(visitorOfB, $"/records/{id}")).Body, StringComparison.Ordinal);
        foreach (var url in lists.Append($"/records/{id}")) await SettledAsync(visitorOfB, url);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, $"/manage/records/{id}", $"/review/records/{id}/withdraw",
            new() { ["reason"] = "集群测试撤回" })).StatusCode);
        var withdrawn = Stopwatch.StartNew();
        foreach (var url in lists)
            await WithinAsync(withdrawn, async () => !await ShowsAsync(visitorOfB, url, title), $"node b still showed the withdrawn record on {url}");
        await WithinAsync(withdrawn, async () => (await FetchAsync(visitorOfB, $"/records/{id}")).Status == HttpStatusCode.NotFound, "node b still served the withdrawn record's page");
    }

    [Fact]
    public async Task ASignInThroughOneNode_IsValidOnTheOther_WithItsAntiforgeryTokens()
    {
        var cookies = new CookieContainerHandler();
        using var throughA = nodes.A.CreateDefaultClient(cookies);
        using var throughB = nodes.B.CreateDefaultClient(new CookieContainerHandler(cookies.Container));
        var signIn = await Browserish.PostFormAsync(throughA, "/account/login", "/account/login",
            new() { ["UserName"] = "editor.housing", ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var dashboard = await throughB.GetAsync("/manage");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("b", dashboard.Headers.GetValues("X-Portal-Node").Single());

        // A form read through node a, posted through node b: the token (and the cookie it pairs with) are valid there.
        var item = await HousingItemAsync(nodes.A);
        var form = await PageForm.FindAsync(throughA, "/manage/records/new", "/manage/records/new");
        var body = form.Fill(new Dictionary<string, string>
        {
            ["CatalogueItemId"] = item.Id.ToString(CultureInfo.InvariantCulture),
            ["Kind"] = "8",
            ["Title"] = $"集群表单测试 {Guid.NewGuid():N}",
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["WrittenOn"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Body"] = "正文。",
            ["Intent"] = "save",
        }, null);
        var saved = await throughB.PostAsync("/manage/records/new", new FormUrlEncodedContent(body));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/manage/records/", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SealedNumbersAndBlindIndexes_AreTheSameOnEveryNode()
    {
        var onA = nodes.A.Services.GetRequiredService<PersonalData>();
        var onB = nodes.B.Services.GetRequiredService<PersonalData>();
        const string number = "51102319800101002X";
        var (sealedOnA, indexOnA) = onA.Protect(number);
        Assert.Equal(indexOnA, onB.Index(number));
        Assert.Equal(number, onB.Reveal(sealedOnA));
        await using var db = nodes.A.NewDbContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync(), "the keys are in the database");
        Assert.All(await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(),
            xml => Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal)); // encrypted at rest with the certificate
    }

    [Fact]
    public async Task ARateLimit_CountsTheRequestsOfEveryNode()
    {
        using var throughA = nodes.A.CreateClient();
        using var throughB = nodes.B.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await throughA.GetAsync($"/search?q=%E9%80%9A%E7%9F%A5{i}")).StatusCode);
            statuses.Add((await throughB.GetAsync($"/search?q=%E5%85%AC%E5%91%8A{i}")).StatusCode);
        }
        // Six a window for the client over both nodes: four on each node alone would all pass.
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var refused = await throughB.GetAsync("/search?q=%E6%B5%8B%E8%AF%95");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("请求过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobsLease_IsHeldByOneNodeAtATime_AndFreedWhenItsHolderLetsGo()
    {
        var leasesOfA = nodes.A.Services.GetRequiredService<IJobLeases>();
        var leasesOfB = nodes.B.Services.GetRequiredService<IJobLeases>();
        var job = "test-" + Guid.NewGuid().ToString("N");
        await using (var held = await leasesOfA.TryAcquireAsync(job, CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Null(await leasesOfB.TryAcquireAsync(job, CancellationToken.None));
        }
        await using var next = await leasesOfB.TryAcquireAsync(job, CancellationToken.None);
        Assert.NotNull(next);
    }

    /// <summary>The page, once node b serves it from its cache: the evictions of node a's last saves (the draft's) arrive
    /// a few milliseconds after node a answered, and may empty the cache between two requests.</summary>
    private static async Task<string> SettledAsync(HttpClient client, string url)
    {
        var since = Stopwatch.StartNew();
        while (true)
        {
            var page = await FetchAsync(client, url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            if (page.FromCache) return page.Body;
            Assert.True(since.Elapsed < TimeSpan.FromSeconds(5), $"{url} was never served from node b's cache");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> ShowsAsync(HttpClient client, string url, string text) =>
        (await FetchAsync(client, url)).Body.Contains(text, StringComparison.Ordinal);

    private static async Task WithinAsync(Stopwatch since, Func<Task<bool>> condition, string failure)
    {
        while (!await condition())
        {
            Assert.True(since.Elapsed < Propagation, $"{failure} within {Propagation.TotalSeconds:F0} s");
            await Task.Delay(20);
        }
    }
}

[Collection(nameof(ClusterCollection))]
public sealed class ClusterOverRedis(ClusterNodesOverRedis nodes) : ClusterTests(nodes), IClassFixture<ClusterNodesOverRedis>;

[Collection(nameof(ClusterCollection))]
public sealed class ClusterOverPostgresNotify(ClusterNodesOverPostgres nodes) : ClusterTests(nodes), IClassFixture<ClusterNodesOverPostgres>;

/// <summary>The cluster fixtures one after the other: each starts two apps.</summary>
[CollectionDefinition(nameof(ClusterCollection))]
public sealed class ClusterCollection;

/// <summary>A node whose Redis is away answers 503 with Retry-After (the balancer's readiness probe too), and stays live.</summary>
public sealed class ClusterWithoutRedisTests : IAsyncLifetime
{
    private ClusterNode _node = null!;

    public Task InitializeAsync()
    {
        var database = SeededDatabases.Copy(TestDb.Postgres, demoData: true, demoRecords: 1000);
        // A port nothing listens on: Redis "away".
        _node = new ClusterNode(database, "test-" + Guid.NewGuid().ToString("N")[..12], "c", "redis", redis: "127.0.0.1:9,connectTimeout=200");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task PagesAnswer503WithRetryAfter_InChinese_TheLivenessProbeStays200()
    {
        using var client = _node.CreateClient();
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("服务暂不可用", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("redis", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
