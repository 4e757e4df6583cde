using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.PolicyLibrary;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.PolicyCleanups;

/// <summary>
/// 规范性文件清理 for the office (Reviewer): drafting the lists from the library's policies, submitting them, and — by
/// another reviewer — approving (the validities change at once) or returning them. Editors and the public are refused.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ManagePolicyCleanupsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private static string Page(string name) => $"~/Features/PolicyCleanups/Views/Manage/{name}.cshtml";

    [HttpGet("/manage/policy-cleanups")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.PolicyCleanups.AsNoTracking().OrderByDescending(c => c.Id).Take(200)
            .Select(c => new ManagedCleanupRow(c.Id, c.Title, c.State, c.ReturnReason != null && c.State == CleanupState.Draft, c.Entries.Count, c.PublishedOn, c.UpdatedAt))
            .ToListAsync(ct);
        return View(Page("Index"), rows);
    }

    [HttpGet("/manage/policy-cleanups/new")]
    public async Task<IActionResult> New(CleanupChoiceFilter filter, CancellationToken ct) =>
        await FormViewAsync(new PolicyCleanupForm { DecidedOn = clock.Today().Iso() }, filter, null, ct);

    [HttpPost("/manage/policy-cleanups/new")]
    public async Task<IActionResult> Create(PolicyCleanupForm form, [FromServices] SavePolicyCleanupHandler handler, CancellationToken ct)
    {
        form.Id = null;
        if (!ModelState.IsValid) return await FormViewAsync(form, Posted, null, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.CreateAsync(form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormViewAsync(form, Posted, null, ct, refusal.Status);
        }
        Flash("草稿已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpGet("/manage/policy-cleanups/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        if (await PolicyCleanupQueries.TrackedAsync(db, id, ct) is not { } cleanup) return NotFoundPage("没有找到该清理结果。");
        var open = cleanup.State == CleanupState.Submitted ? await PolicyCleanupQueries.OpenVersionsAsync(db, cleanup.Entries.Select(e => e.RecordId), ct) : [];
        return View(Page("Show"), new ManageCleanupModel(cleanup, User.UserId() != cleanup.SubmittedById, open));
    }

    [HttpGet("/manage/policy-cleanups/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CleanupChoiceFilter filter, CancellationToken ct)
    {
        if (await PolicyCleanupQueries.TrackedAsync(db, id, ct) is not { } cleanup) return NotFoundPage("没有找到该清理结果。");
        if (cleanup.State != CleanupState.Draft) return Refused(id, Refusal.Conflict("该清理结果已提交审核或已公布，不能修改。"));
        return await FormViewAsync(PolicyCleanupForm.From(cleanup), filter, cleanup.ReturnReason, ct);
    }

    [HttpPost("/manage/policy-cleanups/{id:int}/edit")]
    public async Task<IActionResult> Update(int id, PolicyCleanupForm form, [FromServices] SavePolicyCleanupHandler handler, CancellationToken ct)
    {
        if (await PolicyCleanupQueries.TrackedAsync(db, id, ct) is not { } cleanup) return NotFoundPage("没有找到该清理结果。");
        form.Id = id;
        if (!ModelState.IsValid) return await FormViewAsync(form, Posted, cleanup.ReturnReason, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.UpdateAsync(cleanup, form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormViewAsync(form, Posted, cleanup.ReturnReason, ct, refusal.Status);
        }
        Flash("修改已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/policy-cleanups/{id:int}/submit")]
    public async Task<IActionResult> Submit(int id, [FromForm(Name = DecidePolicyCleanupHandler.Fields.Version)] int version, [FromServices] SubmitPolicyCleanupHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已提交审核，请由另一位审核员审核。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/policy-cleanups/{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, [FromForm(Name = DecidePolicyCleanupHandler.Fields.Version)] int version, [FromServices] DecidePolicyCleanupHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ApproveAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("审核通过，清理结果已公布，所列文件的效力已变更。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/policy-cleanups/{id:int}/return")]
    public async Task<IActionResult> Return(int id, [FromForm(Name = DecidePolicyCleanupHandler.Fields.Version)] int version,
        [FromForm(Name = DecidePolicyCleanupHandler.Fields.Reason)] string? reason, [FromServices] DecidePolicyCleanupHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ReturnAsync(id, version, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已退回修改。");
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>A posted form is redrawn with every row it posted, whatever the filter was: nothing typed is lost.</summary>
    private static readonly CleanupChoiceFilter Posted = new(null, null, null);

    private async Task<ViewResult> FormViewAsync(PolicyCleanupForm form, CleanupChoiceFilter filter, string? returnReason, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var chosen = form.Rows.Select(r => r.RecordId).Distinct().Take(PolicyCleanup.MaxEntries).ToList();
        var choices = await PolicyCleanupQueries.ChoicesAsync(db, filter, chosen, ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new PolicyDepartment(d.Id, d.Name)).ToListAsync(ct);
        Response.StatusCode = status;
        return View(Page("Edit"), new CleanupEditModel(form.WithRows(choices), choices.ToDictionary(c => c.RecordId), filter, departments, returnReason));
    }

    /// <summary>A refusal on a clean-up's staff page: the problem page leading back to it (a missing one is the 404 page).</summary>
    private IActionResult Refused(int id, Refusal refusal)
    {
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
        Response.StatusCode = refusal.Status;
        return View("Problem", new ProblemModel(refusal.Status, refusal.Status == 400 ? "请求有误" : "操作未能完成", refusal.Message, refusal.Args)
        {
            BackLink = Url.Action(nameof(Show), new { id }),
        });
    }
}

public sealed record ManagedCleanupRow(int Id, string Title, CleanupState State, bool Returned, int Entries, DateOnly? PublishedOn, DateTimeOffset UpdatedAt);

public sealed record ManageCleanupModel(PolicyCleanup Cleanup, bool MayDecide, IReadOnlySet<int> OpenVersions);

public sealed record CleanupEditModel(PolicyCleanupForm Form, IReadOnlyDictionary<int, CleanupChoice> Choices, CleanupChoiceFilter Filter,
    IReadOnlyList<PolicyDepartment> Departments, string? ReturnReason)
{
    public bool IsNew => Form.Id is null;
}
