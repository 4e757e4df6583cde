namespace DisclosurePortal.Domain.Auditing;

/// <summary>An append-only audit trail entry. The hash fields chain each event to the one before it.</summary>
public sealed class AuditEvent
{
    public AuditEvent(DateTimeOffset occurredAt, string actorName, string action, string entityType, string entityId, string? summary, string? actorId = null)
    {
        OccurredAt = occurredAt;
        ActorName = Guard.Required(actorName, nameof(actorName));
        Action = Guard.Required(action, nameof(action));
        EntityType = Guard.Required(entityType, nameof(entityType));
        EntityId = Guard.Required(entityId, nameof(entityId));
        Summary = Guard.Optional(summary);
        ActorId = actorId;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public string? Summary { get; private set; }
    public string? PreviousHash { get; private set; }
    public string? Hash { get; private set; }
}
