using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Site;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Infrastructure.Site;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminSite;

/// <summary>
/// 站点信息 saved by an administrator: every page, feed, export and letter shows it from the next request (the output
/// cache is evicted by <see cref="Infrastructure.Caching.PublicPageChanges"/>), with an audit event naming what changed.
/// </summary>
public sealed class SaveSiteIdentityHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, SiteIdentityStore store)
{
    public async Task<Outcome<SiteIdentity>> HandleAsync(SiteIdentityForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var fields = form.ToFields();
        var identity = await db.SiteIdentities.FirstOrDefaultAsync(ct);
        var saved = Outcome.Try(() =>
        {
            if (identity is null)
            {
                identity = SiteIdentity.Create(fields, admin.DisplayName(), clock.GetUtcNow());
                db.SiteIdentities.Add(identity);
                audit.Record(admin, AuditActions.SiteUpdate, SiteIdentity.SingletonId, $"设置站点信息：{identity.Name}");
                return (Outcome<SiteIdentity>)identity;
            }
            if (identity.Version != form.Version)
                return Refusal.Conflict("站点信息已被其他管理员修改。您填写的内容仍在下方，请核对后重新保存。");
            var changed = SiteIdentity.Changes(identity.ToFields(), fields);
            if (changed.Count == 0) return (Outcome<SiteIdentity>)identity;
            identity.Update(fields, admin.DisplayName(), clock.GetUtcNow());
            audit.Record(admin, AuditActions.SiteUpdate, SiteIdentity.SingletonId, $"修改站点信息：{string.Join("、", changed)}");
            return (Outcome<SiteIdentity>)identity;
        });
        if (!saved.Done) return saved;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved (or set the site up) between our read and our write.
            return Refusal.Conflict("站点信息已被其他管理员修改。您填写的内容仍在下方，请核对后重新保存。");
        }
        await store.LoadAsync(ct);
        return saved;
    }
}
