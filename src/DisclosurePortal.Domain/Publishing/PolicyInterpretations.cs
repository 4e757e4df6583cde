using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Publishing;

/// <summary>Where an interpretation stands against its policy's deadline.</summary>
public enum InterpretationStatus
{
    /// <summary>按时发布: an interpretation was published by the due date.</summary>
    OnTime = 1,
    /// <summary>逾期发布: an interpretation was published, after the due date.</summary>
    Late = 2,
    /// <summary>未发布，未到期.</summary>
    MissingNotYetDue = 3,
    /// <summary>未发布，已超期.</summary>
    MissingOverdue = 4,
}

/// <summary>
/// The deadline of a policy's interpretation and how it was kept. <see cref="DaysLate"/> counts calendar days after
/// <see cref="DueOn"/> (until the interpretation was published, or until today while it is missing); 0 when not late.
/// </summary>
public sealed record InterpretationTimeliness(DateOnly DueOn, InterpretationStatus Status, DateOnly? InterpretedOn, int DaysLate, int WorkingDaysLate)
{
    public bool IsMissing => Status is InterpretationStatus.MissingNotYetDue or InterpretationStatus.MissingOverdue;

    /// <summary>The due date is a 解读方案's, earlier than the statutory 3 working days (三同步).</summary>
    public bool ByPlan { get; init; }
}

/// <summary>
/// 政策解读 (domain README §5): which records are policies that need one, what an interpretation may hold, and when it
/// is due. The rules are pure; the pages read the facts (publication dates, links) from the database.
/// </summary>
public static class PolicyInterpretations
{
    /// <summary>
    /// 三同步 (Tiexi 2016, domain README §3 and §5): the interpretation is published with the policy, and at the latest
    /// 3 working days after it; the day of publication is not counted.
    /// </summary>
    public const int DueWorkingDays = 3;

    public const int MaxPolicies = 10;
    public const int MaxQuestions = 50;
    public const int MaxQuestionLength = 300;
    public const int MaxAnswerLength = 5000;
    public const int MaxVideoUrlLength = 500;

    /// <summary>
    /// The policy kinds: 规章 and 行政规范性文件, the rows of 条例 Art. 20(1) in the annual report's Table 二. Only these can
    /// be chosen as the policy an interpretation interprets, and only these are owed one (docs/adr/0011). The one
    /// statement of the rule: queries ask <c>PolicyKinds.Contains(v.Kind)</c>, which EF translates to an IN list.
    /// </summary>
    public static IReadOnlyList<RecordKind> PolicyKinds { get; } = [RecordKind.Regulation, RecordKind.NormativeDocument];

    public static bool IsPolicy(RecordKind kind) => PolicyKinds.Contains(kind);

    /// <summary>A published policy in force is owed an interpretation; one that has expired or been repealed no longer is.</summary>
    public static bool NeedsInterpretation(RecordKind kind, Validity validity) => IsPolicy(kind) && validity == Validity.Valid;

    /// <summary>The last day on which the interpretation of a policy first published on <paramref name="policyPublishedOn"/> is on time.</summary>
    public static DateOnly DueOn(DateOnly policyPublishedOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(policyPublishedOn, DueWorkingDays);
    }

    /// <summary>
    /// The due date and status for a published policy: <paramref name="interpretedOn"/> is the day an interpretation of
    /// it was first published (null when none is published).
    /// </summary>
    /// <param name="plannedDue">The due date of the policy's <see cref="InterpretationPlan"/> (never later than the statutory one), if it has one.</param>
    public static InterpretationTimeliness Assess(DateOnly policyPublishedOn, DateOnly? interpretedOn, DateOnly today, WorkingCalendar calendar, DateOnly? plannedDue = null)
    {
        var statutory = DueOn(policyPublishedOn, calendar);
        var byPlan = plannedDue is { } planned && planned < statutory;
        var due = byPlan ? plannedDue!.Value : statutory;
        if (interpretedOn is { } published)
        {
            return (published <= due
                ? new InterpretationTimeliness(due, InterpretationStatus.OnTime, published, 0, 0)
                : new InterpretationTimeliness(due, InterpretationStatus.Late, published, published.DayNumber - due.DayNumber, calendar.WorkingDaysBetween(due, published)))
                with { ByPlan = byPlan };
        }
        return (today <= due
            ? new InterpretationTimeliness(due, InterpretationStatus.MissingNotYetDue, null, 0, 0)
            : new InterpretationTimeliness(due, InterpretationStatus.MissingOverdue, null, today.DayNumber - due.DayNumber, calendar.WorkingDaysBetween(due, today)))
            with { ByPlan = byPlan };
    }

    /// <summary>An interpretation goes to review only once it names a published policy (it may be drafted before: 同步起草).</summary>
    public static void EnsureNamesAPublishedPolicy(int publishedPolicies)
    {
        if (publishedPolicies < 1)
            throw new DomainException("政策解读须选择至少一项已发布的政策文件（规章或行政规范性文件）后才能发布。");
    }

    /// <summary>
    /// An interpretation goes to review once it names a policy that is published, or one of its own unit's that is not
    /// yet (三同步: drafted and submitted with the policy). It is published only once a named policy is (above).
    /// </summary>
    public static void EnsureNamesAPolicy(int namedPolicies)
    {
        if (namedPolicies < 1)
            throw new DomainException("政策解读须选择至少一项政策文件（已发布的，或本单位同步报送的规章、行政规范性文件）后才能提交审核。");
    }

    /// <summary>
    /// Why a video link cannot be kept, or null when it can: an absolute https address of at most
    /// <see cref="MaxVideoUrlLength"/> characters, with a host, no spaces and no user name or password. The page shows it as
    /// a link; nothing from the other site is embedded.
    /// </summary>
    public static string? VideoUrlProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "视频解读须填写视频链接。";
        var text = url.Trim();
        if (text.Length > MaxVideoUrlLength) return "视频链接不能超过500个字符。";
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return "视频链接中不能有空格或控制字符。";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)
            || !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return "视频链接须是以 https:// 开头的完整网址。";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "视频链接不能包含用户名或密码。";
        return null;
    }
}
