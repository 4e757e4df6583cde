using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Townships;

/// <summary>
/// The units whose records an editor keeps (<see cref="UnitKeeping"/>): their own, and — for a township's editor — the
/// township's villages and communities, which have no accounts of their own. Read from the database on each request,
/// so a village placed under a township today is kept by its editors at once.
/// </summary>
public static class KeptUnits
{
    /// <summary>The editor's own unit first, then its villages by sort order; empty for anyone who is not an editor.</summary>
    public static async Task<IReadOnlyList<int>> OfAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Editor) || user.DepartmentId() is not { } own) return [];
        return [own, .. await VillagesOfAsync(db, own, ct)];
    }

    /// <summary>The villages and communities under <paramref name="township"/>, by sort order (none for any other unit).</summary>
    public static Task<List<int>> VillagesOfAsync(PortalDbContext db, int township, CancellationToken ct) =>
        db.Departments.AsNoTracking()
            .Where(d => d.ParentId == township && d.Level == UnitLevel.Village)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);

    /// <summary>Whether the user is an editor who keeps <paramref name="unit"/>'s records.</summary>
    public static async Task<bool> KeepsAsync(PortalDbContext db, ClaimsPrincipal user, int unit, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Editor) || user.DepartmentId() is not { } own) return false;
        if (unit == own) return true;
        var placed = await db.Departments.AsNoTracking().Where(d => d.Id == unit).Select(d => new { d.Level, d.ParentId }).FirstOrDefaultAsync(ct);
        return placed is not null && UnitKeeping.Keeps(own, unit, placed.Level, placed.ParentId);
    }
}
