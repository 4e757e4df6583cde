using DisclosurePortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>
/// What the account handlers share. UserManager saves on each of its calls, so every change runs in one transaction
/// with its audit event: the change and its event are committed together or not at all.
/// </summary>
internal static class AccountChanges
{

    /// <summary>A failure here is not the admin's input (that was checked before): let it become the 500 page.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity refused an account change: " + string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Description}")));
    }

    /// <summary>Identity's own password rules (SecuritySetup), with its Chinese messages, checked before anything is stored.</summary>
    public static async Task<IReadOnlyList<IdentityError>> PasswordProblemsAsync(this UserManager<PortalUser> users, PortalUser user, string password)
    {
        var problems = new List<IdentityError>();
        foreach (var rule in users.PasswordValidators)
            problems.AddRange((await rule.ValidateAsync(users, user, password)).Errors);
        return problems;
    }

    public static async Task CommitAsync(this PortalDbContext db, IDbContextTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct); // the audit event
        await transaction.CommitAsync(ct);
    }

    public static async Task<string> DepartmentNameAsync(this PortalDbContext db, int? id, CancellationToken ct) =>
        id is null ? "—" : await db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleAsync(ct);

    public static async Task<string?> RoleOfAsync(this UserManager<PortalUser> users, PortalUser user) =>
        (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).FirstOrDefault();
}
