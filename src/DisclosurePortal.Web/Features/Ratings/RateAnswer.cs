using DisclosurePortal.Data;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>
/// 评议 of an answered application (依申请公开) by its applicant: the 查询码 is the applicant's key, as on /track, so
/// whoever holds it may rate, once, after the reply. Nobody else can reach the case.
/// </summary>
public sealed class RateCaseHandler(PortalDbContext db, TimeProvider clock, ILogger<RateCaseHandler> logger)
{
    public async Task<Outcome<string>> HandleAsync(string code, RatingForm form, CancellationToken ct)
    {
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null) return new Refusal(RatingsController.BadCode);
        var c = await db.ApplicationCases.AsNoTracking().Where(x => x.QueryCode == normalised)
            .Select(x => new { x.Id, x.AssignedDepartmentId, Answered = x.ReplyType != null }).FirstOrDefaultAsync(ct);
        if (c is null) return Refusal.NotFound("没有找到该查询码对应的申请，请核对后重新输入。");
        var rated = await db.Ratings.AnyAsync(r => r.TargetKind == RatingTargetKind.ApplicationCase && r.TargetId == c.Id, ct);
        if (rated) return Refusal.Conflict("您已评议过这件申请，每件申请只能评议一次。");
        var words = new SensitiveWords(await db.SensitiveWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct));
        return await Outcome.Try(async () =>
        {
            var rating = Rating.OfCase(c.Id, c.AssignedDepartmentId, c.Answered, rated, form.Grade!.Value, form.Comment, words.Find(form.Comment), clock.GetUtcNow(), clock.Today());
            db.Ratings.Add(rating);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Application case {CaseId} rated {Grade} by its applicant", c.Id, rating.Grade);
            return (Outcome<string>)normalised;
        });
    }
}

/// <summary>
/// 评议 of an answered message by its writer (the 查询码 holder): once, and changed within
/// <see cref="Rating.MessageChangeWindow"/> by posting the form again.
/// </summary>
public sealed class RateMessageHandler(PortalDbContext db, TimeProvider clock, ILogger<RateMessageHandler> logger)
{
    public async Task<Outcome<string>> HandleAsync(string code, RatingForm form, CancellationToken ct)
    {
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null) return new Refusal(RatingsController.BadCode);
        var m = await db.Messages.AsNoTracking().Where(x => x.QueryCode == normalised)
            .Select(x => new { x.Id, x.AssignedDepartmentId, x.State }).FirstOrDefaultAsync(ct);
        if (m is null) return Refusal.NotFound("没有找到该查询码对应的留言，请核对后重新输入。");
        var words = new SensitiveWords(await db.SensitiveWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct));
        var existing = await db.Ratings.FirstOrDefaultAsync(r => r.TargetKind == RatingTargetKind.Message && r.TargetId == m.Id, ct);
        if (existing is not null && !existing.MayChange(clock.GetUtcNow())) return Refusal.Conflict("评议后7天内可以修改，现已超过期限。");
        return await Outcome.Try(async () =>
        {
            if (existing is null)
                db.Ratings.Add(Rating.OfMessage(m.Id, m.AssignedDepartmentId, m.State == MessageState.Answered, form.Grade!.Value, form.Comment, words.Find(form.Comment), clock.GetUtcNow(), clock.Today()));
            else
                existing.Change(form.Grade!.Value, form.Comment, words.Find(form.Comment), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Message {MessageId} rated {Grade} by its writer ({Change})", m.Id, form.Grade, existing is null ? "new" : "changed");
            return (Outcome<string>)normalised;
        });
    }
}
