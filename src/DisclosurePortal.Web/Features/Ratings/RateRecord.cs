using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>
/// 评议 of a published record by anyone (issue 21 §5): one per address per day, the address kept only as a keyed hash
/// of itself and the day (<see cref="RaterAddresses"/>). A second rating the same day is a 409 with the comment kept.
/// A comment with a 敏感词 is held for the office; the grade counts either way.
/// </summary>
public sealed class RateRecordHandler(PortalDbContext db, TimeProvider clock, RaterAddresses addresses, ILogger<RateRecordHandler> logger)
{
    public async Task<Outcome<int>> HandleAsync(int recordId, RatingForm form, string? address, CancellationToken ct)
    {
        var department = await db.PublishedVersions.AsNoTracking().Where(v => v.RecordId == recordId).Select(v => (int?)v.DepartmentId).FirstOrDefaultAsync(ct);
        if (department is null) return Refusal.NotFound("没有找到该信息，可能尚未发布或已被撤回。");
        var today = clock.Today();
        var hash = addresses.Hash(address, today);
        var rated = await db.Ratings.AnyAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == recordId && r.RatedOn == today && r.AddressHash == hash, ct);
        if (rated) return Refusal.Conflict(Rating.AlreadyRatedToday);
        var words = new SensitiveWords(await db.SensitiveWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct));
        try
        {
            return await Outcome.Try(async () =>
            {
                var rating = Rating.OfRecord(recordId, department.Value, rated, form.Grade!.Value, form.Comment, words.Find(form.Comment), hash, clock.GetUtcNow(), today);
                db.Ratings.Add(rating);
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Record {RecordId} rated {Grade} (comment: {CommentState})", recordId, rating.Grade, rating.CommentState);
                return (Outcome<int>)rating.Id;
            });
        }
        catch (DbUpdateException)
        {
            // Two posts at once from one address: the unique index kept one.
            db.ChangeTracker.Clear();
            if (!await db.Ratings.AsNoTracking().AnyAsync(r => r.TargetKind == RatingTargetKind.Record && r.TargetId == recordId && r.RatedOn == today && r.AddressHash == hash, ct)) throw;
            return Refusal.Conflict(Rating.AlreadyRatedToday);
        }
    }
}
