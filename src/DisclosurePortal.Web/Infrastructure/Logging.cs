using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Serilog through Serilog.AspNetCore: the logger is built from configuration (<c>Serilog</c> section, <c>Logging:File</c>,
/// <c>Logging:Format</c>) and serves Microsoft.Extensions.Logging; its request logging writes one event per request.
/// What the log keeps of visitors' input is cut here: query codes, query strings, typed text.
/// </summary>
public static class Logging
{
    private const string ReceiptPath = "/apply/receipt/";
    private const string RouteTemplateItem = "DisclosurePortal.RouteTemplate";

    public static void AddPortalLogging(this WebApplicationBuilder builder) =>
        // preserveStaticLogger: each host (the tests start several in one process) writes through its own logger, not Log.Logger.
        builder.Services.AddSerilog((services, configuration) => Configure(configuration, services.GetRequiredService<IConfiguration>()), preserveStaticLogger: true);

    private static void Configure(LoggerConfiguration configuration, IConfiguration settings)
    {
        configuration
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With<LoggedRequestPath>()
            .ReadFrom.Configuration(settings);
        var json = string.Equals(settings["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);
        if (!settings.GetSection("Serilog:WriteTo").Exists())
        {
            if (json) configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
            else configuration.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
        }
        var file = settings["Logging:File"];
        if (string.IsNullOrWhiteSpace(file)) return;
        if (json) configuration.WriteTo.File(new RenderedCompactJsonFormatter(), file, rollingInterval: RollingInterval.Day);
        else configuration.WriteTo.File(file, rollingInterval: RollingInterval.Day, formatProvider: CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One event per request (Serilog.AspNetCore): method, path as <see cref="LoggedPath"/> keeps it (never the query
    /// string), status, elapsed time, the route template of the endpoint that handled it and the signed-in user's id.
    /// Placed before the exception and status-code pages, so a re-executed request is still one event.
    /// </summary>
    public static void UsePortalRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = logger;
            o.IncludeQueryInRequestPath = false;
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(LoggedPath(context.Request.Path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RouteTemplate", RouteTemplate(context));
                diagnostics.Set("UserId", context.User.Identity?.IsAuthenticated == true ? PortalClaims.UserId(context.User) : null);
            };
        });
    }

    /// <summary>
    /// After routing: remembers the route template of the endpoint routing chose the first time through (none for a
    /// path no route matches), which an error or status-code page re-executing the request would replace with its own.
    /// </summary>
    public static void UseRouteTemplateForLog(this WebApplication app) => app.Use((context, next) =>
    {
        context.Items.TryAdd(RouteTemplateItem, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        return next(context);
    });

    private static string? RouteTemplate(HttpContext context) =>
        context.Items.TryGetValue(RouteTemplateItem, out var template) ? template as string
        : context.Features.Get<IExceptionHandlerPathFeature>()?.Endpoint is RouteEndpoint failed ? failed.RoutePattern.RawText
        : (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;

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
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
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
    public static string LoggedPath(PathString path) => LoggedPath(path.Value ?? string.Empty);

    private static string LoggedPath(string value) =>
        value.StartsWith(ReceiptPath, StringComparison.OrdinalIgnoreCase) && value.Length > ReceiptPath.Length + 4
            ? string.Concat(value.AsSpan(0, ReceiptPath.Length + 4), "********")
            : value;

    /// <summary>
    /// ASP.NET Core's request scope gives every event logged during a request a RequestPath property, the raw path
    /// (a whole query code on a receipt page); the JSON format writes every property, so it is cut here too.
    /// </summary>
    private sealed class LoggedRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string path })
                logEvent.AddOrUpdateProperty(new LogEventProperty("RequestPath", new ScalarValue(LoggedPath(path))));
        }
    }
}
