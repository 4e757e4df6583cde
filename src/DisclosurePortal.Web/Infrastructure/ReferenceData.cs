using DisclosurePortal.Data;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// 参考数据 (issue 23): the 26 domains, the five stages and the units (departments, townships, villages) that nearly every
/// public page reads and that change a few times a year. Held in memory: three statements a minute instead of up to
/// three a page. A change on this node forgets them when the output cache's "site" tag is evicted (a department, domain
/// or stage saved: <see cref="Caching.PublicPageChanges"/>), that is once the change is committed; another node reloads
/// them within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReferenceData(IMemoryCache cache)
{
    private const string Key = "reference-data";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<ReferenceSnapshot> GetAsync(PortalDbContext db, CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out ReferenceSnapshot? known) && known is not null) return known;
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new DomainInfo(d.Id, d.Code, d.NameZh, d.NameEn, d.SortOrder)).ToListAsync(ct);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.SortOrder)
            .Select(s => new StageInfo(s.Id, s.Code, s.NameZh, s.NameEn, s.SortOrder)).ToListAsync(ct);
        var units = await db.Departments.AsNoTracking().OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new UnitInfo(d.Id, d.Name, d.Level, d.IsActive)).ToListAsync(ct);
        var snapshot = new ReferenceSnapshot(domains, stages, units);
        cache.Set(Key, snapshot, Lifetime);
        return snapshot;
    }

    public void Forget() => cache.Remove(Key);
}

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
