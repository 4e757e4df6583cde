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
        var (type, problem, problemArgs) = AttachmentInspector.Inspect(buffer, file.FileName);
        if (type is null) return new Refusal(problem!, StatusCodes.Status400BadRequest, [.. problemArgs]);

        var key = $"{DateTime.UtcNow:yyyy}/{Guid.NewGuid():N}{type.Extension}";
        var path = storage.PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        buffer.Position = 0;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await buffer.CopyToAsync(output, ct);
            output.Flush(flushToDisk: true); // fsync: on disk before its row commits, so a power cut cannot leave a row with an empty file
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        var name = AttachmentInspector.CleanFileName(file.FileName, type);
        db.Attachments.Add(new Attachment(latest.Id, name, type.ContentType, buffer.Length, key, sha, clock.GetUtcNow(), user.DisplayName()));
        audit.Record(user, AuditActions.RecordAttach, id, $"上传附件：{name}（{type.Name}，{buffer.Length} 字节）");
        await db.SaveChangesAsync(ct);
        return name;
    }
}
