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
public sealed class SearchController(PortalDbContext db, ISearchIndex index, SearchSettings searchSettings, SearchSynonymsCache synonymsCache) : PortalController
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
        var query = new SearchQuery(terms, filters, search.Sort, page, PageSize) { Synonyms = await synonymsCache.GetAsync(db, ct) };
        var results = await index.SearchAsync(query, ct);
        var info = new PageInfo(page, PageSize, results.Listed);
        if (page > info.TotalPages) return PageOutOfRange(info);
        // 同时搜索了: the synonyms looked for besides the words typed, marked in the results like them.
        var alsoSearched = query.Alternatives.SelectMany(a => a.Skip(1)).Distinct(StringComparer.Ordinal).ToList();
        var hits = results.Hits.Select(h => ToHitView(h, SearchSnippets.MarkedParts([.. terms.Words, .. alsoSearched]))).ToList();
        // 网上信箱 (issue 19): published messages matching the words, beside the records (one LIKE query until the index has them).
        var messages = page == 1 ? await DisclosurePortal.Web.Features.Messages.MessageQueries.SearchPublishedAsync(db, terms.Text, ct) : [];
        return View(new SearchPageModel(form, errors, options, new SearchOutcome(terms.Text, results.Total, results.MoreThanMax, searchSettings.ListedResults,
            info, hits) { Standardised = terms.Standardised, AlsoSearched = alsoSearched, TotalKind = results.TotalKind,
            Suggestions = results.Total == 0 ? Suggest(terms, form) : [] }) { Messages = messages });
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
        var isItem = h.Kind == SearchEntryKind.CatalogueItem;
        var body = SearchSnippets.PlainText(h.Body);
        return new SearchHitView(
            isItem ? Url.Action("Item", "Catalogue", new { id = h.CatalogueItemId })! : Url.Action("Show", "Records", new { id = h.RecordId })!,
            SearchSnippets.Highlight(h.Title, words),
            SearchSnippets.Excerpt(body, words),
            isItem, h.RecordKind, h.Validity, h.DepartmentName, h.PublishedOn, h.DocumentNumber,
            SearchSnippets.ContainsAny(h.IndexNumber, words) ? h.IndexNumber : null,
            Localization.Pick(h.DomainNameZh, h.DomainNameEn));
    }

    private async Task<SearchOptions> LoadOptionsAsync(CancellationToken ct)
    {
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Code, d.NameZh, d.NameEn }).ToListAsync(ct);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Code, s.NameZh, s.NameEn }).ToListAsync(ct);
        // 公开主体 grouped by level (issue 20 §7): the county's departments, then townships, then villages.
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name, d.Level }).ToListAsync(ct);
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
