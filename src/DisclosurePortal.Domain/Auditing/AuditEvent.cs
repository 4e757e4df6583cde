namespace DisclosurePortal.Domain.Auditing;

/// <summary>
/// An append-only audit trail entry. <see cref="Sequence"/>, <see cref="PreviousHash"/> and <see cref="Hash"/> place it
/// in the audit chain (<see cref="AuditChain"/>): each event carries the hash of the one before it, so a changed,
/// removed or reordered event breaks the chain where it happened (docs/adr/0023).
/// </summary>
public sealed class AuditEvent
{
    public AuditEvent(DateTimeOffset occurredAt, string actorName, string action, string entityType, string entityId, string? summary, string? actorId = null)
    {
        OccurredAt = AuditChain.Normalise(occurredAt);
        ActorName = Guard.Required(actorName, nameof(actorName));
        Action = Guard.Required(action, nameof(action));
        EntityType = Guard.Required(entityType, nameof(entityType));
        EntityId = Guard.Required(entityId, nameof(entityId));
        Summary = Guard.Optional(summary);
        ActorId = actorId;
    }

    public long Id { get; private set; }

    /// <summary>The event's place in the chain: 1, 2, 3, … without gaps (0 until it is chained).</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>The hash of the event at <see cref="Sequence"/> − 1; null for the first event.</summary>
    public string? PreviousHash { get; private set; }
    public string? Hash { get; private set; }

    /// <summary>
    /// Places a new event after the chain's last one. Called under the chain's write lock, before the event is saved
    /// (and again if that save is retried, since its rolled-back place may have been taken meanwhile).
    /// </summary>
    public void Chain(long sequence, string? previousHash)
    {
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A chain position starts at 1.");
        if (sequence == 1 != previousHash is null)
            throw new ArgumentException("Only the first event of the chain has no previous hash.", nameof(previousHash));
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this);
    }
}
