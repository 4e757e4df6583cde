using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace DisclosurePortal.Web.Tests.Records;

/// <summary>The record page's QR code: well-formed SVG, and a phone reading it lands on the record's canonical URL.</summary>
public abstract partial class RecordQrCodeTests(PortalFactory factory)
{
    private readonly HttpClient _client = Browserish.NewClient(factory);

    [Fact]
    public async Task RecordPage_ShowsAQrCode_ThatDecodesToItsCanonicalUrl()
    {
        int recordId;
        await using (var db = factory.NewDbContext())
            recordId = await db.RecordVersions.Where(v => v.IsPublished).OrderBy(v => v.Id).Select(v => v.RecordId).FirstAsync();
        var url = $"http://localhost/records/{recordId}";

        var (_, page) = await Html.GetAsync(_client, $"/records/{recordId}");
        var img = page.QuerySelector("figure.record-qr img")!;
        Assert.Equal($"/records/{recordId}/qr.svg", img.GetAttribute("src"));
        Assert.Equal($"本页网址的二维码：{url}", img.GetAttribute("alt"));
        Assert.Equal("手机扫码阅读本页", page.QuerySelector("figure.record-qr figcaption").Text());

        var response = await _client.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()); // well-formed XML, or this throws
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
        Assert.Equal(url, Decode(svg));
    }

    [Fact]
    public async Task QrCode_OfAnUnpublishedOrUnknownRecord_Is404()
    {
        await using var db = factory.NewDbContext();
        var (draft, _) = await new RecordBuilder(db, factory.Clock).SaveAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/records/{draft.Id}/qr.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/records/999999/qr.svg")).StatusCode);
    }

    /// <summary>
    /// Reads the code as a phone would, with an independent decoder (ZXing): the SVG's dark modules are painted onto
    /// a bitmap, which the reader has to find and decode on its own.
    /// </summary>
    private static string Decode(XDocument svg)
    {
        var viewBox = svg.Root!.Attribute("viewBox")!.Value.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var size = viewBox[2];
        const int scale = 4;
        var pixels = Enumerable.Repeat((byte)255, size * scale * size * scale).ToArray();
        var path = svg.Root.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        foreach (Match m in Module().Matches(path))
        {
            int x = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), y = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int width = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            for (var py = y * scale; py < (y + 1) * scale; py++)
                for (var px = x * scale; px < (x + width) * scale; px++) pixels[(py * size * scale) + px] = 0;
        }
        var source = new PlanarYUVLuminanceSource(pixels, size * scale, size * scale, 0, 0, size * scale, size * scale, false);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        return result?.Text ?? throw new InvalidOperationException("the QR code could not be read");
    }

    /// <summary>QRCoder draws each run of dark modules in a row as "M x y h w v1 h-w z".</summary>
    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Module();
}

public sealed class RecordQrCodeOnSqlite(SqlitePortal factory) : RecordQrCodeTests(factory), IClassFixture<SqlitePortal>;

public sealed class RecordQrCodeOnPostgres(PostgresPortal factory) : RecordQrCodeTests(factory), IClassFixture<PostgresPortal>;
