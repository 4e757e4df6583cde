using DisclosurePortal.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>The <c>OutputCache</c> settings (README, ADR 16).</summary>
public sealed class PortalCachingOptions
{
    public const string Section = "OutputCache";

    /// <summary>false turns the output cache off completely (validators and compression stay).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a page is kept when nothing evicts it first (changes evict at once; this bounds the rest).</summary>
    public int DurationSeconds { get; set; } = 600;

    /// <summary>How long a search result page is kept: one-off queries should not crowd out the pages everyone reads.</summary>
    public int SearchDurationSeconds { get; set; } = 60;

    /// <summary>The most the cached bodies may take together; the least recently used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>A larger response is served but not kept (the exports stream megabytes and are never cached).</summary>
    public const int MaximumBodyBytes = 2 * 1024 * 1024;
}

/// <summary>
/// Output cache of the anonymous public pages with tag eviction on every change to published data, validators
/// (ETag, Last-Modified, 304), Brotli/gzip compression, and fingerprinted static assets (ADR 16).
/// </summary>
public static class CachingSetup
{
    public static WebApplicationBuilder AddPortalCaching(this WebApplicationBuilder builder)
    {
        // MapStaticAssets reads the build's manifest. Run from a build (`dotnet run`, the tests) rather than a publish,
        // the precompressed .br/.gz files live under obj/: this maps them, as Development does by itself (a published
        // app has no runtime manifest and this does nothing). Outside Development the files are served as built, with
        // their fingerprints' year-long Cache-Control, instead of being watched for edits.
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment() && builder.Configuration[ReloadStaticAssetsKey] is null)
            builder.Configuration[ReloadStaticAssetsKey] = "false";
        builder.Services.AddPortalCaching(builder.Configuration);
        return builder;
    }

    private const string ReloadStaticAssetsKey = "ReloadStaticAssetsAtRuntime";

    private static void AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(PortalCachingOptions.Section).Get<PortalCachingOptions>() ?? new PortalCachingOptions();
        if (settings.DurationSeconds <= 0 || settings.SearchDurationSeconds <= 0 || settings.SizeLimitMegabytes <= 0)
            throw new InvalidOperationException("OutputCache:DurationSeconds, OutputCache:SearchDurationSeconds and OutputCache:SizeLimitMegabytes must be positive; use OutputCache:Enabled=false to turn the cache off.");
        services.AddSingleton(settings);
        services.AddHttpContextAccessor();

        services.AddOutputCache(o =>
        {
            o.SizeLimit = settings.SizeLimitMegabytes * 1024L * 1024L;
            o.MaximumBodySize = PortalCachingOptions.MaximumBodyBytes;
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(settings.DurationSeconds);
            // /domains/ABC is not /domains/abc (codes are matched exactly): one must not be served the other's entry.
            o.UseCaseSensitivePaths = true;
        });
        // The framework's memory store, behind the guard that keeps a page read before an eviction out of the cache.
        var memoryStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(memoryStore);
        services.AddSingleton(sp => new PublicPageStore((IOutputCacheStore)memoryStore.ImplementationFactory!(sp), sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<PublicPageStore>());

        services.AddSingleton<PublicPageChanges>();
        services.ConfigureDbContext<PortalDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<PublicPageChanges>()), ServiceLifetime.Singleton);
        services.AddSingleton<RepresentationHistory>();

        services.AddResponseCompression(o =>
        {
            // Over HTTPS too, but never a response that carries a secret (SecretSafeCompression, ADR 16: BREACH).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/atom+xml", "image/svg+xml", "text/csv"];
        });
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider>(sp =>
            new SecretSafeCompression(new ResponseCompressionProvider(sp, sp.GetRequiredService<IOptions<ResponseCompressionOptions>>()))));
    }

    /// <summary>
    /// After authentication (the cache must know who is signed in) and localization (it varies by language):
    /// output cache → compression (so the cache keeps compressed bytes) → validators → the endpoint. Evictions
    /// pending when a staff request ends are flushed here even if its response never started.
    /// </summary>
    public static WebApplication UsePortalCaching(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<PortalCachingOptions>();
        var changes = app.Services.GetRequiredService<PublicPageChanges>();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                await changes.FlushAsync(context);
            }
        });
        if (settings.Enabled) app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<PublicPageValidators>();
        app.MapStaticAssets();
        // Files put into wwwroot after the build (a site-verification file for a 政府网站 survey, the benchmark's static
        // copy of a page) are not in the manifest: served plainly, without the fingerprints' year-long caching. It does
        // nothing for a request that already has an endpoint (a page, a fingerprinted asset).
        app.UseStaticFiles();
        return app;
    }
}
