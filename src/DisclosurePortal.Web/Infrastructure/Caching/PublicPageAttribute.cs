using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>
/// Marks an action as an anonymous public page: the output cache may keep it (tags from <see cref="PublicPageTags"/>),
/// and <see cref="PublicPageValidators"/> gives it an ETag, Last-Modified and a public Cache-Control. A signed-in
/// request is neither served from the cache nor stored in it; only 200 responses without cookies are stored; the
/// key varies by the resolved UI culture, the display preferences (<see cref="AccessibilityPreferences"/>) and by the content coding the response will have (the cache keeps the
/// compressed bytes, so a hit costs no compression).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublicPageAttribute(PublicPage page) : Attribute, IOutputCachePolicy
{
    public PublicPage Page { get; } = page;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var tags = PublicPageTags.ForPage(Page, http.Request.RouteValues);
        var attempt = tags is not null && IsAnonymousRead(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        if (!attempt) return ValueTask.CompletedTask;

        var settings = http.RequestServices.GetRequiredService<PortalCachingOptions>();
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Page == PublicPage.Search ? settings.SearchDurationSeconds : settings.DurationSeconds);
        // Every query key: a page that learns a new parameter (a paging cursor, say) must not share another's entry.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        // 长辈版, font size and contrast (ADR 18) are classes and pressed buttons in every page's bytes.
        context.CacheVaryByRules.VaryByValues["display"] = AccessibilityPreferences.From(http).CacheKey;
        context.CacheVaryByRules.VaryByValues["coding"] =
            http.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(http)?.EncodingName ?? "identity";
        foreach (var tag in tags!) context.Tags.Add(tag);
        http.RequestServices.GetRequiredService<PublicPageStore>().NoteRequestStart(http);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // A 404 for a withdrawn record, a 400 for a bad page number, anything that sets a cookie or says no-store
        // (antiforgery does, on a page with a form) is answered fresh every time.
        // A page read before an eviction is neither stored nor handed to the requests that waited for it.
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || context.HttpContext.User.Identity?.IsAuthenticated == true
            || IsPrivate(response.Headers.CacheControl)
            || context.HttpContext.RequestServices.GetRequiredService<PublicPageStore>().EvictedSinceStart(context.HttpContext))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>A GET or HEAD by someone not signed in, sending no credentials.</summary>
    internal static bool IsAnonymousRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
        && http.User.Identity?.IsAuthenticated != true;

    internal static bool IsPrivate(StringValues cacheControl) =>
        cacheControl.Any(v => v is not null && (v.Contains("no-store", StringComparison.OrdinalIgnoreCase) || v.Contains("private", StringComparison.OrdinalIgnoreCase)));
}
