using System.Security.Cryptography;
using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>
/// The files sent with a reply ("现予以提供（见附件）"), checked and stored as a record's attachments are
/// (ManageRecords/UploadAttachment): the type read from the bytes and matching the name, the size bounded, the bytes
/// written and fsynced under a fresh key outside wwwroot before the row commits, the SHA-256 kept.
/// </summary>
public sealed class ReplyFiles(AttachmentStorage storage, IConfiguration configuration)
{
    public const int MaxFiles = 10;

    /// <summary>A reply's file at its largest (below the records' limit where that is set lower).</summary>
    public const long MaxFileBytes = 12L * 1024 * 1024;

    /// <summary>What one request may carry: every file at its largest, and room for the form.</summary>
    public const long MaxRequestBytes = MaxFiles * MaxFileBytes + 8L * 1024 * 1024;

    /// <summary>
    /// Checks every file before any is written (one bad file refuses the reply and leaves nothing behind), then writes
    /// them and answers their rows for <paramref name="caseId"/>.
    /// </summary>
    public async Task<IReadOnlyList<ReplyAttachment>> StoreAsync(int caseId, IReadOnlyList<IFormFile> files, DateTimeOffset now, string actor, CancellationToken ct)
    {
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count == 0) return [];
        if (chosen.Count > MaxFiles) throw new DomainException("一次答复最多附10个文件。");
        var max = Math.Min(ManageRecords.UploadAttachmentHandler.MaxBytes(configuration), MaxFileBytes);
        var checkedFiles = new List<(MemoryStream Bytes, AttachmentType Type, string Name)>();
        foreach (var file in chosen)
        {
            if (file.Length == 0) throw new DomainException("附件是空文件，请重新选择。");
            if (file.Length > max) throw new DomainException("附件过大：每个文件不能超过12 MB，请压缩或拆分后重新选择。");
            var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var (type, _, _) = AttachmentInspector.Inspect(buffer, file.FileName);
            if (type is null) throw new DomainException("附件只能是 PDF、OFD、DOC、DOCX、XLS、XLSX、JPG、PNG 格式，且文件内容须与扩展名一致，请检查后重新选择。");
            checkedFiles.Add((buffer, type, AttachmentInspector.CleanFileName(file.FileName, type)));
        }

        var rows = new List<ReplyAttachment>();
        foreach (var (bytes, type, name) in checkedFiles)
        {
            var (key, sha) = await storage.WriteAsync("replies", bytes, type.Extension, now, ct);
            rows.Add(new ReplyAttachment(caseId, name, type.ContentType, bytes.Length, key, sha, now, actor));
        }
        return rows;
    }
}
