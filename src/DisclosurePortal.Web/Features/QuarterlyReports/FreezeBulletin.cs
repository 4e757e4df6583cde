using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>
/// 冻结 (docs/adr/0036): the whole county's report as of today is kept as data, against the version the page was drawn
/// from. An edition not yet published has its numbers replaced; after publication a freeze starts the next edition (更正).
/// </summary>
public sealed class FreezeBulletinHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<QuarterlyBulletin>> HandleAsync(Quarter q, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        var conflict = Refusal.Conflict("本季度通报已被他人修改，请刷新后重新操作。");
        var latest = await BulletinQueries.LatestAsync(db, q, tracked: true, ct);
        if ((latest?.Version ?? 0) != version) return conflict;
        var today = clock.Today();
        var snapshot = (await QuarterlyReportQueries.LoadAsync(db, q, today, ct)).Snapshot();
        var now = clock.GetUtcNow();
        try
        {
            return await Outcome.Try(async () =>
            {
                var bulletin = latest;
                if (bulletin is { State: BulletinState.Frozen })
                {
                    db.Entry(bulletin).Property(b => b.Version).OriginalValue = version;
                    bulletin.Refreeze(snapshot, user.UserId() ?? string.Empty, user.DisplayName(), now);
                }
                else
                {
                    bulletin = db.QuarterlyBulletins.Add(QuarterlyBulletin.Freeze(snapshot, latest, today, user.UserId() ?? string.Empty, user.DisplayName(), now)).Entity;
                }
                audit.Record(user, AuditActions.QuarterlyBulletinFreeze, BulletinFields.AuditKey(q),
                    $"{BulletinFields.Title(q)}按季通报第{bulletin.Edition}版：数据截至{snapshot.AsOf.Iso()}");
                await db.SaveChangesAsync(ct);
                return (Outcome<QuarterlyBulletin>)bulletin;
            });
        }
        catch (DbUpdateException) // a concurrent change, or a second new edition of the same quarter
        {
            return conflict;
        }
    }
}
