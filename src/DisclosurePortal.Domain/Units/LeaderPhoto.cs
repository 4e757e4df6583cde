namespace DisclosurePortal.Domain.Units;

/// <summary>
/// A leader's photo as stored (issue 20 §2: 领导 … photo optional): checked and stripped of its metadata by
/// <see cref="LeaderPhotoImage"/>, written to the attachment store under <see cref="StorageKey"/> before this row
/// commits. A photo never changes: a new one is a new row, so its URL can be cached for good. It belongs to the unit
/// that uploaded it, and profile versions refer to it (<see cref="UnitLeader.PhotoId"/>): a new version keeps the
/// published version's photos by referring to the same rows, and the history keeps each version's photos.
/// </summary>
public sealed class LeaderPhoto
{
    private LeaderPhoto()
    {
        StorageKey = Sha256 = ContentType = UploadedBy = null!;
    }

    public LeaderPhoto(int departmentId, CheckedPhoto photo, string storageKey, string sha256, string uploadedBy, DateTimeOffset now)
    {
        DepartmentId = departmentId;
        ContentType = photo.ContentType;
        Width = photo.Width;
        Height = photo.Height;
        SizeBytes = photo.Content.Length;
        StorageKey = Guard.Required(storageKey, nameof(storageKey));
        Sha256 = Guard.Required(sha256, nameof(sha256));
        UploadedBy = Guard.Required(uploadedBy, nameof(uploadedBy));
        UploadedAt = now;
    }

    public int Id { get; private set; }
    /// <summary>The unit whose editors uploaded it: only that unit's profile versions may show it.</summary>
    public int DepartmentId { get; private set; }
    public string StorageKey { get; private set; }
    /// <summary>SHA-256 of the stored (stripped) bytes, lower-case hex.</summary>
    public string Sha256 { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; }
}
