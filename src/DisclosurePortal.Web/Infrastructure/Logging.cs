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

    private const string ReceiptPath = "/apply/receipt/";

    /// <summary>
    /// Text typed by a visitor, as the log may keep it: control and format characters (line breaks that would forge
    /// a log line, the RTL override that would disguise one) written as \uXXXX, and at most 100 characters.
    /// </summary>
    public static string Typed(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, 100));
        foreach (var c in text.Length > 100 ? text[..100] : text)
        {
            if (char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                builder.Append(c);
        }
        if (text.Length > 100) builder.Append('…');
        return builder.ToString();
    }

    /// <summary>
    /// A request path as the log may keep it: an application's query code (the key to its personal data on /track)
    /// is cut to its first four characters. The query string (where /track carries the code) is never logged.
    /// </summary>
    public static string LoggedPath(PathString path)
    {
        var value = path.Value ?? string.Empty;
        return value.StartsWith(ReceiptPath, StringComparison.OrdinalIgnoreCase) && value.Length > ReceiptPath.Length + 4
            ? string.Concat(value.AsSpan(0, ReceiptPath.Length + 4), "********")
            : value;
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
                LoggedPath(context.Request.Path),
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    });
}
