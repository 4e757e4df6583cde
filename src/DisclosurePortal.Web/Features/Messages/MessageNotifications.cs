using DisclosurePortal.Domain.Participation;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>
/// The points at which the mailbox tells people something by e-mail. The outbox is built by another part of issue 19;
/// these methods are called at the right moments and do nothing yet.
/// </summary>
public sealed class MessageNotifications
{
    /// <summary>A message was accepted and assigned (转办) to a department: tell the department's editors.</summary>
    public Task AssignedAsync(Message message, CancellationToken ct)
    {
        // TODO(issue 19 merge): queue an e-mail to the assigned department's editors through the outbox.
        _ = message;
        _ = ct;
        return Task.CompletedTask;
    }

    /// <summary>A message's reply is due soon: remind the department (called daily by <see cref="RemindDueSoonHandler"/>).</summary>
    public Task DueSoonAsync(Message message, CancellationToken ct)
    {
        // TODO(issue 19 merge): queue a reminder e-mail to the assigned department through the outbox (daily, once per message).
        _ = message;
        _ = ct;
        return Task.CompletedTask;
    }

    /// <summary>The office approved the reply: tell the writer (if they gave an e-mail address) that it can be read with the code.</summary>
    public Task AnsweredAsync(Message message, CancellationToken ct)
    {
        // TODO(issue 19 merge): queue an e-mail to the writer's (decrypted) address through the outbox, naming only the query code.
        _ = message;
        _ = ct;
        return Task.CompletedTask;
    }
}
