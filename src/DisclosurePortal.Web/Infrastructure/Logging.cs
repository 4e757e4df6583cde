using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Serilog without Serilog.AspNetCore (it cannot be restored here): the logger is built from configuration and
/// plugged into Microsoft.Extensions.Logging; a small middleware writes one line per request.
/// </summary>
public static class Logging
{
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .ReadFrom.Configuration(builder.Configuration);
        if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
            configuration.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        var file = builder.Configuration["Logging:File"];
        if (!string.IsNullOrWhiteSpace(file))
            configuration.WriteTo.File(file, rollingInterval: RollingInterval.Day, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Request");
            logger.LogInformation(
                "HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                context.Request.Method,
                context.Request.Path.Value,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });
}
