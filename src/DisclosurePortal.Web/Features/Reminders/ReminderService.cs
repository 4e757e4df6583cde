namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>The <c>Reminders</c> configuration section.</summary>
public sealed class ReminderJobSettings
{
    public const string Section = "Reminders";

    /// <summary>False: the daily job runs only when <see cref="RunRemindersHandler.HandleAsync"/> is called (tests; a node that should not).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the job runs; the log makes every run after the first of a day send only what is new.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>Runs <see cref="RunRemindersHandler"/> a minute after start and then every <see cref="ReminderJobSettings.Interval"/>.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<ReminderJobSettings> options, ILogger<ReminderService> logger,
    Infrastructure.Cluster.IJobLeases leases)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground) return;
        try
        {
            // Real time: how often to look is machinery; which day it is comes from the TimeProvider in the handler.
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.Interval);
            do
            {
                try
                {
                    // One node runs it (issue 24); the log's unique index would also keep a second run from sending again.
                    await leases.RunAloneAsync("reminders", async () =>
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<RunRemindersHandler>().HandleAsync(stoppingToken);
                    }, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The reminder run failed; it runs again later");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}

public static class ReminderSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderJobSettings>(configuration.GetSection(ReminderJobSettings.Section));
        services.AddScoped<ReminderAlerts>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}
