using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// What every response says to the browser about itself (docs/security.md, ADR 20): a Content-Security-Policy that
/// allows no script at all (the portal has none: every page works without JavaScript) and no framing, no MIME
/// sniffing, no referrer beyond this site, no powerful features; and, when the site is HTTPS-only, HSTS and a
/// redirect from plain HTTP. The server's name and version are not sent (Kestrel's Server header is off).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No script from anywhere (not even 'self': there is none, so an injected &lt;script src&gt; of ours could not
    /// be abused either), styles and images from the site only, forms post only to the site, no plugins, no
    /// &lt;base&gt;, no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=(), interest-cohort=()";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<HttpsPolicy>();
        var csp = https.HttpsOnly ? ContentSecurityPolicy + "; upgrade-insecure-requests" : ContentSecurityPolicy;
        app.Use((context, next) =>
        {
            // Set before anything runs so that error pages, 304s, cached pages and static files carry them too.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers too old to read CSP (old phones)
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }
}

/// <summary>
/// Whether the portal is served only over HTTPS: <c>Security:HttpsOnly</c>, or by default when the environment is
/// Production and the site's public address (<c>Portal:PublicBaseUrl</c>) is https. Then plain HTTP is redirected to
/// that address's port, HSTS is sent for a year and every cookie is Secure whatever the request's scheme (a proxy that
/// forgets X-Forwarded-Proto still gets Secure cookies). The README's local run (no public address) stays on HTTP.
/// </summary>
public sealed class HttpsPolicy
{
    public HttpsPolicy(IConfiguration configuration, IWebHostEnvironment environment)
    {
        // The public address as the rest of the site reads (and validates) it.
        Uri? publicUri = new PublicSite(configuration).BaseUrl is { } baseUrl ? new Uri(baseUrl) : null;
        var configured = configuration["Security:HttpsOnly"];
        HttpsOnly = !string.IsNullOrWhiteSpace(configured)
            ? bool.TryParse(configured, out var on) ? on : throw new InvalidOperationException($"Security:HttpsOnly '{configured}' must be true or false.")
            : environment.IsProduction() && publicUri?.Scheme == Uri.UriSchemeHttps;
        HttpsPort = publicUri?.Scheme == Uri.UriSchemeHttps ? publicUri.Port : configuration.GetValue<int?>("Security:HttpsPort");
    }

    public bool HttpsOnly { get; }

    /// <summary>Where plain HTTP is redirected to (the public address's port, or Security:HttpsPort).</summary>
    public int? HttpsPort { get; }
}

/// <summary>
/// Behind a reverse proxy (the usual deployment: nginx terminating TLS) the client's address and scheme arrive in
/// X-Forwarded-For / X-Forwarded-Proto. They are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (comma-separated addresses); with none named they are ignored, so no client
/// can choose its own address to escape the rate limits.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration["ForwardedHeaders:KnownProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => IPAddress.TryParse(p, out var ip) ? ip : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."))
            .ToArray();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = proxies.Length > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            o.ForwardLimit = 1;
        });
        return services;
    }
}
