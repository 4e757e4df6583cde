namespace DisclosurePortal.Domain.Applications;

/// <summary>One entry of a case's history: who did what, when, and to which date it applies.</summary>
public sealed class ApplicationEvent
{
    public ApplicationEvent(int caseId, ApplicationEventKind kind, DateTimeOffset occurredAt, string actorName, DateOnly? effectiveOn = null, string? note = null, DateOnly? dueOnAfter = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("事件类型无效。");
        CaseId = caseId;
        Kind = kind;
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        EffectiveOn = effectiveOn;
        Note = Guard.Optional(note);
        DueOnAfter = dueOnAfter;
    }

    public long Id { get; private set; }
    public int CaseId { get; private set; }
    public ApplicationEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The legal date the event counts on (e.g. the day a supplement was received).</summary>
    public DateOnly? EffectiveOn { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The case's due date after this event, so the history explains how the due date came about.</summary>
    public DateOnly? DueOnAfter { get; private set; }

    internal void RecordDueOn(DateOnly? dueOn) => DueOnAfter = dueOn;
}
