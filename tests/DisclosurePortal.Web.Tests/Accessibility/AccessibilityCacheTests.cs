using System.Net;
using System.Net.Http.Headers;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static DisclosurePortal.Web.Tests.Caching.CacheSupport;

namespace DisclosurePortal.Web.Tests.Accessibility;

/// <summary>
/// The display preferences change every page's bytes (ADR 18), so the output cache and the validators (ADR 16) key on
/// them: a visitor in 长辈版 is never handed the standard page from the cache, nor a 304 for the other mode's ETag.
/// </summary>
public abstract class AccessibilityCacheTests(PortalFactory factory)
{
    [Fact]
    public async Task EachCombination_HasItsOwnCacheEntry_AndANonsenseCookieSharesTheDefaultOne()
    {
        if (!factory.OutputCache) return; // the cache's own keys; the validators are checked below with it off too
        var standard = Browserish.NewClient(factory);
        var senior = await ClientAsync("/accessibility/mode?value=senior");
        var large = await ClientAsync("/accessibility/size?value=large");
        var seniorHigh = await ClientAsync("/accessibility/mode?value=senior", "/accessibility/contrast?value=high");
        var url = $"/guide?t={Guid.NewGuid():N}";

        Assert.DoesNotContain("dp-mode-senior", await WarmAsync(standard, url), StringComparison.Ordinal);
        var first = await FetchAsync(senior, url);
        Assert.False(first.FromCache, "the 长辈版 visitor was given the standard page from the cache");
        Assert.Contains("class=\"dp-mode-senior\"", first.Body, StringComparison.Ordinal);
        Assert.Contains("class=\"dp-mode-senior\"", await WarmAsync(senior, url), StringComparison.Ordinal);

        var other = await FetchAsync(large, url);
        Assert.False(other.FromCache, "a text-size choice was given another choice's page");
        Assert.Contains("class=\"dp-size-large\"", other.Body, StringComparison.Ordinal);
        var both = await FetchAsync(seniorHigh, url);
        Assert.False(both.FromCache, "长辈版 with high contrast was given the 长辈版 page");
        Assert.Contains("class=\"dp-mode-senior dp-contrast-high\"", both.Body, StringComparison.Ordinal);

        var again = await FetchAsync(standard, url);
        Assert.True(again.FromCache);
        Assert.DoesNotContain("dp-mode-senior", again.Body, StringComparison.Ordinal);
        Assert.Contains("class=\"dp-mode-senior\"", (await FetchAsync(senior, url)).Body, StringComparison.Ordinal);

        // Values this server never sets are the default: they are served the default entry, not stored beside it.
        var nonsense = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        nonsense.DefaultRequestHeaders.Add("Cookie", "dp-mode=elder; dp-size=huge");
        var shared = await FetchAsync(nonsense, url);
        Assert.True(shared.FromCache);
        Assert.Equal(again.Body, shared.Body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/records/7")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF")]
    public async Task TheOtherModesETag_GetsThePage_NotA304(string url)
    {
        var standard = Browserish.NewClient(factory);
        var senior = await ClientAsync("/accessibility/mode?value=senior");
        var standardPage = await standard.GetAsync(url);
        var standardTag = standardPage.Headers.ETag!;
        Assert.Contains(standardPage.Headers.Vary, v => v == "Cookie");

        var seniorPage = await Conditional(senior, url, standardTag);
        Assert.Equal(HttpStatusCode.OK, seniorPage.StatusCode);
        Assert.Contains("class=\"dp-mode-senior\"", await seniorPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var seniorTag = seniorPage.Headers.ETag!;
        Assert.NotEqual(standardTag, seniorTag);

        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(senior, url, seniorTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(standard, url, standardTag)).StatusCode);
        var back = await Conditional(standard, url, seniorTag);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.DoesNotContain("dp-mode-senior", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> ClientAsync(params string[] choices)
    {
        var client = Browserish.NewClient(factory);
        foreach (var choice in choices)
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(choice)).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> Conditional(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }
}

/// <summary>Last-Modified is remembered per combination: 长辈版 visits do not move the standard page's date, nor back.</summary>
public sealed class RepresentationHistoryByPreferencesTests
{
    [Fact]
    public void EachCombination_KeepsItsOwnFirstSentTime()
    {
        using var history = new RepresentationHistory();
        var t0 = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var standard = Request(null);
        var senior = Request("dp-mode=senior");
        var seniorLarge = Request("dp-mode=senior; dp-size=large");

        Assert.Equal(t0, history.Since(standard, "\"s\"", t0));
        Assert.Equal(t0.AddMinutes(1), history.Since(senior, "\"m\"", t0.AddMinutes(1)));
        Assert.Equal(t0.AddMinutes(2), history.Since(seniorLarge, "\"l\"", t0.AddMinutes(2)));
        Assert.Equal(t0, history.Since(standard, "\"s\"", t0.AddMinutes(3)));
        Assert.Equal(t0.AddMinutes(1), history.Since(senior, "\"m\"", t0.AddMinutes(4)));
        Assert.Equal(t0, history.Since(Request("dp-mode=elder"), "\"s\"", t0.AddMinutes(5))); // a nonsense value is the default
    }

    private static DefaultHttpContext Request(string? cookie)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("localhost");
        context.Request.Path = "/guide";
        if (cookie is not null) context.Request.Headers.Cookie = cookie;
        return context;
    }
}

public sealed class AccessibilityCacheOnSqlite(SqlitePortal factory) : AccessibilityCacheTests(factory), IClassFixture<SqlitePortal>;

public sealed class AccessibilityCacheOnPostgres(PostgresPortal factory) : AccessibilityCacheTests(factory), IClassFixture<PostgresPortal>;

public sealed class AccessibilityValidatorsUncachedOnSqlite(UncachedSqlitePortal factory) : AccessibilityCacheTests(factory), IClassFixture<UncachedSqlitePortal>;
