using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// 解读方案 (issue 21 §6, 三同步: Tiexi 2016, domain README §3 and §5): when a 规章 or 行政规范性文件 is submitted for review
/// without its interpretation, the unit states how and by whom it will be interpreted and by when — at the latest
/// <see cref="PolicyInterpretations.DueWorkingDays"/> working days after the policy's publication. The plan's due date
/// then replaces the statutory one in the interpretation deadlines (the due lists, reminders, 考核), and the responsible
/// unit is the one reminded. One plan per policy record; a resubmission after a return may change it.
/// </summary>
public sealed class InterpretationPlan
{
    public const int MaxNoteLength = 500;

    private InterpretationPlan() { CreatedBy = string.Empty; }

    public int Id { get; private set; }
    /// <summary>The policy record the plan is for.</summary>
    public int PolicyRecordId { get; private set; }
    /// <summary>解读形式 planned.</summary>
    public InterpretationForm Form { get; private set; }
    /// <summary>牵头解读单位: the unit that drafts the interpretation and is reminded of it.</summary>
    public int ResponsibleDepartmentId { get; private set; }
    /// <summary>Working days after the policy's publication by which the interpretation is published (0: the same day).</summary>
    public int WorkingDaysAfterPublication { get; private set; }
    public string? Note { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static InterpretationPlan Create(int policyRecordId, InterpretationForm form, int responsibleDepartmentId, int workingDays, string? note, string by, DateTimeOffset now)
    {
        var plan = new InterpretationPlan { PolicyRecordId = policyRecordId, CreatedBy = Guard.Required(by, nameof(by)), CreatedAt = now };
        plan.Change(form, responsibleDepartmentId, workingDays, note, now);
        return plan;
    }

    /// <summary>A resubmission's plan replaces the earlier one.</summary>
    public void Change(InterpretationForm form, int responsibleDepartmentId, int workingDays, string? note, DateTimeOffset now)
    {
        if (Problem(form, responsibleDepartmentId, workingDays, note) is { } problem) throw new DomainException(problem);
        Form = form;
        ResponsibleDepartmentId = responsibleDepartmentId;
        WorkingDaysAfterPublication = workingDays;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Why a plan cannot be kept, in words for the editor; null when it can.</summary>
    public static string? Problem(InterpretationForm form, int responsibleDepartmentId, int workingDays, string? note)
    {
        if (!Enum.IsDefined(form)) return "请选择解读形式。";
        if (responsibleDepartmentId <= 0) return "请选择牵头解读单位。";
        if (workingDays is < 0 or > PolicyInterpretations.DueWorkingDays)
            return $"解读须与政策文件同步发布，最迟在政策文件公开后{PolicyInterpretations.DueWorkingDays}个工作日内发布。";
        if (note is { Length: > MaxNoteLength }) return $"说明不能超过{MaxNoteLength}个字。";
        return null;
    }

    /// <summary>The day the interpretation is due for a policy first published on <paramref name="policyPublishedOn"/>.</summary>
    public DateOnly DueOn(DateOnly policyPublishedOn, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(policyPublishedOn, WorkingDaysAfterPublication);
    }

    /// <summary>In words: "政策问答，县住建局负责，政策文件公开后2个工作日内".</summary>
    public static string DescribeDue(int workingDays) =>
        workingDays == 0 ? "与政策文件同日发布" : $"政策文件公开后{workingDays}个工作日内";
}

/// <summary>
/// 三同步 at submission (issue 21 §6): a 规章 or 行政规范性文件 in force that has never been published goes to review
/// only with its interpretation submitted with it (an interpretation naming it, in review or published) or with an
/// <see cref="InterpretationPlan"/>. A revision of a published policy has had its interpretation owed since its first publication.
/// </summary>
public static class ThreeSync
{
    public const string Refusal = "提交规章、行政规范性文件须同步报送政策解读，或填写解读方案（解读形式、牵头单位、发布时限，最迟在政策文件公开后3个工作日内）。";

    /// <summary>Whether a submission of this version needs an interpretation or a plan.</summary>
    public static bool Applies(RecordKind kind, Validity validity, bool everPublished) =>
        PolicyInterpretations.NeedsInterpretation(kind, validity) && !everPublished;

    /// <summary>Whether a submission 三同步 applies to keeps it: its interpretation is in review, or it has a plan.</summary>
    public static bool IsKept(bool interpretationSubmitted, bool hasPlan) => interpretationSubmitted || hasPlan;
}
