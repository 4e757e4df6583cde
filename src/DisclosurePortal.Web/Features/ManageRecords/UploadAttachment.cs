using DisclosurePortal.Domain.Auditing;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// 上传附件 to record <c>id</c>'s draft: the file's type is read from its bytes, it is written (and fsynced) under a
/// fresh key before its row commits, and its SHA-256 is kept. Answers the cleaned file name.
/// </summary>
public sealed class UploadAttachmentHandler(PortalDbContext db, AttachmentStorage storage, AuditTrail audit, TimeProvider clock, IConfiguration configuration)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>The names the record page's upload form posts (the action binds them by these names).</summary>
    public static class Fields
    {
        public const string File = "file";
    }

    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue("Storage:MaxAttachmentBytes", DefaultMaxBytes);

    public async Task<Outcome<string>> HandleAsync(int id, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var (record, latest) = await ManageRecordsQueries.OwnLatestAsync(db, user, id, ct);
        if (record is null || latest is null) return Refusal.NotFound("没有找到该信息。");
        if (latest.State != VersionState.Draft) return Refusal.Conflict("只有草稿可以上传附件。");
        if (file is null || file.Length == 0) return new Refusal("请选择要上传的文件。");
        var max = MaxBytes(configuration);
        if (file.Length > max) return new Refusal("文件不能超过 {0} MB。", StatusCodes.Status400BadRequest, (max / 1024 / 1024).ToString(CultureInfo.InvariantCulture));

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var stored = await StoreAsync(record.Id, latest, file.FileName, buffer, user, ct);
        if (stored.Refusal is not null) return stored;
        await db.SaveChangesAsync(ct);
        return stored.Value!;
    }

    /// <summary>The type of <paramref name="content"/>, or why it is refused (empty, too large, not an accepted type by its bytes or name).</summary>
    public (AttachmentType? Type, Refusal? Refusal) Check(string fileName, MemoryStream content)
    {
        if (content.Length == 0) return (null, new Refusal("请选择要上传的文件。"));
        var max = MaxBytes(configuration);
        if (content.Length > max) return (null, new Refusal("文件不能超过 {0} MB。", StatusCodes.Status400BadRequest, (max / 1024 / 1024).ToString(CultureInfo.InvariantCulture)));
        var (type, problem, problemArgs) = AttachmentInspector.Inspect(content, fileName);
        return type is null ? (null, new Refusal(problem!, StatusCodes.Status400BadRequest, [.. problemArgs])) : (type, null);
    }

    /// <summary>
    /// Checks <paramref name="content"/> as an upload is checked (size, type by content), writes and fsyncs it, and adds
    /// its row and audit event to the context for the caller to save: a record saved with files (its first save, a
    /// Word body's pictures) commits them with its text. Answers the cleaned file name.
    /// </summary>
    public async Task<Outcome<string>> StoreAsync(int recordId, RecordVersion latest, string fileName, MemoryStream content, ClaimsPrincipal user, CancellationToken ct)
    {
        var (type, refusal) = Check(fileName, content);
        if (type is null) return refusal!;

        var (key, sha) = await storage.WriteAsync(null, content, type.Extension, clock.GetUtcNow(), ct);
        var name = AttachmentInspector.CleanFileName(fileName, type);
        db.Attachments.Add(new Attachment(latest.Id, name, type.ContentType, content.Length, key, sha, clock.GetUtcNow(), user.DisplayName()));
        audit.Record(user, AuditActions.RecordAttach, recordId, $"上传附件：{name}（{type.Name}，{content.Length} 字节）");
        return name;
    }
}
