using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Departments;

public sealed class DepartmentsController(PortalDbContext db, ListingAnchors anchorStore) : PortalController
{
    [HttpGet("/departments")]
    [PublicPage(PublicPage.Departments)]
    public async Task<IActionResult> Index(DepartmentsFilter filter, CancellationToken ct)
    {
        var items = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active)
            .GroupBy(i => i.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var records = await PublishedCountQueries.ByDepartmentAsync(db, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive && (filter.Level == null || d.Level == filter.Level))
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ToListAsync(ct);
        ViewData.Put(filter);
        return View(departments.Select(d => new DepartmentRow(d.Id, d.Name, items.GetValueOrDefault(d.Id), records.GetValueOrDefault(d.Id)) { Level = d.Level }).ToList());
    }

    [HttpGet("/departments/{id:int}")]
    [PublicPage(PublicPage.Department)]
    public async Task<IActionResult> Show(int id, ListingQuery query, CancellationToken ct)
    {
        var listing = query.Request;
        var anchors = anchorStore.For($"department-{id}", PublicPageTags.Department(id));
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null) return NotFoundPage("没有找到该部门。");
        var catalogue = await (
            from i in db.CatalogueItems
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            where i.DepartmentId == id && i.Status == CatalogueItemStatus.Active
            orderby dom.SortOrder, s.SortOrder, i.SortOrder, i.Id
            select new DepartmentItem(i.Id, i.NameLevel1, i.NameLevel2, dom.Code, dom.NameZh, dom.NameEn, s.NameZh, s.NameEn, i.TimeLimitText)).ToListAsync(ct);
        var (info, records) = await RecordListing.PageAsync(db, db.PublishedVersions.Where(v => v.DepartmentId == id),
            listing, await PublishedCountQueries.ForDepartmentAsync(db, id, ct), ct, anchors);
        if (listing.Page > info.TotalPages) return PageOutOfRange(info);
        return View(new DepartmentModel(department, catalogue, records, info) { Profile = await UnitProfiles.ProfileQueries.PublishedAsync(db, id, ct) });
    }
}

public sealed record DepartmentRow(int Id, string Name, int ItemCount, int RecordCount)
{
    public Domain.Units.UnitLevel Level { get; init; } = Domain.Units.UnitLevel.County;
}

/// <summary>The department list's filter (issue 20 §7): one level of the hierarchy, or all.</summary>
public sealed record DepartmentsFilter(Domain.Units.UnitLevel? Level) : IQueryFilter<DepartmentsFilter>
{
    public static class Keys
    {
        public const string Level = "level";
    }

    public static DepartmentsFilter Read(QueryReader query) => new(query.Enum<Domain.Units.UnitLevel>(Keys.Level, "单位层级筛选条件无效。"));
}

public sealed record DepartmentItem(int Id, string NameLevel1, string NameLevel2, string DomainCode, string DomainZh, string DomainEn, string StageZh, string StageEn, string TimeLimitText)
{
    public string DomainName => Infrastructure.Localization.Pick(DomainZh, DomainEn);
    public string StageName => Infrastructure.Localization.Pick(StageZh, StageEn);
}

public sealed record DepartmentModel(Department Department, IReadOnlyList<DepartmentItem> Catalogue, IReadOnlyList<RecordListItem> Records, PageInfo Page)
{
    /// <summary>The unit's published 机构概况 (issue 20 §2), or null before its first one is approved.</summary>
    public Domain.Units.UnitProfile? Profile { get; init; }
}
