namespace DisclosurePortal.Domain.Consultations;

/// <summary>
/// A file published with a consultation's draft (征求意见稿 in Word or PDF, 起草说明, a map…): uploaded by the owning
/// department while the consultation is a draft (<see cref="ConsultationRules.AttachmentsEditable"/>), public once the
/// consultation is. Its bytes are stored like a record's attachment (a generated key, the SHA-256 kept).
/// </summary>
public sealed class ConsultationAttachment
{
    private ConsultationAttachment()
    {
        FileName = ContentType = StorageKey = Sha256 = UploadedBy = null!;
    }

    public ConsultationAttachment(int consultationId, string fileName, string contentType, long sizeBytes, string storageKey, string sha256, DateTimeOffset uploadedAt, string uploadedBy)
    {
        ConsultationId = consultationId;
        FileName = Guard.Required(fileName, nameof(fileName));
        ContentType = Guard.Required(contentType, nameof(contentType));
        SizeBytes = sizeBytes >= 0 ? sizeBytes : throw new ArgumentOutOfRangeException(nameof(sizeBytes));
        StorageKey = Guard.Required(storageKey, nameof(storageKey));
        Sha256 = Guard.Required(sha256, nameof(sha256));
        UploadedAt = uploadedAt;
        UploadedBy = Guard.Required(uploadedBy, nameof(uploadedBy));
    }

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; }
}
