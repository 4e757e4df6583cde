namespace DisclosurePortal.Domain.Notifications;

/// <summary>Where a queued mail stands. Derived from the row (sent at, attempts), never stored.</summary>
public enum OutboxMailState
{
    /// <summary>待发送: waiting for its next attempt.</summary>
    Pending = 1,
    /// <summary>发送失败: every attempt failed; it waits for the administrator's 重新发送.</summary>
    Failed = 2,
    /// <summary>已发送.</summary>
    Sent = 3,
}

/// <summary>
/// One e-mail in the outbox (transactional outbox): added to the database in the same transaction as the change it
/// tells about, sent later by the background sender. An SMTP server that is down delays it (retries with exponential
/// backoff), never loses it; after <see cref="MaxAttempts"/> failures it stays as 发送失败 for the administrator.
/// </summary>
public sealed class OutboxMail
{
    /// <summary>Failures before a mail is given up until the administrator retries it (about a day of backoff).</summary>
    public const int MaxAttempts = 10;
    public const int MaxAddressLength = 254; // RFC 5321's path limit
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 8000;
    public const int MaxErrorLength = 500;

    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="LongestWait"/>.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    private OutboxMail()
    {
        To = Subject = Body = string.Empty;
    }

    public int Id { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }

    /// <summary>Plain text: nothing in it is interpreted as markup by a mail reader.</summary>
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>Not before this instant; also the sender's lease while one is sending it.</summary>
    public DateTimeOffset NextAttemptAt { get => _nextAttemptAt; private set { _nextAttemptAt = value; NextAttemptTicks = value.UtcTicks; } }
    private DateTimeOffset _nextAttemptAt;

    /// <summary>
    /// <see cref="NextAttemptAt"/> as UTC ticks, kept with it: what the sender compares and orders in SQL, as SQLite cannot
    /// compare instants — so mails in backoff never hide due ones behind them.
    /// </summary>
    public long NextAttemptTicks { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The last failure's message (the SMTP server's reply or the network error), never a password.</summary>
    public string? LastError { get; private set; }

    /// <summary>Bumped by every change: two senders cannot both claim one mail.</summary>
    public int Version { get; private set; }

    public OutboxMailState State => SentAt is not null ? OutboxMailState.Sent
        : Attempts >= MaxAttempts ? OutboxMailState.Failed
        : OutboxMailState.Pending;

    public static OutboxMail Queue(string to, string subject, string body, DateTimeOffset now)
    {
        to = Guard.Required(to, nameof(to)).Trim();
        if (to.Length > MaxAddressLength || to.AsSpan().IndexOfAny('\r', '\n') >= 0 || !to.Contains('@', StringComparison.Ordinal))
            throw new DomainException("收件地址无效。");
        subject = Guard.Required(subject, nameof(subject)).ReplaceLineEndings(" ");
        if (subject.Length > MaxSubjectLength) subject = subject[..MaxSubjectLength];
        if (body.Length > MaxBodyLength) throw new DomainException("邮件正文过长。");
        return new OutboxMail { To = to, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now };
    }

    /// <summary>Due for sending: not sent, not given up, its time has come.</summary>
    public bool IsDue(DateTimeOffset now) => State == OutboxMailState.Pending && NextAttemptAt <= now;

    /// <summary>The sender takes the mail: nobody else sends it until <paramref name="leaseUntil"/>.</summary>
    public void Claim(DateTimeOffset leaseUntil)
    {
        if (State != OutboxMailState.Pending) throw new DomainException("该邮件不在待发送状态。");
        NextAttemptAt = leaseUntil;
        Version++;
    }

    public void MarkSent(DateTimeOffset now)
    {
        if (SentAt is not null) return;
        Attempts++;
        SentAt = now;
        LastError = null;
        Version++;
    }

    /// <summary>One more failure: the next attempt after the backoff, or given up after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        if (SentAt is not null) return;
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        NextAttemptAt = now + Backoff(Attempts);
        Version++;
    }

    /// <summary>The administrator's 重新发送 of a failed mail: a fresh round of attempts, starting now.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != OutboxMailState.Failed) throw new DomainException("只有发送失败的邮件可以重新发送。");
        Attempts = 0;
        NextAttemptAt = now;
        Version++;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int failures)
    {
        if (failures <= 0) return TimeSpan.Zero;
        var minutes = FirstWait.TotalMinutes * Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, LongestWait.TotalMinutes));
    }

    public static string Describe(OutboxMailState state) => state switch
    {
        OutboxMailState.Pending => "待发送",
        OutboxMailState.Failed => "发送失败",
        OutboxMailState.Sent => "已发送",
        _ => state.ToString(),
    };

    /// <summary>An address as logs and lists show it: the first character of the mailbox and the domain (z***@example.com).</summary>
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address)) return "—";
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : address[0] + "***" + address[at..];
    }
}
