using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>
/// 系统管理员: staff accounts. UserManager saves on each of its calls, so every change here runs in one transaction
/// with its audit event: the change and its event are committed together or not at all.
/// A role or department lives in the sign-in cookie; changing it, a password reset and 停用 renew the security stamp,
/// which is checked on every request (PortalSecurityStampValidator): the account's open sessions end at once and the
/// new role applies from the next sign-in.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminUsersController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    AuditTrail audit,
    TimeProvider clock,
    IValidator<NewUserForm> newValidator,
    IValidator<EditUserForm> editValidator) : PortalController
{
    private const int PageSize = 50;
    private const string EntityType = "User";

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(string? page, CancellationToken ct)
    {
        if (!TryPage(page, out var pageNumber, out var problem)) return problem!;
        var info = new PageInfo(pageNumber, PageSize, await db.Users.CountAsync(ct));
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);
        var rows = await (
                from u in db.Users
                join d in db.Departments on u.DepartmentId equals d.Id into departments
                from d in departments.DefaultIfEmpty()
                orderby u.UserName, u.Id
                select new
                {
                    u.Id,
                    u.UserName,
                    u.DisplayName,
                    Department = d == null ? null : d.Name,
                    u.LockoutEnd,
                    Role = (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ur.UserId == u.Id
                            orderby r.Name
                            select r.Name).FirstOrDefault(),
                })
            .Skip(info.Skip).Take(PageSize)
            .ToListAsync(ct);
        var now = clock.GetUtcNow(); // LockoutEnd compared here: SQLite cannot compare DateTimeOffset in SQL
        return View(new UserListModel(
            rows.Select(r => new UserRow(r.Id, r.UserName ?? string.Empty, r.DisplayName, r.Role, r.Department, AccountStates.Of(r.LockoutEnd, now))).ToList(),
            PagerModel.For(info, "/admin/users")));
    }

    [HttpGet("/admin/users/new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(new NewUserModel(new NewUserForm { Role = Roles.Editor }, await DepartmentOptionsAsync(null, ct)));

    [HttpPost("/admin/users/new")]
    public async Task<IActionResult> Create(NewUserForm form, CancellationToken ct)
    {
        form.Normalize();
        await newValidator.ValidateIntoAsync(form, ModelState, ct);
        var user = new PortalUser { UserName = form.UserName, DisplayName = form.DisplayName ?? string.Empty, DepartmentId = form.DepartmentIdValue };
        if (!string.IsNullOrEmpty(form.Password))
            await CheckPasswordPolicyAsync(user, form.Password, nameof(form.Password));
        if (!ModelState.IsValid) return await InvalidNewAsync(form, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, form.Password!);
        if (!created.Succeeded)
        {
            AddIdentityErrors(created, userNameField: nameof(form.UserName), passwordField: nameof(form.Password));
            return await InvalidNewAsync(form, ct);
        }
        Check(await users.AddToRoleAsync(user, form.Role!));
        audit.Record(User, "user.create", EntityType, user.Id,
            $"新建账户 {user.UserName}（{user.DisplayName}），角色 {Roles.Describe(form.Role!)}{await DepartmentSuffixAsync(user.DepartmentId, ct)}");
        await CommitAsync(transaction, ct);
        Flash("已新建账户“{0}”，可以用初始密码登录。", user.UserName!);
        return Redirect("/admin/users");
    }

    [HttpGet("/admin/users/{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        var form = EditUserForm.From(user, await RoleOfAsync(user));
        return View(await EditModelAsync(user, form, ct));
    }

    [HttpPost("/admin/users/{id}/edit")]
    public async Task<IActionResult> Update(string id, EditUserForm form, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        var currentRole = await RoleOfAsync(user);
        form.CurrentDepartmentId = user.DepartmentId;
        form.Normalize();
        await editValidator.ValidateIntoAsync(form, ModelState, ct);
        if (IsSelf(user) && form.Role != Roles.Admin && ModelState[nameof(form.Role)] is not { Errors.Count: > 0 })
            ModelState.AddModelError(nameof(form.Role), "不能更改自己的角色：请由另一位系统管理员操作，以免系统失去管理员。");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await EditModelAsync(user, form, ct));
        }

        var changes = new List<string>();
        if (user.DisplayName != form.DisplayName) changes.Add($"姓名 {user.DisplayName} → {form.DisplayName}");
        if (currentRole != form.Role) changes.Add($"角色 {Roles.Describe(currentRole ?? "—")} → {Roles.Describe(form.Role!)}");
        if (user.DepartmentId != form.DepartmentIdValue)
            changes.Add($"部门 {await DepartmentNameAsync(user.DepartmentId, ct)} → {await DepartmentNameAsync(form.DepartmentIdValue, ct)}");
        if (changes.Count == 0)
        {
            Flash("账户“{0}”没有改动。", user.UserName!);
            return Redirect("/admin/users");
        }

        var accessChanged = currentRole != form.Role || user.DepartmentId != form.DepartmentIdValue;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = form.DisplayName!;
        user.DepartmentId = form.DepartmentIdValue;
        if (currentRole != form.Role)
        {
            Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            Check(await users.AddToRoleAsync(user, form.Role!));
        }
        Check(accessChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user));
        audit.Record(User, "user.update", EntityType, user.Id, $"修改账户 {user.UserName}：{string.Join("；", changes)}");
        await CommitAsync(transaction, ct);
        if (accessChanged) Flash("已保存账户“{0}”。新的角色或部门已经生效，该账户已登录的会话须重新登录。", user.UserName!);
        else Flash("已保存账户“{0}”。", user.UserName!);
        return Redirect("/admin/users");
    }

    [HttpGet("/admin/users/{id}/password")]
    public async Task<IActionResult> Password(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        return View(new ResetPasswordModel(user.Id, user.UserName ?? string.Empty, user.DisplayName, new ResetPasswordForm()));
    }

    [HttpPost("/admin/users/{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordForm form, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        if (ModelState.IsValid)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // ResetPasswordAsync checks the policy, replaces the hash and renews the security stamp in one update.
            var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), form.NewPassword!);
            if (reset.Succeeded)
            {
                audit.Record(User, "user.reset-password", EntityType, user.Id, $"重置账户 {user.UserName} 的密码");
                await CommitAsync(transaction, ct);
                Flash("已重置账户“{0}”的密码。请通过安全的方式告知本人。", user.UserName!);
                return Redirect($"/admin/users/{Uri.EscapeDataString(user.Id)}/edit");
            }
            AddIdentityErrors(reset, userNameField: string.Empty, passwordField: nameof(form.NewPassword));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Password", new ResetPasswordModel(user.Id, user.UserName ?? string.Empty, user.DisplayName, new ResetPasswordForm()));
    }

    [HttpPost("/admin/users/{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        if (StateOf(user) == AccountState.Disabled) return BadInput("该账户已停用，解锁不会使它恢复；请使用“启用”。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        audit.Record(User, "user.unlock", EntityType, user.Id, $"解除账户 {user.UserName} 的登录锁定");
        await CommitAsync(transaction, ct);
        Flash("已解除账户“{0}”的登录锁定。", user.UserName!);
        return Redirect($"/admin/users/{Uri.EscapeDataString(user.Id)}/edit");
    }

    [HttpPost("/admin/users/{id}/disable")]
    public async Task<IActionResult> Disable(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        if (IsSelf(user)) return BadInput("不能停用自己的账户：请由另一位系统管理员操作。");
        if (StateOf(user) == AccountState.Disabled) return BadInput("该账户已停用。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await users.GetLockoutEnabledAsync(user)) Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, AccountStates.DisabledUntil));
        Check(await users.UpdateSecurityStampAsync(user)); // signs out the sessions it already has
        audit.Record(User, "user.disable", EntityType, user.Id, $"停用账户 {user.UserName}（{user.DisplayName}）");
        await CommitAsync(transaction, ct);
        Flash("已停用账户“{0}”，它不能再登录。", user.UserName!);
        return Redirect($"/admin/users/{Uri.EscapeDataString(user.Id)}/edit");
    }

    [HttpPost("/admin/users/{id}/enable")]
    public async Task<IActionResult> Enable(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFoundPage("没有找到该账户。");
        if (StateOf(user) != AccountState.Disabled) return BadInput("该账户没有被停用。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        audit.Record(User, "user.enable", EntityType, user.Id, $"启用账户 {user.UserName}（{user.DisplayName}）");
        await CommitAsync(transaction, ct);
        Flash("已启用账户“{0}”，它可以再次登录。", user.UserName!);
        return Redirect($"/admin/users/{Uri.EscapeDataString(user.Id)}/edit");
    }

    private bool IsSelf(PortalUser user) => user.Id == User.UserId();

    private AccountState StateOf(PortalUser user) => AccountStates.Of(user.LockoutEnd, clock.GetUtcNow());

    private async Task<string?> RoleOfAsync(PortalUser user) => (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Identity's own password rules (SecuritySetup), with its Chinese messages, beside the field.</summary>
    private async Task CheckPasswordPolicyAsync(PortalUser user, string password, string field)
    {
        foreach (var rule in users.PasswordValidators)
        {
            var result = await rule.ValidateAsync(users, user, password);
            foreach (var error in result.Errors) ModelState.AddModelError(field, error.Description);
        }
    }

    private void AddIdentityErrors(IdentityResult result, string userNameField, string passwordField)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? userNameField
                : string.Empty;
            ModelState.AddModelError(field, error.Description);
        }
    }

    /// <summary>A failure here is not the admin's input (that was checked before): let it become the 500 page.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity refused an account change: " + string.Join("; ", result.Errors.Select(e => $"{e.Code} {e.Description}")));
    }

    private async Task CommitAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct); // the audit event
        await transaction.CommitAsync(ct);
    }

    private async Task<IActionResult> InvalidNewAsync(NewUserForm form, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Password = null; // never echo a password back
        return View("New", new NewUserModel(form, await DepartmentOptionsAsync(null, ct)));
    }

    private async Task<UserEditModel> EditModelAsync(PortalUser user, EditUserForm form, CancellationToken ct) =>
        new(user.Id, user.UserName ?? string.Empty, StateOf(user), IsSelf(user), form, await DepartmentOptionsAsync(user.DepartmentId, ct));

    /// <summary>The active departments, and the account's own one even if it has been deactivated since.</summary>
    private Task<List<DepartmentOption>> DepartmentOptionsAsync(int? current, CancellationToken ct) =>
        db.Departments.Where(d => d.IsActive || d.Id == current)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new DepartmentOption(d.Id, d.Name, d.IsActive))
            .ToListAsync(ct);

    private async Task<string> DepartmentNameAsync(int? id, CancellationToken ct) =>
        id is null ? "—" : await db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleAsync(ct);

    private async Task<string> DepartmentSuffixAsync(int? id, CancellationToken ct) =>
        id is null ? string.Empty : $"，部门 {await DepartmentNameAsync(id, ct)}";

    /// <summary>A confirmation shown once on the next page (a localizer key with one {0}).</summary>
    private void Flash(string message, string argument)
    {
        TempData["Flash"] = message;
        TempData["FlashArgument"] = argument;
    }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Role, string? Department, AccountState State);

public sealed record UserListModel(IReadOnlyList<UserRow> Rows, PagerModel Pager);

public sealed record DepartmentOption(int Id, string Name, bool IsActive);

public sealed record StaffFieldsModel(StaffForm Form, IReadOnlyList<DepartmentOption> Departments, bool Editing);

public sealed record NewUserModel(NewUserForm Form, IReadOnlyList<DepartmentOption> Departments);

public sealed record UserEditModel(string Id, string UserName, AccountState State, bool IsSelf, EditUserForm Form, IReadOnlyList<DepartmentOption> Departments);

public sealed record ResetPasswordModel(string Id, string UserName, string DisplayName, ResetPasswordForm Form);
