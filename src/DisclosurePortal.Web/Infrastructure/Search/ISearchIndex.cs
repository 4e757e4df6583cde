using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// Full-text search over what the public may see (published record versions, catalogue items in use), Chinese
/// substrings included. One behaviour, two implementations chosen by Database:Provider (docs/adr/0009).
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);
}

public enum SearchSort
{
    /// <summary>Words in the title first, then in 文号 / 索引号, then newest first.</summary>
    Relevance = 1,

    /// <summary>Newest 发布日期 first (catalogue items, which have none, last).</summary>
    Date = 2,
}

/// <summary>The filters; null means any. A filter on kind, validity or date leaves catalogue items out (they have none).</summary>
public sealed record SearchFilters
{
    public int? DomainId { get; init; }
    public int? StageId { get; init; }
    public int? DepartmentId { get; init; }
    public RecordKind? RecordKind { get; init; }

    /// <summary>Only catalogue items (公开事项), no records.</summary>
    public bool CatalogueItemsOnly { get; init; }
    public Validity? Validity { get; init; }
    public DateOnly? PublishedFrom { get; init; }
    public DateOnly? PublishedTo { get; init; }
}

public sealed record SearchQuery(SearchTerms Terms, SearchFilters Filters, SearchSort Sort, int Page, int PageSize);

/// <summary>
/// A page of hits. <see cref="Total"/> counts at most <see cref="Max"/> matches (the newest); <see cref="MoreThanMax"/>
/// says there were more. <see cref="WindowLimited"/>: only the newest entries were checked (every word was shorter
/// than the index's three characters) and older ones exist, so older matches may be missing.
/// </summary>
public sealed record SearchResults(int Total, bool MoreThanMax, IReadOnlyList<SearchHit> Hits)
{
    public int Max { get; init; } = SearchLimits.MaxResults;
    public bool WindowLimited { get; init; }
}

public sealed record SearchHit(
    long EntryId, SearchEntryKind Kind, int? RecordId, int? CatalogueItemId, string Title, string? DocumentNumber, string? IndexNumber,
    string Body, RecordKind? RecordKind, Validity? Validity, DateOnly? PublishedOn, string DepartmentName, string? DomainCode,
    string DomainNameZh, string DomainNameEn)
{
    /// <summary>The published version a record hit stands for (a column-only record is named by its column).</summary>
    public int? RecordVersionId { get; init; }
}

public static class SearchLimits
{
    /// <summary>
    /// A search looks at no more than this many matches, the newest ones: counting and ranking stay bounded however
    /// common a word is ("1000+ 条"); a visitor narrows with more words or the filters.
    /// </summary>
    public const int MaxResults = 1000;
}

/// <summary>
/// The bounds of a search whose every word is shorter than the full-text index's three characters (通知, 低保): no
/// index can answer it, so it reads entries newest first. It stops at <see cref="ShortWordMaxResults"/> matches and
/// never reads more than the newest <see cref="ShortWordWindow"/> entries, so that a common short word costs a few
/// milliseconds and a rare one a bounded scan instead of every entry (docs/performance.md). Section "Search".
/// </summary>
public sealed class SearchSettings
{
    public int ShortWordMaxResults { get; set; } = 200;

    public int ShortWordWindow { get; set; } = 10_000;
}
