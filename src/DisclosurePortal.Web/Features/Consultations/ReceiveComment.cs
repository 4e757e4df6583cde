using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// An opinion submitted online by a citizen while the consultation is open (the form and its validator:
/// <see cref="CommentForm"/>), or entered by the department's staff from a letter, e-mail or meeting. Contact data is
/// sealed (<see cref="ConsultationContacts"/>) before the Domain sees it; nothing of it is logged.
/// </summary>
public sealed class ReceiveCommentHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ConsultationContacts contacts, ConsultationNotifications notifications)
{
    public async Task<Outcome<long>> OnlineAsync(int id, CommentForm form, CancellationToken ct)
    {
        var today = clock.Today();
        if (await ConsultationQueries.Public(db, today).AsTracking().Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c)
            return Refusal.NotFound("没有找到该征集。");
        return await Outcome.Try(async () =>
        {
            var comment = c.ReceiveOnline(Details(form), today, clock.GetUtcNow());
            db.ConsultationComments.Add(comment);
            notifications.CommentReceived(c);
            await db.SaveChangesAsync(ct);
            return (Outcome<long>)comment.Id;
        });
    }

    public async Task<Outcome<long>> EnterAsync(int id, StaffCommentForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ConsultationQueries.OwnAsync(db, user, id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        await db.Entry(c).Collection(x => x.Questions).LoadAsync(ct);
        return await Outcome.Try(async () =>
        {
            var comment = c.Enter(form.Channel!.Value, form.Received!.Value, Details(form), clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.ConsultationComments.Add(comment);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.ConsultationEnterComment, c.Id, $"录入意见 #{comment.Id}（{ConsultationNames.Describe(comment.Channel)}，{comment.ReceivedOn:yyyy-MM-dd}收到）");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<long>)comment.Id;
        });
    }

    private CommentDetails Details(CommentForm f) =>
        new(f.Body!, f.PublicName, f.MayPublish, contacts.Seal(f.Name), contacts.Seal(f.Phone), contacts.Seal(f.Email), contacts.Seal(f.Address))
        {
            Answers = f.AnswerDrafts(),
        };
}

/// <summary>
/// 审核 of an opinion by the department's editors: they read every opinion anyway to prepare the 采纳情况, and the office
/// oversees through the audit log — the office's queue is kept for what the government publishes in its own name.
/// </summary>
public sealed class ModerateCommentHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Decision = "decision";
    }

    public async Task<Outcome<ModerationState>> HandleAsync(int id, long commentId, ModerationState? decision, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ConsultationQueries.OwnAsync(db, user, id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        if (await db.ConsultationComments.FirstOrDefaultAsync(x => x.Id == commentId && x.ConsultationId == id, ct) is not { } comment)
            return Refusal.NotFound("没有找到该意见。");
        if (decision is not (ModerationState.Accepted or ModerationState.Rejected)) return new Refusal("请选择审核结果。");
        return await Outcome.Try(async () =>
        {
            c.Moderate(comment, decision.Value, user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationModerate, c.Id, $"意见 #{comment.Id}：{ConsultationNames.Describe(decision.Value)}");
            await db.SaveChangesAsync(ct);
            return (Outcome<ModerationState>)decision.Value;
        });
    }
}
