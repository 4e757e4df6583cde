using System.Globalization;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Search;

/// <summary>
/// 站内搜索: full-text search over the published records, policy interpretations and the catalogue in use, with
/// filters, two orders, marked snippets and paging. Any refused input answers 400 with the form and a Chinese
/// message beside the field; the words typed are never query syntax (ISearchIndex, docs/adr/0009).
/// </summary>
public sealed class SearchController(PortalDbContext db, ISearchIndex index, SearchSettings searchSettings, SearchSynonymsCache synonymsCache, TimeProvider clock, ReferenceData reference) : PortalController
{
    public const int PageSize = RecordListing.PageSize;

    [HttpGet("/search")]
    [PublicPage(PublicPage.Search)]
    [EnableRateLimiting(RateLimits.Search)]
    public async Task<IActionResult> Index(SearchRequest search, CancellationToken ct)
    {
        var options = await LoadOptionsAsync(ct);
        var form = search.Form;
        if (!search.Asked) return View(new SearchPageModel(form, new Dictionary<string, string>(), options, null));

        var errors = new Dictionary<string, string>(search.Errors, StringComparer.Ordinal);
        var filters = search.Filters with
        {
            DomainId = Choose(form.Domain, options.DomainIds, SearchRequest.Keys.Domain, "领域筛选条件无效。", errors),
            StageId = Choose(form.Stage, options.StageIds, SearchRequest.Keys.Stage, "阶段筛选条件无效。", errors),
            DepartmentId = Choose(form.Department, options.DepartmentIds, SearchRequest.Keys.Department, "部门筛选条件无效。", errors),
        };
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchPageModel(form, errors, options, null));
        }

        var page = search.Page;
        var terms = search.Terms!;
        var query = new SearchQuery(terms, filters, search.Sort, page, PageSize) { Synonyms = await synonymsCache.GetAsync(db, ct), Today = clock.Today() };
        var results = await index.SearchAsync(query, ct);
        var info = new PageInfo(page, PageSize, results.Listed);
        if (page > info.TotalPages) return PageOutOfRange(info);
        // 同时搜索了: the synonyms looked for besides the words typed, marked in the results like them.
        var alsoSearched = query.Alternatives.SelectMany(a => a.Skip(1)).Distinct(StringComparer.Ordinal).ToList();
        var hits = results.Hits.Select(h => ToHitView(h, SearchSnippets.MarkedParts([.. terms.Words, .. alsoSearched]))).ToList();
        return View(new SearchPageModel(form, errors, options, new SearchOutcome(terms.Text, results.Total, results.MoreThanMax, searchSettings.ListedResults,
            info, hits) { Standardised = terms.Standardised, AlsoSearched = alsoSearched, TotalKind = results.TotalKind,
            Suggestions = results.Total == 0 ? Suggest(terms, form) : [],
            Facets = FacetGroups(results.Facets, form, terms.Text, options), FacetsWhole = results.Facets.Whole, FacetsCounted = results.Facets.Counted })
            );
    }

    /// <summary>
    /// 分类统计 (issue 22): for each filter, its values that have matches, with their counts, each a link to the same search
    /// narrowed by it (the other filters and the order kept; back to page 1). The value chosen is marked, and its link
    /// takes the filter off again. Year sets 发布日期 from 1 January to 31 December.
    /// </summary>
    private List<SearchFacetGroup> FacetGroups(SearchFacets facets, SearchForm form, string query, SearchOptions options)
    {
        var kept = form.Keep(query).ToList();
        string Link(params (string Key, string? Value)[] changes)
        {
            var pairs = kept.Select(p => changes.Any(c => c.Key == p.Key) ? new(p.Key, changes.First(c => c.Key == p.Key).Value) : p)
                .Where(p => !string.IsNullOrEmpty(p.Value));
            return QueryHelpers.AddQueryString(Url.Action("Index", "Search")!, pairs);
        }
        SearchFacetValue Value(string key, string value, string? chosen, string label, bool localize, int count) =>
            chosen == value
                ? new SearchFacetValue(label, localize, count, Link((key, null)), Selected: true)
                : new SearchFacetValue(label, localize, count, Link((key, value)), Selected: false);
        static string Code(int n) => n.ToString(CultureInfo.InvariantCulture);

        var groups = new List<SearchFacetGroup>();
        void Add(string key, string title, IEnumerable<SearchFacetValue> values)
        {
            var list = values.OrderByDescending(v => v.Selected).ToList();
            if (list.Count > 0) groups.Add(new SearchFacetGroup(key, title, list));
        }

        // The options of a list the form offers, each with its count, in the form's order; a value without matches is left out.
        IEnumerable<SearchFacetValue> Counted(string key, IReadOnlyList<SearchOption> choices, IReadOnlyDictionary<string, int> ids, IReadOnlyDictionary<int, int> counts, string? chosen) =>
            choices.Where(o => counts.ContainsKey(ids[o.Value])).Select(o => Value(key, o.Value, chosen, o.Text, false, counts[ids[o.Value]]));

        Add(SearchRequest.Keys.Domain, "领域", Counted(SearchRequest.Keys.Domain, options.Domains, options.DomainIds, facets.Domains, form.Domain));
        Add(SearchRequest.Keys.Stage, "公开环节", Counted(SearchRequest.Keys.Stage, options.Stages, options.StageIds, facets.Stages, form.Stage));
        // Departments by how many they have: a county has dozens, and a visitor looks for the ones with results.
        Add(SearchRequest.Keys.Department, "发布部门", Counted(SearchRequest.Keys.Department, options.Departments, options.DepartmentIds, facets.Departments, form.Department)
            .Select(v => v with { ChineseName = true }).OrderByDescending(v => v.Count));
        Add(SearchRequest.Keys.Kind, "信息类别", Enum.GetValues<RecordKind>()
            .Where(facets.RecordKinds.ContainsKey)
            .Select(k => Value(SearchRequest.Keys.Kind, Code((int)k), form.Kind, Labels.Of(k), true, facets.RecordKinds[k]))
            .Concat(SearchForm.EntryKinds.Where(k => facets.EntryKinds.ContainsKey(k.Kind))
                .Select(k => Value(SearchRequest.Keys.Kind, k.Code, form.Kind, k.Name, true, facets.EntryKinds[k.Kind]))));
        var chosenYear = form.From is { Length: 10 } from && form.To is { Length: 10 } to && from[..4] == to[..4]
                         && from[4..] == "-01-01" && to[4..] == "-12-31" ? from[..4] : null;
        Add("year", "发布年份", facets.Years.OrderByDescending(y => y.Key).Select(y =>
        {
            var year = Code(y.Key);
            return chosenYear == year
                ? new SearchFacetValue(year, false, y.Value, Link((SearchRequest.Keys.From, null), (SearchRequest.Keys.To, null)), Selected: true)
                : new SearchFacetValue(year, false, y.Value, Link((SearchRequest.Keys.From, $"{year}-01-01"), (SearchRequest.Keys.To, $"{year}-12-31")), Selected: false);
        }));
        Add(SearchRequest.Keys.Validity, "有效性", Enum.GetValues<Validity>()
            .Where(facets.Validities.ContainsKey)
            .Select(v => Value(SearchRequest.Keys.Validity, Code((int)v), form.Validity, Labels.Of(v), true, facets.Validities[v])));
        return groups;
    }

    /// <summary>
    /// Nothing found (issue 22): each word alone when there were several (every word must be found, so fewer find more),
    /// the same words without the filters, and a long word of 汉字 in two halves (two words need not stand together).
    /// The filters are kept except in the suggestion that drops them.
    /// </summary>
    private List<SearchSuggestion> Suggest(Infrastructure.Search.SearchTerms terms, SearchForm form)
    {
        var suggestions = new List<SearchSuggestion>();
        string Link(string q, bool keepFilters) =>
            QueryHelpers.AddQueryString(Url.Action("Index", "Search")!, keepFilters ? form.Keep(q) : [new(SearchRequest.Keys.Q, q)]);
        if (terms.Words.Count > 1)
            suggestions.AddRange(terms.Words.Select(w => new SearchSuggestion(Link(w, keepFilters: true), "只搜索“{0}”", w)));
        else if (terms.Words[0] is var word && word.Length >= 4 && Domain.Search.SearchTokens.IsOneCjkRun(word))
        {
            var halves = $"{word[..(word.Length / 2)]} {word[(word.Length / 2)..]}";
            suggestions.Add(new SearchSuggestion(Link(halves, keepFilters: true), "分成两个词搜索：“{0}”", halves));
        }
        if (form.HasFilters) suggestions.Add(new SearchSuggestion(Link(terms.Text, keepFilters: false), "去掉筛选条件，搜索“{0}”", terms.Text));
        return suggestions;
    }

    /// <summary>A domain, stage or department chosen by its value in the form's list; a value not in it is refused.</summary>
    private static int? Choose(string? typed, IReadOnlyDictionary<string, int> ids, string field, string message, Dictionary<string, string> errors)
    {
        if (SearchRequest.Blank(typed) is not { } value) return null;
        if (ids.TryGetValue(value, out var id)) return id;
        errors[field] = message;
        return null;
    }

    private SearchHitView ToHitView(SearchHit h, IReadOnlyList<string> words)
    {
        var body = SearchSnippets.PlainText(h.Body);
        var url = h.Kind switch
        {
            SearchEntryKind.CatalogueItem => Url.Action("Item", "Catalogue", new { id = h.CatalogueItemId }),
            SearchEntryKind.Message => Url.Action("Show", "Messages", new { id = h.SourceId }),
            SearchEntryKind.Consultation => Url.Action("Show", "Consultations", new { id = h.SourceId }),
            SearchEntryKind.ServiceGuide => Url.Action("Show", "Guides", new { id = h.SourceId }),
            _ => Url.Action("Show", "Records", new { id = h.RecordId }),
        };
        var badge = h.Kind == SearchEntryKind.Record ? Labels.Of(h.RecordKind!.Value) : SearchForm.EntryKinds.Single(k => k.Kind == h.Kind).Badge;
        return new SearchHitView(
            url!,
            SearchSnippets.Highlight(h.Title, words),
            SearchSnippets.Excerpt(body, words),
            badge, h.RecordKind, h.Validity, h.DepartmentName, h.PublishedOn, h.DocumentNumber,
            SearchSnippets.ContainsAny(h.IndexNumber, words) ? h.IndexNumber : null,
            Localization.Pick(h.DomainNameZh, h.DomainNameEn));
    }

    private async Task<SearchOptions> LoadOptionsAsync(CancellationToken ct)
    {
        // From the reference data held in memory (issue 23). 公开主体 grouped by level (issue 20 §7): the county's
        // departments, then townships, then villages.
        var known = await reference.GetAsync(db, ct);
        var (domains, stages, departments) = (known.Domains, known.Stages, known.Units);
        return new SearchOptions(
            domains.Select(d => new SearchOption(d.Code, Localization.Pick(d.NameZh, d.NameEn))).ToList(),
            stages.Select(s => new SearchOption(s.Code, Localization.Pick(s.NameZh, s.NameEn))).ToList(),
            departments.Select(d => new SearchOption(d.Id.ToString(CultureInfo.InvariantCulture), d.Name) { Level = d.Level }).ToList())
        {
            DomainIds = domains.ToDictionary(d => d.Code, d => d.Id, StringComparer.Ordinal),
            StageIds = stages.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal),
            DepartmentIds = departments.ToDictionary(d => d.Id.ToString(CultureInfo.InvariantCulture), d => d.Id, StringComparer.Ordinal),
        };
    }
}
