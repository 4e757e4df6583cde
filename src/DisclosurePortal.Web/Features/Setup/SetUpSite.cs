using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Site;
using DisclosurePortal.Web.Features.AdminUsers;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Setup;

/// <summary>
/// 首次设置 (issue 20 §1): on a fresh install without demo data, the first person to open the portal gives the site its
/// particulars and becomes its first administrator, in one transaction. Possible once: after it, <c>/setup</c> is gone.
/// </summary>
public sealed class SetUpSiteHandler(PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn,
    AuditTrail audit, TimeProvider clock, SiteIdentityStore store)
{
    public const string AlreadyDone = "网站已完成首次设置。请使用管理员账户登录后，在“站点信息”中修改。";

    /// <summary>Whether the setup is still to be done: no particulars and no account.</summary>
    public async Task<bool> IsOpenAsync(CancellationToken ct) =>
        !await db.SiteIdentities.AnyAsync(ct) && !await db.Users.AnyAsync(ct);

    /// <summary>Identity's own password rules (SecuritySetup), with its Chinese messages, checked before anything is stored.</summary>
    public Task<IReadOnlyList<IdentityError>> PasswordProblemsAsync(SetupForm form) => users.PasswordProblemsAsync(NewAdmin(form), form.Password!);

    public async Task<Outcome<PortalUser>> HandleAsync(SetupForm form, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await IsOpenAsync(ct)) return Refusal.Conflict(AlreadyDone);
        var admin = NewAdmin(form);
        var created = await users.CreateAsync(admin, form.Password!);
        if (!created.Succeeded) return new Refusal(string.Join(" ", created.Errors.Select(e => e.Description)));
        try
        {
            var outcome = await Outcome.Try(async () =>
            {
                var identity = SiteIdentity.Create(form.ToFields(), admin.DisplayName, clock.GetUtcNow());
                AccountChanges.Check(await users.AddToRoleAsync(admin, Roles.Admin));
                db.SiteIdentities.Add(identity);
                audit.Record(await signIn.CreateUserPrincipalAsync(admin), AuditActions.SiteSetup, SiteIdentity.SingletonId,
                    $"首次设置网站：{identity.SiteName}；管理员 {admin.UserName}（{admin.DisplayName}）");
                await db.SaveChangesAsync(ct);
                return (Outcome<PortalUser>)admin;
            });
            if (!outcome.Done) return outcome; // the transaction rolls back: no account without its site, no site without its administrator
            await db.CommitAsync(transaction, ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict(AlreadyDone); // another setup won the race for the one row
        }
        await store.LoadAsync(ct);
        await signIn.SignInAsync(admin, isPersistent: false);
        return admin;
    }

    private static PortalUser NewAdmin(SetupForm form) => new() { UserName = form.UserName, DisplayName = form.DisplayName ?? string.Empty };
}
