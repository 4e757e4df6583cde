using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// Saves an edited draft (<see cref="RecordForm"/>, validated by the action once the record's kind is known). The
/// version's questions are replaced, and a Word body's pictures attached, in the same transaction as its text, so a stale save changes neither; a save that
/// lost a race answers with the version as it now is (<see cref="UpdateRecordResult.Stale"/>).
/// </summary>
public sealed class UpdateRecordHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, RecordFilesHandler files)
{
    public async Task<Outcome<UpdateRecordResult>> HandleAsync(Record record, RecordVersion version, RecordForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (version.Version != form.Version) return new UpdateRecordResult(version);
        try
        {
            return await Outcome.Try(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Entry(version).Property(v => v.Version).OriginalValue = form.Version;
                var now = clock.GetUtcNow();
                version.Edit(form.ToMetadata(), now);
                if (record.Kind == RecordKind.PolicyInterpretation) await RecordFormPages.SaveInterpretationPartsAsync(db, record, version, form, now, ct);
                var item = record.CatalogueItemId is { } itemId ? await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) : null;
                await RecordFormPages.SaveCoverageAsync(db, record.Id, form, item, ct);
                audit.Record(user, AuditActions.RecordEdit, record.Id, $"修改第{version.Number}版：{version.Title}");
                if (await files.CommitAsync(record.Id, version, form.Pending, user, ct) is { } refused) return (Outcome<UpdateRecordResult>)refused;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                files.Discard(user, form.Pending);
                return (Outcome<UpdateRecordResult>)new UpdateRecordResult(null);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var (_, fresh) = await ManageRecordsQueries.OwnLatestAsync(db, user, record.Id, ct);
            return new UpdateRecordResult(fresh);
        }
    }
}

/// <param name="Stale">The version as saved by someone else since the form was opened; null when this save went through.</param>
public sealed record UpdateRecordResult(RecordVersion? Stale);
