namespace DisclosurePortal.Domain.Publishing;

/// <summary>政策解读 ↔ the policy it interprets (domain README §5). An interpretation may cover several policies.</summary>
public sealed class InterpretationLink
{
    public InterpretationLink(int interpretationRecordId, int policyRecordId, DateTimeOffset createdAt)
    {
        if (interpretationRecordId == policyRecordId && interpretationRecordId != 0)
            throw new DomainException("政策解读不能关联其自身。");
        InterpretationRecordId = interpretationRecordId;
        PolicyRecordId = policyRecordId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int InterpretationRecordId { get; private set; }
    public int PolicyRecordId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
