using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.PolicyCleanups;

/// <summary>Where a clean-up stands: drafted (also when returned, with the reason), in the office's queue, or published.</summary>
public enum CleanupState
{
    /// <summary>草稿 (also a clean-up returned by the reviewer, which then carries the return reason).</summary>
    Draft = 1,
    /// <summary>待审核.</summary>
    Submitted = 2,
    /// <summary>已公布: the lists are public and the validities have changed.</summary>
    Published = 3,
}

public enum CleanupEventKind
{
    Created = 1,
    Edited = 2,
    Submitted = 3,
    Returned = 4,
    Published = 5,
}

/// <summary>A published policy as a clean-up sees it: what it is and its validity now.</summary>
public sealed record CleanupCandidate(int RecordId, RecordKind Kind, string Title, string? DocumentNumber, Validity Validity);

/// <summary>One document of the lists as typed: the record, its conclusion (继续有效, 宣布失效 or 宣布废止) and why.</summary>
public sealed record CleanupEntryDraft(int RecordId, Validity NewValidity, string? Reason);

/// <summary>What the office types for a clean-up.</summary>
public sealed record CleanupDraft
{
    public required string Title { get; init; }
    public required string IssuingBody { get; init; }
    public required DateOnly DecidedOn { get; init; }
    public string? DocumentNumber { get; init; }
    public required string Intro { get; init; }
    public required IReadOnlyList<CleanupEntryDraft> Entries { get; init; }
}

/// <summary>
/// 规范性文件清理 (issue 20 §4; 国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知, 国办发〔2018〕37号, 五(十五)):
/// the office reviews the normative documents in force and publishes the result as lists — 继续有效, 宣布失效, 宣布废止 —
/// each document with its 文号 and the reason. Drafted by the office, approved by another reviewer (four eyes); on
/// approval every listed document whose validity changes gets a new published version identical but for its validity, in
/// the same transaction, dated the clean-up's publication date.
/// </summary>
public sealed class PolicyCleanup
{
    public const int MaxTitleLength = 200;
    public const int MaxIssuingBodyLength = 100;
    public const int MaxDocumentNumberLength = 100;
    public const int MaxIntroLength = 4000;
    public const int MaxReasonLength = 200;
    public const int MaxEntries = 500;
    public const int MaxReturnReasonLength = 1000;

    private readonly List<PolicyCleanupEntry> _entries = [];
    private readonly List<PolicyCleanupEvent> _events = [];

    private PolicyCleanup()
    {
        Title = IssuingBody = Intro = null!;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    /// <summary>发布机关: who decided the clean-up (e.g. the county government, its office or the 司法局).</summary>
    public string IssuingBody { get; private set; }
    /// <summary>决定日期.</summary>
    public DateOnly DecidedOn { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string Intro { get; private set; }
    public CleanupState State { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? SubmittedById { get; private set; }
    /// <summary>公布日期: the day the lists went public and the validities changed.</summary>
    public DateOnly? PublishedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PolicyCleanupEntry> Entries => _entries;
    public IReadOnlyList<PolicyCleanupEvent> Events => _events;

    public static PolicyCleanup Create(CleanupDraft draft, IReadOnlyDictionary<int, CleanupCandidate> candidates, DateOnly today,
        string actorName, string? actorId, DateTimeOffset now)
    {
        var cleanup = new PolicyCleanup { State = CleanupState.Draft, CreatedAt = now, UpdatedAt = now, Version = 1 };
        cleanup.Fill(draft, candidates, today);
        cleanup.Add(CleanupEventKind.Created, actorName, actorId, now, $"{cleanup._entries.Count}件");
        return cleanup;
    }

    public void Save(CleanupDraft draft, IReadOnlyDictionary<int, CleanupCandidate> candidates, DateOnly today, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != CleanupState.Draft) throw new DomainException(State == CleanupState.Submitted
            ? "该清理结果已提交审核，审核完成前不能修改。" : "该清理结果已公布，不能修改。");
        Fill(draft, candidates, today);
        Touch(now);
        Add(CleanupEventKind.Edited, actorName, actorId, now, $"{_entries.Count}件");
    }

    public void Submit(string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != CleanupState.Draft) throw new DomainException("只有草稿可以提交审核。");
        if (_entries.Count == 0) throw new DomainException("请至少列入一件文件后再提交审核。");
        State = CleanupState.Submitted;
        SubmittedById = actorId;
        ReturnReason = null;
        Touch(now);
        Add(CleanupEventKind.Submitted, actorName, actorId, now);
    }

    public void Return(string reason, string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != CleanupState.Submitted) throw new DomainException("该清理结果不在审核队列中。");
        var why = Guard.Optional(reason) ?? throw new DomainException("请填写退回理由。");
        if (why.Length > MaxReturnReasonLength) throw new DomainException("退回理由不能超过1000个字。");
        State = CleanupState.Draft;
        ReturnReason = why;
        Touch(now);
        Add(CleanupEventKind.Returned, actorName, actorId, now, why);
    }

