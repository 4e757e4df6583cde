using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Consultations;

/// <summary>The time rules of a consultation, each with its source.</summary>
public static class ConsultationRules
{
    /// <summary>
    /// 《重大行政决策程序暂行条例》 Art. 14: the draft is published with its explanation and other materials (附件). What
    /// the office approves is what the public reads: the materials change only while the consultation is a draft
    /// (which includes one sent back for changes), never once submitted, approved or closed.
    /// </summary>
    public static bool AttachmentsEditable(ConsultationState state) => state == ConsultationState.Draft;

    /// <summary>《重大行政决策程序暂行条例》 Art. 14: 征求意见期限一般不少于30日 (calendar days).</summary>
    public const int MinimumPeriodDays = 30;

    /// <summary>Local rule (setting <c>Consultations:FeedbackWorkingDays</c>): 采纳情况 fed back within 30 working days of closing.</summary>
    public const int DefaultFeedbackWorkingDays = 30;

    /// <summary>Local rule (setting <c>Consultations:RetentionMonths</c>): writers' contact data kept 24 months after closing.</summary>
    public const int DefaultRetentionMonths = 24;

    public const int MinQuestionOptions = 2;
    public const int MaxQuestionOptions = 10;
    public const int MaxChoiceQuestions = 10;

    /// <summary>Days in the period, both ends counted: 1 June to 30 June is 30 days.</summary>
    public static int PeriodDays(DateOnly startsOn, DateOnly endsOn) => endsOn.DayNumber - startsOn.DayNumber + 1;

    /// <summary>
    /// Art. 14: the period is at least 30 days; a shorter one needs a reason, which is published with the consultation.
    /// Answers the problem, or null.
    /// </summary>
    public static string? PeriodProblem(DateOnly startsOn, DateOnly endsOn, string? shortPeriodReason)
    {
        if (endsOn < startsOn) return "截止日期不能早于开始日期。";
        if (PeriodDays(startsOn, endsOn) < MinimumPeriodDays && string.IsNullOrWhiteSpace(shortPeriodReason))
            return "征求意见期限一般不少于30日（《重大行政决策程序暂行条例》第十四条）；期限较短的，请填写并公开说明理由。";
        return null;
    }

    /// <summary>The day 采纳情况 is due: the N-th working day after the last day of the period.</summary>
    public static DateOnly FeedbackDueOn(DateOnly endsOn, WorkingCalendar calendar, int feedbackWorkingDays) =>
        calendar.AddWorkingDays(endsOn, feedbackWorkingDays);

    /// <summary>Contact data of a consultation closed on <paramref name="endsOn"/> is removed from this day on.</summary>
    public static DateOnly ContactsRemovableOn(DateOnly endsOn, int retentionMonths) => endsOn.AddMonths(retentionMonths).AddDays(1);

    public static ConsultationPhase Phase(ConsultationState state, DateOnly startsOn, DateOnly endsOn, DateOnly today) => state switch
    {
        ConsultationState.Draft => ConsultationPhase.Draft,
        ConsultationState.Submitted => ConsultationPhase.InReview,
        ConsultationState.FeedbackPublished => ConsultationPhase.FeedbackPublished,
        _ when today < startsOn => ConsultationPhase.Scheduled,
        _ when today <= endsOn => ConsultationPhase.Open,
        _ => ConsultationPhase.Closed,
    };

    /// <summary>Days left to comment, today included (0 when not open).</summary>
    public static int DaysLeft(DateOnly endsOn, DateOnly today) => Math.Max(0, endsOn.DayNumber - today.DayNumber + 1);
}
