namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// One version of a record's content and metadata. Publishing a version flips flags: the public reads only
/// the row with <see cref="IsPublished"/>; editors work on the row with <see cref="IsLatest"/>.
/// Where the record is filed (department, item, domain, stage, kind) is copied onto the version so that the
/// public listings page on one table's index.
/// </summary>
public sealed class RecordVersion
{
    private RecordVersion()
    {
        Title = IssuingOrgan = Body = CreatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int RecordId { get; private set; }
    public int Number { get; private set; }
    public VersionState State { get; private set; }
    public bool IsPublished { get; private set; }
    public bool IsLatest { get; private set; }

    public string Title { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string IssuingOrgan { get; private set; }
    public string? TopicCategory { get; private set; }
    public DateOnly? WrittenOn { get; private set; }

    /// <summary>发布日期: the legal publication date, set when the version is published.</summary>
    public DateOnly? PublishedOn { get; private set; }
    public Validity Validity { get; private set; }
    public DisclosureAttribute DisclosureAttribute { get; private set; }
    public string? NonDisclosureReason { get; private set; }
    public string Body { get; private set; }
    public InterpretationForm? InterpretationForm { get; private set; }
    public string? VideoUrl { get; private set; }
    public ConcernSource? ConcernSource { get; private set; }
    public DateOnly? ConcernDate { get; private set; }
    public string? ConcernSummary { get; private set; }
    public DateOnly? ConferenceDate { get; private set; }
    public TimeOnly? ConferenceTime { get; private set; }
    public string? ConferencePlace { get; private set; }
    /// <summary>One speaker a line, name TAB post (<see cref="PublicResponses.Speakers"/>).</summary>
    public string? Speakers { get; private set; }
    /// <summary>摘要公开: the body is a summary of the document, not its full text (建议提案办理复文, Siping Tiexi).</summary>
    public bool IsSummary { get; private set; }

    public int DepartmentId { get; private set; }
    public int? CatalogueItemId { get; private set; }
    public int? DomainId { get; private set; }
    public int? StageId { get; private set; }
    public int? ColumnId { get; private set; }
    public RecordKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public int Version { get; private set; }

    public static RecordVersion CreateDraft(Record record, int number, RecordMetadata metadata, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var version = new RecordVersion
        {
            RecordId = record.Id,
            Number = number,
            State = VersionState.Draft,
            IsLatest = true,
            DepartmentId = record.DepartmentId,
            CatalogueItemId = record.CatalogueItemId,
            DomainId = record.DomainId,
            StageId = record.StageId,
            ColumnId = record.ColumnId,
            Kind = record.Kind,
            CreatedAt = now,
            CreatedBy = Guard.Required(createdBy, nameof(createdBy)),
        };
        version.Edit(metadata, now);
        return version;
    }

    /// <summary>
    /// 修改已发布信息: a new draft copied from the published version. The published version stays live (and stops being
    /// the latest) until the new one is approved.
    /// </summary>
    public static RecordVersion DraftFrom(Record record, RecordVersion published, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.RecordId != record.Id) throw new ArgumentException("The version belongs to another record.", nameof(published));
        if (!published.IsLatest || published.State != VersionState.Published)
            throw new DomainException("只有最新的已发布版本才能新建修改稿。");
        published.IsLatest = false;
        published.Version++;
        return CreateDraft(record, published.Number + 1, published.Metadata, createdBy, now);
    }

    /// <summary>The metadata as an editor would write it again.</summary>
    public RecordMetadata Metadata => new()
    {
        Title = Title,
        DocumentNumber = DocumentNumber,
        IssuingOrgan = IssuingOrgan,
        TopicCategory = TopicCategory,
        WrittenOn = WrittenOn,
        Validity = Validity,
        DisclosureAttribute = DisclosureAttribute,
        NonDisclosureReason = NonDisclosureReason,
        Body = Body,
        InterpretationForm = InterpretationForm,
        VideoUrl = VideoUrl,
        ConcernSource = ConcernSource,
        ConcernDate = ConcernDate,
        ConcernSummary = ConcernSummary,
        ConferenceDate = ConferenceDate,
        ConferenceTime = ConferenceTime,
        ConferencePlace = ConferencePlace,
        Speakers = Speakers,
        IsSummary = IsSummary,
    };

    public void Edit(RecordMetadata metadata, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (State != VersionState.Draft)
            throw new DomainException($"“{VersionWorkflow.Describe(State)}”状态的版本不能修改，请新建版本。");
        var problems = metadata.Problems();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        Title = metadata.Title.Trim();
        DocumentNumber = Guard.Optional(metadata.DocumentNumber);
        IssuingOrgan = metadata.IssuingOrgan.Trim();
        TopicCategory = Guard.Optional(metadata.TopicCategory);
        WrittenOn = metadata.WrittenOn;
        Validity = metadata.Validity;
        DisclosureAttribute = metadata.DisclosureAttribute;
        NonDisclosureReason = metadata.DisclosureAttribute == DisclosureAttribute.NotDisclosed ? metadata.NonDisclosureReason!.Trim() : null;
        Body = metadata.Body;
        InterpretationForm = metadata.InterpretationForm;
        VideoUrl = metadata.InterpretationForm == Publishing.InterpretationForm.Video ? metadata.VideoUrl!.Trim()
            : Kind == RecordKind.PressConference ? Guard.Optional(metadata.VideoUrl) // optional for a press conference
            : null;
        // 回应关切 and 新闻发布会 keep their own fields, and only they (PublicResponses); the form checks them beside each field.
        var concern = Kind == RecordKind.ConcernResponse;
        var conference = Kind == RecordKind.PressConference;
        ConcernSource = concern ? metadata.ConcernSource : null;
        ConcernDate = concern ? metadata.ConcernDate : null;
        ConcernSummary = concern ? Guard.Optional(metadata.ConcernSummary) : null;
        ConferenceDate = conference ? metadata.ConferenceDate : null;
        ConferenceTime = conference ? metadata.ConferenceTime : null;
        ConferencePlace = conference ? Guard.Optional(metadata.ConferencePlace) : null;
        Speakers = conference ? PublicResponses.Normalise(metadata.Speakers) : null;
        IsSummary = metadata.IsSummary;
        UpdatedAt = now;
        Version++;
    }

    public void Submit(DateTimeOffset now)
    {
        Move(VersionState.Submitted, now);
        SubmittedAt = now;
        ReturnReason = null;
    }

    public void Return(string reason, DateTimeOffset now)
    {
        var why = Guard.Optional(reason) ?? throw new DomainException("退回须说明理由。");
        Move(VersionState.Draft, now);
        ReturnReason = why;
    }

    /// <summary>
    /// 审核通过并发布: only with every step of the county's review chain (issue 21 §6; by default 保密审查, 合法性审查,
    /// 公开属性审查 by different people, and 领导审签 for policy documents) passed in this round by the right people.
    /// The previously published version, if any, is superseded in the same step.
    /// </summary>
    public void Approve(ReviewChain chain, IEnumerable<ReviewDecision> reviews, RecordVersion? previouslyPublished, DateOnly publishedOn, DateTimeOffset now)
    {
        if (State != VersionState.Submitted) VersionWorkflow.EnsureCanMove(State, VersionState.Published);
        ReviewRound.EnsureComplete(chain, this, reviews);
        if (previouslyPublished is not null)
        {
            if (previouslyPublished.RecordId != RecordId || !previouslyPublished.IsPublished)
                throw new DomainException("被替代的版本不是本信息当前发布的版本。");
            previouslyPublished.Supersede(now);
        }
        Publish(publishedOn, now);
    }

    /// <summary>A review step was recorded without moving the version: its concurrency token moves, so two people cannot take one step at once.</summary>
    public void NoteReview()
    {
        if (State != VersionState.Submitted) throw new DomainException($"该版本当前状态为“{VersionWorkflow.Describe(State)}”，不在审核队列中。");
        Version++;
    }

    /// <summary>Publishes this version. Use <see cref="Approve"/> in the workflow; this is the bare state change.</summary>
    public void Publish(DateOnly publishedOn, DateTimeOffset now)
    {
        if (DisclosureAttribute == DisclosureAttribute.NotDisclosed)
            throw new DomainException("公开属性为“不予公开”的信息不能发布。");
        Move(VersionState.Published, now);
        IsPublished = true;
        PublishedOn = publishedOn;
        PublishedAt = now;
    }

    public void Supersede(DateTimeOffset now)
    {
        Move(VersionState.Superseded, now);
        IsPublished = false;
        IsLatest = false;
    }

    /// <summary>不予公开 re-evaluated (domain README §4): the version returns to draft so it can be disclosed after review.</summary>
    public void Reconsider(string reason, DateTimeOffset now)
    {
        var why = Guard.Optional(reason) ?? throw new DomainException("重新评估须说明理由。");
        Move(VersionState.Draft, now);
        DisclosureAttribute = DisclosureAttribute.Proactive;
        NonDisclosureReason = null;
        ReturnReason = why;
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        var why = Guard.Optional(reason) ?? throw new DomainException("撤回须说明理由。");
        Move(VersionState.Withdrawn, now);
        IsPublished = false;
        WithdrawnReason = why;
        WithdrawnAt = now;
    }

    public void Withhold(string reason, DateTimeOffset now)
    {
        var why = Guard.Optional(reason) ?? throw new DomainException("不予公开须说明理由。");
        Move(VersionState.Withheld, now);
        DisclosureAttribute = DisclosureAttribute.NotDisclosed;
        NonDisclosureReason = why;
    }

    private void Move(VersionState to, DateTimeOffset now)
    {
        VersionWorkflow.EnsureCanMove(State, to);
        State = to;
        UpdatedAt = now;
        Version++;
    }
}
