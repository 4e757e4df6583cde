using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// Retention (privacy): the name, phone, e-mail and address of everyone who commented on a consultation closed more
/// than <see cref="ConsultationSettings.RetentionMonths"/> months ago are blanked; the opinions, counts and
/// 采纳情况 stay. Audited per consultation. Callable directly (tests, an operator); the hosted service runs it daily.
/// </summary>
public sealed class RemoveExpiredContactsHandler(PortalDbContext db, TimeProvider clock, ConsultationSettings settings, ILogger<RemoveExpiredContactsHandler> logger)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today();
        // ContactsRemovableOn(endsOn, N) <= today  ⇔  endsOn < today − N months.
        var closedBefore = today.AddMonths(-settings.RetentionMonths);
        var due = await db.Consultations
            .Where(c => c.ContactsRemovedAt == null && (c.State == ConsultationState.Approved || c.State == ConsultationState.FeedbackPublished) && c.EndsOn < closedBefore)
            .OrderBy(c => c.Id).Take(100).ToListAsync(ct);
        foreach (var consultation in due)
        {
            var comments = await db.ConsultationComments.Where(x => x.ConsultationId == consultation.Id).ToListAsync(ct);
            foreach (var comment in comments) comment.RemoveContacts();
            var now = clock.GetUtcNow();
            consultation.RemoveContacts(today, settings.RetentionMonths, now);
            db.AuditEvents.Add(new AuditEvent(now, "系统", AuditActions.ConsultationRemoveContacts.Code, AuditActions.ConsultationRemoveContacts.EntityType,
                consultation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"征集结束满{settings.RetentionMonths}个月，删除{comments.Count}条意见的联系方式", null));
            await db.SaveChangesAsync(ct);
        }
        if (due.Count > 0) logger.LogInformation("Contact data removed from {Count} closed consultations", due.Count);
        return due.Count;
    }
}

/// <summary>Runs <see cref="RemoveExpiredContactsHandler"/> a minute after start (the database is migrated by then) and then once a day.</summary>
public sealed class ConsultationRetentionService(IServiceScopeFactory scopes, ILogger<ConsultationRetentionService> logger, Infrastructure.Cluster.IJobLeases leases) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                await leases.RunAloneAsync("consultation-retention", async () => // one node (issue 24)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    while (await scope.ServiceProvider.GetRequiredService<RemoveExpiredContactsHandler>().HandleAsync(stoppingToken) > 0)
                    {
                        // batches of 100 until none is due
                    }
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Removing expired consultation contacts failed; retrying tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
