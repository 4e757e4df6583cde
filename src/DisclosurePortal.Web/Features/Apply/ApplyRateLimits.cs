using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>
/// Per-client-IP fixed windows for the public application form and the tracking page, so neither can be used to flood
/// the office with applications or to try codes. A refusal is a 429 with Retry-After; the status page explains it in Chinese.
/// Configuration: RateLimits:Apply:PermitLimit / WindowSeconds, RateLimits:Track:PermitLimit / WindowSeconds.
/// </summary>
public static class ApplyRateLimits
{
    public const string Apply = "apply";
    public const string Track = "track";

    public static IServiceCollection AddApplyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var apply = Window(configuration, "Apply", permits: 5, seconds: 600);
            var track = Window(configuration, "Track", permits: 30, seconds: 60);
            o.AddPolicy(Apply, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => apply));
            o.AddPolicy(Track, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => track));
            o.OnRejected = (rejected, _) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApplyRateLimits))
                    .LogWarning("Rate limit reached for {Method} {Path} from {Client}", http.Request.Method, http.Request.Path, ClientKey(http));
                // No body here: the status-code page (re-executed as /error/429) says it in Chinese, keeping Retry-After.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(IConfiguration configuration, string name, int permits, int seconds) => new()
    {
        PermitLimit = Math.Max(1, configuration.GetValue($"RateLimits:{name}:PermitLimit", permits)),
        Window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue($"RateLimits:{name}:WindowSeconds", seconds))),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    // The connection's address: behind a reverse proxy this is the proxy's unless forwarded headers are configured.
    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
