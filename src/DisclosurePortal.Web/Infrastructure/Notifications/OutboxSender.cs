using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Notifications;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DisclosurePortal.Web.Infrastructure.Notifications;

/// <summary>
/// Sends the outbox (<see cref="MailOutbox"/>) through the SMTP server of <see cref="MailSettings"/>, in the
/// background: a request never waits for the mail server. Each mail is first claimed (a lease on its next-attempt
/// time, under its concurrency token, so two instances never both send it), then sent, and the outcome saved at once:
/// sent, or failed with the next attempt after an exponential backoff (<see cref="OutboxMail.Backoff"/>). A server that
/// is down delays mail; nothing is lost, and a mail is sent once.
/// </summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, IOptionsMonitor<MailSettings> settings, PublicSite site, TimeProvider clock, ILogger<OutboxSender> logger, Cluster.IJobLeases leases)
    : BackgroundService
{
    /// <summary>A claimed mail is tried again after this long if its sender died while sending it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CurrentValue.IsConfigured)
            logger.LogWarning("No SMTP server is configured (Mail:Host): e-mail stays queued in the outbox");
        if (!settings.CurrentValue.SendInBackground)
        {
            logger.LogInformation("Mail:SendInBackground is false: this process sends the outbox only when asked");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One node sends at a time (issue 24); the claims below also keep two rounds from taking the same mail.
                await leases.RunAloneAsync("outbox", () => SendDueAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database unreachable a moment, say: the next round tries again.
                logger.LogError(e, "The outbox sender failed this round; it tries again");
            }
            try
            {
                // Real time, not the TimeProvider: how often to look is machinery; when a mail is due is the rule.
                await Task.Delay(settings.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One round: the due mails claimed, sent and their outcomes saved. Returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var s = settings.CurrentValue;
        if (!s.IsConfigured) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var nowTicks = now.UtcTicks;
        // Unsent, not given up, due (the index on SentAt, NextAttemptTicks): the longest waiting first; mails in backoff
        // are not read at all, so however many there are they never hold a due one back.
        var due = (await db.OutboxMails
            .Where(m => m.SentAt == null && m.Attempts < OutboxMail.MaxAttempts && m.NextAttemptTicks <= nowTicks)
            .OrderBy(m => m.NextAttemptTicks).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct))
            .Where(m => m.IsDue(now)).ToList();
        if (due.Count == 0) return 0;
        foreach (var mail in due) mail.Claim(now + Lease);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another instance claimed them first
        }

        var sent = 0;
        using var client = new SmtpClient { Timeout = (int)s.Timeout.TotalMilliseconds };
        var connectProblem = await ConnectAsync(client, s, ct);
        foreach (var mail in due)
        {
            var problem = connectProblem;
            if (problem is null)
            {
                try
                {
                    await client.SendAsync(Message(mail, s, s.FromName ?? site.SiteName), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    problem = Describe(e);
                    if (!client.IsConnected) connectProblem = problem; // the rest of the batch waits for the next round
                }
            }
            if (problem is null)
            {
                mail.MarkSent(clock.GetUtcNow());
                sent++;
                logger.LogInformation("Mail {MailId} sent to {To}", mail.Id, OutboxMail.Mask(mail.To));
            }
            else
            {
                mail.MarkFailed(problem, clock.GetUtcNow());
                logger.LogWarning("Mail {MailId} to {To} not sent (attempt {Attempts}): {Problem}", mail.Id, OutboxMail.Mask(mail.To), mail.Attempts, problem);
            }
            // Saved one by one: a crash after a send repeats nothing already recorded as sent.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "QUIT to the SMTP server failed (the mail was already sent)");
            }
        }
        return sent;
    }

    private static async Task<string?> ConnectAsync(SmtpClient client, MailSettings s, CancellationToken ct)
    {
        try
        {
            await client.ConnectAsync(s.Host!, s.Port, s.Security, ct);
            if (!string.IsNullOrEmpty(s.User)) await client.AuthenticateAsync(s.User, s.Password ?? "", ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Describe(e);
        }
    }

    private static MimeMessage Message(OutboxMail mail, MailSettings s, string fromName)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fromName, s.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = mail.CreatedAt;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(s.From[(s.From.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.Body };
        return message;
    }

    /// <summary>What is kept of a failure: its type and message, with any address in it masked (no secret is in either).</summary>
    private static string Describe(Exception e) =>
        Address().Replace($"{e.GetType().Name}: {e.Message}", m => OutboxMail.Mask(m.Value));

    [GeneratedRegex(@"[^\s<>""'@]+@[^\s<>""'@]+")]
    private static partial Regex Address();
}
