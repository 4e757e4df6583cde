using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Primitives;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>
/// The framework's Brotli/gzip choice, minus responses that carry a secret next to text an attacker can put in the
/// page (BREACH): a signed-in user's pages (antiforgery tokens, personal data of cases) and any response that sets a
/// cookie or says no-store (antiforgery marks the anonymous forms /apply and /track so). Whether the request came over
/// HTTPS does not matter: behind a TLS-terminating proxy every request looks like HTTP here.
/// </summary>
public sealed class SecretSafeCompression(IResponseCompressionProvider inner) : IResponseCompressionProvider
{
    public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context) && !CarriesSecret(context);

    internal static bool CarriesSecret(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) return false;
        var headers = context.Response.Headers;
        return context.User.Identity?.IsAuthenticated == true
            || !StringValues.IsNullOrEmpty(headers.SetCookie)
            || PublicPageAttribute.IsPrivate(headers.CacheControl);
    }
}
