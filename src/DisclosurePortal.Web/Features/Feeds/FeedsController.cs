using System.Globalization;
using System.ServiceModel.Syndication;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Feeds;

/// <summary>
/// Atom feeds of the latest published records: the whole site, one domain, one department, the policy
/// interpretations. Only published versions (never drafts, withdrawn or 不予公开 ones); one entry per record, whose id
/// is the record's canonical URL, so a revision updates the reader's entry instead of adding another (ADR 10).
/// </summary>
public sealed class FeedsController(PortalDbContext db, PublicSite site, MarkdownRenderer markdown, TimeProvider clock) : PortalController
{
    public const int EntryCount = 50;
    private const int SummaryLength = 200;

    [HttpGet(FeedLinks.SitePath)]
    [PublicPage(PublicPage.Feed)]
    public async Task<IActionResult> Site(CancellationToken ct) =>
        await Feed(Newest(db.PublishedVersions), $"{site.SiteName} · 最新公开信息", FeedLinks.SitePath, Url.Action("Index", "Home"), ct);

    [HttpGet(FeedLinks.InterpretationsPath)]
    [PublicPage(PublicPage.Feed)]
    public async Task<IActionResult> Interpretations(CancellationToken ct) =>
        await Feed(Newest(db.PublishedVersions.Where(v => v.Kind == RecordKind.PolicyInterpretation)), $"{site.SiteName} · 政策解读",
            FeedLinks.InterpretationsPath, null, ct);

    [HttpGet(FeedLinks.ResponsesPath)]
    [PublicPage(PublicPage.Feed)]
    public async Task<IActionResult> Responses(CancellationToken ct) =>
        await Feed(Newest(db.PublishedVersions.Where(v => v.Kind == RecordKind.ConcernResponse)), $"{site.SiteName} · 回应关切",
            FeedLinks.ResponsesPath, Url.Action("Responses", "ResponseColumns"), ct);

    [HttpGet(FeedLinks.PressConferencesPath)]
    [PublicPage(PublicPage.Feed)]
    public async Task<IActionResult> PressConferences(CancellationToken ct) =>
        await Feed(Newest(db.PublishedVersions.Where(v => v.Kind == RecordKind.PressConference)), $"{site.SiteName} · 新闻发布会",
            FeedLinks.PressConferencesPath, Url.Action("PressConferences", "ResponseColumns"), ct);

    [HttpGet("/feeds/domains/{code}.atom")]
    [PublicPage(PublicPage.Feed)]
    public async Task<IActionResult> Domain(string code, CancellationToken ct)
    {
        var domain = await db.Domains.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (domain is null) return NotFoundPage("没有找到该公开领域。");
        // The domain listing index is (DomainId, StageId, PublishedOn, Id): the newest of each stage come off it in
        // order, and the newest of the domain are among them. Ordering the whole domain by date would sort every row.
        var stageIds = await db.Stages.Select(s => s.Id).ToListAsync(ct);
        var newest = stageIds
            .Select(stageId => Newest(db.PublishedVersions.Where(v => v.DomainId == domain.Id && v.StageId == stageId))
                .Select(v => new { v.Id, v.PublishedOn }))
            .Aggregate((all, part) => all.Concat(part));
        var ids = (await newest.ToListAsync(ct))
            .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(EntryCount).Select(v => v.Id).ToList();
        return await Feed(db.PublishedVersions.Where(v => ids.Contains(v.Id)), $"{site.SiteName} · {domain.NameZh}",
            FeedLinks.Domain(domain.Code), Url.Action("Domain", "Catalogue", new { code = domain.Code }), ct);
    }

