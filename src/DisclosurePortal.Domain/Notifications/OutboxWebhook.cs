namespace DisclosurePortal.Domain.Notifications;

/// <summary>
/// One webhook call in the outbox (ADR 35), the mail outbox's twin (<see cref="OutboxMail"/>): a JSON body for a URL,
/// added in the same transaction as the change it tells about, POSTed later by the background sender with the same
/// backoff (1, 2, 4 … minutes, at most 6 hours) and given up after <see cref="OutboxMail.MaxAttempts"/> failures.
/// </summary>
public sealed class OutboxWebhook
{
    public const int MaxUrlLength = 500;
    public const int MaxBodyLength = 16000;

    private OutboxWebhook()
    {
        Url = Body = string.Empty;
    }

    public int Id { get; private set; }
    public string Url { get; private set; }

    /// <summary>The JSON sent as it is.</summary>
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get => _nextAttemptAt; private set { _nextAttemptAt = value; NextAttemptTicks = value.UtcTicks; } }
    private DateTimeOffset _nextAttemptAt;

    /// <summary>
    /// <see cref="NextAttemptAt"/> as UTC ticks, kept with it: what the sender compares and orders in SQL, as SQLite cannot
    /// compare instants — so mails in backoff never hide due ones behind them.
    /// </summary>
    public long NextAttemptTicks { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The last failure: the HTTP status or the network error.</summary>
    public string? LastError { get; private set; }
    public int Version { get; private set; }

    public OutboxMailState State => SentAt is not null ? OutboxMailState.Sent
        : Attempts >= OutboxMail.MaxAttempts ? OutboxMailState.Failed
        : OutboxMailState.Pending;

    public static OutboxWebhook Queue(string url, string body, DateTimeOffset now)
    {
        url = Guard.Required(url, nameof(url));
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new DomainException("Webhook 接收地址无效。");
        body = Guard.Required(body, nameof(body));
        if (body.Length > MaxBodyLength) throw new DomainException("Webhook 消息过长。");
        return new OutboxWebhook { Url = url, Body = body, CreatedAt = now, NextAttemptAt = now };
    }

    public bool IsDue(DateTimeOffset now) => State == OutboxMailState.Pending && NextAttemptAt <= now;

    public void Claim(DateTimeOffset leaseUntil)
    {
        if (State != OutboxMailState.Pending) throw new DomainException("该消息不在待发送状态。");
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

    public void MarkFailed(string error, DateTimeOffset now)
    {
        if (SentAt is not null) return;
        Attempts++;
        LastError = error.Length > OutboxMail.MaxErrorLength ? error[..OutboxMail.MaxErrorLength] : error;
        NextAttemptAt = now + OutboxMail.Backoff(Attempts);
        Version++;
    }
}
