using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// 上传附件 to a consultation's draft (its own department's editor, while a draft or sent back): checked as a record's
/// attachment is (size, type read from the bytes: <see cref="UploadAttachmentHandler.Check"/>), written and fsynced
/// under a fresh key before its row commits, its SHA-256 kept. Answers the cleaned file name.
/// </summary>
public sealed class UploadConsultationAttachmentHandler(PortalDbContext db, AttachmentStorage storage, UploadAttachmentHandler checks, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The name the staff page's upload form posts (the action binds it by this name).</summary>
    public static class Fields
    {
        public const string File = "file";
    }

    /// <summary>At most this many files on one consultation.</summary>
    public const int MaxFiles = 20;

    public async Task<Outcome<string>> HandleAsync(int id, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, user, id, ct);
        if (c is null) return Refusal.NotFound("没有找到该征集。");
        if (!ConsultationRules.AttachmentsEditable(c.State)) return Refusal.Conflict("只有草稿或退回修改的征集可以上传附件。");
        if (file is null || file.Length == 0) return new Refusal("请选择要上传的文件。");
        if (await db.ConsultationAttachments.CountAsync(a => a.ConsultationId == id, ct) >= MaxFiles)
            return Refusal.Conflict("每个征集最多上传 {0} 个附件。", MaxFiles.ToString(CultureInfo.InvariantCulture));

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        var (type, refusal) = checks.Check(file.FileName, content);
        if (type is null) return refusal!;
        var (key, sha) = await storage.WriteAsync("consultations", content, type.Extension, clock.GetUtcNow(), ct);
        var name = AttachmentInspector.CleanFileName(file.FileName, type);
        db.ConsultationAttachments.Add(new ConsultationAttachment(id, name, type.ContentType, content.Length, key, sha, clock.GetUtcNow(), user.DisplayName()));
        audit.Record(user, AuditActions.ConsultationAttach, id, $"上传附件：{name}（{type.Name}，{content.Length} 字节）");
        await db.SaveChangesAsync(ct);
        return name;
    }
}

/// <summary>
/// 删除附件 from a consultation's draft. A draft's file was never public and no other version lists it, so its bytes
/// go too once the row is gone (a file left behind by a failed delete is only an orphan, never served).
/// </summary>
public sealed class DeleteConsultationAttachmentHandler(PortalDbContext db, AttachmentStorage storage, AuditTrail audit, ILogger<DeleteConsultationAttachmentHandler> logger)
{
    public async Task<Outcome<string>> HandleAsync(int id, int attachmentId, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, user, id, ct);
        if (c is null) return Refusal.NotFound("没有找到该征集。");
        var attachment = await db.ConsultationAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.ConsultationId == id, ct);
        if (attachment is null) return Refusal.NotFound("没有找到该附件。");
        if (!ConsultationRules.AttachmentsEditable(c.State)) return Refusal.Conflict("只有草稿或退回修改的征集可以删除附件。");
        db.ConsultationAttachments.Remove(attachment);
        audit.Record(user, AuditActions.ConsultationDetach, id, $"删除附件：{attachment.FileName}");
        await db.SaveChangesAsync(ct);
        try
        {
            if (storage.PathOf(attachment.StorageKey) is { } path) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the file of consultation attachment {Attachment}", attachmentId);
        }
        return attachment.FileName;
    }
}
