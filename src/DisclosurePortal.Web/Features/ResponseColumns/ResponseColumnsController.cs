using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Feeds;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ResponseColumns;

/// <summary>
/// The public columns of 回应关切 and 新闻发布会 (issue 19): their published records, newest first, paged like every
/// listing (RecordListing), each with its Atom feed. The records themselves open on the ordinary record page.
/// </summary>
public sealed class ResponseColumnsController(PortalDbContext db) : PortalController
{
    [HttpGet("/responses")]
    [PublicPage(PublicPage.Column)]
    public Task<IActionResult> Responses(ListingQuery query, CancellationToken ct) =>
        ColumnAsync(RecordKind.ConcernResponse, "回应关切", "对社会关注的热点问题、网民留言、媒体报道和12345热线反映的问题，有关部门作出的回应。",
            FeedLinks.ResponsesPath, query, ct);

    [HttpGet("/press-conferences")]
    [PublicPage(PublicPage.Column)]
    public Task<IActionResult> PressConferences(ListingQuery query, CancellationToken ct) =>
        ColumnAsync(RecordKind.PressConference, "新闻发布会", "县政府及其部门举行的新闻发布会：时间、地点、发布人和发布会实录。",
            FeedLinks.PressConferencesPath, query, ct);

    private async Task<IActionResult> ColumnAsync(RecordKind kind, string title, string lead, string feed, ListingQuery query, CancellationToken ct)
    {
        var published = db.PublishedVersions.Where(v => v.Kind == kind);
        var listing = query.Request;
        var (info, records) = await RecordListing.PageAsync(db, published, listing, await published.CountAsync(ct), ct);
        if (listing.Page > info.TotalPages) return PageOutOfRange(info);
        return View("Column", new ColumnModel(kind, title, lead, new FeedLink(feed, title), records, info, Request.Path));
    }
}

/// <param name="Title">A localizer key (zh-CN text).</param>
/// <param name="Lead">A localizer key (zh-CN text).</param>
public sealed record ColumnModel(RecordKind Kind, string Title, string Lead, FeedLink Feed, IReadOnlyList<RecordListItem> Records, PageInfo Page, string Path);
