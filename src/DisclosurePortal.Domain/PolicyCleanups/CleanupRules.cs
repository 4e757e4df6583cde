using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.PolicyCleanups;

/// <summary>
/// What a clean-up may list (issue 20 §4): published policies of the library's kinds
/// (<see cref="PolicyInterpretations.PolicyKinds"/>), each once; a conclusion that moves a document only forward —
/// 有效 may continue, expire or be repealed; 失效 may only be repealed; 废止 is final.
/// </summary>
public static class CleanupRules
{
    /// <summary>The three lists of the notice, in the order it prints them.</summary>
    public static IReadOnlyList<Validity> Lists { get; } = [Validity.Valid, Validity.Expired, Validity.Repealed];

    /// <summary>继续有效, 宣布失效, 宣布废止.</summary>
    public static string Describe(Validity conclusion) => conclusion switch
    {
        Validity.Valid => "继续有效",
        Validity.Expired => "宣布失效",
        Validity.Repealed => "宣布废止",
        _ => conclusion.ToString(),
    };

    /// <summary>Why this document cannot be listed with this conclusion, or null when it can.</summary>
    public static string? Problem(CleanupCandidate? candidate, Validity conclusion, string? listedTitle = null)
    {
        if (candidate is null)
            return listedTitle is null ? "所选文件不是已发布的政策文件。" : $"《{listedTitle}》已不是已发布的政策文件（可能已撤回）。";
        if (!PolicyInterpretations.IsPolicy(candidate.Kind)) return $"《{candidate.Title}》不是规章或行政规范性文件，不能列入清理。";
        if (!Enum.IsDefined(conclusion)) return $"《{candidate.Title}》的清理结论无效。";
        return (candidate.Validity, conclusion) switch
        {
            (Validity.Repealed, _) => $"《{candidate.Title}》已废止，不能再列入清理。",
            (Validity.Expired, Validity.Valid) => $"《{candidate.Title}》已失效，不能宣布继续有效。",
            (Validity.Expired, Validity.Expired) => $"《{candidate.Title}》已失效，不能再次宣布失效。",
            _ => null,
        };
    }

    /// <summary>Every problem of a draft, in the order of the form.</summary>
    public static IReadOnlyList<string> Problems(CleanupDraft draft, IReadOnlyDictionary<int, CleanupCandidate> candidates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        Text(problems, draft.Title, "标题", PolicyCleanup.MaxTitleLength);
        Text(problems, draft.IssuingBody, "发布机关", PolicyCleanup.MaxIssuingBodyLength);
        if (draft.DecidedOn > today) problems.Add("决定日期不能晚于今天。");
        if (Guard.Optional(draft.DocumentNumber) is { } number) Text(problems, number, "文号", PolicyCleanup.MaxDocumentNumberLength);
        Text(problems, draft.Intro, "正文", PolicyCleanup.MaxIntroLength, multiLine: true);
        var entries = draft.Entries ?? [];
        if (entries.Count > PolicyCleanup.MaxEntries) problems.Add($"一次清理最多列入{PolicyCleanup.MaxEntries}件文件。");
        var seen = new HashSet<int>();
        foreach (var e in entries)
        {
            var candidate = candidates.GetValueOrDefault(e.RecordId);
            if (!seen.Add(e.RecordId))
            {
                problems.Add(candidate is null ? "同一文件不能重复列入。" : $"《{candidate.Title}》重复列入。");
                continue;
            }
            if (Problem(candidate, e.NewValidity) is { } p)
            {
                problems.Add(p);
                continue;
            }
            var reason = Guard.Optional(e.Reason);
            // The notice states why a document ceases to have effect (上位法已修改, 调整对象已消失 …).
            if (reason is null && e.NewValidity != Validity.Valid) problems.Add($"请填写《{candidate!.Title}》{Describe(e.NewValidity)}的理由。");
            else if (reason is { Length: > PolicyCleanup.MaxReasonLength }) problems.Add($"《{candidate!.Title}》的理由不能超过{PolicyCleanup.MaxReasonLength}个字。");
            else if (reason is not null && reason.Any(char.IsControl)) problems.Add($"《{candidate!.Title}》的理由不能包含控制字符。");
        }
        return problems;
    }

    private static void Text(List<string> problems, string? value, string what, int max, bool multiLine = false)
    {
        var v = Guard.Optional(value);
        if (v is null) problems.Add($"请填写{what}。");
        else if (v.Length > max) problems.Add($"{what}不能超过{max}个字。");
        else if (v.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))) problems.Add($"{what}不能包含控制字符。");
    }

    /// <summary>
    /// The new version a changed document gets: the published one copied, its validity set, submitted and ready to publish.
    /// The old one is superseded here; the caller saves that first, then adds and publishes the new one
    /// (<see cref="RecordVersion.Publish"/>, dated the clean-up's publication date) so that no moment has two published.
    /// The clean-up's approval is the review of this version: it differs from the reviewed one in its validity alone.
    /// </summary>
    public static RecordVersion Revalidate(Record record, RecordVersion published, Validity validity, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.Validity == validity) throw new DomainException($"《{published.Title}》的效力没有变化。");
        var next = RecordVersion.DraftFrom(record, published, createdBy, now);
        next.Edit(published.Metadata with { Validity = validity }, now);
        next.Submit(now);
        published.Supersede(now);
        return next;
    }
}
