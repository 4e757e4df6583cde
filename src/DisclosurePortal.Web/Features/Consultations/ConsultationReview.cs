using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>提交审核 by the department's editor: the consultation joins the office's review queue.</summary>
public sealed class SubmitConsultationHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ConsultationNotifications notifications)
{
    public async Task<Outcome<int>> HandleAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ConsultationQueries.OwnAsync(db, user, id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        if (c.Version != version) return Refusal.Conflict("该征集在您打开后已发生变化，请重新打开后再提交。");
        return await Outcome.Try(async () =>
        {
            c.Submit(clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationSubmit, c.Id, $"草稿 → 待审核：{c.Title}");
            notifications.Submitted(c);
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)c.Id;
        });
    }
}

/// <summary>
/// The office's decision on a submitted consultation (Reviewer): approve (it goes public on its start date) or send it
/// back with a reason. Reviewed like a record, because what goes on the site in the government's name is the office's
/// responsibility (domain README §4).
/// </summary>
public sealed class DecideConsultationHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ConsultationNotifications notifications)
{
    public static class Fields
    {
        public const string Version = "version";
        public const string Reason = "reason";
    }

    public const int ReasonLength = 1000;

    public async Task<Outcome<int>> ApproveAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        if (c.Version != version) return Refusal.Conflict("该征集在您审核期间已发生变化，请重新打开后审核。");
        return await Outcome.Try(async () =>
        {
            c.Approve(clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationApprove, c.Id, $"待审核 → 审核通过：{c.Title}（{c.StartsOn:yyyy-MM-dd} 起公开征集）");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)c.Id;
        });
    }

    public async Task<Outcome<int>> ReturnAsync(int id, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Refusal("请填写退回理由。");
        if (reason.Length > ReasonLength) return new Refusal("退回理由不能超过1000个字。");
        if (Infrastructure.TypedText.IsRefused(reason, multiLine: true)) return new Refusal(Infrastructure.TypedText.FieldMessage);
        if (await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Refusal.NotFound("没有找到该征集。");
        if (c.Version != version) return Refusal.Conflict("该征集在您审核期间已发生变化，请重新打开后审核。");
        return await Outcome.Try(async () =>
        {
            c.Return(reason, user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.ConsultationReturn, c.Id, $"待审核 → 退回修改：{reason.Trim()}");
            notifications.Returned(c);
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)c.Id;
        });
    }
}