    /// <summary>
    /// 审核通过并公布. Every entry is checked again against the documents as they are now (one may have been withdrawn or
    /// repealed since the draft); a document with a version being edited or reviewed refuses the approval, naming it, so
    /// that the clean-up never overwrites an editor's open change nor is overwritten by it. Answers the entries whose
    /// validity changes: the caller publishes their new versions in the same transaction.
    /// </summary>
    /// <param name="current">The listed documents that are published policies now, by record id.</param>
    /// <param name="openVersions">The listed documents that have a draft or submitted version open, by record id.</param>
    public IReadOnlyList<PolicyCleanupEntry> Approve(IReadOnlyDictionary<int, CleanupCandidate> current, IReadOnlySet<int> openVersions, DateOnly today,
        string actorName, string? actorId, DateTimeOffset now)
    {
        if (State != CleanupState.Submitted) throw new DomainException("该清理结果不在审核队列中。");
        // 四眼原则: the lists change the legal status of documents; who drafted and submitted them does not approve them.
        if (actorId is not null && actorId == SubmittedById) throw new DomainException("提交审核的人不能审核自己提交的清理结果，请由另一位审核员审核。");
        var problems = _entries.Select(e => CleanupRules.Problem(current.GetValueOrDefault(e.RecordId), e.NewValidity, e.Title)).OfType<string>().ToList();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        var open = _entries.Where(e => openVersions.Contains(e.RecordId)).Select(e => $"《{e.Title}》").ToList();
        if (open.Count > 0)
            throw new DomainException($"以下文件有正在编辑或审核的新版本，请先处理完毕再审核本清理结果：{string.Join("、", open)}。");
        foreach (var e in _entries) e.Refresh(current[e.RecordId]);
        State = CleanupState.Published;
        PublishedOn = today;
        Touch(now);
        var changes = _entries.Where(e => e.Changes).ToList();
        Add(CleanupEventKind.Published, actorName, actorId, now, $"{_entries.Count}件，其中{changes.Count}件效力变更");
        return changes;
    }

    private void Fill(CleanupDraft draft, IReadOnlyDictionary<int, CleanupCandidate> candidates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(candidates);
        var problems = CleanupRules.Problems(draft, candidates, today);
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        Title = draft.Title.Trim();
        IssuingBody = draft.IssuingBody.Trim();
        DecidedOn = draft.DecidedOn;
        DocumentNumber = Guard.Optional(draft.DocumentNumber);
        Intro = draft.Intro.Trim();
        _entries.Clear();
        var position = 0;
        foreach (var e in draft.Entries)
            _entries.Add(new PolicyCleanupEntry(++position, candidates[e.RecordId], e.NewValidity, Guard.Optional(e.Reason)));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Add(CleanupEventKind kind, string actorName, string? actorId, DateTimeOffset now, string? note = null) =>
        _events.Add(new PolicyCleanupEvent(kind, now, actorName, actorId, note));
}

/// <summary>One listed document: which record, its 文号 and title as listed, its validity before and the conclusion.</summary>
public sealed class PolicyCleanupEntry
{
    private PolicyCleanupEntry()
    {
        Title = null!;
    }

    internal PolicyCleanupEntry(int position, CleanupCandidate candidate, Validity newValidity, string? reason)
    {
        Position = position;
        RecordId = candidate.RecordId;
        NewValidity = newValidity;
        Reason = reason;
        Title = candidate.Title;
        Refresh(candidate);
    }

    public int Id { get; private set; }
    public int CleanupId { get; private set; }
    public int Position { get; private set; }
    public int RecordId { get; private set; }
    public string Title { get; private set; }
    public string? DocumentNumber { get; private set; }
    public Validity PreviousValidity { get; private set; }
    /// <summary>The conclusion: 有效 is 继续有效 (listed, unchanged), 失效 宣布失效, 废止 宣布废止.</summary>
    public Validity NewValidity { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Whether the document gets a new version (its validity changes).</summary>
    public bool Changes => NewValidity != PreviousValidity;

    internal void Refresh(CleanupCandidate candidate)
    {
        Title = candidate.Title;
        DocumentNumber = candidate.DocumentNumber;
        PreviousValidity = candidate.Validity;
    }
}

/// <summary>One step of a clean-up's history: who did what, when.</summary>
public sealed class PolicyCleanupEvent
{
    private PolicyCleanupEvent()
    {
        ActorName = null!;
    }

    internal PolicyCleanupEvent(CleanupEventKind kind, DateTimeOffset occurredAt, string actorName, string? actorId, string? note)
    {
        Kind = kind;
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        ActorId = actorId;
        Note = Guard.Optional(note);
    }

    public long Id { get; private set; }
    public int CleanupId { get; private set; }
    public CleanupEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorName { get; private set; }
    public string? ActorId { get; private set; }
    public string? Note { get; private set; }
}
