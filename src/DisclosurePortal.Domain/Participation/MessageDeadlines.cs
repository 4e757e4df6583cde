using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Participation;

/// <summary>
/// The mailbox's time limits, in working days on the working-day calendar (the county's own rule for 网上信箱, set in
/// the <c>Messages</c> configuration section): accept or decline within <see cref="AcceptWorkingDays"/> of the message,
/// reply within <see cref="ReplyWorkingDays"/> of acceptance, one extension of at most <see cref="MaxExtensionWorkingDays"/>
/// with a reason the writer sees. Contact data of closed messages is removed after <see cref="RetentionMonths"/>.
/// </summary>
public sealed record MessageDeadlines(
    int AcceptWorkingDays = 2,
    int ReplyWorkingDays = 5,
    int MaxExtensionWorkingDays = 10,
    int DueSoonWorkingDays = 2,
    int RetentionMonths = 24)
{
    public static MessageDeadlines Default { get; } = new();

    /// <summary>What is wrong with these settings (empty when they can be used).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AcceptWorkingDays is < 1 or > 30) problems.Add("Messages:AcceptWorkingDays must be 1–30.");
        if (ReplyWorkingDays is < 1 or > 60) problems.Add("Messages:ReplyWorkingDays must be 1–60.");
        if (MaxExtensionWorkingDays is < 0 or > 60) problems.Add("Messages:MaxExtensionWorkingDays must be 0–60.");
        if (DueSoonWorkingDays is < 0 or > 10) problems.Add("Messages:DueSoonWorkingDays must be 0–10.");
        if (RetentionMonths is < 1 or > 240) problems.Add("Messages:RetentionMonths must be 1–240.");
        return problems;
    }

    /// <summary>The day by which the office accepts or declines a message written on <paramref name="writtenOn"/>.</summary>
    public DateOnly AcceptDue(DateOnly writtenOn, WorkingCalendar calendar) => calendar.AddWorkingDays(writtenOn, AcceptWorkingDays);

    /// <summary>The day by which a message accepted on <paramref name="acceptedOn"/> is answered, with its extension.</summary>
    public DateOnly ReplyDue(DateOnly acceptedOn, int extensionWorkingDays, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(acceptedOn, ReplyWorkingDays + extensionWorkingDays);

    /// <summary>The reply's due date with the steps that produced it, in words the writer understands (zh-CN).</summary>
    public IReadOnlyList<string> ExplainReplyDue(DateOnly acceptedOn, int extensionWorkingDays, WorkingCalendar calendar)
    {
        var steps = new List<string>
        {
            $"{Iso(acceptedOn)} 受理，自次日起计算 {ReplyWorkingDays} 个工作日（不含周末和法定节假日，含调休上班日）：{Iso(calendar.AddWorkingDays(acceptedOn, ReplyWorkingDays))}",
        };
        if (extensionWorkingDays > 0)
            steps.Add($"延长 {extensionWorkingDays} 个工作日：{Iso(ReplyDue(acceptedOn, extensionWorkingDays, calendar))}");
        return steps;
    }

    /// <summary>Past its due date (the day itself still counts as in time).</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary>Not overdue, and due within <see cref="DueSoonWorkingDays"/> working days.</summary>
    public bool IsDueSoon(DateOnly dueOn, DateOnly today, WorkingCalendar calendar) =>
        today <= dueOn && calendar.WorkingDaysBetween(today, dueOn) <= DueSoonWorkingDays;

    /// <summary>Working days from acceptance to the answer (what the statistics average).</summary>
    public static int WorkingDaysTaken(DateOnly from, DateOnly answeredOn, WorkingCalendar calendar) =>
        answeredOn <= from ? 0 : calendar.WorkingDaysBetween(from, answeredOn);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
