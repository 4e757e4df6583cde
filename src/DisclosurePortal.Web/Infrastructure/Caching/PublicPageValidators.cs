using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>
/// Validators and Cache-Control for the anonymous public pages (<see cref="PublicPageAttribute"/>), whether or not the
/// output cache is on: the page is buffered, its ETag is a hash of the bytes, its Last-Modified the time this server
/// first sent those bytes for that URL, language and display preferences, and If-None-Match / If-Modified-Since are answered with 304.
/// When the page comes from the output cache, the cache answers them from the stored headers instead.
/// Signed-in users' responses are <c>private, no-store</c>; fingerprinted static assets are <c>public</c> for a year.
/// </summary>
public sealed class PublicPageValidators(RequestDelegate next, RepresentationHistory history, TimeProvider clock)
{
    public const string PublicCacheControl = "public, max-age=0, must-revalidate";
    public const string PrivateCacheControl = "private, no-store";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            context.Response.OnStarting(MakeImmutableAssetsPublic, context);
            await next(context);
            return;
        }
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.OnStarting(KeepPrivate, context);
            await next(context);
            return;
        }
        if (endpoint?.Metadata.GetMetadata<PublicPageAttribute>() is null || !PublicPageAttribute.IsAnonymousRead(context))
        {
            await next(context);
            return;
        }
        await BufferedAsync(context);
    }

    private async Task BufferedAsync(HttpContext context)
    {
        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK && StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            && !PublicPageAttribute.IsPrivate(response.Headers.CacheControl))
        {
            var etag = new EntityTagHeaderValue($"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"", isWeak: true);
            var since = history.Since(context, etag.Tag.Value!, clock.GetUtcNow());
            var headers = response.Headers;
            headers.ETag = etag.ToString();
            headers.LastModified = HeaderUtilities.FormatDate(since);
            if (StringValues.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = PublicCacheControl;
            // The language and the display preferences come from cookies: a shared cache must not give one visitor's
            // English or 长辈版 page to another.
            headers.Append(HeaderNames.Vary, HeaderNames.Cookie);
            // A response the output cache is about to keep is sent whole: the next visitors get their 304s from the cache.
            var storing = context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true;
            if (!storing && IsNotModified(context.Request, etag, since))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = StringValues.Empty;
                return;
            }
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise If-Modified-Since.</summary>
    internal static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && lastModified <= since;
    }

    private static Task KeepPrivate(object state)
    {
        var response = ((HttpContext)state).Response;
        if (StringValues.IsNullOrEmpty(response.Headers.CacheControl)) response.Headers.CacheControl = PrivateCacheControl;
        return Task.CompletedTask;
    }

    /// <summary>MapStaticAssets sends fingerprinted files with <c>max-age=31536000, immutable</c>; a shared cache may keep them too.</summary>
    private static Task MakeImmutableAssetsPublic(object state)
    {
        var headers = ((HttpContext)state).Response.Headers;
        var value = headers.CacheControl.ToString();
        if (value.Contains("immutable", StringComparison.Ordinal) && !value.Contains("public", StringComparison.Ordinal))
            headers.CacheControl = $"public, {value}";
        return Task.CompletedTask;
    }
}

/// <summary>
/// When this server first sent the current bytes of a page (per URL, language and display preferences): the page's Last-Modified. A later
/// change of the bytes moves it forward; an entry pushed out of the bounded map starts again at "now", which can only
/// make a client download a page it had, never keep one that changed.
/// </summary>
public sealed class RepresentationHistory : IDisposable
{
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public DateTimeOffset Since(HttpContext context, string etag, DateTimeOffset now)
    {
        var request = context.Request;
        // The language and the display preferences (ADR 18) each give the URL other bytes: each has its own history.
        var key = $"{request.Host}{request.PathBase}{request.Path}{request.QueryString}|{CultureInfo.CurrentUICulture.Name}|{AccessibilityPreferences.From(context).CacheKey}";
        // HTTP dates have whole seconds; a fraction would make "modified since" true for the same second.
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (_seen.TryGetValue(key, out Seen? seen) && seen!.ETag == etag) return seen.At;
        _seen.Set(key, new Seen(etag, now), new MemoryCacheEntryOptions { Size = 1 });
        return now;
    }

    public void Dispose() => _seen.Dispose();

    private sealed record Seen(string ETag, DateTimeOffset At);
}
