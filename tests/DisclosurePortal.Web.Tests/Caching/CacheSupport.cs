using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.Caching;

public static class CacheSupport
{
    /// <summary>GETs a page; returns its status, its text and whether the output cache answered (it adds Age).</summary>
    public static async Task<(HttpStatusCode Status, string Body, bool FromCache)> FetchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Age is not null);
    }

    /// <summary>GETs the page twice: the second time it must come from the output cache.</summary>
    public static async Task<string> WarmAsync(HttpClient client, string url)
    {
        var first = await FetchAsync(client, url);
        Assert.True(first.Status == HttpStatusCode.OK, $"{url}: {first.Status}");
        var second = await FetchAsync(client, url);
        Assert.True(second.FromCache, $"{url} was not served from the output cache");
        return second.Body;
    }

    /// <summary>The fields a browser would send from a form on the page (its text inputs, checked boxes, selects, text areas).</summary>
    public static Dictionary<string, string> FormFields(IDocument page, string formSelector)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no form {formSelector}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type") ?? "text";
            if (name == Browserish.TokenField || type is "submit" or "button" or "file") continue; // a file is chosen, not typed (Browserish.UploadAsync)
            if (type is "checkbox" or "radio" && !input.HasAttribute("checked")) continue;
            fields[name] = input.GetAttribute("value") ?? (type == "checkbox" ? "on" : "");
        }
        foreach (var area in form.QuerySelectorAll("textarea[name]")) fields[area.GetAttribute("name")!] = area.TextContent;
        foreach (var select in form.QuerySelectorAll("select[name]"))
            fields[select.GetAttribute("name")!] = (select.QuerySelector("option[selected]") ?? select.QuerySelector("option"))?.GetAttribute("value") ?? "";
        return fields;
    }
}
