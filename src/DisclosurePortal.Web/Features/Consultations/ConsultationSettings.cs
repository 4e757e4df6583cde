using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Web.Infrastructure.Notifications;
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
        services.AddScoped<ConsultationNotifications>();
        services.AddHostedService<ConsultationRetentionService>();
        return services;
    }
}

/// <summary>
/// Who is told what about a consultation, in the portal (issue 19 §4): the office when one waits for its review, the
/// department when it is sent back or an opinion arrives online (to be moderated). Each method only adds a staff note
/// to the DbContext: call it before the change's SaveChanges, so that the note commits with the change or not at all.
/// </summary>
public sealed class ConsultationNotifications(PortalDbContext db, TimeProvider clock, LinkGenerator links)
{
    public void Submitted(Consultation c) =>
        StaffNotifications.Add(db, StaffNotification.ToRole(Roles.Reviewer, $"民意征集“{Short(c.Title)}”已提交，待审核。", PagePath(c), clock.GetUtcNow()));

    public void Returned(Consultation c) =>
        StaffNotifications.Add(db, StaffNotification.ToDepartment(c.DepartmentId, $"民意征集“{Short(c.Title)}”被退回修改。", PagePath(c), clock.GetUtcNow()));

    /// <summary>An opinion arrived online; the department moderates it before it is shown (no contact data in the note).</summary>
    public void CommentReceived(Consultation c) =>
        StaffNotifications.Add(db, StaffNotification.ToDepartment(c.DepartmentId, $"民意征集“{Short(c.Title)}”收到一条网上意见，请审核。", PagePath(c), clock.GetUtcNow()));

    private string PagePath(Consultation c) =>
        links.GetPathByAction(nameof(ManageConsultationsController.Show), "ManageConsultations", new RouteValueDictionary { ["id"] = c.Id })!;

    private static string Short(string title) => title.Length <= 40 ? title : title[..40] + "…";
}
