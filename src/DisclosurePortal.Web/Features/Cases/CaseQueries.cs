using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>The deadline filters the case list and the dashboards share, run in SQL.</summary>
public static class CaseQueries
{
    /// <summary>Open with a reply period running (<see cref="ApplicationStates.ReplyPeriodRuns"/>): not awaiting a supplement (条例 Art. 30).</summary>
    public static IQueryable<ApplicationCase> ReplyRunning(this IQueryable<ApplicationCase> cases) =>
        cases.Where(c => c.DueOn != null && c.State != ApplicationState.Replied && c.State != ApplicationState.Closed
            && c.State != ApplicationState.AwaitingSupplement);

    /// <summary>Waiting for the applicant's supplement: no reply period runs, the applicant's deadline is watched.</summary>
    public static IQueryable<ApplicationCase> AwaitingSupplement(this IQueryable<ApplicationCase> cases) =>
        cases.Where(c => c.State == ApplicationState.AwaitingSupplement);

    /// <summary>
    /// Cases whose 补正 notice deadline still matters (<see cref="ApplicationCase.SupplementNoticeDue"/>): received, in
    /// progress, no notice sent, none of <see cref="ApplicationCase.StepsPastSupplementNotice"/> taken.
    /// </summary>
    public static IQueryable<ApplicationCase> SupplementNoticePending(this IQueryable<ApplicationCase> cases)
    {
        var past = ApplicationCase.StepsPastSupplementNotice.ToList();
        return cases.Where(c => c.ReceivedOn != null && c.SupplementRequestedOn == null && c.State == ApplicationState.InProgress
            && !c.Events.Any(e => past.Contains(e.Kind)));
    }

    /// <summary>Notice due today or within <see cref="ReplyDeadline.SupplementNoticeSoonWorkingDays"/> working days (not yet missed).</summary>
    public static IQueryable<ApplicationCase> SupplementNoticeSoon(this IQueryable<ApplicationCase> cases, DateOnly today, WorkingCalendar calendar)
    {
        var from = ReplyDeadline.FirstReceiptWithNoticeDueFrom(today, calendar);
        var until = ReplyDeadline.FirstReceiptWithNoticeDueFrom(calendar.AddWorkingDays(today, ReplyDeadline.SupplementNoticeSoonWorkingDays + 1), calendar);
        return cases.SupplementNoticePending().Where(c => c.ReceivedOn >= from && c.ReceivedOn < until);
    }

    /// <summary>Notice deadline passed and no notice sent (nor any step past that point).</summary>
    public static IQueryable<ApplicationCase> SupplementNoticeMissed(this IQueryable<ApplicationCase> cases, DateOnly today, WorkingCalendar calendar)
    {
        var from = ReplyDeadline.FirstReceiptWithNoticeDueFrom(today, calendar);
        return cases.SupplementNoticePending().Where(c => c.ReceivedOn < from);
    }
}
