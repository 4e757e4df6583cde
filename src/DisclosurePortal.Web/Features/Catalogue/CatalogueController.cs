using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Home;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Catalogue;

/// <summary>The standard catalogue as citizens browse it: a domain by its five stages, and each item with its records.</summary>
public sealed class CatalogueController(PortalDbContext db, TimeProvider clock, ReferenceData reference, ListingAnchors anchorStore) : PortalController
{
    private const int LatestPerItem = 3;

    [HttpGet("/domains/{code}")]
    [PublicPage(PublicPage.Domain)]
    public async Task<IActionResult> Domain(string code, string? stage, YearListingQuery query, Townships.UnitFilter unitFilter, CancellationToken ct)
    {
        var listing = query.Request;
        // 公开主体 / 层级 (issue 20 §7): the items and records of one unit, or of one level's units.
        // Domains, stages and units from the reference data held in memory (issue 23).
        var known = await reference.GetAsync(db, ct);
        if (Townships.UnitScope.Read(known, unitFilter) is not { } units) return BadInput(Townships.UnitFilter.UnitProblem);
        if (!known.DomainsByCode.TryGetValue(code, out var domain)) return NotFoundPage("没有找到该公开领域。");
        var stages = known.Stages;
        var selected = stage is null ? stages[0] : stages.FirstOrDefault(s => s.Code == stage);
        if (selected is null) return BadInput("公开阶段应为 决策、执行、管理、服务、结果 之一。");

        // Anchors for deep pages, taken before the listing is read (issue 23).
        var anchors = anchorStore.For($"domain-{domain.Id}-{selected.Id}-{query.Year}-{(units.Ids is null ? "all" : string.Join('.', units.Ids))}",
            PublicPageTags.Domain(domain.Code));

        // The stage tabs count what the filter keeps, so a township's tabs show the township's items and records.
        // The domain's items are reference data held in memory; the records are counted from the published counts.
        var catalogue = (await reference.CatalogueAsync(db, domain, ct)).Where(i => units.Keeps(i.DepartmentId)).ToList();
        var itemCounts = catalogue.CountBy(i => i.StageId).ToDictionary();
        var recordCounts = await PublishedCountQueries.ByStageAsync(db, domain.Id, units.Ids, ct);
        var tabs = stages.Select(s => new StageTab(s.Code, s.NameZh, s.NameEn, itemCounts.GetValueOrDefault(s.Id), recordCounts.GetValueOrDefault(s.Id))).ToList();

        var items = await ItemSummaries(catalogue.Where(i => i.StageId == selected.Id).ToList(), ct);
        var published = units.Apply(db.PublishedVersions.Where(v => v.DomainId == domain.Id && v.StageId == selected.Id));
        var years = await ListingYears.ReadAsync(published, query.Year, clock.Today(), ct);
        var (pageInfo, records) = await RecordListing.PageAsync(db, years.Apply(published), listing,
            query.Year is null ? recordCounts.GetValueOrDefault(selected.Id) : await years.Apply(published).CountAsync(ct), ct, anchors);
        if (listing.Page > pageInfo.TotalPages) return PageOutOfRange(pageInfo);

        return View(new DomainModel(
            new DomainTile(domain.Code, domain.NameZh, domain.NameEn, recordCounts.Values.Sum()),
            tabs, tabs.Single(t => t.Code == selected.Code), items, records, pageInfo, years)
        {
            Units = units,
            Consultations = selected.Code == Consultations.SaveConsultationHandler.DecisionStage
                ? await Consultations.ConsultationQueries.ForDomainAsync(db, domain.Id, clock.Today(), ct)
                : null,
        });
    }

    [HttpGet("/items/{id:int}")]
    [PublicPage(PublicPage.Item)]
    public async Task<IActionResult> Item(int id, YearListingQuery query, CancellationToken ct)
    {
        var listing = query.Request;
        var item = await (
            from i in db.CatalogueItems.AsNoTracking()
            join d in db.Departments on i.DepartmentId equals d.Id
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            where i.Id == id
            select new { Item = i, Department = d, Domain = dom, Stage = s }).FirstOrDefaultAsync(ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        var anchors = anchorStore.For($"item-{id}-{query.Year}", PublicPageTags.Item(id));
        var published = db.PublishedVersions.Where(v => v.CatalogueItemId == id);
        var years = await ListingYears.ReadAsync(published, query.Year, clock.Today(), ct);
        var (pageInfo, records) = await RecordListing.PageAsync(db, years.Apply(published), listing,
            query.Year is null ? await PublishedCountQueries.ForItemAsync(db, id, ct) : await years.Apply(published).CountAsync(ct), ct, anchors);
        if (listing.Page > pageInfo.TotalPages) return PageOutOfRange(pageInfo);
        return View(new ItemModel(
            item.Item, item.Department.Id, item.Department.Name,
            new DomainTile(item.Domain.Code, item.Domain.NameZh, item.Domain.NameEn, 0),
            new StageLink(item.Stage.Code, item.Stage.NameZh, item.Stage.NameEn),
            records, pageInfo, years));
    }

    /// <summary>
    /// The items with their latest records, in one round trip: one LIMIT query per item on the item index, joined by
    /// UNION ALL, rather than a window over every record of the domain or a query per item.
    /// </summary>
    internal async Task<List<ItemSummary>> ItemSummaries(IReadOnlyList<CatalogueEntry> items, CancellationToken ct)
    {
        var parts = items.Select(item => db.PublishedVersions.Where(v => v.CatalogueItemId == item.Id)
                .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(LatestPerItem)
                // An anonymous shape, not a record constructor: EF can put it inside a set operation.
                .Select(v => new { v.CatalogueItemId, v.RecordId, v.Title, v.PublishedOn }))
            .ToList();
        var latest = parts.Count == 0 ? [] : await parts.Aggregate((all, part) => all.Concat(part)).ToListAsync(ct);
        var byItem = latest
            .Select(l => new LatestRecord(l.CatalogueItemId!.Value, l.RecordId, l.Title, l.PublishedOn!.Value))
            .ToLookup(l => l.ItemId);
        return items.Select(i => new ItemSummary(i.Id, i.NameLevel1, i.NameLevel2, i.TimeLimitText, i.DepartmentName,
            byItem[i.Id].OrderByDescending(l => l.PublishedOn).ThenByDescending(l => l.RecordId).ToList())).ToList();
    }
}

public sealed record StageTab(string Code, string NameZh, string NameEn, int ItemCount, int RecordCount)
{
    public string Name => Infrastructure.Localization.Pick(NameZh, NameEn);
}

public sealed record LatestRecord(int ItemId, int RecordId, string Title, DateOnly PublishedOn);

public sealed record ItemSummary(int Id, string NameLevel1, string NameLevel2, string TimeLimitText, string DepartmentName, IReadOnlyList<LatestRecord> Latest);

public sealed record DomainModel(DomainTile Domain, IReadOnlyList<StageTab> Stages, StageTab Selected, IReadOnlyList<ItemSummary> Items, IReadOnlyList<RecordListItem> Records, PageInfo Page, ListingYears Years)
{
    /// <summary>On the 决策 stage: the domain's consultations (民意征集), open and closed (issue 19).</summary>
    public Consultations.DomainConsultations? Consultations { get; init; }

    /// <summary>The 公开主体 / 层级 filter and the units it offers (issue 20 §7).</summary>
    public required Townships.UnitScope Units { get; init; }
}

public sealed record ItemModel(CatalogueItem Item, int DepartmentId, string DepartmentName, DomainTile Domain, StageLink Stage, IReadOnlyList<RecordListItem> Records, PageInfo Page, ListingYears Years);
