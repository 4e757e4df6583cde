using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// The disclosure office's publication queue (domain README §4): every submitted version goes through the county's
/// review chain (issue 21 §6) — by default 保密审查, 合法性审查, 公开属性审查, each by a different reviewer, and 领导审签
/// for policy documents — each step on its own form with its reviewer, time, decision and comment; it is published when
/// the last step passes, returned with a comment, or marked 不予公开 with a reason. Leaders see the queue and sign off.
/// </summary>
[Authorize(Policy = Policies.Reviewing)]
public sealed class ReviewController(PortalDbContext db, MarkdownRenderer markdown, TimeProvider clock) : PortalController
{
    /// <summary>After an approval, the record just published: the queue's confirmation links to its public page.</summary>
    public const string PublishedRecordKey = "PublishedRecord";

    [HttpGet("/review")]
    public async Task<IActionResult> Index(ReviewQueueFilter filter, CancellationToken ct)
    {
        var domainId = filter.Domain is null ? null : await db.Domains.Where(d => d.Code == filter.Domain).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (filter.Domain is not null && domainId is null) return BadInput("领域筛选条件无效。");
        var rows = await ReviewQueries.QueueAsync(db, filter, domainId, clock.Today(), User, ct);
        var info = new PageInfo(filter.Page, ReviewQueries.PageSize, rows.Count);
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var (departments, domains) = await ReviewQueries.FilterOptionsAsync(db, ct);
        return View(new QueueModel(rows.Skip(info.Skip).Take(info.PageSize).ToList(), info, filter.Department, filter.Domain, filter.Kind, departments, domains) { Stage = filter.Stage, Waiting = filter.Waiting, Today = clock.Today(), Consultations = await Consultations.ConsultationQueries.PendingReviewAsync(db, ct), Profiles = await UnitProfiles.ProfileQueries.PendingReviewAsync(db, ct), Powers = await Powers.PowerQueries.PendingReviewAsync(db, ct), Guides = await Guides.GuideManageQueries.PendingReviewAsync(db, ct), Cleanups = await PolicyCleanups.PolicyCleanupQueries.PendingReviewAsync(db, ct) });
    }

    [HttpGet("/review/versions/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var model = await ReviewQueries.PageAsync(db, markdown, id, new ReviewForm(), User, ct);
        return model is null ? NotFoundPage("没有找到该版本。") : View(model);
    }

    [HttpPost("/review/versions/{id:int}")]
    public async Task<IActionResult> Decide(int id, ReviewForm form, [FromServices] DecideReviewHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, form, ModelState, User, ct);
        if (outcome.Refusal == DecideReviewHandler.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await ReviewQueries.PageAsync(db, markdown, id, form, User, ct));
        }
        if (outcome.Refusal is { } refusal) return Refused(refusal, Url.Action(nameof(Show), new { id }));
        switch (outcome.Value)
        {
            case StepResult.Published:
                Flash("已审核通过并发布，网站上已可查看。");
                TempData[PublishedRecordKey] = await db.RecordVersions.Where(v => v.Id == id).Select(v => v.RecordId).SingleAsync(ct);
                break;
            case StepResult.Passed:
                // Back to the version: the next step's form when this person may take it, or who may.
                Flash("已记录审查意见，本稿转入下一审查环节。");
                return RedirectToAction(nameof(Show), new { id });
            case StepResult.Returned: Flash("已退回，编辑将看到您的意见。"); break;
            default: Flash("已标记为不予公开，并列入定期重新评估清单。"); break;
        }
        return RedirectToAction(nameof(Index));
    }

    /// <summary>撤回已发布的信息 (with a reason); it leaves the public pages at once.</summary>
    [HttpPost("/review/records/{recordId:int}/withdraw")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Withdraw(int recordId, [FromForm(Name = WithdrawRecordHandler.Fields.Reason)] string? reason, [FromServices] WithdrawRecordHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(recordId, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(refusal, Url.Action(nameof(ManageRecords.ManageRecordsController.Show), "ManageRecords", new { id = recordId }));
        Flash("已撤回，网站上不再显示该信息。");
        return RedirectToAction(nameof(ManageRecords.ManageRecordsController.Show), "ManageRecords", new { id = recordId });
    }

    /// <summary>不予公开的信息 (domain README §4): listed for periodic re-evaluation.</summary>
    [HttpGet("/review/withheld")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Withheld(CancellationToken ct)
    {
        var rows = await (
            from v in db.RecordVersions.Where(v => v.State == VersionState.Withheld)
            join d in db.Departments on v.DepartmentId equals d.Id
            orderby v.Id
            select new WithheldRow(v.Id, v.RecordId, v.Title, d.Name, v.NonDisclosureReason, v.UpdatedAt)).ToListAsync(ct);
        return View(rows);
    }

    [HttpPost("/review/versions/{id:int}/reconsider")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Reconsider(int id, [FromForm(Name = ReconsiderVersionHandler.Fields.Reason)] string? reason, [FromServices] ReconsiderVersionHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(refusal, Url.Action(nameof(Withheld)));
        Flash("已退回编辑部门，可按公开信息重新提交。");
        return RedirectToAction(nameof(Withheld));
    }

    /// <summary>The problem page for a refused decision, leading back to <paramref name="backLink"/> (a missing thing is the 404 page).</summary>
    private IActionResult Refused(Refusal refusal, string? backLink)
    {
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
        Response.StatusCode = refusal.Status;
        return View("Problem", new ProblemModel(refusal.Status, refusal.Status == 400 ? "请求有误" : "操作未能完成", refusal.Message, refusal.Args) { BackLink = backLink });
    }
}

/// <summary>The review steps as the queue's <c>stage</c> filter spells them.</summary>
public static class ReviewStages
{
    public static string Code(ReviewStep step) => step switch
    {
        ReviewStep.Confidentiality => "confidentiality",
        ReviewStep.Legality => "legality",
        ReviewStep.DisclosureAttribute => "disclosure-attribute",
        _ => step.ToString(),
    };

    /// <summary>One of the three reviews, or null.</summary>
    public static ReviewStep? Parse(string code) => Reviews.Required.Cast<ReviewStep?>().FirstOrDefault(s => Code(s!.Value) == code);
}
