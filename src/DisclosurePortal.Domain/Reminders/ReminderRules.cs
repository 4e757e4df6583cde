using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Reminders;

/// <summary>Which reminder a thing with a due date gets (issue 21 §2, 消息警示).</summary>
public enum ReminderKind
{
    /// <summary>即将到期: N working days before the due date, up to the due date itself.</summary>
    DueSoon = 1,
    /// <summary>已逾期: the day after the due date (the first day it is late).</summary>
    BecameLate = 2,
    /// <summary>催办: the office pressed 催办 on a late thing; as often as the office likes, each counted.</summary>
    Urged = 3,
    /// <summary>每日汇总: the office's daily digest of what became late.</summary>
    Digest = 4,
}

/// <summary>What a reminder is about: the kinds of things with a due date that editors are reminded of.</summary>
public enum ReminderSubject
{
    /// <summary>An expected publication of a periodic or event-driven catalogue item (ADR 33).</summary>
    Expectation = 1,
    /// <summary>An unpublished record and its catalogue item's time limit (/office/deadlines).</summary>
    Record = 2,
    /// <summary>A published policy whose interpretation is due (三同步, ADR 11).</summary>
    Interpretation = 3,
    /// <summary>The office itself: the daily digest.</summary>
    Office = 4,
}

/// <summary>
/// The date rules of reminders, on the working-day calendar. A reminder of a kind is due on a window of days rather
/// than one day, so that a job that did not run one day (a restart, a holiday with the server off) still sends it the
/// next; the log of reminders sent (<see cref="SentReminder"/>) makes it once.
/// </summary>
public static class ReminderRules
{
    public const int DefaultWorkingDaysBefore = 3;
    public const int MaxWorkingDaysBefore = 20;

    /// <summary>
    /// A late reminder is still sent this many calendar days after the due date (a week covers 国庆 with the server
    /// off); older lateness is not announced again: switching reminders on does not flood editors with last year's gaps.
    /// </summary>
    public const int LateCatchUpDays = 7;

    /// <summary>
    /// The first day of the due-soon reminder: the <paramref name="workingDaysBefore"/>-th working day before
    /// <paramref name="dueOn"/> (3 working days before 2025-10-09 is Sunday 2025-09-28, a 调休 working day: the
    /// National Day holidays 10-01..08 are not counted).
    /// </summary>
    public static DateOnly DueSoonFrom(DateOnly dueOn, int workingDaysBefore, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDaysBefore);
        var day = dueOn;
        var count = workingDaysBefore;
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) count--;
        }
        return day;
    }

    /// <summary>The first day a thing due on <paramref name="dueOn"/> is late: the next day (the due date itself is in time).</summary>
    public static DateOnly LateFrom(DateOnly dueOn) => dueOn.AddDays(1);

    /// <summary>
    /// The reminder a thing still unfinished and due on <paramref name="dueOn"/> gets <paramref name="today"/>, or null:
    /// <see cref="ReminderKind.DueSoon"/> from <see cref="DueSoonFrom"/> to the due date,
    /// <see cref="ReminderKind.BecameLate"/> from <see cref="LateFrom"/> for <see cref="LateCatchUpDays"/> days.
    /// </summary>
    public static ReminderKind? Due(DateOnly dueOn, DateOnly today, int workingDaysBefore, WorkingCalendar calendar)
    {
        if (today > dueOn)
            return today <= LateFrom(dueOn).AddDays(LateCatchUpDays - 1) ? ReminderKind.BecameLate : null;
        if (workingDaysBefore > 0 && today >= DueSoonFrom(dueOn, workingDaysBefore, calendar)) return ReminderKind.DueSoon;
        return null;
    }

    public static string Describe(ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "即将到期",
        ReminderKind.BecameLate => "已逾期",
        ReminderKind.Urged => "催办",
        ReminderKind.Digest => "每日逾期汇总",
        _ => kind.ToString(),
    };
}
