using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Departments;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Features.UnitProfiles;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Townships;

/// <summary>
/// Township and village disclosure (issue 20 §7; Shishi Fengli 2020: 向社区延伸). A township's entry page shows its
/// profile, its own catalogue (the 乡级 items) by domain, its latest records and its villages; a village's or
/// community's 居务公开 board lists its records as every listing does (paged, by year).
/// </summary>
public sealed class TownshipsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    public const int LatestRecords = 10;

    [HttpGet("/townships/{id:int}")]
    [PublicPage(PublicPage.Department)]
    public async Task<IActionResult> Township(int id, CancellationToken ct)
    {
        var unit = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Level == UnitLevel.Township && d.IsActive, ct);
        if (unit is null) return NotFoundPage("没有找到该乡镇（街道）。");
        var catalogue = await (
            from i in db.CatalogueItems
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            where i.DepartmentId == id && i.Status == CatalogueItemStatus.Active
            orderby dom.SortOrder, s.SortOrder, i.SortOrder, i.Id
            select new DepartmentItem(i.Id, i.NameLevel1, i.NameLevel2, dom.Code, dom.NameZh, dom.NameEn, s.NameZh, s.NameEn, i.TimeLimitText)).ToListAsync(ct);
        var (_, records) = await RecordListing.PageAsync(db, db.PublishedVersions.Where(v => v.DepartmentId == id), ListingRequest.First,
            await PublishedCountQueries.ForDepartmentAsync(db, id, ct), ct);
        var villages = await db.Departments.AsNoTracking().Where(d => d.ParentId == id && d.Level == UnitLevel.Village && d.IsActive)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new VillageLink(d.Id, d.Name)).ToListAsync(ct);
        return View("~/Features/Townships/Views/Township.cshtml", new TownshipModel(unit, await ProfileQueries.PublishedAsync(db, id, ct), catalogue,
            records.Take(LatestRecords).ToList(), villages));
    }

    [HttpGet("/villages/{id:int}")]
    [PublicPage(PublicPage.Department)]
    public async Task<IActionResult> Village(int id, YearListingQuery query, CancellationToken ct)
    {
        var listing = query.Request;
        var unit = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Level == UnitLevel.Village && d.IsActive, ct);
        if (unit is null) return NotFoundPage("没有找到该村（社区）。");
        var township = unit.ParentId is { } parent
            ? await db.Departments.AsNoTracking().Where(d => d.Id == parent).Select(d => new VillageLink(d.Id, d.Name)).FirstOrDefaultAsync(ct)
            : null;
        var published = db.PublishedVersions.Where(v => v.DepartmentId == id);
        var years = await ListingYears.ReadAsync(published, query.Year, clock.Today(), ct);
        var (page, records) = await RecordListing.PageAsync(db, years.Apply(published), listing,
            query.Year is null ? await PublishedCountQueries.ForDepartmentAsync(db, id, ct) : await years.Apply(published).CountAsync(ct), ct);
        if (listing.Page > page.TotalPages) return PageOutOfRange(page);
        return View("~/Features/Townships/Views/Village.cshtml", new VillageModel(unit, township, await ProfileQueries.PublishedAsync(db, id, ct), records, page, years));
    }
}

public sealed record VillageLink(int Id, string Name);

public sealed record TownshipModel(Department Unit, UnitProfile? Profile, IReadOnlyList<DepartmentItem> Catalogue, IReadOnlyList<RecordListItem> Records, IReadOnlyList<VillageLink> Villages);

public sealed record VillageModel(Department Unit, VillageLink? Township, UnitProfile? Profile, IReadOnlyList<RecordListItem> Records, PageInfo Page, ListingYears Years);
