using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Web.Infrastructure.Search;

/// <summary>
/// Full-text search over what the public may see (published record versions, catalogue items in use, published
/// messages, consultations and 办事指南), Chinese
/// substrings included. One behaviour, two implementations chosen by Database:Provider (docs/adr/0009).
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct);
}

public enum SearchSort
{
    /// <summary>The words together as typed first, then by relevance (title, then 文号 / 索引号, then body), then newest first.</summary>
    Relevance = 1,

    /// <summary>Newest 发布日期 first (catalogue items, which have none, last).</summary>
    Date = 2,
}

/// <summary>The filters; null means any. A filter on a record kind or validity leaves the other kinds out (they have none);
/// one on dates leaves catalogue items out.</summary>
public sealed record SearchFilters
{
    public int? DomainId { get; init; }
    public int? StageId { get; init; }
    public int? DepartmentId { get; init; }
    public RecordKind? RecordKind { get; init; }

    /// <summary>Only entries of this kind (公开事项, 网上信箱, 民意征集, 办事指南), no records; a record kind is <see cref="RecordKind"/>.</summary>
    public SearchEntryKind? EntryKind { get; init; }
    public Validity? Validity { get; init; }
    public DateOnly? PublishedFrom { get; init; }
    public DateOnly? PublishedTo { get; init; }

    /// <summary>No filter is set.</summary>
    public bool IsEmpty => this == new SearchFilters();
}

public sealed record SearchQuery(SearchTerms Terms, SearchFilters Filters, SearchSort Sort, int Page, int PageSize)
{
    /// <summary>Today: a 民意征集 consultation opening later is not public yet.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>The 同义词组: a word is also looked for as each of its synonyms.</summary>
    public DisclosurePortal.Domain.Search.Synonyms Synonyms { get; init; } = DisclosurePortal.Domain.Search.Synonyms.None;

    /// <summary>Each word with the synonyms it is also looked for as (the word first).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives =>
        [.. Terms.Words.Select(w => (IReadOnlyList<string>)[w, .. Synonyms.For(w).Where(s => !DisclosurePortal.Domain.Search.SearchTokens.Phrase(s).IsEmpty)])];
}

/// <summary>
/// A page of hits. <see cref="Total"/> counts every match; <see cref="Listed"/> those ordered and paged, the newest
/// <see cref="SearchSettings.ListedResults"/> at most (<see cref="MoreThanMax"/> when there were more).
/// </summary>
public sealed record SearchResults(int Total, int Listed, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>Whether <see cref="Total"/> is a count, the database's estimate ("约 N 条") or only what is listed ("N 条以上").</summary>
    public SearchTotal TotalKind { get; init; }

    /// <summary>分类统计: the matches counted by each filter's values.</summary>
    public SearchFacets Facets { get; init; } = SearchFacets.Empty;

    public bool MoreThanMax => Total > Listed;
}

public sealed record SearchHit(
    long EntryId, SearchEntryKind Kind, int? RecordId, int? CatalogueItemId, string Title, string? DocumentNumber, string? IndexNumber,
    string Body, RecordKind? RecordKind, Validity? Validity, DateOnly? PublishedOn, string DepartmentName, string? DomainCode,
    string DomainNameZh, string DomainNameEn)
{
    /// <summary>The published version a record hit stands for (a column-only record is named by its column).</summary>
    public int? RecordVersionId { get; init; }

    /// <summary>The message, consultation or 办事指南 a hit of those kinds stands for.</summary>
    public int? SourceId { get; init; }
}

public enum SearchTotal
{
    Exact,
    Estimate,
    AtLeast,
}

/// <summary>Section "Search" of the configuration.</summary>
public sealed class SearchSettings
{
    public const int DefaultListedResults = 1000;

    /// <summary>
    /// A search orders and pages no more than this many matches, the newest ones, so that ranking stays bounded however
    /// common a word is (the page says how many there are in all); a visitor narrows with more words or the filters.
    /// </summary>
    public int ListedResults { get; set; } = DefaultListedResults;

    public const int DefaultFacetedResults = 10_000;

    /// <summary>
    /// When more than the listed match, the facets count every match if there are at most this many (reading one narrow
    /// row each: about 5 ms per 10,000 on SQLite, 60 ms on PostgreSQL, docs/performance.md), else only the listed ones.
    /// </summary>
    public int FacetedResults { get; set; } = DefaultFacetedResults;
}
