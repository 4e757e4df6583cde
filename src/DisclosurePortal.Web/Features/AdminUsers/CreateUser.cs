using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>新建账户 (the form and its validator: <see cref="NewUserForm"/>): the account, its role, and its audit event.</summary>
public sealed class CreateUserHandler(PortalDbContext db, UserManager<PortalUser> users, AuditTrail audit)
{
    public static PortalUser NewUser(NewUserForm form) =>
        new() { UserName = form.UserName, DisplayName = form.DisplayName ?? string.Empty, DepartmentId = form.DepartmentIdValue };

    /// <summary>Identity's own password rules (SecuritySetup), with its Chinese messages, checked before anything is stored.</summary>
    public Task<IReadOnlyList<IdentityError>> PasswordProblemsAsync(NewUserForm form) => users.PasswordProblemsAsync(NewUser(form), form.Password!);

    /// <returns>Identity's answer: refused (a taken name, say) with nothing stored, or the account created.</returns>
    public async Task<IdentityResult> HandleAsync(NewUserForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var user = NewUser(form);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, form.Password!);
        if (!created.Succeeded) return created;
        AccountChanges.Check(await users.AddToRoleAsync(user, form.Role!));
        var department = user.DepartmentId is null ? string.Empty : $"，部门 {await db.DepartmentNameAsync(user.DepartmentId, ct)}";
        audit.Record(admin, AuditActions.UserCreate, user.Id,
            $"新建账户 {user.UserName}（{user.DisplayName}），角色 {Roles.Describe(form.Role!)}{department}");
        await db.CommitAsync(transaction, ct);
        return created;
    }
}
