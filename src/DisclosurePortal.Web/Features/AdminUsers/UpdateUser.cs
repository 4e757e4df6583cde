using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>What saving an account did: nothing, a change, or a change of what it may do (its sessions end).</summary>
public enum AccountSaved
{
    Unchanged,
    Saved,
    AccessChanged,
}

/// <summary>
/// 修改账户 (the form and its validator: <see cref="EditUserForm"/>). A role or department lives in the sign-in cookie;
/// changing it renews the security stamp, checked on every request (PortalSecurityStampValidator): the account's open
/// sessions end at once and the new role applies from the next sign-in.
/// </summary>
public sealed class UpdateUserHandler(PortalDbContext db, UserManager<PortalUser> users, AuditTrail audit)
{
    public async Task<AccountSaved> HandleAsync(PortalUser user, string? currentRole, EditUserForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var changes = new List<string>();
        if (user.DisplayName != form.DisplayName) changes.Add($"姓名 {user.DisplayName} → {form.DisplayName}");
        if (currentRole != form.Role) changes.Add($"角色 {Roles.Describe(currentRole ?? "—")} → {Roles.Describe(form.Role!)}");
        if (user.DepartmentId != form.DepartmentIdValue)
            changes.Add($"部门 {await db.DepartmentNameAsync(user.DepartmentId, ct)} → {await db.DepartmentNameAsync(form.DepartmentIdValue, ct)}");
        if (changes.Count == 0) return AccountSaved.Unchanged;

        var accessChanged = currentRole != form.Role || user.DepartmentId != form.DepartmentIdValue;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = form.DisplayName!;
        user.DepartmentId = form.DepartmentIdValue;
        if (currentRole != form.Role)
        {
            AccountChanges.Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            AccountChanges.Check(await users.AddToRoleAsync(user, form.Role!));
        }
        AccountChanges.Check(accessChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user));
        audit.Record(admin, AuditActions.UserUpdate, user.Id, $"修改账户 {user.UserName}：{string.Join("；", changes)}");
        await db.CommitAsync(transaction, ct);
        return accessChanged ? AccountSaved.AccessChanged : AccountSaved.Saved;
    }
}
