using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Powers;

/// <summary>提交审核 by the department's editor: the open revision joins the office's review queue.</summary>
public sealed class SubmitPowerHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await PowerQueries.OwnAsync(db, user, id, ct) is not { } power) return Refusal.NotFound("没有找到该权力事项。");
        if (power.Version != version) return Refusal.Conflict("该权力事项在您打开后已发生变化，请重新打开后再提交。");
        return await Outcome.Try(async () =>
        {
            power.Submit(user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.PowerSubmit, power.Id, $"草稿 → 待审核：{power.Open!.Name}（第{power.Open.Number}版）");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)power.Id;
        });
    }
}

/// <summary>
/// The office's decision on a submitted revision (Reviewer): approve (it becomes the public version, the previous one is
/// kept as history) or send it back with a reason — reviewed like a record (domain README §4).
/// </summary>
public sealed class DecidePowerHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Version = "version";
        public const string Reason = "reason";
    }

    public const int ReasonLength = 1000;
    private const string Stale = "该权力事项在您审核期间已发生变化，请重新打开后审核。";

    public async Task<Outcome<int>> ApproveAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await PowerQueries.TrackedAsync(db, id, ct) is not { } power) return Refusal.NotFound("没有找到该权力事项。");
        if (power.Version != version) return Refusal.Conflict(Stale);
        return await Outcome.Try(async () =>
        {
            power.Approve(clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            var published = power.Published!;
            audit.Record(user, AuditActions.PowerApprove, power.Id, $"待审核 → 已公开：{published.Name}（第{published.Number}版）");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)power.Id;
        });
    }

    public async Task<Outcome<int>> ReturnAsync(int id, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Refusal("请填写退回理由。");
        if (reason.Length > ReasonLength) return new Refusal("退回理由不能超过1000个字。");
        if (TypedText.IsRefused(reason, multiLine: true)) return new Refusal(TypedText.FieldMessage);
        if (await PowerQueries.TrackedAsync(db, id, ct) is not { } power) return Refusal.NotFound("没有找到该权力事项。");
        if (power.Version != version) return Refusal.Conflict(Stale);
        return await Outcome.Try(async () =>
        {
            power.Return(reason, user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.PowerReturn, power.Id, $"待审核 → 退回修改：{reason.Trim()}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)power.Id;
        });
    }
}
