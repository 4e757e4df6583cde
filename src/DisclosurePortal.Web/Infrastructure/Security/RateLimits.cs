using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using RedisRateLimiting.AspNetCore;
using StackExchange.Redis;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// Per-client-address fixed windows on what can be abused from outside: the public application form (flooding the
/// office), tracking-code look-ups (guessing codes), staff sign-in (password spraying across accounts; the per-account
/// lockout stops guessing one account) and search (the most expensive public page). A refusal is a 429 with
/// Retry-After; the status page explains it in Chinese. The client address is the connection's, or the forwarded one
/// when <c>ForwardedHeaders:KnownProxies</c> names the reverse proxy (SecuritySetup).
/// Configuration: RateLimits:{Apply|Track|Login|Search}:PermitLimit / WindowSeconds.
/// </summary>
public static class RateLimits
{
    public const string Apply = "apply";
    public const string Track = "track";
    public const string Login = "login";
    public const string Search = "search";
    public const string Comment = "comment";

    /// <summary>The public message form (网上信箱, issue 19): flooding the office, as <see cref="Apply"/>.</summary>
    public const string Message = "message";

    /// <summary>评议 (issue 21 §5): per address <em>and</em> rated page, so rating many records stays possible.</summary>
    public const string Rating = "rating";

    /// <summary>The defaults: (policy, configuration section, permits, window seconds).</summary>
    internal static readonly (string Policy, string Section, int Permits, int Seconds)[] Defaults =
    [
        (Apply, "Apply", 5, 600),
        (Track, "Track", 30, 60),
        (Login, "Login", 10, 300),
        (Search, "Search", 120, 60),
        (Message, "Message", 5, 600),
        (Comment, "Comment", 5, 600),
        (Rating, "Rating", 5, 600),
    ];

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var cluster = ClusterMode.IsOn(configuration);
        var prefix = cluster ? ClusterMode.Name(configuration) + ":rate:" : "";
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (var (policy, section, permits, seconds) in Defaults)
            {
                var window = Window(configuration, section, permits, seconds);
                if (cluster)
                {
                    // A cluster (issue 24): one window per client over every node, counted in Redis (RedisRateLimiting).
                    o.AddPolicy(policy, context =>
                    {
                        var redis = context.RequestServices.GetRequiredService<IConnectionMultiplexer>();
                        return RedisRateLimitPartition.GetFixedWindowRateLimiter($"{prefix}{policy}:{Partition(policy, context)}",
                            _ => new RedisFixedWindowRateLimiterOptions { PermitLimit = window.PermitLimit, Window = window.Window, ConnectionMultiplexerFactory = () => redis });
                    });
                    continue;
                }
                o.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(Partition(policy, context), _ => window));
            }
            o.OnRejected = (rejected, _) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("Rate limit reached for {Method} {Path} from {Client}", http.Request.Method, Logging.LoggedPath(http.Request.Path), ClientKey(http));
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

    private static string Partition(string policy, HttpContext context) =>
        policy == Rating ? ClientKey(context) + " " + context.Request.Path : ClientKey(context);

    // After UseForwardedHeaders this is the client's address as the trusted proxy saw it.
    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
