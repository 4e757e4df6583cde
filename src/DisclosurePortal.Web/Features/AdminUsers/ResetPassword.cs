using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>重置密码 (the form and its validator: <see cref="ResetPasswordForm"/>); the account's open sessions end.</summary>
public sealed class ResetPasswordHandler(PortalDbContext db, UserManager<PortalUser> users, AuditTrail audit)
{
    /// <returns>Identity's answer: refused by the password rules with nothing stored, or the password replaced.</returns>
    public async Task<IdentityResult> HandleAsync(PortalUser user, ResetPasswordForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // ResetPasswordAsync checks the policy, replaces the hash and renews the security stamp in one update.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), form.NewPassword!);
        if (!reset.Succeeded) return reset;
        audit.Record(admin, AuditActions.UserResetPassword, user.Id, $"重置账户 {user.UserName} 的密码");
        await db.CommitAsync(transaction, ct);
        return reset;
    }
}
