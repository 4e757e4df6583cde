using System.IO.Compression;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>A file type the portal accepts as an attachment, recognised by its content.</summary>
public sealed record AttachmentType(string Name, string Extension, string ContentType);

/// <summary>
/// Decides what an uploaded file really is from its bytes (magic numbers, and for ZIP-based formats the parts inside),
/// not from its name; the name's extension must then agree, so a script renamed to .pdf is refused.
/// Accepted: PDF, OFD (GB/T 33190), DOC/DOCX, XLS/XLSX, JPG/PNG.
/// </summary>
public static class AttachmentInspector
{
    public static readonly AttachmentType Pdf = new("PDF", ".pdf", "application/pdf");
    public static readonly AttachmentType Ofd = new("OFD", ".ofd", "application/ofd");
    public static readonly AttachmentType Doc = new("DOC", ".doc", "application/msword");
    public static readonly AttachmentType Docx = new("DOCX", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly AttachmentType Xls = new("XLS", ".xls", "application/vnd.ms-excel");
    public static readonly AttachmentType Xlsx = new("XLSX", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly AttachmentType Jpeg = new("JPG", ".jpg", "image/jpeg");
    public static readonly AttachmentType Png = new("PNG", ".png", "image/png");

    public static readonly string AcceptedExtensions = ".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png";

    /// <summary>A picture (JPG, PNG) by its name: a 新闻发布会 shows these inline (issue 19).</summary>
    public static bool IsImage(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png";

    /// <summary>
    /// The type, or why the file is refused: a localizer key (Chinese) and its arguments. The name's extension is an
    /// argument, never part of the key: typed text with "{0}" in it must not become a format string (issue 15).
    /// </summary>
    public static (AttachmentType? Type, string? Problem, string[] ProblemArgs) Inspect(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".jpeg") extension = ".jpg";
        var detected = Detect(content);
        if (detected is null)
            return (null, "只能上传 PDF、OFD、DOC、DOCX、XLS、XLSX、JPG、PNG 格式的文件，该文件的内容不属于这些格式。", []);
        var candidates = detected;
        var match = candidates.FirstOrDefault(t => t.Extension == extension);
        return match is null
            ? (null, "文件内容是 {0} 格式，与文件扩展名“{1}”不符，请检查后重新上传。", [string.Join("/", candidates.Select(c => c.Name)), extension])
            : (match, null, []);
    }

    private static AttachmentType[]? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read < 4) return null;
        if (head[..5].SequenceEqual("%PDF-"u8)) return [Pdf];
        if (read >= 8 && head.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return [Png];
        if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return [Jpeg];
        // OLE compound file: the legacy Word and Excel formats share it; the extension picks between them.
        if (read >= 8 && head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return [Doc, Xls];
        if (head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04) return Zip(content);
        return null;
    }

    private static AttachmentType[]? Zip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml")) return [Docx];
            if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml")) return [Xlsx];
            if (names.Contains("OFD.xml")) return [Ofd];
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>A file name safe to store and to send back: no folders, no control or bidi characters, at most 120 characters.</summary>
    public static string CleanFileName(string? name, AttachmentType type)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? string.Empty).Replace('\\', '/')));
        var cleaned = new string(baseName.Where(c => !char.IsControl(c) && c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069') && !Path.GetInvalidFileNameChars().Contains(c)).ToArray()).Trim().Trim('.');
        if (cleaned.Length == 0) cleaned = "附件";
        if (cleaned.Length > 120) cleaned = cleaned[..120];
        return cleaned + type.Extension;
    }
}
