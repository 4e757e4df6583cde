using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Home;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.DisclosureColumns;

/// <summary>
/// 信息公开 (issue 20 §3): the page Chinese disclosure sites open with — 公开指南, the columns of the site's tree
/// (公开制度, 法定主动公开内容 of 条例 Art. 20, local columns), 基层政务公开标准目录 (the 26 domains), 依申请公开,
/// 年度报告 — and each column's records as the usual table, paged, with the year filter.
/// </summary>
public sealed class DisclosureColumnsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    [HttpGet("/disclosure")]
    [PublicPage(PublicPage.Disclosure)]
    public async Task<IActionResult> Disclosure(CancellationToken ct)
    {
        var tree = await ColumnQueries.TreeAsync(db, includeRetired: false, ct);
        var domains = (await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct))
            .Select(d => new DomainTile(d.Code, d.NameZh, d.NameEn, 0)).ToList();
        return View(new DisclosureModel(tree, domains));
    }

    [HttpGet("/columns/{id:int}")]
    [PublicPage(PublicPage.DisclosureColumn)]
    public async Task<IActionResult> Show(int id, YearListingQuery query, CancellationToken ct)
    {
        var all = await ColumnQueries.AllAsync(db, ct);
        var visible = ColumnQueries.Nodes(all, includeRetired: false);
        if (visible.FirstOrDefault(c => c.Id == id) is not { } column) return NotFoundPage("没有找到该栏目，可能已停用。");
        // The column lists its own records and its children's (a parent such as 建议提案办理复文 shows both kinds of reply).
        var ids = ColumnTree.Descendants(id, all).Where(c => visible.Any(v => v.Id == c)).Append(id).ToList();
        var published = db.PublishedVersions.Where(v => v.ColumnId != null && ids.Contains(v.ColumnId.Value));
        var listing = query.Request;
        var years = await ListingYears.ReadAsync(published, query.Year, clock.Today(), ct);
        var narrowed = years.Apply(published);
        var (page, records) = await RecordListing.PageAsync(db, narrowed, listing, await narrowed.CountAsync(ct), ct);
        if (listing.Page > page.TotalPages) return PageOutOfRange(page);
        var children = visible.Where(c => c.ParentId == id).ToList();
        return View(new ColumnPageModel(column, await ColumnQueries.PathAsync(db, id, ct), children, records, page, years));
    }
}

public sealed record DisclosureModel(IReadOnlyList<ColumnNode> Tree, IReadOnlyList<DomainTile> Domains);

public sealed record ColumnPageModel(
    ColumnNode Column, IReadOnlyList<ColumnCrumb> Path, IReadOnlyList<ColumnNode> Children,
    IReadOnlyList<RecordListItem> Records, PageInfo Page, ListingYears Years);
