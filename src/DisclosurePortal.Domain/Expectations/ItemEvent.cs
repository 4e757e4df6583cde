namespace DisclosurePortal.Domain.Expectations;

/// <summary>
/// An event on an event-driven item (办结, 变更 …) that owes a publication: the item's time limit is counted from
/// <see cref="OccurredOn"/> (办结后10日内). Recorded by an editor of the item's unit (ADR 33).
/// </summary>
public sealed class ItemEvent
{
    public const int DescriptionMaxLength = 200;

    private ItemEvent()
    {
        Description = RecordedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int CatalogueItemId { get; private set; }
    public DateOnly OccurredOn { get; private set; }

    /// <summary>What happened, in a line: 《…》项目竣工验收办结.</summary>
    public string Description { get; private set; }

    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static ItemEvent Record(int itemId, DateOnly occurredOn, string description, DateOnly today, string actorName, DateTimeOffset now)
    {
        if (occurredOn > today) throw new DomainException("事件日期不能晚于今天。");
        if (string.IsNullOrWhiteSpace(description)) throw new DomainException("请简要说明事件。");
        var text = description.Trim();
        if (text.Length > DescriptionMaxLength) throw new DomainException($"事件说明不能超过{DescriptionMaxLength}个字。");
        return new ItemEvent { CatalogueItemId = itemId, OccurredOn = occurredOn, Description = text, RecordedBy = actorName, RecordedAt = now };
    }
}

/// <summary>
/// Which expectation a record answers, when its editor said so: a period of a periodic item, or an event of an
/// event-driven item. Kept beside the record rather than on it (ADR 33: Records is not rebuilt).
/// </summary>
public sealed class RecordCoverage
{
    private RecordCoverage()
    {
    }

    public int RecordId { get; private set; }

    /// <summary>所属期间 (its first day), for a periodic item.</summary>
    public DateOnly? PeriodStart { get; private set; }

    /// <summary>The event it answers, for an event-driven item.</summary>
    public int? ItemEventId { get; private set; }

    public static RecordCoverage ForPeriod(int recordId, ReportingPeriod period) => new() { RecordId = recordId, PeriodStart = period.Start };

    public static RecordCoverage ForEvent(int recordId, int eventId) => new() { RecordId = recordId, ItemEventId = eventId };
}
