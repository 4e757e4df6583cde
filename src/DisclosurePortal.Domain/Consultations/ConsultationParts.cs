namespace DisclosurePortal.Domain.Consultations;

/// <summary>A questionnaire question; options in order (their index is what an answer stores).</summary>
public sealed class ConsultationQuestion
{
    private ConsultationQuestion()
    {
        Text = null!;
    }

    internal ConsultationQuestion(int position, QuestionDraft draft)
    {
        Position = position;
        Text = draft.Text.Trim();
        Kind = draft.Kind;
        Options = draft.Kind == QuestionKind.FreeText ? [] : draft.Options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
    }

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; private set; }
    public QuestionKind Kind { get; private set; }
    public List<string> Options { get; private set; } = [];
}

/// <summary>One answer: a chosen option's index, or the free text.</summary>
public sealed record AnswerDraft(int QuestionId, int? Option, string? Text);

/// <summary>
/// What a writer gives: the opinion, a name to publish (optional), and contact details kept private. The name, phone,
/// e-mail and address arrive here already encrypted (ConsultationContacts in the Data project); the Domain never sees them clear.
/// </summary>
public sealed record CommentDetails(string Body, string? PublicName, bool MayPublish, string? NameSealed, string? PhoneSealed, string? EmailSealed, string? AddressSealed)
{
    public IReadOnlyList<AnswerDraft> Answers { get; init; } = [];
}

/// <summary>An opinion on a consultation, received online or entered by staff; moderated before anything of it is shown.</summary>
public sealed class ConsultationComment
{
    private readonly List<ConsultationAnswer> _answers = [];

    private ConsultationComment()
    {
        Body = null!;
    }

    internal ConsultationComment(int consultationId, CommentChannel channel, DateOnly receivedOn, CommentDetails d, string? enteredBy, DateTimeOffset now)
    {
        ConsultationId = consultationId;
        Channel = channel;
        ReceivedOn = receivedOn;
        ReceivedAt = now;
        Body = Guard.Optional(d.Body) ?? throw new DomainException("请填写意见内容。");
        PublicName = d.MayPublish ? Guard.Optional(d.PublicName) : null;
        MayPublish = d.MayPublish;
        NameSealed = d.NameSealed;
        PhoneSealed = d.PhoneSealed;
        EmailSealed = d.EmailSealed;
        AddressSealed = d.AddressSealed;
        EnteredBy = enteredBy;
        Moderation = ModerationState.Pending;
        foreach (var a in d.Answers) _answers.Add(new ConsultationAnswer(a.QuestionId, a.Option, Guard.Optional(a.Text)));
    }

    public long Id { get; private set; }
    public int ConsultationId { get; private set; }
    public CommentChannel Channel { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Body { get; private set; }

    /// <summary>The name shown with the opinion, if the writer gave one and allowed publication; otherwise 匿名.</summary>
    public string? PublicName { get; private set; }

    /// <summary>The writer allows the opinion to be shown (after moderation).</summary>
    public bool MayPublish { get; private set; }

    // Contact data: encrypted, never public, removed after the retention period.
    public string? NameSealed { get; private set; }
    public string? PhoneSealed { get; private set; }
    public string? EmailSealed { get; private set; }
    public string? AddressSealed { get; private set; }

    public string? EnteredBy { get; private set; }
    public ModerationState Moderation { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }
    public string? ModeratedBy { get; private set; }

    public IReadOnlyList<ConsultationAnswer> Answers => _answers;

    public bool IsShown => Moderation == ModerationState.Accepted && MayPublish;

    internal void Moderate(ModerationState decision, string actorName, DateTimeOffset now)
    {
        if (decision == ModerationState.Pending || !Enum.IsDefined(decision)) throw new DomainException("请选择审核结果。");
        Moderation = decision;
        ModeratedAt = now;
        ModeratedBy = actorName;
    }

    /// <summary>Retention: the contact data goes; the opinion and its counts stay.</summary>
    public void RemoveContacts()
    {
        NameSealed = PhoneSealed = EmailSealed = AddressSealed = null;
    }
}

public sealed class ConsultationAnswer
{
    private ConsultationAnswer()
    {
    }

    internal ConsultationAnswer(int questionId, int? option, string? text)
    {
        QuestionId = questionId;
        Option = option;
        Text = text;
    }

    public long Id { get; private set; }
    public long CommentId { get; private set; }
    public int QuestionId { get; private set; }
    public int? Option { get; private set; }
    public string? Text { get; private set; }
}

/// <summary>One step of a consultation's history: who did what, when.</summary>
public sealed class ConsultationEvent
{
    private ConsultationEvent()
    {
        ActorName = null!;
    }

    internal ConsultationEvent(int consultationId, ConsultationEventKind kind, DateTimeOffset occurredAt, string actorName, string? actorId, string? note)
    {
        ConsultationId = consultationId;
        Kind = kind;
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        ActorId = actorId;
        Note = Guard.Optional(note);
    }

    public long Id { get; private set; }
    public int ConsultationId { get; private set; }
    public ConsultationEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorName { get; private set; }
    public string? ActorId { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>Questionnaire results: per choice question, the count of each option among accepted opinions.</summary>
public sealed record QuestionResult(int QuestionId, string Text, QuestionKind Kind, IReadOnlyList<OptionResult> Options, int Respondents);

public sealed record OptionResult(string Option, int Count);

public static class QuestionnaireResults
{
    /// <summary>Tallies the answers of accepted opinions; a free-text question counts its respondents only.</summary>
    public static IReadOnlyList<QuestionResult> Tally(IEnumerable<ConsultationQuestion> questions, IReadOnlyCollection<(long CommentId, int QuestionId, int? Option)> answers) =>
        questions.OrderBy(q => q.Position).Select(q =>
        {
            var mine = answers.Where(a => a.QuestionId == q.Id).ToList();
            var options = q.Options.Select((o, i) => new OptionResult(o, mine.Count(a => a.Option == i))).ToList();
            return new QuestionResult(q.Id, q.Text, q.Kind, options, mine.Select(a => a.CommentId).Distinct().Count());
        }).ToList();
}
