using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>The queries the catalogue-management pages share.</summary>
public static class ManageItemsQueries
{
    /// <summary>
    /// A department's whole catalogue, active and retired, in three queries (items with their domain and stage, the
    /// latest revision of each, published counts). Not paged: one department's directory is tens of items, and it is
    /// read grouped by domain and stage, which paging would cut apart.
    /// </summary>
    public static async Task<ItemListPage> ListAsync(PortalDbContext db, int departmentId, CancellationToken ct)
    {
        var departmentName = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleAsync(ct);
        var mine = db.CatalogueItems.Where(i => i.DepartmentId == departmentId);
        var items = await (
            from i in mine
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            orderby dom.SortOrder, s.SortOrder, i.Status, i.SortOrder, i.Id
            select new
            {
                i.Id, i.NameLevel1, i.NameLevel2, i.Status, i.RetiredReason, i.UpdatedAt,
                DomainCode = dom.Code, DomainZh = dom.NameZh, DomainEn = dom.NameEn,
                StageCode = s.Code, StageZh = s.NameZh, StageEn = s.NameEn,
            }).ToListAsync(ct);

        // The latest revision of each item: a seek on the unique (CatalogueItemId, RevisionNumber) index per item.
        var latest = await (
            from r in db.CatalogueItemRevisions
            join i in mine on r.CatalogueItemId equals i.Id
            where r.RevisionNumber == db.CatalogueItemRevisions.Where(x => x.CatalogueItemId == r.CatalogueItemId).Max(x => x.RevisionNumber)
            select new { r.CatalogueItemId, r.Change, r.ActorName }).ToDictionaryAsync(r => r.CatalogueItemId, ct);

        var published = await (
            from v in db.PublishedVersions
            join i in mine on v.CatalogueItemId equals i.Id
            group v by v.CatalogueItemId!.Value into g
            select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var domains = items
            .GroupBy(i => (i.DomainCode, Name: Localization.Pick(i.DomainZh, i.DomainEn)))
            .Select(d => new DomainGroup(d.Key.DomainCode, d.Key.Name, d
                .GroupBy(i => (i.StageCode, Name: Localization.Pick(i.StageZh, i.StageEn)))
                .Select(s => new StageGroup(s.Key.StageCode, s.Key.Name, s
                    .Select(i => new ItemRow(i.Id, i.NameLevel1, i.NameLevel2, i.Status, i.RetiredReason, i.UpdatedAt,
                        latest.GetValueOrDefault(i.Id)?.Change, latest.GetValueOrDefault(i.Id)?.ActorName, published.GetValueOrDefault(i.Id)))
                    .ToList()))
                .ToList()))
            .ToList();
        return new ItemListPage(departmentName, domains,
            items.Count(i => i.Status == CatalogueItemStatus.Active), items.Count(i => i.Status == CatalogueItemStatus.Retired));
    }

    public static async Task<List<Choice>> DomainChoicesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.Domains.OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.NameZh, d.NameEn }).ToListAsync(ct))
            .Select(d => new Choice(d.Id.ToString(CultureInfo.InvariantCulture), Localization.Pick(d.NameZh, d.NameEn))).ToList();

    public static async Task<List<Choice>> StageChoicesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.Stages.OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.NameZh, s.NameEn }).ToListAsync(ct))
            .Select(s => new Choice(s.Id.ToString(CultureInfo.InvariantCulture), Localization.Pick(s.NameZh, s.NameEn))).ToList();

    /// <summary>The names an item's pages show beside it: its department, domain and stage, in the current language.</summary>
    public static async Task<(string Department, string Domain, string Stage)> NamesAsync(PortalDbContext db, CatalogueItem item, CancellationToken ct)
    {
        var names = await (
            from d in db.Departments
            from dom in db.Domains
            from s in db.Stages
            where d.Id == item.DepartmentId && dom.Id == item.DomainId && s.Id == item.StageId
            select new { Department = d.Name, dom.NameZh, dom.NameEn, StageZh = s.NameZh, StageEn = s.NameEn }).SingleAsync(ct);
        return (names.Department, Localization.Pick(names.NameZh, names.NameEn), Localization.Pick(names.StageZh, names.StageEn));
    }

    public static async Task<int> NextRevisionNumberAsync(PortalDbContext db, int itemId, CancellationToken ct) =>
        (await db.CatalogueItemRevisions.Where(r => r.CatalogueItemId == itemId).MaxAsync(r => (int?)r.RevisionNumber, ct) ?? 0) + 1;
}
