using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminAudit;

/// <summary>The outcome of 检查审计链: how many events were found in order against which head, and the first break if any.</summary>
public sealed record AuditChainReport(long Checked, long HeadSequence, string? HeadHash, AuditChainBreak? Break, DateTimeOffset CheckedAt)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Verifies the whole audit chain (docs/adr/0023): reads the head, then streams the events up to it in chain order
/// (one reader, one event in memory at a time) through <see cref="AuditChainVerifier"/>, stopping at the first break.
/// Events appended while the check runs lie past the head it read and are left for the next check.
/// </summary>
public static class AuditChainCheck
{
    public static async Task<AuditChainReport> RunAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.TheRow, ct);
        var (headSequence, headHash) = head is null ? (0L, null) : (head.Sequence, head.LastHash);

        var verifier = new AuditChainVerifier();
        AuditChainBreak? found = null;
        var events = db.AuditEvents.AsNoTracking().Where(e => e.Sequence <= headSequence).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct))
        {
            found = verifier.Next(e);
            if (found is not null) break;
        }
        found ??= verifier.Finish(headSequence, headHash);

        // A link to an event that stands later in the chain means the two were swapped, not that one was lost.
        if (found is { Kind: AuditChainBreakKind.LinkBroken, ClaimedPreviousHash: { } claimed })
        {
            var sequence = found.Sequence;
            var later = await db.AuditEvents.AsNoTracking().Where(e => e.Hash == claimed && e.Sequence > sequence).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
            if (later is not null) found = found with { Kind = AuditChainBreakKind.Reordered, PredecessorId = later };
        }
        return new AuditChainReport(verifier.Count, headSequence, headHash, found, now);
    }
}
