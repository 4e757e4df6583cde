using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// How many records are published where, read from the trigger-kept PublishedCounts (docs/adr/0017): a sum over at
/// most a few thousand rows, however many records there are.
/// </summary>
public static class PublishedCountQueries
{
    public static Task<Dictionary<int, int>> ByDomainAsync(PortalDbContext db, CancellationToken ct) =>
        db.PublishedCounts.GroupBy(c => c.DomainId).Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public static Task<Dictionary<int, int>> ByDepartmentAsync(PortalDbContext db, CancellationToken ct) =>
        db.PublishedCounts.GroupBy(c => c.DepartmentId).Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <param name="units">Only these units' records (the 公开主体 / 层级 filter, issue 20 §7); null for every unit.</param>
    public static Task<Dictionary<int, int>> ByStageAsync(PortalDbContext db, int domainId, IReadOnlyList<int>? units, CancellationToken ct)
    {
        var counts = db.PublishedCounts.Where(c => c.DomainId == domainId);
        if (units is not null) counts = counts.Where(c => units.Contains(c.DepartmentId));
        return counts.GroupBy(c => c.StageId).Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public static Task<int> ForItemAsync(PortalDbContext db, int itemId, CancellationToken ct) =>
        db.PublishedCounts.Where(c => c.CatalogueItemId == itemId).SumAsync(c => c.Count, ct);

    public static Task<int> ForDepartmentAsync(PortalDbContext db, int departmentId, CancellationToken ct) =>
        db.PublishedCounts.Where(c => c.DepartmentId == departmentId).SumAsync(c => c.Count, ct);
}
