namespace DisclosurePortal.Domain.Participation;

/// <summary>One step of a message's history: who did what, when (as <see cref="Applications.ApplicationEvent"/>).</summary>
public sealed class MessageEvent
{
    public MessageEvent(MessageEventKind kind, DateTimeOffset occurredAt, string actorName, string? note = null, string? actorId = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("事件类型无效。");
        Kind = kind;
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        ActorId = Guard.Optional(actorId);
        Note = Guard.Optional(note);
    }

    public long Id { get; private set; }
    public int MessageId { get; private set; }
    public MessageEventKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string? Note { get; private set; }
}
