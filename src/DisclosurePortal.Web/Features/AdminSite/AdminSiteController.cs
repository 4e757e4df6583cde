using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Infrastructure.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DisclosurePortal.Web.Features.AdminSite;

/// <summary>系统管理员: 站点信息, the particulars every page, feed, export and letter shows (issue 20 §1).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminSiteController(PublicSite site) : PortalController
{
    [HttpGet("/admin/site")]
    public IActionResult Edit()
    {
        var form = new SiteIdentityForm();
        var identity = site.Identity;
        if (identity.IsConfigured) form.Fill(identity.Fields);
        form.Version = identity.Version;
        return View(new SiteEditModel(form, identity.IsConfigured));
    }

    [HttpPost("/admin/site")]
    public async Task<IActionResult> Save(SiteIdentityForm form, [FromServices] SaveSiteIdentityHandler handler, CancellationToken ct)
    {
        form.Normalize();
        if (ModelState.IsValid)
        {
            var saved = await handler.HandleAsync(form, User, ct);
            if (saved.Done)
            {
                Flash("已保存站点信息，全站页面、订阅、导出文件和答复书即时使用新的信息。");
                return RedirectToAction(nameof(Edit));
            }
            ModelState.AddModelError(string.Empty, saved.Refusal!.Message);
            Response.StatusCode = saved.Refusal.Status;
            form.Version = site.Identity.Version; // the newer one: saving again after checking overwrites it knowingly
            return View("Edit", new SiteEditModel(form, site.Identity.IsConfigured));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", new SiteEditModel(form, site.Identity.IsConfigured));
    }
}

public sealed record SiteEditModel(SiteIdentityForm Form, bool IsConfigured);
