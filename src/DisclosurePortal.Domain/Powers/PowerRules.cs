using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Powers;

/// <summary>The time rule of a 权责清单 change, with its source.</summary>
public static class PowerRules
{
    /// <summary>
    /// County plan (shared/domain README §9): 权力事项发生变化的，在20个工作日内更新公开权力运行流程图 — the revised
    /// flowchart is published within 20 working days of the day the power changed.
    /// </summary>
    public const int FlowchartWorkingDays = 20;

    /// <summary>The last day to publish the revised flowchart of a power changed on <paramref name="changedOn"/>.</summary>
    public static DateOnly FlowchartDueOn(DateOnly changedOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(changedOn, FlowchartWorkingDays);
    }

    /// <summary>
    /// Derived, never stored: published (on time or late) by its publication day, otherwise pending, due soon (within the
    /// same 3-working-day margin as an application's reply) or overdue against today.
    /// </summary>
    public static FlowchartTimeliness Timeliness(DateOnly dueOn, DateOnly? publishedOn, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (publishedOn is { } published) return published <= dueOn ? FlowchartTimeliness.OnTime : FlowchartTimeliness.Late;
        if (today > dueOn) return FlowchartTimeliness.Overdue;
        return ReplyDeadline.IsDueSoon(dueOn, today, calendar) ? FlowchartTimeliness.DueSoon : FlowchartTimeliness.Pending;
    }
}
