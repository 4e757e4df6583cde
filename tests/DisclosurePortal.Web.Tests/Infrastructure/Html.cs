using AngleSharp;
using AngleSharp.Dom;

namespace DisclosurePortal.Web.Tests.Infrastructure;

public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(req => req.Content(html));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await ParseAsync(response));
    }

    public static string Text(this IElement? element) => (element?.TextContent ?? string.Empty).Trim();

    /// <summary>The metadata block (dt → dd) or the item's elements list as a dictionary.</summary>
    public static Dictionary<string, string> DefinitionList(this IDocument document, string selector) =>
        document.QuerySelectorAll($"{selector} dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling.Text());
}
