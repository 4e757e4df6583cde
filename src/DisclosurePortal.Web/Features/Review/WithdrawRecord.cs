using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>撤回已发布的信息 <c>recordId</c>, with a <c>reason</c>: it leaves the public pages at once.</summary>
public sealed class WithdrawRecordHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The names the record page's withdraw form posts (the action binds them by these names).</summary>
    public static class Fields
    {
        public const string Reason = "reason";
    }

    public async Task<Outcome<int>> HandleAsync(int recordId, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var published = await db.RecordVersions.FirstOrDefaultAsync(v => v.RecordId == recordId && v.IsPublished, ct);
        if (published is null) return Refusal.NotFound("该信息没有已发布的版本。");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000) // control characters: TypedTextFilter
            return new Refusal("撤回须说明理由（不超过1000字）。");
        published.Withdraw(reason, clock.GetUtcNow());
        audit.Record(user, AuditActions.RecordWithdraw, recordId, $"已发布 → 已撤回（第{published.Number}版）：{reason.Trim()}");
        await db.SaveChangesAsync(ct);
        return recordId;
    }
}
