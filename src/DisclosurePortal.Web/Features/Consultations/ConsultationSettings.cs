using DisclosurePortal.Domain.Consultations;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// The <c>Consultations</c> configuration section: when the 采纳情况 is due (working days after closing) and how long the
/// writers' contact data is kept after closing (months). Checked at start: a wrong value stops the portal, it is not
/// discovered on the day it matters.
/// </summary>
public sealed record ConsultationSettings(int FeedbackWorkingDays, int RetentionMonths)
{
    public static ConsultationSettings Default { get; } = new(ConsultationRules.DefaultFeedbackWorkingDays, ConsultationRules.DefaultRetentionMonths);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FeedbackWorkingDays is < 1 or > 250) problems.Add("Consultations:FeedbackWorkingDays must be 1–250 working days.");
        if (RetentionMonths is < 1 or > 240) problems.Add("Consultations:RetentionMonths must be 1–240 months.");
        return problems;
    }
}

public static class ConsultationSetup
{
    public static IServiceCollection AddConsultations(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Consultations");
        var d = ConsultationSettings.Default;
        var settings = new ConsultationSettings(
            section.GetValue("FeedbackWorkingDays", d.FeedbackWorkingDays),
            section.GetValue("RetentionMonths", d.RetentionMonths));
        var problems = settings.Problems();
        if (problems.Count > 0) throw new InvalidOperationException("Invalid consultation settings: " + string.Join(" ", problems));
        services.AddSingleton(settings);
        services.AddSingleton<ConsultationNotifications>();
        services.AddHostedService<ConsultationRetentionService>();
        return services;
    }
}

/// <summary>
/// Where a new opinion is announced. All opinions are moderated before they are shown, so nothing here filters.
/// </summary>
public sealed class ConsultationNotifications(ILogger<ConsultationNotifications> logger)
{
    public void CommentReceived(int consultationId, long commentId) =>
        // TODO(issue 19 merge): notify the department's editors by e-mail (the notifications helper's service).
        logger.LogInformation("Opinion {CommentId} received on consultation {ConsultationId}", commentId, consultationId);
}
