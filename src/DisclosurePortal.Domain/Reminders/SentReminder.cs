namespace DisclosurePortal.Domain.Reminders;

/// <summary>
/// One reminder sent, the log that makes each reminder once: a unique index on (<see cref="Key"/>, <see cref="DueOn"/>,
/// <see cref="Kind"/>, <see cref="Round"/>) lets the daily job run many times a day, in several processes, and tell
/// each editor once; a second process that races the first fails its whole save (notes, mail and webhook with it).
/// Automatic reminders are round 0; each 催办 is the next round.
/// </summary>
public sealed class SentReminder
{
    public const int MaxKeyLength = 64;
    public const int MaxTitleLength = 300;
    public const int MaxActorLength = 100;

    private SentReminder()
    {
        Key = Title = SentBy = string.Empty;
    }

    public long Id { get; private set; }
    public ReminderSubject Subject { get; private set; }

    /// <summary>The thing reminded of, stable across runs: <c>record:12</c>, <c>policy:7</c>, <c>item:3:2026-09-01</c>, <c>item:3:e:5</c>.</summary>
    public string Key { get; private set; }

    /// <summary>The record or policy id (for 催办 counts on the lists); null for expectations and the digest.</summary>
    public int? SubjectId { get; private set; }

    public DateOnly DueOn { get; private set; }
    public ReminderKind Kind { get; private set; }
    public int Round { get; private set; }

    /// <summary>The unit reminded (null for the office's digest).</summary>
    public int? DepartmentId { get; private set; }
    public string Title { get; private set; }
    public DateOnly SentOn { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>系统 for the daily job, the reviewer's name for 催办.</summary>
    public string SentBy { get; private set; }

    /// <summary>A late reminder not yet in an office digest; the next digest takes it and clears this.</summary>
    public bool AwaitsDigest { get; private set; }

    public static SentReminder Log(ReminderSubject subject, string key, int? subjectId, DateOnly dueOn, ReminderKind kind, int round,
        int? departmentId, string title, string sentBy, DateOnly today, DateTimeOffset now)
    {
        key = Guard.Required(key, nameof(key));
        if (key.Length > MaxKeyLength) throw new ArgumentException("Reminder key too long.", nameof(key));
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (kind != ReminderKind.Urged && round != 0) throw new ArgumentException("Only 催办 has rounds.", nameof(round));
        title = Guard.Required(title, nameof(title));
        return new SentReminder
        {
            Subject = subject, Key = key, SubjectId = subjectId, DueOn = dueOn, Kind = kind, Round = round, DepartmentId = departmentId,
            Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title,
            SentBy = sentBy.Length > MaxActorLength ? sentBy[..MaxActorLength] : sentBy,
            SentOn = today, SentAt = now, AwaitsDigest = kind == ReminderKind.BecameLate,
        };
    }

    public void Digested() => AwaitsDigest = false;
}
