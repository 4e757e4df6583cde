using DisclosurePortal.Data;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// 参考数据 (issue 23): the 26 domains, the five stages and the units (departments, townships, villages) that nearly every
/// public page reads and that change a few times a year, and each domain's active catalogue items. Held in memory:
/// a few statements a minute instead of up to five a page. A change on this node forgets them when the output cache
/// evicts the pages that show them (<see cref="DataTags"/>: the "site" tag for units, domains and stages, the domain's
/// tag for its items), that is once the change is committed; another node reloads them within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReferenceData(IMemoryCache cache, DataTags tags)
{
    private const string Key = "reference-data";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<ReferenceSnapshot> GetAsync(PortalDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out ReferenceSnapshot? known) && known is not null) return known;
        var tokens = tags.TokensFor();
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new DomainInfo(d.Id, d.Code, d.NameZh, d.NameEn, d.SortOrder)).ToListAsync(ct);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new StageInfo(s.Id, s.Code, s.NameZh, s.NameEn, s.SortOrder)).ToListAsync(ct);
        var units = await db.Departments.AsNoTracking().OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new UnitInfo(d.Id, d.Name, d.Level, d.IsActive)).ToListAsync(ct);
        var snapshot = new ReferenceSnapshot(domains, stages, units);
        Keep(Key, snapshot, tokens);
        return snapshot;
    }

    /// <summary>A domain's active catalogue items, every stage, in 排序 order, with their departments' names.</summary>
    public async Task<IReadOnlyList<CatalogueEntry>> CatalogueAsync(PortalDbContext db, DomainInfo domain, CancellationToken ct)
    {
        var key = $"catalogue-{domain.Id}";
        if (cache.TryGetValue(key, out IReadOnlyList<CatalogueEntry>? known) && known is not null) return known;
        var tokens = tags.TokensFor(Caching.PublicPageTags.Domain(domain.Code));
        List<CatalogueEntry> items = await (
            from i in db.CatalogueItems.AsNoTracking()
            join d in db.Departments on i.DepartmentId equals d.Id
            where i.DomainId == domain.Id && i.Status == CatalogueItemStatus.Active
            orderby i.SortOrder, i.Id
            select new CatalogueEntry(i.Id, i.StageId, i.DepartmentId, i.NameLevel1, i.NameLevel2, i.TimeLimitText, d.Name)).ToListAsync(ct);
        Keep(key, items, tokens);
        return items;
    }

    private void Keep<T>(string key, T value, IReadOnlyList<IChangeToken> tokens) => cache.Set(key, value, DataTags.Expiring(tokens, Lifetime));
}

/// <summary>An active catalogue item as the column page lists it.</summary>
public sealed record CatalogueEntry(int Id, int StageId, int DepartmentId, string NameLevel1, string NameLevel2, string TimeLimitText, string DepartmentName);

public sealed record DomainInfo(int Id, string Code, string NameZh, string NameEn, int SortOrder);

public sealed record StageInfo(int Id, string Code, string NameZh, string NameEn, int SortOrder);

/// <summary>A department, township or village, as the filters and lists name it.</summary>
public sealed record UnitInfo(int Id, string Name, UnitLevel Level, bool IsActive);

/// <summary>The reference data as read at one moment: in their display order, and by code or id.</summary>
public sealed class ReferenceSnapshot(IReadOnlyList<DomainInfo> domains, IReadOnlyList<StageInfo> stages, IReadOnlyList<UnitInfo> units)
{
    /// <summary>In 排序 order.</summary>
    public IReadOnlyList<DomainInfo> Domains { get; } = domains;

    /// <summary>决策, 执行, 管理, 服务, 结果.</summary>
    public IReadOnlyList<StageInfo> Stages { get; } = stages;

    /// <summary>Every unit, active or not, by level, then their order, then id.</summary>
    public IReadOnlyList<UnitInfo> Units { get; } = units;

    public IReadOnlyDictionary<string, DomainInfo> DomainsByCode { get; } = domains.ToDictionary(d => d.Code, StringComparer.Ordinal);
    public IReadOnlyDictionary<int, UnitInfo> UnitsById { get; } = units.ToDictionary(u => u.Id);
}
