using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// The 采纳情况 (the form and its validator: <see cref="FeedbackForm"/>) published by the department after closing: the
/// received count is the accepted opinions', and the three groups must add up to it (the Domain checks).
/// </summary>
public sealed class PublishFeedbackHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int id, FeedbackForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ConsultationQueries.OwnAsync(db, user, id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        var counts = await CountsAsync(db, id, ct);
        return await Outcome.Try(async () =>
        {
            c.PublishFeedback(form.ToDraft(), counts.Accepted, counts.Pending, clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationPublishFeedback, c.Id,
                $"发布采纳情况：收到{c.ReceivedCount}条，采纳{c.AdoptedCount}条，部分采纳{c.PartlyAdoptedCount}条，未采纳{c.NotAdoptedCount}条");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)c.Id;
        });
    }

    public static async Task<(int Accepted, int Pending)> CountsAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var counts = await db.ConsultationComments.Where(x => x.ConsultationId == id && x.Moderation != ModerationState.Rejected)
            .GroupBy(x => x.Moderation).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return (counts.FirstOrDefault(x => x.Key == ModerationState.Accepted)?.Count ?? 0, counts.FirstOrDefault(x => x.Key == ModerationState.Pending)?.Count ?? 0);
    }
}

/// <summary>Links the published decision record (by its number in the portal) the consultation led to.</summary>
public sealed class LinkDecisionHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string RecordId = "recordId";
    }

    public async Task<Outcome<int>> HandleAsync(int id, string? recordId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ConsultationQueries.OwnAsync(db, user, id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        int? record = null;
        if (!string.IsNullOrWhiteSpace(recordId))
        {
            if (!QueryReader.TryPositive(recordId.Trim(), out var rid)) return new Refusal("信息编号应为正整数（信息网址 /records/ 后面的数字）。");
            var title = await db.PublishedVersions.Where(v => v.RecordId == rid).Select(v => v.Title).FirstOrDefaultAsync(ct);
            if (title is null) return new Refusal("没有找到编号为 {0} 的已发布信息。", StatusCodesBadRequest, rid);
            record = rid;
        }
        return await Outcome.Try(async () =>
        {
            c.LinkDecision(record, user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationLinkDecision, c.Id, record is null ? "取消关联决策文件" : $"关联决策文件：信息 {record}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)c.Id;
        });
    }

    private const int StatusCodesBadRequest = StatusCodes.Status400BadRequest;
}
