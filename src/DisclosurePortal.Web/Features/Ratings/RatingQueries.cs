using DisclosurePortal.Data;
using DisclosurePortal.Domain.Ratings;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>One unit's 评议 over a period (null unit: ratings of applications the office answered itself).</summary>
public sealed record UnitRatings(int? UnitId, string? UnitName, RatingCounts Counts);

public static class RatingQueries
{
    /// <summary>
    /// Every grade given in [<paramref name="from"/>, <paramref name="to"/>) (China days), per unit, by one GROUP BY:
    /// what /statistics shows for the year and what the 考核 work counts per quarter. Every grade counts, whatever
    /// became of its comment. Units without ratings are absent; the order is by unit name, the office's line last.
    /// </summary>
    public static async Task<IReadOnlyList<UnitRatings>> ByUnitAsync(PortalDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var grouped = await db.Ratings.AsNoTracking()
            .Where(r => r.RatedOn >= from && r.RatedOn < to)
            .GroupBy(r => new { r.UnitId, r.Grade })
            .Select(g => new { g.Key.UnitId, g.Key.Grade, Count = g.Count() })
            .ToListAsync(ct);
        var ids = grouped.Where(g => g.UnitId != null).Select(g => g.UnitId!.Value).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return grouped.GroupBy(g => g.UnitId)
            .Select(u => new UnitRatings(u.Key, u.Key is { } id ? names.GetValueOrDefault(id) : null,
                new RatingCounts(u.Where(x => x.Grade == RatingGrade.Satisfied).Sum(x => x.Count),
                    u.Where(x => x.Grade == RatingGrade.FairlySatisfied).Sum(x => x.Count),
                    u.Where(x => x.Grade == RatingGrade.Dissatisfied).Sum(x => x.Count))))
            .OrderBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A calendar year's counts (China days).</summary>
    public static Task<IReadOnlyList<UnitRatings>> ForYearAsync(PortalDbContext db, int year, CancellationToken ct) =>
        ByUnitAsync(db, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), ct);

    /// <summary>A quarter's counts (1–4), as the 按季通报 and 考核 periods run.</summary>
    public static Task<IReadOnlyList<UnitRatings>> ForQuarterAsync(PortalDbContext db, int year, int quarter, CancellationToken ct)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter));
        var from = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return ByUnitAsync(db, from, from.AddMonths(3), ct);
    }

    /// <summary>The rating the applicant or writer gave, for their tracking page; null before they rate.</summary>
    public static async Task<GivenRating?> GivenAsync(PortalDbContext db, RatingTargetKind kind, int targetId, DateTimeOffset now, CancellationToken ct)
    {
        var given = await db.Ratings.AsNoTracking().Where(r => r.TargetKind == kind && r.TargetId == targetId)
            .Select(r => new GivenRating(r.Grade, r.Comment, r.CommentState, r.RatedAt, false)).FirstOrDefaultAsync(ct);
        return given is null ? null : given with { MayChange = kind == RatingTargetKind.Message && now - given.RatedAt <= Rating.MessageChangeWindow };
    }
}
