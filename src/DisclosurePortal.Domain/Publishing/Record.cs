namespace DisclosurePortal.Domain.Publishing;

/// <summary>
/// 政府信息: the disclosed information as one logical document. Its content lives in versions
/// (<see cref="RecordVersion"/>): at most one published and at most one latest (the draft being edited),
/// side by side as in OrchardCore, so the public reads only the published version.
/// </summary>
public sealed class Record
{
    private Record() { }

    public int Id { get; private set; }

    /// <summary>索引号: assigned on first submission, then never changed.</summary>
    public string? IndexNumber { get; private set; }
    public int DepartmentId { get; private set; }
    /// <summary>The catalogue item of the 26 domains it is filed under; null only for a record filed in a column alone.</summary>
    public int? CatalogueItemId { get; private set; }
    public int? DomainId { get; private set; }
    public int? StageId { get; private set; }
    /// <summary>栏目: the column of the site's tree it is (also) listed in (<see cref="Columns.DisclosureColumn"/>).</summary>
    public int? ColumnId { get; private set; }
    public RecordKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static Record Create(int departmentId, int? catalogueItemId, int? domainId, int? stageId, RecordKind kind, DateTimeOffset now, int? columnId = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("信息类别无效。");
        RecordPlacement.Check(catalogueItemId, domainId, stageId, columnId);
        return new Record
        {
            DepartmentId = departmentId,
            CatalogueItemId = catalogueItemId,
            DomainId = domainId,
            StageId = stageId,
            ColumnId = columnId,
            Kind = kind,
            CreatedAt = now,
        };
    }

    public void AssignIndexNumber(IndexNumber number)
    {
        if (IndexNumber is not null)
            throw new DomainException("索引号一经生成不得更改。");
        IndexNumber = number.ToString();
        Version++;
    }
}
