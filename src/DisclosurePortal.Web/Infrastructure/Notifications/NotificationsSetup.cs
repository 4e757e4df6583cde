namespace DisclosurePortal.Web.Infrastructure.Notifications;

public static class NotificationsSetup
{
    /// <summary>The <c>Mail</c> settings and the outbox's background sender (issue 19).</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailSettings>(configuration.GetSection(MailSettings.Section));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        // The webhook outbox (ADR 35): same shape, its own sender.
        services.Configure<WebhookSettings>(configuration.GetSection(WebhookSettings.Section));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        return services;
    }
}
