namespace DisclosurePortal.Domain.Catalogue;

/// <summary>One entry of a catalogue item's history (动态调整): what it said after each change, who changed it and why.</summary>
public sealed class CatalogueItemRevision
{
    public CatalogueItemRevision(int catalogueItemId, int revisionNumber, CatalogueItemChange change, string snapshotJson, string actorName, string? reason, DateTimeOffset at, string? actorId = null)
    {
        if (revisionNumber < 1) throw new ArgumentOutOfRangeException(nameof(revisionNumber), "Revisions are numbered from 1.");
        CatalogueItemId = catalogueItemId;
        RevisionNumber = revisionNumber;
        Change = change;
        SnapshotJson = snapshotJson;
        ActorName = Guard.Required(actorName, nameof(actorName));
        Reason = Guard.Optional(reason);
        At = at;
        ActorId = Guard.Optional(actorId);
    }

    public long Id { get; private set; }
    public int CatalogueItemId { get; private set; }
    public int RevisionNumber { get; private set; }
    public CatalogueItemChange Change { get; private set; }
    public string SnapshotJson { get; private set; }

    /// <summary>The staff account that made the change; null for changes made by the system (the demo seed).</summary>
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public enum CatalogueItemChange
{
    /// <summary>新增.</summary>
    Added = 1,
    /// <summary>修订.</summary>
    Revised = 2,
    /// <summary>停用.</summary>
    Retired = 3,
}
