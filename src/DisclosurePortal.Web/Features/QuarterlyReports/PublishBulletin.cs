using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>发布 by another reviewer (docs/adr/0036): the frozen edition goes public; the edition it corrects is kept as 已更正.</summary>
public sealed class PublishBulletinHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<QuarterlyBulletin>> HandleAsync(Quarter q, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await BulletinQueries.LatestAsync(db, q, tracked: true, ct) is not { } bulletin) return new Refusal("本季度通报尚未冻结，不能发布。");
        if (bulletin.Version != version) return Refusal.Conflict("本季度通报已被他人修改，请刷新后重新操作。"); // see WriteBulletinCommentHandler
        db.Entry(bulletin).Property(b => b.Version).OriginalValue = version;
        var published = await db.QuarterlyBulletins
            .Where(b => b.Year == q.Year && b.QuarterNumber == q.Number && b.State == BulletinState.Published).SingleOrDefaultAsync(ct);
        try
        {
            return await Outcome.Try(async () =>
            {
                bulletin.Publish(published, user.UserId() ?? string.Empty, user.DisplayName(), clock.GetUtcNow());
                audit.Record(user, AuditActions.QuarterlyBulletinPublish, BulletinFields.AuditKey(q),
                    published is null ? $"{BulletinFields.Title(q)}按季通报第{bulletin.Edition}版" : $"{BulletinFields.Title(q)}按季通报第{bulletin.Edition}版，更正第{published.Edition}版");
                await db.SaveChangesAsync(ct);
                return (Outcome<QuarterlyBulletin>)bulletin;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("本季度通报已被他人修改，请刷新后重新操作。");
        }
    }
}
