using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Caching;

/// <summary>Brotli/gzip on what is worth compressing and carries no secret; fingerprinted assets cached for a year (ADR 16).</summary>
public abstract partial class CompressionAndAssetsTests(PortalFactory factory)
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    [Theory]
    [InlineData("/", "br")]
    [InlineData("/", "gzip")]
    [InlineData("/domains/health?stage=service", "br")]
    [InlineData("/feeds/all.atom", "br")]
    [InlineData("/open-data/records.csv", "br")]
    [InlineData("/open-data/catalogue.json", "gzip")]
    [InlineData("/records/7/qr.svg", "br")]
    public async Task Response_IsCompressed_AndDecompressesToTheUncompressedBody(string url, string coding)
    {
        var client = Browserish.NewClient(factory);
        var plain = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var expected = await plain.Content.ReadAsByteArrayAsync();

        var compressed = await GetAsync(client, url, coding);
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < expected.Length, $"{url}: {bytes.Length} compressed bytes for {expected.Length}");
        // The JSON export says when it was made: the two requests may fall in different seconds.
        Assert.Equal(WithoutGenerationTime(expected), WithoutGenerationTime(Decompress(bytes, coding)));
    }

    [Fact]
    public async Task PagesCarryingASecret_AreNotCompressed()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        foreach (var url in new[] { "/review", "/" })
        {
            var staff = await GetAsync(reviewer, url, "br");
            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
            Assert.Empty(staff.Content.Headers.ContentEncoding);
        }
        // The application form holds an antiforgery token (and so says no-store).
        var form = await GetAsync(Browserish.NewClient(factory), "/apply", "br");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Empty(form.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Layouts_LinkFingerprintedAssets_ServedForAYear_Compressed()
    {
        var anonymous = Browserish.NewClient(factory);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, home) = await Html.GetAsync(anonymous, "/");
        var (_, quarterly) = await Html.GetAsync(reviewer, "/reports/quarterly/2025/q4"); // the report's own stylesheet
        var assets = home.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Concat(quarterly.QuerySelectorAll("link[rel=stylesheet], script[src]"))
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/site.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/css/quarterly.", StringComparison.Ordinal));
        Assert.All(assets, a => Assert.Matches(Fingerprinted(), a));

        foreach (var asset in assets)
        {
            var response = await anonymous.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl!;
            Assert.True(cacheControl.Public, asset);
            Assert.Equal(Year, cacheControl.MaxAge);
            Assert.Contains(cacheControl.Extensions, e => e.Name == "immutable");
            var plain = await response.Content.ReadAsByteArrayAsync();
            foreach (var coding in new[] { "br", "gzip" })
            {
                var compressed = await GetAsync(anonymous, asset, coding);
                Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
                Assert.Equal(plain, Decompress(await compressed.Content.ReadAsByteArrayAsync(), coding));
            }
        }
    }

    [Theory]
    [InlineData("/css/site.css")]           // the file itself: may change with the next release
    [InlineData("/css/site.0123456789.css")] // no such fingerprint
    [InlineData("/css/none.css")]
    public async Task AnUnfingerprintedOrUnknownAsset_IsNotImmutable(string url)
    {
        var response = await Browserish.NewClient(factory).GetAsync(url);
        var cacheControl = response.Headers.CacheControl;
        Assert.False(cacheControl?.Extensions.Any(e => e.Name == "immutable") ?? false);
        Assert.NotEqual(Year, cacheControl?.MaxAge);
    }

    [GeneratedRegex(@"^/css/[a-z]+\.[a-z0-9]{8,}\.css$")]
    private static partial Regex Fingerprinted();

    [GeneratedRegex("\"generatedAt\":\\s*\"[^\"]*\"")]
    private static partial Regex GenerationTime();

    private static string WithoutGenerationTime(byte[] body) => GenerationTime().Replace(System.Text.Encoding.UTF8.GetString(body), "\"generatedAt\":\"\"");

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(coding);
        return await client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decompressor = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }
}

public sealed class CompressionAndAssetsOnSqlite(SqlitePortal factory) : CompressionAndAssetsTests(factory), IClassFixture<SqlitePortal>;

public sealed class CompressionAndAssetsOnPostgres(PostgresPortal factory) : CompressionAndAssetsTests(factory), IClassFixture<PostgresPortal>;
