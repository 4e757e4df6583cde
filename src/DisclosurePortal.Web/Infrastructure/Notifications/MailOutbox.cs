using DisclosurePortal.Domain.Notifications;

namespace DisclosurePortal.Web.Infrastructure.Notifications;

/// <summary>
/// The one way to send an e-mail (issue 19). <see cref="Enqueue"/> adds the mail to the DbContext: it commits with
/// the caller's own change in the caller's SaveChanges, or not at all. <see cref="OutboxSender"/> sends it later, with
/// retries. Usage, in a handler before its SaveChangesAsync:
/// <code>MailOutbox.Enqueue(db, address, "您的申请已答复", body, clock.GetUtcNow());</code>
/// The body is plain text. Write no more personal data into it than the recipient typed themselves, and link to the
/// portal (tracking page, staff page) rather than copying content into the mail.
/// </summary>
public static class MailOutbox
{
    public static OutboxMail Enqueue(PortalDbContext db, string to, string subject, string body, DateTimeOffset now)
    {
        var mail = OutboxMail.Queue(to, subject, body, now);
        db.OutboxMails.Add(mail);
        return mail;
    }
}
