namespace DisclosurePortal.Domain.Auditing;

/// <summary>What is wrong where the audit chain breaks.</summary>
public enum AuditChainBreakKind
{
    /// <summary>The event's content no longer gives its hash: it was changed after it was written.</summary>
    ContentChanged,

    /// <summary>Sequence numbers are missing before this event: events were deleted.</summary>
    Missing,

    /// <summary>The event names as its predecessor an event that is not the one before it (deleted, replaced or renumbered).</summary>
    LinkBroken,

    /// <summary>The event names as its predecessor an event that stands later in the chain: events were swapped.</summary>
    Reordered,

    /// <summary>The event has no hash: it was written around the chain, or its hash was erased.</summary>
    Unsealed,

    /// <summary>The chain head counts more events than there are: the last ones were deleted.</summary>
    TailMissing,

    /// <summary>The chain head's hash is not the last event's: the last event was replaced, or the head was changed.</summary>
    HeadMismatch,
}

/// <summary>
/// Where the chain breaks: the first event found wrong (null for a break at the head), and for missing events the
/// sequence numbers that are gone.
/// </summary>
public sealed record AuditChainBreak(
    AuditChainBreakKind Kind,
    long? EventId,
    long Sequence,
    DateTimeOffset? OccurredAt,
    long? MissingFrom = null,
    long? MissingTo = null,
    string? ClaimedPreviousHash = null)
{
    /// <summary>For <see cref="AuditChainBreakKind.Reordered"/>: the event the broken one names as its predecessor.</summary>
    public long? PredecessorId { get; init; }
}

/// <summary>
/// Checks the chain one event at a time, in sequence order, holding only the previous event's hash: a chain of any
/// length is verified in constant memory. Stops being useful at the first break (later events are checked against a
/// chain that is already broken), so the caller stops there.
/// </summary>
public sealed class AuditChainVerifier
{
    private string? _previousHash;
    private long _lastSequence;
    private long? _lastId;
    private DateTimeOffset? _lastOccurredAt;

    /// <summary>How many events have been found in order so far.</summary>
    public long Count { get; private set; }

    /// <summary>Checks the next event; null when it follows the chain so far.</summary>
    public AuditChainBreak? Next(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        AuditChainBreak At(AuditChainBreakKind kind) => new(kind, e.Id, e.Sequence, e.OccurredAt, ClaimedPreviousHash: e.PreviousHash);

        if (e.Hash is null) return At(AuditChainBreakKind.Unsealed);
        if (e.Sequence > _lastSequence + 1)
            return At(AuditChainBreakKind.Missing) with { MissingFrom = _lastSequence + 1, MissingTo = e.Sequence - 1 };
        if (!string.Equals(e.PreviousHash, _previousHash, StringComparison.Ordinal)) return At(AuditChainBreakKind.LinkBroken);
        if (!string.Equals(AuditChain.HashOf(e), e.Hash, StringComparison.Ordinal)) return At(AuditChainBreakKind.ContentChanged);

        (_previousHash, _lastSequence, _lastId, _lastOccurredAt) = (e.Hash, e.Sequence, e.Id, e.OccurredAt);
        Count++;
        return null;
    }

    /// <summary>After the last event: the chain head (the count and last hash recorded with every append) must agree.</summary>
    public AuditChainBreak? Finish(long headSequence, string? headHash)
    {
        if (headSequence > _lastSequence)
            return new AuditChainBreak(AuditChainBreakKind.TailMissing, _lastId, _lastSequence, _lastOccurredAt, _lastSequence + 1, headSequence);
        if (headSequence < _lastSequence || !string.Equals(headHash, _previousHash, StringComparison.Ordinal))
            return new AuditChainBreak(AuditChainBreakKind.HeadMismatch, _lastId, _lastSequence, _lastOccurredAt);
        return null;
    }
}
