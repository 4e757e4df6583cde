using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// 修改已发布信息: a new draft of record <c>id</c>, with the attachments (and an interpretation's policies, questions
/// and answers) of the version before it; the published version stays live until the new one is approved.
/// </summary>
public sealed class NewRecordVersionHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<RecordVersion>> HandleAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (record, latest) = await ManageRecordsQueries.OwnLatestAsync(db, user, id, ct);
        if (record is null || latest is null) return Refusal.NotFound("没有找到该信息。");
        return (await Outcome.Try(async () =>
        {
            var draft = RecordVersion.DraftFrom(record, latest, user.DisplayName(), clock.GetUtcNow());
            db.RecordVersions.Add(draft);
            await db.SaveChangesAsync(ct); // the old row stops being latest in the same statement batch, before the insert
            foreach (var a in await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == latest.Id).ToListAsync(ct))
                db.Attachments.Add(new Attachment(draft.Id, a.FileName, a.ContentType, a.SizeBytes, a.StorageKey, a.Sha256, a.UploadedAt, a.UploadedBy));
            foreach (var link in await db.InterpretationLinks.AsNoTracking().Where(l => l.RecordVersionId == latest.Id).ToListAsync(ct))
                db.InterpretationLinks.Add(link.CopyTo(draft.Id));
            foreach (var question in await InterpretationQueries.QuestionsAsync(db, latest.Id, ct))
                db.InterpretationQuestions.Add(question.CopyTo(draft.Id));
            audit.Record(user, AuditActions.RecordNewVersion, id, $"新建修改稿第{draft.Number}版（第{latest.Number}版继续公开）");
            await db.SaveChangesAsync(ct);
            return (Outcome<RecordVersion>)draft;
        })).RefusedAsConflict();
    }
}