    [HttpGet("/feeds/departments/{id}.atom")]
    [PublicPage(PublicPage.Feed)]
    public async Task<IActionResult> Department(DepartmentFeedRoute route, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == route.DepartmentId, ct);
        if (department is null) return NotFoundPage("没有找到该部门。");
        return await Feed(Newest(db.PublishedVersions.Where(v => v.DepartmentId == department.Id)), $"{site.SiteName} · {department.Name}",
            FeedLinks.Department(department.Id), Url.Action("Show", "Departments", new { id = department.Id }), ct);
    }

    /// <summary>The newest published versions first, as the listing indexes serve them (PublishedOn, Id).</summary>
    private static IQueryable<RecordVersion> Newest(IQueryable<RecordVersion> published) =>
        published.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(EntryCount);

    /// <param name="versions">At most <see cref="EntryCount"/> versions; the feed orders them newest first.</param>
    private async Task<IActionResult> Feed(IQueryable<RecordVersion> versions, string title, string selfPath, string? pagePath, CancellationToken ct)
    {
        var rows = (await (
            from v in versions
            join d in db.Departments on v.DepartmentId equals d.Id
            // A record filed in a column only (ADR 32) has no domain or stage: its column names it.
            join dom in db.Domains on v.DomainId equals (int?)dom.Id into doms
            from dom in doms.DefaultIfEmpty()
            join s in db.Stages on v.StageId equals (int?)s.Id into stages
            from s in stages.DefaultIfEmpty()
            join c in db.Columns on v.ColumnId equals (int?)c.Id into columns
            from c in columns.DefaultIfEmpty()
            select new
            {
                v.Id, v.RecordId, v.Title, v.DocumentNumber, v.IssuingOrgan, v.Body, v.Kind, PublishedOn = v.PublishedOn!.Value, Updated = v.PublishedAt!.Value,
                // atom:published is the entry's first availability: when the record's first version went public
                // (versions are numbered in order; SQLite cannot take the MIN of a DateTimeOffset).
                FirstPublished = db.RecordVersions.Where(x => x.RecordId == v.RecordId && x.PublishedAt != null)
                    .OrderBy(x => x.Number).Select(x => x.PublishedAt).First(),
                DepartmentId = d.Id, DepartmentName = d.Name, DomainCode = dom == null ? null : dom.Code, DomainName = dom == null ? null : dom.NameZh,
                StageName = s == null ? null : s.NameZh, ColumnId = c == null ? (int?)null : c.Id, ColumnName = c == null ? null : c.NameZh,
            }).ToListAsync(ct)).OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id);

        var items = rows.Select(r =>
        {
            var url = site.RecordUrl(Request, r.RecordId);
            var filed = r.DomainName is not null ? $"{r.DomainName}\\{r.StageName}\\{Labels.Of(r.Kind)}" : $"{r.ColumnName}\\{Labels.Of(r.Kind)}";
            var line = string.Join(" · ", new[] { r.IssuingOrgan, r.DocumentNumber, filed }.Where(s => s is not null));
            var item = new SyndicationItem
            {
                Id = url,
                Title = new TextSyndicationContent(r.Title),
                PublishDate = r.FirstPublished ?? r.Updated,
                LastUpdatedTime = r.Updated,
                Summary = new TextSyndicationContent($"{line}。{markdown.Excerpt(r.Body, SummaryLength)}"),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
            item.Authors.Add(new SyndicationPerson { Name = r.DepartmentName, Uri = site.Absolute(Request, Url.Action("Show", "Departments", new { id = r.DepartmentId })!) });
            if (r.DomainCode is not null) item.Categories.Add(new SyndicationCategory(r.DomainCode, site.Absolute(Request, "/domains/"), r.DomainName));
            if (r.ColumnId is { } column) item.Categories.Add(new SyndicationCategory(column.ToString(CultureInfo.InvariantCulture), site.Absolute(Request, "/columns/"), r.ColumnName));
            item.Categories.Add(new SyndicationCategory(r.Kind.ToString(), null, Labels.Of(r.Kind)));
            return item;
        }).ToList();

        var self = site.Absolute(Request, selfPath);
        var feed = new SyndicationFeed(items)
        {
            Id = self,
            Title = new TextSyndicationContent(title),
            Description = new TextSyndicationContent($"最新发布的 {EntryCount} 条政府信息，由{site.Publisher}提供。"),
            Language = "zh-CN",
            LastUpdatedTime = items.Count == 0 ? clock.GetUtcNow() : items.Max(i => i.LastUpdatedTime),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(self), "application/atom+xml"));
        if (pagePath is not null) feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(site.Absolute(Request, pagePath)), "text/html"));
        feed.Authors.Add(new SyndicationPerson { Name = site.Publisher });
        return File(AtomWriter.Write(feed), AtomWriter.ContentType);
    }
}

/// <summary>/feeds/departments/{id}.atom: an id that is not a department's number names no department (404).</summary>
public sealed record DepartmentFeedRoute(int DepartmentId) : IQueryFilter<DepartmentFeedRoute>
{
    public static DepartmentFeedRoute Read(QueryReader query)
    {
        if (query.Raw("id").FirstValue is { } raw && QueryReader.TryPositive(raw, out var id)) return new(id);
        query.NotFound("没有找到该部门。");
        return new(0);
    }
}

/// <summary>The feeds' addresses, for the pages that link them (the alternate link in the head and a visible link).</summary>
public static class FeedLinks
{
    public const string SitePath = "/feeds/all.atom";
    public const string InterpretationsPath = "/feeds/interpretations.atom";
    public const string ResponsesPath = "/feeds/responses.atom";
    public const string PressConferencesPath = "/feeds/press-conferences.atom";

    public static string Domain(string code) => $"/feeds/domains/{Uri.EscapeDataString(code)}.atom";

    public static string Department(int id) => string.Create(CultureInfo.InvariantCulture, $"/feeds/departments/{id}.atom");
}

/// <summary>
/// A feed a page offers: the layout puts it in the head, the page shows <c>_FeedLink</c> where readers look.
/// <paramref name="Label"/>, if given, is the title as HTML, for a title with Chinese content inside a translated
/// sentence (<see cref="Shared.ChineseContent"/>); the link shows it instead of <paramref name="Title"/>.
/// </summary>
public sealed record FeedLink(string Href, string Title, Microsoft.AspNetCore.Html.IHtmlContent? Label = null);
