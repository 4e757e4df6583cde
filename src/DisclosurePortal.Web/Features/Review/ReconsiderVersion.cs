using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>重新评估 a withheld version <c>id</c>: it goes back to its department as a draft, with the <c>reason</c> as the return reason.</summary>
public sealed class ReconsiderVersionHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The names the withheld list's reconsider forms post (the action binds them by these names).</summary>
    public static class Fields
    {
        public const string Reason = "reason";
    }

    public async Task<Outcome<int>> HandleAsync(int id, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var version = await db.RecordVersions.FirstOrDefaultAsync(v => v.Id == id && v.State == VersionState.Withheld, ct);
        if (version is null) return Refusal.NotFound("没有找到该不予公开的版本。");
        // The reason becomes RecordVersion.ReturnReason (1000).
        if (reason is { Length: > 1000 }) return new Refusal("重新评估的理由不能超过1000字。"); // control characters: TypedTextFilter
        return await Outcome.Try(async () =>
        {
            version.Reconsider(reason ?? string.Empty, clock.GetUtcNow());
            audit.Record(user, AuditActions.RecordReconsider, version.RecordId, $"不予公开 → 草稿（重新评估）：{reason}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)version.Id;
        });
    }
}
