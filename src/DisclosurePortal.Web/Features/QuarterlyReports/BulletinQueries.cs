using DisclosurePortal.Data;
using DisclosurePortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>Reads the 按季通报 editions (docs/adr/0036).</summary>
public static class BulletinQueries
{
    /// <summary>The quarter's newest edition, whatever its state; null before the first freeze.</summary>
    public static Task<QuarterlyBulletin?> LatestAsync(PortalDbContext db, Quarter q, bool tracked, CancellationToken ct)
    {
        var rows = tracked ? db.QuarterlyBulletins : db.QuarterlyBulletins.AsNoTracking();
        return rows.Where(b => b.Year == q.Year && b.QuarterNumber == q.Number).OrderByDescending(b => b.Edition).FirstOrDefaultAsync(ct);
    }

    /// <summary>The quarter's published edition (at most one: publishing a correction supersedes the one before).</summary>
    public static Task<QuarterlyBulletin?> PublishedAsync(PortalDbContext db, Quarter q, CancellationToken ct) =>
        db.QuarterlyBulletins.AsNoTracking().SingleOrDefaultAsync(b => b.Year == q.Year && b.QuarterNumber == q.Number && b.State == BulletinState.Published, ct);

    /// <summary>Every published 通报, newest quarter first, without their numbers.</summary>
    public static Task<List<PublishedBulletinRow>> PublishedListAsync(PortalDbContext db, CancellationToken ct) =>
        db.QuarterlyBulletins.AsNoTracking().Where(b => b.State == BulletinState.Published)
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.QuarterNumber)
            .Select(b => new PublishedBulletinRow(b.Year, b.QuarterNumber, b.Edition, b.PublishedAt, b.AsOf)).ToListAsync(ct);

    /// <summary>The editions a published one replaced (更正), oldest first: their numbers stay in the database.</summary>
    public static Task<List<PublishedBulletinRow>> SupersededAsync(PortalDbContext db, Quarter q, CancellationToken ct) =>
        db.QuarterlyBulletins.AsNoTracking().Where(b => b.Year == q.Year && b.QuarterNumber == q.Number && b.State == BulletinState.Superseded)
            .OrderBy(b => b.Edition).Select(b => new PublishedBulletinRow(b.Year, b.QuarterNumber, b.Edition, b.PublishedAt, b.AsOf)).ToListAsync(ct);
}

public sealed record PublishedBulletinRow(int Year, int QuarterNumber, int Edition, DateTimeOffset? PublishedAt, DateOnly AsOf)
{
    public Quarter Quarter => new(Year, QuarterNumber);
}
