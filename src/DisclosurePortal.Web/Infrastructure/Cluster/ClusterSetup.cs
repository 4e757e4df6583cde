using DisclosurePortal.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace DisclosurePortal.Web.Infrastructure.Cluster;

/// <summary>
/// A node of a cluster (issue 24, docs/scaling.md) when <c>Cluster:Redis</c> is set (<see cref="ClusterMode"/>): evictions
/// to and from the other nodes (<c>Cluster:Evictions</c> = redis, the default, or postgres), rate limits counted in
/// Redis, leases for background jobs, Redis in the readiness probe and a 503 while Redis is away. Without it: a single
/// node, nothing of this registered but the no-op bus and leases.
/// </summary>
public static class ClusterSetup
{
    public const string RedisCheck = "redis";

    public static IServiceCollection AddPortalCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PageEvictions>();
        if (!ClusterMode.IsOn(configuration))
        {
            services.AddSingleton<IEvictionBus, NoEvictionBus>();
            services.AddSingleton<IJobLeases, SingleNodeLeases>();
            return services;
        }
        var provider = DatabaseSetup.ProviderFrom(configuration);
        if (provider != DatabaseProvider.PostgreSQL)
            throw new InvalidOperationException($"Cluster:Redis is set, but Database:Provider is {provider}: the nodes of a cluster share a PostgreSQL database (docs/scaling.md).");
        var database = configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("Cluster:Redis is set, but ConnectionStrings:Portal is not.");

        var cluster = ClusterMode.Name(configuration);
        var options = ConfigurationOptions.Parse(configuration["Cluster:Redis"]!);
        options.AbortOnConnectFail = false; // start, and answer 503, while Redis is away; connect when it comes
        options.ReconnectRetryPolicy = new LinearRetry(500); // then every half second: back within a second of Redis
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));

        switch (configuration["Cluster:Evictions"]?.ToLowerInvariant())
        {
            case null or "" or "redis":
                services.AddSingleton(sp => new RedisEvictionBus(sp.GetRequiredService<IConnectionMultiplexer>(), cluster, sp, sp.GetRequiredService<ILogger<RedisEvictionBus>>()));
                services.AddSingleton<IEvictionBus>(sp => sp.GetRequiredService<RedisEvictionBus>());
                services.AddHostedService(sp => sp.GetRequiredService<RedisEvictionBus>());
                break;
            case "postgres" or "postgresql":
                services.AddSingleton(sp => new PostgresEvictionBus(database, cluster, sp, sp.GetRequiredService<ILogger<PostgresEvictionBus>>()));
                services.AddSingleton<IEvictionBus>(sp => sp.GetRequiredService<PostgresEvictionBus>());
                services.AddHostedService(sp => sp.GetRequiredService<PostgresEvictionBus>());
                break;
            case var other:
                throw new InvalidOperationException($"Cluster:Evictions is '{other}': use redis or postgres.");
        }
        services.AddSingleton<IJobLeases>(new PostgresLeases(database, cluster));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisCheck, tags: [HealthResponse.Ready]);
        return services;
    }

    /// <summary>In a cluster, every request but the health probes answers 503 (with Retry-After) while Redis is away:
    /// without it this node could neither learn of the others' changes nor count rate limits with them.</summary>
    public static IApplicationBuilder UsePortalCluster(this IApplicationBuilder app, IConfiguration configuration)
    {
        var node = configuration["Cluster:NodeName"];
        if (!string.IsNullOrWhiteSpace(node))
        {
            app.Use((context, next) =>
            {
                context.Response.Headers["X-Portal-Node"] = node; // which node answered: for the balancer's logs and the cluster tests
                return next(context);
            });
        }
        if (!ClusterMode.IsOn(configuration)) return app;
        var redis = app.ApplicationServices.GetRequiredService<IConnectionMultiplexer>();
        return app.Use((context, next) =>
        {
            // The probes say for themselves what is away; the error path renders the 503 page itself.
            if (redis.IsConnected || context.Request.Path.StartsWithSegments(HealthResponse.Path)
                || context.Request.Path.StartsWithSegments("/error")) return next(context);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return Task.CompletedTask;
        });
    }
}

public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected) return HealthCheckResult.Unhealthy("Redis is not connected");
        try
        {
            var took = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {took.TotalMilliseconds:F1} ms");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

/// <summary>Whether an exception says the database (or Redis) is away, not that the request was wrong: a 503, not a 500.</summary>
public static class Unavailable
{
    public static bool Is(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or RedisConnectionException or TimeoutException)
                return true;
            if (e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true; // shutting down, starting, too many connections
        }
        return false;
    }
}
