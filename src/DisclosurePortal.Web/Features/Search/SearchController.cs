using System.Globalization;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Infrastructure.Search;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Search;

/// <summary>
/// 站内搜索: full-text search over the published records, policy interpretations and the catalogue in use, with
/// filters, two orders, marked snippets and paging. Any refused input answers 400 with the form and a Chinese
/// message beside the field; the words typed are never query syntax (ISearchIndex, docs/adr/0009).
/// </summary>
public sealed class SearchController(PortalDbContext db, ISearchIndex index, SearchSettings searchSettings) : PortalController
{
    public const int PageSize = RecordListing.PageSize;

    [HttpGet("/search")]
    [PublicPage(PublicPage.Search)]
    [EnableRateLimiting(RateLimits.Search)]
    public async Task<IActionResult> Index([FromQuery] SearchForm form, CancellationToken ct)
    {
        if (!TryPage(form.Page, out var page, out var problem)) return problem!;
        var options = await LoadOptionsAsync(ct);
        if (form.Q is { Length: > SearchTerms.MaxLength } longQuery) form.Q = longQuery[..SearchTerms.MaxLength];
        // Opened with no q at all: the empty form. ?q= (blank) is a search with nothing to look for, and says so.
        var rawQuery = Request.Query["q"].ToString();
        if (!Request.Query.ContainsKey("q")) return View(new SearchPageModel(form, new Dictionary<string, string>(), options, null));

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!SearchTerms.TryParse(rawQuery, out var terms, out var queryError)) errors["q"] = queryError!;
        var filters = ReadFilters(form, options, errors, out var sort);
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new SearchPageModel(form, errors, options, null));
        }

        var results = await index.SearchAsync(new SearchQuery(terms, filters, sort, page, PageSize), ct);
        var info = new PageInfo(page, PageSize, results.Total);
        if (page > info.TotalPages) return PageOutOfRange(info);
        var hits = results.Hits.Select(h => ToHitView(h, terms.Words)).ToList();
        return View(new SearchPageModel(form, errors, options, new SearchOutcome(terms.Text, results.Total, results.MoreThanMax, results.Max,
            results.WindowLimited ? searchSettings.ShortWordWindow : null, info, hits)));
    }

    private static SearchFilters ReadFilters(SearchForm form, SearchOptions options, Dictionary<string, string> errors, out SearchSort sort)
    {
        var filters = new SearchFilters();
        if (Blank(form.Domain) is { } domain)
        {
            if (options.Domains.FirstOrDefault(d => d.Value == domain) is null) errors["domain"] = "领域筛选条件无效。";
            else filters = filters with { DomainId = options.DomainIds[domain] };
        }
        if (Blank(form.Stage) is { } stage)
        {
            if (options.Stages.FirstOrDefault(s => s.Value == stage) is null) errors["stage"] = "阶段筛选条件无效。";
            else filters = filters with { StageId = options.StageIds[stage] };
        }
        if (Blank(form.Department) is { } department)
        {
            if (options.Departments.FirstOrDefault(d => d.Value == department) is null) errors["department"] = "部门筛选条件无效。";
            else filters = filters with { DepartmentId = int.Parse(department, CultureInfo.InvariantCulture) };
        }
        if (Blank(form.Kind) is { } kind)
        {
            if (kind == SearchForm.ItemsKind) filters = filters with { CatalogueItemsOnly = true };
            else if (int.TryParse(kind, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && Enum.IsDefined((RecordKind)k))
                filters = filters with { RecordKind = (RecordKind)k };
            else errors["kind"] = "信息类别筛选条件无效。";
        }
        if (Blank(form.Validity) is { } validity)
        {
            if (int.TryParse(validity, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && Enum.IsDefined((Validity)v))
                filters = filters with { Validity = (Validity)v };
            else errors["validity"] = "有效性筛选条件无效。";
        }
        var from = ReadDate(form.From, "from", errors);
        var to = ReadDate(form.To, "to", errors);
        if (from is not null && to is not null && from > to) errors["to"] = "截止日期不能早于起始日期。";
        filters = filters with { PublishedFrom = from, PublishedTo = to };

        sort = SearchSort.Relevance;
        if (Blank(form.Sort) is { } s)
        {
            if (s == SearchForm.DateSort) sort = SearchSort.Date;
            else if (s != "relevance") errors["sort"] = "排序方式无效。";
        }
        return filters;
    }

    private static DateOnly? ReadDate(string? raw, string field, Dictionary<string, string> errors)
    {
        if (Blank(raw) is not { } value) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[field] = "日期应写作“年-月-日”，例如 2025-06-30。";
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static SearchHitView ToHitView(SearchHit h, IReadOnlyList<string> words)
    {
        var isItem = h.Kind == SearchEntryKind.CatalogueItem;
        var body = SearchSnippets.PlainText(h.Body);
        return new SearchHitView(
            isItem ? $"/items/{h.CatalogueItemId}" : $"/records/{h.RecordId}",
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
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return new SearchOptions(
            domains.Select(d => new SearchOption(d.Code, Localization.Pick(d.NameZh, d.NameEn))).ToList(),
            stages.Select(s => new SearchOption(s.Code, Localization.Pick(s.NameZh, s.NameEn))).ToList(),
            departments.Select(d => new SearchOption(d.Id.ToString(CultureInfo.InvariantCulture), d.Name)).ToList())
        {
            DomainIds = domains.ToDictionary(d => d.Code, d => d.Id, StringComparer.Ordinal),
            StageIds = stages.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal),
        };
    }
}
