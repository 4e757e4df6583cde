using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Review;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.AdminReviewChain;

/// <summary>系统管理员: 审查流程, the county's review chain (issue 21 §6).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminReviewChainController(PortalDbContext db) : PortalController
{
    [HttpGet("/admin/review-chain")]
    public async Task<IActionResult> Edit(CancellationToken ct) => View(ReviewChainForm.Of(await ReviewQueries.ChainAsync(db, ct)));

    [HttpPost("/admin/review-chain")]
    public async Task<IActionResult> Save(ReviewChainForm form, [FromServices] SaveReviewChainHandler handler, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var saved = await handler.HandleAsync(form, User, ct);
            if (saved.Done)
            {
                Flash("已保存审查流程，此后的审查按新流程进行。");
                return RedirectToAction(nameof(Edit));
            }
            ModelState.AddModelError(string.Empty, saved.Refusal!.Message);
            Response.StatusCode = saved.Refusal.Status;
            form.Version = (await ReviewQueries.ChainAsync(db, ct)).Version; // saving again after checking overwrites it knowingly
            return View("Edit", form);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", form);
    }
}
