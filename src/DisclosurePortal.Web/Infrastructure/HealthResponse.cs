using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace DisclosurePortal.Web.Infrastructure;

public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            var body = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            };
            await JsonSerializer.SerializeAsync(context.Response.Body, body);
        },
    };
}
