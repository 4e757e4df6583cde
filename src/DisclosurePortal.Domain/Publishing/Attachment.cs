namespace DisclosurePortal.Domain.Publishing;

/// <summary>A file attached to a record version. The bytes are stored outside wwwroot under <see cref="StorageKey"/>.</summary>
public sealed class Attachment
{
    public Attachment(int recordVersionId, string fileName, string contentType, long sizeBytes, string storageKey, string sha256, DateTimeOffset uploadedAt, string uploadedBy)
    {
        RecordVersionId = recordVersionId;
        FileName = Guard.Required(fileName, nameof(fileName));
        ContentType = Guard.Required(contentType, nameof(contentType));
        SizeBytes = sizeBytes >= 0 ? sizeBytes : throw new ArgumentOutOfRangeException(nameof(sizeBytes));
        StorageKey = Guard.Required(storageKey, nameof(storageKey));
        Sha256 = Guard.Required(sha256, nameof(sha256));
        UploadedAt = uploadedAt;
        UploadedBy = Guard.Required(uploadedBy, nameof(uploadedBy));
    }

    public int Id { get; private set; }
    public int RecordVersionId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; }
}
