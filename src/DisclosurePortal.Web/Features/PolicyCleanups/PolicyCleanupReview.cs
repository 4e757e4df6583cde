using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.PolicyCleanups;

/// <summary>提交审核: the draft joins the office's review queue, for another reviewer to decide.</summary>
public sealed class SubmitPolicyCleanupHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await PolicyCleanupQueries.TrackedAsync(db, id, ct) is not { } cleanup) return Refusal.NotFound("没有找到该清理结果。");
        if (cleanup.Version != version) return Refusal.Conflict("该清理结果在您打开后已发生变化，请重新打开后再提交。");
        return await Outcome.Try(async () =>
        {
            cleanup.Submit(user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.PolicyCleanupSubmit, cleanup.Id, $"草稿 → 待审核：{cleanup.Title}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)cleanup.Id;
        });
    }
}

/// <summary>
/// Another reviewer's decision on a submitted clean-up: approve — the notice goes public and, in ONE transaction, every
/// listed document whose validity changes gets a new published version identical but for its validity, dated today
/// (so the library, the record pages and the annual report's 本年废止件数 follow at once) — or return it with a reason.
/// A document with a draft or submitted version open refuses the approval, naming it (the simplest honest rule: the
/// clean-up neither overwrites an editor's pending change nor is silently undone by its later approval).
/// </summary>
public sealed class DecidePolicyCleanupHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Version = "version";
        public const string Reason = "reason";
    }

    private const string Stale = "该清理结果在您审核期间已发生变化，请重新打开后审核。";

    public async Task<Outcome<int>> ApproveAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await PolicyCleanupQueries.TrackedAsync(db, id, ct) is not { } cleanup) return Refusal.NotFound("没有找到该清理结果。");
        if (cleanup.Version != version) return Refusal.Conflict(Stale);
        var ids = cleanup.Entries.Select(e => e.RecordId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            return (await Outcome.Try(async () =>
            {
                var current = await PolicyCleanupQueries.CandidatesAsync(db, ids, ct);
                var open = await PolicyCleanupQueries.OpenVersionsAsync(db, ids, ct);
                var today = clock.Today();
                var now = clock.GetUtcNow();
                var changes = cleanup.Approve(current, open, today, user.DisplayName(), user.UserId(), now);
                var changedIds = changes.Select(e => e.RecordId).ToList();
                var records = await db.Records.Where(r => changedIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
                var published = await db.RecordVersions.Where(v => changedIds.Contains(v.RecordId) && v.IsPublished).ToDictionaryAsync(v => v.RecordId, ct);
                var next = changes.Select(e => (Entry: e, Version: CleanupRules.Revalidate(records[e.RecordId], published[e.RecordId], e.NewValidity, user.DisplayName(), now))).ToList();
                // The old versions are superseded first, then the new ones added and published: the one-published index
                // never sees two rows of a record at once, whatever order the provider writes in.
                await db.SaveChangesAsync(ct);
                foreach (var (entry, v) in next)
                {
                    v.Publish(today, now);
                    db.RecordVersions.Add(v);
                    audit.Record(user, AuditActions.PolicyCleanupRevalidate, entry.RecordId,
                        $"{Labels.Of(entry.PreviousValidity)} → {Labels.Of(entry.NewValidity)}（第{v.Number}版）：{cleanup.Title}");
                }
                audit.Record(user, AuditActions.PolicyCleanupApprove, cleanup.Id, $"待审核 → 已公布：{cleanup.Title}（{cleanup.Entries.Count}件，其中{changes.Count}件效力变更）");
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return (Outcome<int>)cleanup.Id;
            })).RefusedAsConflict();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("该清理结果或所列文件在您审核期间已被他人处理，请重新打开后审核。");
        }
    }

    public async Task<Outcome<int>> ReturnAsync(int id, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Refusal("请填写退回理由。");
        if (reason.Length > PolicyCleanup.MaxReturnReasonLength) return new Refusal("退回理由不能超过1000个字。");
        if (TypedText.IsRefused(reason, multiLine: true)) return new Refusal(TypedText.FieldMessage);
        if (await PolicyCleanupQueries.TrackedAsync(db, id, ct) is not { } cleanup) return Refusal.NotFound("没有找到该清理结果。");
        if (cleanup.Version != version) return Refusal.Conflict(Stale);
        return await Outcome.Try(async () =>
        {
            cleanup.Return(reason, user.DisplayName(), user.UserId(), clock.GetUtcNow());
            audit.Record(user, AuditActions.PolicyCleanupReturn, cleanup.Id, $"待审核 → 退回修改：{reason.Trim()}");
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)cleanup.Id;
        });
    }
}
