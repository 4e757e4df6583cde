using DisclosurePortal.Domain.Participation;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>The mailbox's deadlines and retention from the <c>Messages</c> configuration section, checked at start.</summary>
public static class MessageSettings
{
    public static IServiceCollection AddMessages(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Messages");
        var d = MessageDeadlines.Default;
        var deadlines = new MessageDeadlines(
            section.GetValue("AcceptWorkingDays", d.AcceptWorkingDays),
            section.GetValue("ReplyWorkingDays", d.ReplyWorkingDays),
            section.GetValue("MaxExtensionWorkingDays", d.MaxExtensionWorkingDays),
            section.GetValue("DueSoonWorkingDays", d.DueSoonWorkingDays),
            section.GetValue("RetentionMonths", d.RetentionMonths));
        var problems = deadlines.Problems();
        if (problems.Count > 0) throw new InvalidOperationException("Invalid message settings: " + string.Join(" ", problems));
        services.AddSingleton(deadlines);
        services.AddScoped<MessageNotifications>();
        services.AddHostedService<MessageRetentionService>();
        return services;
    }
}
