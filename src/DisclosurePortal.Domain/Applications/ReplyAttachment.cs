namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// A file sent with a reply ("现予以提供（见附件）", 条例 Art. 36 (二), Art. 37): stored as a record's attachment is
/// (its type read from its bytes, written under a key the application makes, its SHA-256 kept), and given to the
/// applicant who chose 网上获取 on the tracking page, behind the 查询码.
/// </summary>
public sealed class ReplyAttachment
{
    public ReplyAttachment(int caseId, string fileName, string contentType, long sizeBytes, string storageKey, string sha256, DateTimeOffset uploadedAt, string uploadedBy)
    {
        CaseId = caseId;
        FileName = Guard.Required(fileName, nameof(fileName));
        ContentType = Guard.Required(contentType, nameof(contentType));
        SizeBytes = sizeBytes >= 0 ? sizeBytes : throw new ArgumentOutOfRangeException(nameof(sizeBytes));
        StorageKey = Guard.Required(storageKey, nameof(storageKey));
        Sha256 = Guard.Required(sha256, nameof(sha256));
        UploadedAt = uploadedAt;
        UploadedBy = Guard.Required(uploadedBy, nameof(uploadedBy));
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; }
}
