using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>
/// 系统管理员: staff accounts. Each change is a handler in this folder (its transaction and audit event there); a
/// change of role, department, password or 停用 ends the account's open sessions.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminUsersController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    TimeProvider clock,
    IValidator<NewUserForm> newValidator,
    IValidator<EditUserForm> editValidator) : PortalController
{
    private const int PageSize = 50;

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(PageFilter filter, CancellationToken ct)
    {
        var info = new PageInfo(filter.Page, PageSize, await db.Users.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
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
            PagerModel.For(info, Url.Action(nameof(Index))!)));
    }

    [HttpGet("/admin/users/new")]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View(new NewUserModel(new NewUserForm { Role = Roles.Editor }, await DepartmentOptionsAsync(null, ct)));

    [HttpPost("/admin/users/new")]
    public async Task<IActionResult> Create(NewUserForm form, [FromServices] CreateUserHandler handler, CancellationToken ct)
    {
        form.Normalize();
        await newValidator.ValidateIntoAsync(form, ModelState, ct);
        if (!string.IsNullOrEmpty(form.Password))
            foreach (var problem in await handler.PasswordProblemsAsync(form)) ModelState.AddModelError(nameof(form.Password), problem.Description);
        if (ModelState.IsValid)
        {
            var created = await handler.HandleAsync(form, User, ct);
            if (created.Succeeded)
            {
                Flash("已新建账户“{0}”，可以用初始密码登录。", form.UserName!);
                return RedirectToAction(nameof(Index));
            }
            AddIdentityErrors(created, userNameField: nameof(form.UserName), passwordField: nameof(form.Password));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Password = null; // never echo a password back
        return View("New", new NewUserModel(form, await DepartmentOptionsAsync(null, ct)));
    }

    [HttpGet("/admin/users/{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFoundPage("没有找到该账户。");
        var form = EditUserForm.From(user, await users.RoleOfAsync(user));
        return View(await EditModelAsync(user, form, ct));
    }

    [HttpPost("/admin/users/{id}/edit")]
    public async Task<IActionResult> Update(string id, EditUserForm form, [FromServices] UpdateUserHandler handler, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFoundPage("没有找到该账户。");
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
        var saved = await handler.HandleAsync(user, await users.RoleOfAsync(user), form, User, ct);
        Flash(saved switch
        {
            AccountSaved.Unchanged => "账户“{0}”没有改动。",
            AccountSaved.AccessChanged => "已保存账户“{0}”。新的角色或部门已经生效，该账户已登录的会话须重新登录。",
            _ => "已保存账户“{0}”。",
        }, user.UserName!);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/admin/users/{id}/password")]
    public async Task<IActionResult> Password(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFoundPage("没有找到该账户。");
        return View(new ResetPasswordModel(user.Id, user.UserName ?? string.Empty, user.DisplayName, new ResetPasswordForm()));
    }

    [HttpPost("/admin/users/{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordForm form, [FromServices] ResetPasswordHandler handler, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFoundPage("没有找到该账户。");
        if (ModelState.IsValid)
        {
            var reset = await handler.HandleAsync(user, form, User, ct);
            if (reset.Succeeded)
            {
                Flash("已重置账户“{0}”的密码。请通过安全的方式告知本人。", user.UserName!);
                return RedirectToAction(nameof(Edit), new { id = user.Id });
            }
            AddIdentityErrors(reset, userNameField: string.Empty, passwordField: nameof(form.NewPassword));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Password", new ResetPasswordModel(user.Id, user.UserName ?? string.Empty, user.DisplayName, new ResetPasswordForm()));
    }

    [HttpPost("/admin/users/{id}/unlock")]
    public Task<IActionResult> Unlock(string id, [FromServices] AccountLockHandler handler, CancellationToken ct) =>
        ChangeLockAsync(id, user => handler.UnlockAsync(user, User, ct), "已解除账户“{0}”的登录锁定。");

    [HttpPost("/admin/users/{id}/disable")]
    public Task<IActionResult> Disable(string id, [FromServices] AccountLockHandler handler, CancellationToken ct) =>
        ChangeLockAsync(id, user => handler.DisableAsync(user, User, ct), "已停用账户“{0}”，它不能再登录。");

    [HttpPost("/admin/users/{id}/enable")]
    public Task<IActionResult> Enable(string id, [FromServices] AccountLockHandler handler, CancellationToken ct) =>
        ChangeLockAsync(id, user => handler.EnableAsync(user, User, ct), "已启用账户“{0}”，它可以再次登录。");

    private async Task<IActionResult> ChangeLockAsync(string id, Func<PortalUser, Task<Outcome<PortalUser>>> change, string flash)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFoundPage("没有找到该账户。");
        var changed = await change(user);
        if (changed.Refusal is { } refusal) return BadInput(refusal.Message);
        Flash(flash, user.UserName!);
        return RedirectToAction(nameof(Edit), new { id = user.Id });
    }

    private bool IsSelf(PortalUser user) => user.Id == User.UserId();

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

    private async Task<UserEditModel> EditModelAsync(PortalUser user, EditUserForm form, CancellationToken ct) =>
        new(user.Id, user.UserName ?? string.Empty, AccountStates.Of(user.LockoutEnd, clock.GetUtcNow()), IsSelf(user), form, await DepartmentOptionsAsync(user.DepartmentId, ct));

    /// <summary>The active departments, and the account's own one even if it has been deactivated since.</summary>
    private Task<List<DepartmentOption>> DepartmentOptionsAsync(int? current, CancellationToken ct) =>
        db.Departments.Where(d => d.IsActive || d.Id == current)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new DepartmentOption(d.Id, d.Name, d.IsActive))
            .ToListAsync(ct);
}
