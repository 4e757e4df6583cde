namespace DisclosurePortal.Domain.Notifications;

/// <summary>
/// A note in the staff's 站内通知: to one user, to the editors of one department, or to everyone in a role (the office:
/// the reviewers). One read marks it read for all its recipients: it asks for one action, which one of them takes.
/// </summary>
public sealed class StaffNotification
{
    public const int MaxTextLength = 500;
    public const int MaxLinkLength = 500;
    public const int MaxRoleLength = 32;
    public const int MaxUserIdLength = 64;

    private StaffNotification()
    {
        Text = Link = string.Empty;
    }

    public int Id { get; private set; }
    public string? RecipientUserId { get; private set; }
    public int? RecipientDepartmentId { get; private set; }
    public string? RecipientRole { get; private set; }
    public string Text { get; private set; }

    /// <summary>A path inside the portal (/cases/12): never an address elsewhere.</summary>
    public string Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static StaffNotification ToUser(string userId, string text, string link, DateTimeOffset now) =>
        New(text, link, now, n => n.RecipientUserId = Guard.Required(userId, nameof(userId)));

    public static StaffNotification ToDepartment(int departmentId, string text, string link, DateTimeOffset now) =>
        New(text, link, now, n => n.RecipientDepartmentId = departmentId);

    public static StaffNotification ToRole(string role, string text, string link, DateTimeOffset now) =>
        New(text, link, now, n => n.RecipientRole = Guard.Required(role, nameof(role)));

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    private static StaffNotification New(string text, string link, DateTimeOffset now, Action<StaffNotification> recipient)
    {
        text = Guard.Required(text, nameof(text));
        link = Guard.Required(link, nameof(link));
        // Only a path of this site: a link elsewhere (//evil, https://…) in a staff page is a phishing aid.
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\', StringComparison.Ordinal) || link.Length > MaxLinkLength)
            throw new ArgumentException("A notification links to a path of the portal.", nameof(link));
        var n = new StaffNotification { Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text, Link = link, CreatedAt = now };
        recipient(n);
        return n;
    }
}
