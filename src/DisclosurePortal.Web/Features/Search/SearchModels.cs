using DisclosurePortal.Data.Search;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Search;
using Microsoft.AspNetCore.Html;

namespace DisclosurePortal.Web.Features.Search;

/// <summary>The search form as typed (query string, read by <see cref="SearchRequest"/>), so that a refused value is shown back and explained.</summary>
public sealed class SearchForm
{
    public string? Q { get; set; }
    public string? Domain { get; set; }
    public string? Stage { get; set; }
    public string? Department { get; set; }
    public string? Kind { get; set; }
    public string? Validity { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Sort { get; set; }
    public string? Page { get; set; }

    public const string ItemsKind = "item";

    /// <summary>
    /// The kinds of entry besides records (issue 22): their code in the URL (信息类别), their name in the filter and the
    /// facets, and the badge on a result.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, SearchEntryKind Kind, string Name, string Badge)> EntryKinds =
    [
        (ItemsKind, SearchEntryKind.CatalogueItem, "公开事项（目录）", "公开事项"),
        ("message", SearchEntryKind.Message, "网上信箱留言", "网上信箱"),
        ("consultation", SearchEntryKind.Consultation, "民意征集", "民意征集"),
        ("guide", SearchEntryKind.ServiceGuide, "办事指南", "办事指南"),
    ];
    public const string RelevanceSort = "relevance";
    public const string DateSort = "date";

    public bool HasFilters =>
        new[] { Domain, Stage, Department, Kind, Validity, From, To }.Any(v => !string.IsNullOrWhiteSpace(v)) || Sort == DateSort;

    /// <summary>What the pager links keep.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Keep(string query) =>
    [
        new(SearchRequest.Keys.Q, query), new(SearchRequest.Keys.Domain, Domain), new(SearchRequest.Keys.Stage, Stage),
        new(SearchRequest.Keys.Department, Department), new(SearchRequest.Keys.Kind, Kind), new(SearchRequest.Keys.Validity, Validity),
        new(SearchRequest.Keys.From, From), new(SearchRequest.Keys.To, To), new(SearchRequest.Keys.Sort, Sort == DateSort ? DateSort : null),
    ];
}

public sealed record SearchOption(string Value, string Text)
{
    /// <summary>A unit's level, by which the 公开主体 choices are grouped; null for the other filters' options.</summary>
    public DisclosurePortal.Domain.Units.UnitLevel? Level { get; init; }
}

public sealed record SearchOptions(IReadOnlyList<SearchOption> Domains, IReadOnlyList<SearchOption> Stages, IReadOnlyList<SearchOption> Departments)
{
    public IReadOnlyDictionary<string, int> DomainIds { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> StageIds { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> DepartmentIds { get; init; } = new Dictionary<string, int>();
}

/// <summary>The page: the form (with any refusal, keyed by field name), and the results when there was a search.</summary>
public sealed record SearchPageModel(SearchForm Form, IReadOnlyDictionary<string, string> Errors, SearchOptions Options, SearchOutcome? Outcome)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var e) ? e : null;
}

public sealed record SearchOutcome(string Query, int Total, bool MoreThanMax, int Max, PageInfo Page, IReadOnlyList<SearchHitView> Hits)
{
    /// <summary>The query as searched when a 文号 or 索引号 in it was written otherwise (shown: "已按标准写法…搜索").</summary>
    public string? Standardised { get; init; }

    /// <summary>A count, an estimate ("约 N 条") or only what is listed ("N 条以上").</summary>
    public SearchTotal TotalKind { get; init; }

    /// <summary>When nothing was found: other searches to try (fewer words, no filters, a long word in two).</summary>
    public IReadOnlyList<SearchSuggestion> Suggestions { get; init; } = [];

    /// <summary>The synonyms also looked for (同时搜索了：最低生活保障).</summary>
    public IReadOnlyList<string> AlsoSearched { get; init; } = [];

    /// <summary>分类统计: the filters' values with the matches under each, as links that narrow the search.</summary>
    public IReadOnlyList<SearchFacetGroup> Facets { get; init; } = [];

    /// <summary>The facets counted every match (else only the listed, newest ones: the page says so).</summary>
    public bool FacetsWhole { get; init; } = true;

    /// <summary>How many matches the facets counted.</summary>
    public int FacetsCounted { get; init; }
}

/// <summary>One filter's values with their counts (领域, 公开环节, …), the chosen one first with a link that removes it.</summary>
public sealed record SearchFacetGroup(string Key, string Title, IReadOnlyList<SearchFacetValue> Values)
{
    /// <summary>How many values are shown before the rest are folded under "更多".</summary>
    public const int Shown = 8;
}

/// <summary>
/// A value and how many matches it has. <see cref="Label"/> is a localizer key when <see cref="Localize"/> (kinds,
/// validity), else a name already in the page's language (domain, stage) or in Chinese (a department).
/// </summary>
public sealed record SearchFacetValue(string Label, bool Localize, int Count, string Url, bool Selected)
{
    /// <summary>A name kept in Chinese on the English pages (a department), marked lang="zh-CN".</summary>
    public bool ChineseName { get; init; }
}

/// <summary>One result as shown: title and snippet already encoded with the words marked; the badge names its kind (a localizer key).</summary>
public sealed record SearchHitView(
    string Url, IHtmlContent Title, IHtmlContent Snippet, string Badge, RecordKind? Kind, Validity? Validity,
    string DepartmentName, DateOnly? PublishedOn, string? DocumentNumber, string? MatchedIndexNumber, string DomainName);

/// <summary>A search to try instead: its link, and what it changes (a localizer key with one argument).</summary>
public sealed record SearchSuggestion(string Url, string Text, string Argument);
