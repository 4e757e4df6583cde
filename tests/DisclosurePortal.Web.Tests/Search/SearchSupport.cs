using System.Text.RegularExpressions;
using AngleSharp.Dom;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Search;

public static partial class SearchSupport
{
    /// <summary>
    /// A run of rare Chinese characters (U+9F00–U+9FA4) that the demo county never writes: a word only one test uses.
    /// Short markers (a two-character word) take their characters from the upper half of the range and longer ones from
    /// the lower half, so a short word can never turn up inside another test's longer marker (it once did, 1 in ~10⁴).
    /// </summary>
    public static string Marker(int length = 4)
    {
        var (from, to) = length <= 2 ? (0x9F53, 0x9FA5) : (0x9F00, 0x9F53);
        return new(Enumerable.Range(0, length).Select(_ => (char)Random.Shared.Next(from, to)).ToArray());
    }

    public static Task<(HttpResponseMessage Response, IDocument Document)> SearchAsync(HttpClient client, string q, string more = "") =>
        Html.GetAsync(client, "/search?q=" + Uri.EscapeDataString(q) + more);

    public static List<string> HitUrls(IDocument doc) =>
        doc.QuerySelectorAll(".search-hit .hit-title a").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>The count the results heading states ("共 N 条").</summary>
    public static int? Total(IDocument doc)
    {
        var m = TotalPattern().Match(doc.QuerySelector("#results-title").Text());
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Every hit of a search, following the pager's "next" links (which must keep the query and filters).</summary>
    public static async Task<List<string>> AllHitUrlsAsync(HttpClient client, string url)
    {
        var urls = new List<string>();
        for (var pages = 0; url is not null && pages < 60; pages++)
        {
            var (response, doc) = await Html.GetAsync(client, url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            urls.AddRange(HitUrls(doc));
            url = doc.QuerySelector(".pager a[rel=next]")?.GetAttribute("href")!;
        }
        return urls;
    }

    [GeneratedRegex(@"共 (\d+) 条")]
    private static partial Regex TotalPattern();
}
