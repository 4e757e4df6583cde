using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Data.Search;

/// <summary>What a search entry stands for: a published record version, a catalogue item in use, or (issue 22) a
/// published 网上信箱 message, a public 民意征集 consultation or a published 办事指南.</summary>
public enum SearchEntryKind
{
    Record = 1,
    CatalogueItem = 2,
    Message = 3,
    Consultation = 4,
    ServiceGuide = 5,
}

/// <summary>
/// One row of the search index: the searchable text of a published record version (title, 文号, 索引号, body) or of a
/// catalogue item in use (names, content, basis), with the columns the filters need. The application never writes
/// these rows: database triggers keep them in step with RecordVersions, Records and CatalogueItems in the same
/// transaction as the change (docs/adr/0009), so whatever publishes, withdraws or retires also updates the index.
/// </summary>
public sealed class SearchEntry
{
    private SearchEntry()
    {
        Title = Body = string.Empty;
    }

    /// <summary>
    /// The sort key: for a record, the days from 1970-01-01 to its 发布日期 times 2³² plus the version id, so that
    /// descending order is newest publication first (and stable); for a message, consultation or guide the same with its
    /// date (answered, opening, published) and 2³¹ + (kind − 3) × 2²⁹ + its id, so no two kinds meet; for a catalogue
    /// item, minus the item id.
    /// On SQLite it is also the rowid of the FTS5 table, which can then walk its matches newest first and stop early.
    /// </summary>
    public long Id { get; private set; }

    public SearchEntryKind Kind { get; private set; }
    public int? RecordId { get; private set; }
    public int? RecordVersionId { get; private set; }
    public int? CatalogueItemId { get; private set; }

    /// <summary>The message, consultation or 办事指南 (by <see cref="Kind"/>) the entry stands for.</summary>
    public int? SourceId { get; private set; }

    public string Title { get; private set; }
    public string? DocumentNumber { get; private set; }
    public string? IndexNumber { get; private set; }

    /// <summary>The record's Markdown body; the item's 公开内容 and 公开依据; a message and its reply; a consultation's
    /// 起草说明 and draft; a guide's conditions, basis, time limit, fees and place.</summary>
    public string Body { get; private set; }

    public int DomainId { get; private set; }
    public int StageId { get; private set; }
    public int DepartmentId { get; private set; }
    public RecordKind? RecordKind { get; private set; }
    public Validity? Validity { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
}
