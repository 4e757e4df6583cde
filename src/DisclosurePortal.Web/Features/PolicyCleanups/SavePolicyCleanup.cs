using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.PolicyCleanups;

/// <summary>新建 or 修改 a clean-up's draft (the office, Reviewer); the form and its validator: <see cref="PolicyCleanupForm"/>.</summary>
public sealed class SavePolicyCleanupHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string StaleMessage = "保存失败：您打开此页后，该清理结果已被他人修改或提交，请重新打开后再修改。";

    public async Task<Outcome<int>> CreateAsync(PolicyCleanupForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var candidates = await PolicyCleanupQueries.CandidatesAsync(db, form.Listed.Select(r => r.RecordId), ct);
        return await Outcome.Try(async () =>
        {
            var cleanup = PolicyCleanup.Create(form.ToDraft(), candidates, clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.PolicyCleanups.Add(cleanup);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.PolicyCleanupCreate, cleanup.Id, $"新建清理结果：{cleanup.Title}（{cleanup.Entries.Count}件）");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<int>)cleanup.Id;
        });
    }

    /// <param name="cleanup">Tracked with its entries (<see cref="PolicyCleanupQueries.TrackedAsync"/>).</param>
    public async Task<Outcome<int>> UpdateAsync(PolicyCleanup cleanup, PolicyCleanupForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (form.Version != cleanup.Version) return Refusal.Conflict(StaleMessage);
        var candidates = await PolicyCleanupQueries.CandidatesAsync(db, form.Listed.Select(r => r.RecordId), ct);
        return await Outcome.Try(async () =>
        {
            cleanup.Save(form.ToDraft(), candidates, clock.Today(), user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.PolicyCleanupEdit, cleanup.Id, $"修改清理结果：{cleanup.Title}（{cleanup.Entries.Count}件）");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refusal.Conflict(StaleMessage);
            }
            return (Outcome<int>)cleanup.Id;
        });
    }
}
