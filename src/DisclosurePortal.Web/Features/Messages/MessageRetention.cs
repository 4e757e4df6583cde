using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Participation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>
/// Removes the writer's name, phone and e-mail from messages closed more than <see cref="MessageDeadlines.RetentionMonths"/>
/// months ago; the message, its dates and the counts stay. Each removal is an event of the message and an audit row.
/// </summary>
public sealed class RemoveExpiredContactsHandler(PortalDbContext db, TimeProvider clock, MessageDeadlines settings, ILogger<RemoveExpiredContactsHandler> logger)
{
    public const string Actor = "系统（保存期限到期）";

    /// <returns>How many messages had their contact data removed.</returns>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today();
        // ClosedOn older than the cut-off: a filter SQL can run; the Domain decides each one again.
        var cutOff = today.AddMonths(-settings.RetentionMonths);
        var due = await db.Messages.Where(m => m.ContactRemovedAt == null && m.ClosedOn != null && m.ClosedOn < cutOff).Include(m => m.Events).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var removed = 0;
        foreach (var m in due.Where(m => m.ContactDataExpired(today, settings.RetentionMonths)))
        {
            m.RemoveContactData(Actor, now);
            db.AuditEvents.Add(new AuditEvent(now, Actor, AuditActions.MessageRemoveContact.Code, AuditActions.MessageRemoveContact.EntityType,
                m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"办结于 {m.ClosedOn!.Value.Iso()}，已超过 {settings.RetentionMonths} 个月", null));
            removed++;
        }
        if (removed > 0) await db.SaveChangesAsync(ct);
        logger.LogInformation("Message retention: contact data removed from {Count} closed messages", removed);
        return removed;
    }
}

/// <summary>
/// The daily reminder: each open message whose reply is due soon and whose department has not yet been reminded of
/// that due date goes to <see cref="MessageNotifications.DueSoonAsync"/> (an in-portal note and mail to its editors).
/// </summary>
public sealed class RemindDueSoonHandler(PortalDbContext db, TimeProvider clock, MessageDeadlines deadlines, MessageNotifications notifications)
{
    /// <returns>How many messages were reminded.</returns>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var open = await db.Messages
            .Where(m => m.ReplyDueOn != null && m.DueSoonRemindedOn == null && (m.State == MessageState.Accepted || m.State == MessageState.ReplyDrafted))
            .ToListAsync(ct);
        var due = open.Where(m => deadlines.IsDueSoon(m.ReplyDueOn!.Value, today, calendar)).ToList();
        foreach (var m in due) await notifications.DueSoonAsync(m, ct);
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return due.Count;
    }
}

/// <summary>Runs <see cref="RemoveExpiredContactsHandler"/> and <see cref="RemindDueSoonHandler"/> once a day (first a minute after start).</summary>
public sealed class MessageRetentionService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MessageRetentionService> logger, Infrastructure.Cluster.IJobLeases leases) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
            do
            {
                try
                {
                    await leases.RunAloneAsync("message-retention", async () => // one node (issue 24)
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<RemoveExpiredContactsHandler>().HandleAsync(stoppingToken);
                        await scope.ServiceProvider.GetRequiredService<RemindDueSoonHandler>().HandleAsync(stoppingToken);
                    }, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Message retention run failed; it runs again tomorrow");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}
