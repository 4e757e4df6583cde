using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>删除附件 from record <c>id</c>'s draft. The file stays: an earlier version may still list it. Answers the file name.</summary>
public sealed class DeleteAttachmentHandler(PortalDbContext db, AuditTrail audit)
{
    public async Task<Outcome<string>> HandleAsync(int id, int attachmentId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (record, latest) = await ManageRecordsQueries.OwnLatestAsync(db, user, id, ct);
        if (record is null || latest is null) return Refusal.NotFound("没有找到该信息。");
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.RecordVersionId == latest.Id, ct);
        if (attachment is null) return Refusal.NotFound("没有找到该附件。");
        if (latest.State != VersionState.Draft) return Refusal.Conflict("只有草稿可以删除附件。");
        db.Attachments.Remove(attachment);
        audit.Record(user, AuditActions.RecordDetach, id, $"删除附件：{attachment.FileName}");
        await db.SaveChangesAsync(ct);
        return attachment.FileName;
    }
}
