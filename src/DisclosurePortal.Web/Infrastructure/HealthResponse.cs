using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// The health probes (issue 24): <c>/healthz/live</c> answers 200 while the process serves requests, touching nothing
/// (a load balancer restarts a node that fails it); <c>/healthz/ready</c> runs the checks tagged <see cref="Ready"/> —
/// the database — and answers 503 while one fails (the balancer sends no traffic there until it passes again);
/// <c>/healthz</c> runs every check, as before. Each answers JSON with the checks and their status.
/// </summary>
public static class HealthResponse
{
    public const string Path = "/healthz";
    public const string Ready = "ready";

    public static HealthCheckOptions Options { get; } = new() { ResponseWriter = WriteAsync };

    public static HealthCheckOptions LiveOptions { get; } = new() { Predicate = _ => false, ResponseWriter = WriteAsync };

    public static HealthCheckOptions ReadyOptions { get; } = new() { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync };

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, Options);
        app.MapHealthChecks(Path + "/live", LiveOptions);
        app.MapHealthChecks(Path + "/ready", ReadyOptions);
        return app;
    }

    private static async Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, body);
    }
}
