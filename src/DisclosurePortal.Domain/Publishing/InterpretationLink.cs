namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// 政策解读 ↔ the policy it interprets (domain README §5). An interpretation may cover several policies. The link belongs
/// to one version of the interpretation, like its text: a new draft may name other policies, and the public sees the
/// links of the published version only (docs/adr/0011).
/// </summary>
public sealed class InterpretationLink
{
    public InterpretationLink(int interpretationRecordId, int recordVersionId, int policyRecordId, DateTimeOffset createdAt)
    {
        if (interpretationRecordId == policyRecordId && interpretationRecordId != 0)
            throw new DomainException("政策解读不能关联其自身。");
        InterpretationRecordId = interpretationRecordId;
        RecordVersionId = recordVersionId;
        PolicyRecordId = policyRecordId;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int InterpretationRecordId { get; private set; }

    /// <summary>The version of the interpretation that names the policy.</summary>
    public int RecordVersionId { get; private set; }
    public int PolicyRecordId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The same policy named by another version of the interpretation.</summary>
    public InterpretationLink CopyTo(int recordVersionId) => new(InterpretationRecordId, recordVersionId, PolicyRecordId, CreatedAt);
}
