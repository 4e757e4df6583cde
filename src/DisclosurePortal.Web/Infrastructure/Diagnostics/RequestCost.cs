using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DisclosurePortal.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DisclosurePortal.Web.Infrastructure.Diagnostics;

/// <summary>Section "Diagnostics" of the configuration.</summary>
public sealed class DiagnosticsSettings
{
    /// <summary>
    /// Each response says what it cost in a <c>Server-Timing</c> header (issue 23): the statements it ran, the rows they
    /// returned, the time spent in the database and in rendering the view, and in all. Off by default: the timings would
    /// tell anyone how the server works. The bench (tests/bench/run.sh --modes cost) turns it on.
    /// </summary>
    public bool ServerTiming { get; set; }
}

/// <summary>
/// What one request cost (issue 23): statements, rows read, database time (from the statement's start until its reader
/// closed, so reading the rows is in it), and the view's rendering. Held in the request's features; the interceptor adds
/// to it from whichever thread runs the statement.
/// </summary>
public sealed class RequestCost
{
    private int _statements;
    private long _rows;
    private long _databaseTicks;
    private long _viewTicks;

    public int Statements => _statements;
    public long Rows => Interlocked.Read(ref _rows);
    public TimeSpan Database => TimeSpan.FromTicks(Interlocked.Read(ref _databaseTicks));
    public TimeSpan View => TimeSpan.FromTicks(Interlocked.Read(ref _viewTicks));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> _started = new();

    /// <summary>A statement that returns rows started: its time runs until its reader closes (<see cref="Finish"/>).</summary>
    public void Start(Guid commandId) => _started[commandId] = Stopwatch.GetTimestamp();

    public void Finish(Guid commandId, int rows)
    {
        if (_started.TryRemove(commandId, out var started)) AddStatement(Stopwatch.GetElapsedTime(started), rows);
    }

    public void AddStatement(TimeSpan elapsed, int rows)
    {
        Interlocked.Increment(ref _statements);
        Interlocked.Add(ref _rows, rows);
        Interlocked.Add(ref _databaseTicks, elapsed.Ticks);
    }

    public void AddView(TimeSpan elapsed) => Interlocked.Add(ref _viewTicks, elapsed.Ticks);

    /// <summary>The header's value: <c>db;dur=…, view;dur=…, total;dur=…, statements;desc="5", rows;desc="57"</c>.</summary>
    public string ServerTiming(TimeSpan total) => string.Create(CultureInfo.InvariantCulture,
        $"db;dur={Database.TotalMilliseconds:F2}, view;dur={View.TotalMilliseconds:F2}, total;dur={total.TotalMilliseconds:F2}, statements;desc=\"{Statements}\", rows;desc=\"{Rows}\"");

    public static RequestCost? Of(HttpContext? context) => context?.Features.Get<RequestCost>();
}

/// <summary>Adds each statement of a request's contexts to its <see cref="RequestCost"/> (none outside a request, or when off).</summary>
internal sealed class RequestCostInterceptor(IHttpContextAccessor http) : DbCommandInterceptor
{
    private RequestCost? Cost => RequestCost.Of(http.HttpContext);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Cost?.Start(eventData.CommandId);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Cost?.Start(eventData.CommandId);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Cost?.Finish(eventData.CommandId, eventData.ReadCount);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Cost?.Finish(eventData.CommandId, eventData.ReadCount);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Cost?.AddStatement(eventData.Duration, 0);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Cost?.AddStatement(eventData.Duration, 0);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Cost?.AddStatement(eventData.Duration, 1);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Cost?.AddStatement(eventData.Duration, 1);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Times the view (or whatever result the action gave) into the request's cost.</summary>
internal sealed class ViewCostFilter : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (RequestCost.Of(context.HttpContext) is not { } cost)
        {
            await next();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        await next();
        cost.AddView(Stopwatch.GetElapsedTime(started));
    }
}

public static class RequestCostSetup
{
    /// <summary>Registers the counting when Diagnostics:ServerTiming is on; nothing otherwise.</summary>
    public static IServiceCollection AddRequestCost(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Diagnostics").Get<DiagnosticsSettings>() ?? new DiagnosticsSettings();
        services.AddSingleton(settings);
        if (!settings.ServerTiming) return services;
        services.AddHttpContextAccessor();
        services.AddSingleton<RequestCostInterceptor>();
        services.ConfigureDbContext<PortalDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<RequestCostInterceptor>()), ServiceLifetime.Singleton);
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<ViewCostFilter>());
        return services;
    }

    /// <summary>
    /// Before the output cache, so that a page served from it says so (0 statements) instead of repeating the cost of the
    /// request that filled it: the header is set as the response starts, over any stored one.
    /// </summary>
    public static IApplicationBuilder UseRequestCost(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<DiagnosticsSettings>().ServerTiming) return app;
        return app.Use(async (context, next) =>
        {
            var cost = new RequestCost();
            context.Features.Set(cost);
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["Server-Timing"] = cost.ServerTiming(Stopwatch.GetElapsedTime(started));
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
