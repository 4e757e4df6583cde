using DisclosurePortal.Web.Features.AdminSite;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DisclosurePortal.Web.Features.Setup;

/// <summary>
/// 首次设置: the only page of a fresh install without demo data (<see cref="SetupGate"/>), gone once it is done.
/// Anonymous by necessity: whoever installs the portal opens it first, before anyone else can reach it.
/// </summary>
[AllowAnonymous]
public sealed class SetupController(SetUpSiteHandler handler) : PortalController
{
    [HttpGet(SetupGate.SetupPath)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!await handler.IsOpenAsync(ct)) return NotFoundPage(SetUpSiteHandler.AlreadyDone);
        return View(new SetupForm { Hotline = "12345" });
    }

    [HttpPost(SetupGate.SetupPath)]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Save(SetupForm form, CancellationToken ct)
    {
        if (!await handler.IsOpenAsync(ct)) return NotFoundPage(SetUpSiteHandler.AlreadyDone);
        form.Normalize();
        if (!string.IsNullOrEmpty(form.Password) && ModelState[nameof(form.Password)] is not { Errors.Count: > 0 })
            foreach (var problem in await handler.PasswordProblemsAsync(form)) ModelState.AddModelError(nameof(form.Password), problem.Description);
        if (ModelState.IsValid)
        {
            var done = await handler.HandleAsync(form, ct);
            if (done.Done)
            {
                Flash("网站已设置完成，您已作为系统管理员登录。请继续完善站点信息，然后建立部门和账户。");
                return RedirectToAction(nameof(AdminSiteController.Edit), "AdminSite");
            }
            if (done.Refusal!.Status == StatusCodes.Status409Conflict) return NotFoundPage(done.Refusal.Message);
            ModelState.AddModelError(string.Empty, done.Refusal.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        form.Password = form.ConfirmPassword = null; // never echo a password back
        return View("Index", form);
    }
}
