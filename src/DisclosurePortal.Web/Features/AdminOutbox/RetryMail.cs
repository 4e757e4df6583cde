using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminOutbox;

/// <summary>重新发送: a mail that failed every attempt gets a fresh round, starting now (audited).</summary>
public sealed class RetryMailHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var mail = await db.OutboxMails.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null) return Refusal.NotFound("没有找到该邮件。");
        if (mail.State != OutboxMailState.Failed) return Refusal.Conflict("只有发送失败的邮件可以重新发送。");
        mail.Retry(clock.GetUtcNow());
        audit.Record(user, AuditActions.OutboxMailRetry, mail.Id, $"重新发送邮件 #{mail.Id}（{OutboxMail.Mask(mail.To)}）：{mail.LastError}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("该邮件刚被他人处理，请刷新后查看。");
        }
        return mail.Id;
    }
}
