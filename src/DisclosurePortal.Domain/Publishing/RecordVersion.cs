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

    public int DepartmentId { get; private set; }
    public int CatalogueItemId { get; private set; }
    public int DomainId { get; private set; }
    public int StageId { get; private set; }
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
            Kind = record.Kind,
            CreatedAt = now,
            CreatedBy = Guard.Required(createdBy, nameof(createdBy)),
        };
        version.Edit(metadata, now);
        return version;
    }

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

    /// <summary>Publishes this version. The caller supersedes the previously published version of the record.</summary>
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
