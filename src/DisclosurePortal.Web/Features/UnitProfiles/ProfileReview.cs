using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>提交审核 by the unit's editor: the draft joins the office's review queue.</summary>
public sealed class SubmitProfileHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ProfileQueries.OwnAsync(db, user, id, ct) is not { } p) return Refusal.NotFound("没有找到该机构概况。");
        if (p.Version != version) return Refusal.Conflict("该机构概况在您打开后已发生变化，请重新打开后再提交。");
        await db.Entry(p).Collection(x => x.Leaders).LoadAsync(ct);
        return await Outcome.Try(async () =>
        {
            p.Submit(clock.GetUtcNow());
            audit.Record(user, AuditActions.UnitProfileSubmit, p.Id, $"草稿 → 待审核（第{p.Number}版）");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)p.Id;
        });
    }
}

/// <summary>
/// The office's decision on a submitted 机构概况 (Reviewer), as for a record: approve (it replaces the published version,
/// which is kept as history) or send it back with a reason. What the site says in a unit's name is the office's
/// responsibility (domain README §4).
/// </summary>
public sealed class DecideProfileHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Version = "version";
        public const string Reason = "reason";
    }

    public const int ReasonLength = 1000;

    private const string Changed = "该机构概况在您审核期间已发生变化，请重新打开后审核。";

    public async Task<Outcome<int>> ApproveAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.UnitProfiles.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } p) return Refusal.NotFound("没有找到该机构概况。");
        if (p.Version != version) return Refusal.Conflict(Changed);
        var current = await db.UnitProfiles.FirstOrDefaultAsync(x => x.DepartmentId == p.DepartmentId && x.State == ProfileState.Published, ct);
        return await Outcome.Try(async () =>
        {
            p.Publish(current, user.DisplayName(), clock.GetUtcNow());
            audit.Record(user, AuditActions.UnitProfilePublish, p.Id, current is null ? $"待审核 → 已发布（第{p.Number}版）" : $"待审核 → 已发布（第{p.Number}版，替代第{current.Number}版）");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refusal.Conflict(Changed);
            }
            return (Outcome<int>)p.Id;
        });
    }

    public async Task<Outcome<int>> ReturnAsync(int id, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Refusal("请填写退回理由。");
        if (reason.Length > ReasonLength) return new Refusal("退回理由不能超过1000个字。");
        if (TypedText.IsRefused(reason, multiLine: true)) return new Refusal(TypedText.FieldMessage);
        if (await db.UnitProfiles.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } p) return Refusal.NotFound("没有找到该机构概况。");
        if (p.Version != version) return Refusal.Conflict(Changed);
        return await Outcome.Try(async () =>
        {
            p.Return(reason, clock.GetUtcNow());
            audit.Record(user, AuditActions.UnitProfileReturn, p.Id, $"待审核 → 退回修改（第{p.Number}版）：{reason.Trim()}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)p.Id;
        });
    }
}
