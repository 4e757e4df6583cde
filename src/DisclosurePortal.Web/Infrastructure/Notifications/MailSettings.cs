using MailKit.Security;

namespace DisclosurePortal.Web.Infrastructure.Notifications;

/// <summary>
/// The <c>Mail</c> configuration section: the SMTP server the outbox sends through. The password comes from the
/// configuration or the environment (<c>Mail__Password</c>), never from a file in the repository. With no
/// <see cref="Host"/> the outbox keeps every mail queued, and /admin/outbox says so.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls (STARTTLS, required), StartTlsWhenAvailable, SslOnConnect (implicit TLS, port 465), Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>发件人: the address the mail comes from.</summary>
    public string From { get; set; } = "noreply@localhost";

    /// <summary>The sender's name; the site's name (its identity, issue 20) when not configured.</summary>
    public string? FromName { get; set; }

    /// <summary>How often the sender looks for due mail (and how soon after a request a mail leaves).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// False: this process sends no mail by itself, only when <see cref="OutboxSender.SendDueAsync"/> is called (a node
    /// that should not send, or a test that runs each round itself and must not race a round at start-up).
    /// </summary>
    public bool SendInBackground { get; set; } = true;

    /// <summary>How long one connection and one send may take before counting as a failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
