using System.ComponentModel.DataAnnotations;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DisclosurePortal.Web.Features.Account;

public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TimeProvider clock, ILogger<AccountController> logger) : PortalController
{
    [HttpGet("/account/login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("/account/login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (string.IsNullOrWhiteSpace(form.UserName)) ModelState.AddModelError(nameof(form.UserName), "请输入用户名。");
        if (string.IsNullOrEmpty(form.Password)) ModelState.AddModelError(nameof(form.Password), "请输入密码。");
        if (!ModelState.IsValid) return Invalid(form);

        var userName = form.UserName!.Trim();
        var result = await signIn.PasswordSignInAsync(userName, form.Password!, isPersistent: false, lockoutOnFailure: true);
        // The log keeps the account's id, never the typed name: a name that matches no account is often a password
        // typed into the wrong field.
        var account = await users.FindByNameAsync(userName);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff sign-in of account {UserId}", account?.Id);
            return LocalRedirect(Url.LocalOr(form.ReturnUrl, "/manage"));
        }
        if (account is null) logger.LogWarning("Failed sign-in: no account has the name typed");
        else logger.LogWarning("Failed sign-in for account {UserId} (locked out: {LockedOut})", account.Id, result.IsLockedOut);
        ModelState.AddModelError(string.Empty, !result.IsLockedOut
            ? "用户名或密码不正确。连续失败 5 次将锁定账户 15 分钟。"
            : IsDisabled(account)
                ? "该账户已停用，请联系系统管理员。"
                : "登录失败次数过多，账户已被锁定，请 15 分钟后再试。");
        return Invalid(form);
    }

    [HttpPost("/account/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        // A new security stamp refuses every cookie issued before it (checked on each request, SecuritySetup), so a
        // copy of this one (a stolen one) dies with the sign-out. It ends the account's other sessions too.
        if (await users.GetUserAsync(User) is { } user && !(await users.UpdateSecurityStampAsync(user)).Succeeded)
            logger.LogWarning("Sign-out of account {UserId} could not renew the security stamp", user.Id);
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [HttpGet("/account/denied")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Problem", new ProblemModel(403, "无权访问", "您的账户没有执行该操作的权限。如需开通，请联系系统管理员。", []));
    }

    /// <summary>An administrator disables an account by locking it out indefinitely (far beyond any lockout period).</summary>
    private bool IsDisabled(PortalUser? account) =>
        account is { LockoutEnd: { } end } && end > clock.GetUtcNow().AddYears(1);

    private ViewResult Invalid(LoginForm form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Password = null; // never echo a password back
        return View(form);
    }
}

public sealed class LoginForm
{
    [Display(Name = "用户名")]
    [StringLength(256)]
    public string? UserName { get; set; }

    [Display(Name = "密码")]
    [StringLength(256)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
