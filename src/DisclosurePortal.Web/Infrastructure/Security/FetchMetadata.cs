namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// Fetch Metadata request headers (W3C): what kind of request the browser says this is. The language and display
/// switches are plain GET links (ADR 18) and must act only when the visitor follows one, not when a page loads them as
/// an image, a frame, a style sheet or a prefetch (<c>![](/culture/en)</c> in a record's body, issue 15; ADR 18 addendum).
/// </summary>
public static class FetchMetadata
{
    /// <summary>
    /// False when the browser says the request is not a top-level navigation: <c>Sec-Fetch-Dest</c> other than
    /// <c>document</c>, <c>Sec-Fetch-Mode</c> other than <c>navigate</c>, or any <c>Sec-Purpose</c> (a prefetch or
    /// prerender, which the visitor did not choose). Without these headers (older browsers, scripts) it is true.
    /// </summary>
    public static bool IsTopLevelNavigation(HttpRequest request)
    {
        var headers = request.Headers;
        return (!headers.TryGetValue("Sec-Fetch-Dest", out var destination) || destination == "document")
            && (!headers.TryGetValue("Sec-Fetch-Mode", out var mode) || mode == "navigate")
            && !headers.ContainsKey("Sec-Purpose");
    }
}
