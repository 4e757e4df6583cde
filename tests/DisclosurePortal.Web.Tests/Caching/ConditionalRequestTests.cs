using System.Net;
using System.Net.Http.Headers;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Caching;

/// <summary>
/// Anonymous public pages send validators and answer conditional requests with 304 and no body, whether the page
/// comes from the output cache or is computed (ADR 16). Run with the cache on and with <c>OutputCache:Enabled=false</c>.
/// </summary>
public abstract class ConditionalRequestTests(PortalFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/domains/health?stage=service")]
    [InlineData("/records/7")]
    [InlineData("/feeds/all.atom")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF")] // 危房
    [InlineData("/statistics")]
    public async Task PublicPage_SendsValidators_AndAnswersIfNoneMatchAndIfModifiedSinceWith304(string url)
    {
        var client = Browserish.NewClient(factory);
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.True(first.Headers.CacheControl.MustRevalidate);
        Assert.Equal(TimeSpan.Zero, first.Headers.CacheControl.MaxAge);

        var matching = await SendAsync(client, url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, matching.StatusCode);
        Assert.Empty(await matching.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, matching.Headers.ETag);
        AssertCacheUse(matching);

        var unchanged = await SendAsync(client, url, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        // Another tag, or a date before the page's: the page itself. If-None-Match decides when both are sent.
        var other = await SendAsync(client, url, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"", isWeak: true)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(body, await other.Content.ReadAsStringAsync());
        var older = await SendAsync(client, url, r => r.Headers.IfModifiedSince = lastModified!.Value.AddDays(-1));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(body, await older.Content.ReadAsStringAsync());
        var both = await SendAsync(client, url, r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"", isWeak: true));
            r.Headers.IfModifiedSince = lastModified;
        });
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
    }

    [Fact]
    public async Task APublication_ChangesTheETag_AndTheOldOneGetsThePage()
    {
        var client = Browserish.NewClient(factory);
        var first = await client.GetAsync("/");
        var etag = first.Headers.ETag!;
        var title = $"验证器测试 {Guid.NewGuid():N}";
        await using (var db = factory.NewDbContext())
            await new RecordBuilder(db, factory.Clock).Titled(title).Published().SaveAsync();

        var after = await SendAsync(client, "/", r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains(title, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(client, "/", r => r.Headers.IfNoneMatch.Add(after.Headers.ETag!))).StatusCode);
    }

    [Fact]
    public async Task ANotFoundPage_HasNoValidators()
    {
        var response = await Browserish.NewClient(factory).GetAsync("/records/999999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
    }

    /// <summary>With the cache on, a revalidation of a cached page is answered by the cache; with it off, never.</summary>
    private void AssertCacheUse(HttpResponseMessage response)
    {
        if (!factory.OutputCache) Assert.Null(response.Headers.Age);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, Action<HttpRequestMessage> conditions)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        conditions(request);
        return await client.SendAsync(request);
    }
}

public sealed class ConditionalRequestsCachedOnSqlite(SqlitePortal factory) : ConditionalRequestTests(factory), IClassFixture<SqlitePortal>;

public sealed class ConditionalRequestsCachedOnPostgres(PostgresPortal factory) : ConditionalRequestTests(factory), IClassFixture<PostgresPortal>;

public sealed class ConditionalRequestsUncachedOnSqlite(UncachedSqlitePortal factory) : ConditionalRequestTests(factory), IClassFixture<UncachedSqlitePortal>;

public sealed class ConditionalRequestsUncachedOnPostgres(UncachedPostgresPortal factory) : ConditionalRequestTests(factory), IClassFixture<UncachedPostgresPortal>;
