using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Guides;

/// <summary>
/// A department's 办事指南 (Editor, own department only: another department's guide is a 404): drafting, changing a
/// public one (a change of its own; the public keeps the approved version), submitting for review. Reviewers read the
/// staff page from /review and decide it there (Approve/Return).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageGuidesController(PortalDbContext db) : PortalController
{
    private static string Page(string name) => $"~/Features/Guides/Views/Manage/{name}.cshtml";

    private int Department => User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");

    [HttpGet("/manage/guides")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var guides = await db.ServiceGuides.AsNoTracking().Where(g => g.DepartmentId == Department && g.State != GuideState.Adopted)
            .OrderBy(g => g.Id).Take(500).ToListAsync(ct);
        return View(Page("Index"), new ManagedGuidesModel([.. guides.Select(g => new ManagedGuideRow(g.Id, g.Name, g.State, g.RevisionOfId is not null, g.ReturnReason is not null && g.State == GuideState.Draft))]));
    }

    [HttpGet("/manage/guides/new")]
    [Authorize(Policy = Policies.Editor)]
    public Task<IActionResult> New(CancellationToken ct) => FormView(new GuideForm().WithSlots(), null, ct);

    [HttpPost("/manage/guides/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Create(GuideForm form, [FromServices] SaveGuideHandler handler, CancellationToken ct)
    {
        form.Id = null;
        if (form.IsFormOnly) return await FormView(form.WithSlots(), null, ct);
        if (!ModelState.IsValid) return await FormView(form.WithSlots(), null, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.CreateAsync(form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView(form.WithSlots(), null, ct, refusal.Status);
        }
        Flash("草稿已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpGet("/manage/guides/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        if (await GuideManageQueries.StaffVisibleAsync(db, User, id, ct) is not { } guide) return NotFoundPage("没有找到该办事指南。");
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == guide.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        return View(Page("Show"), new ManageGuideModel(guide, department, await TemplatesAsync(guide.RevisionOfId ?? guide.Id, ct),
            User.EditsFor(guide.DepartmentId), User.IsInRole(Roles.Reviewer) && guide.State == GuideState.Submitted));
    }

    [HttpGet("/manage/guides/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await GuideManageQueries.OwnAsync(db, User, id, ct) is not { } guide) return NotFoundPage("没有找到该办事指南。");
        if (guide.State is GuideState.Submitted or GuideState.Adopted) return Refused(id, new Refusal("该办事指南已提交审核，审核完成前不能修改。", StatusCodes.Status409Conflict));
        return await FormView(GuideForm.From(guide, guide.State == GuideState.Published), guide.State == GuideState.Draft ? guide.ReturnReason : null, ct);
    }

    [HttpPost("/manage/guides/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Update(int id, GuideForm form, [FromServices] SaveGuideHandler handler, CancellationToken ct)
    {
        if (await GuideManageQueries.OwnAsync(db, User, id, ct) is not { } guide) return NotFoundPage("没有找到该办事指南。");
        form.Id = id;
        form.IsChange = guide.State == GuideState.Published;
        var reason = guide.State == GuideState.Draft ? guide.ReturnReason : null;
        if (form.IsFormOnly) return await FormView(form.WithSlots(), reason, ct);
        if (!ModelState.IsValid) return await FormView(form.WithSlots(), reason, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.UpdateAsync(guide, form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView(form.WithSlots(), reason, ct, refusal.Status);
        }
        Flash(form.IsChange ? "变更已保存为草稿，审核通过前网站仍显示原版本。核对无误后请提交审核。" : "修改已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpPost("/manage/guides/{id:int}/submit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Submit(int id, [FromForm(Name = DecideGuideHandler.Fields.Version)] int version, [FromServices] SubmitGuideHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已提交审核。政务公开办审核通过后在网站公开。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/guides/{id:int}/approve")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Approve(int id, [FromForm(Name = DecideGuideHandler.Fields.Version)] int version, [FromServices] DecideGuideHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ApproveAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("审核通过，已在办事指南公开。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpPost("/manage/guides/{id:int}/return")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Return(int id, [FromForm(Name = DecideGuideHandler.Fields.Version)] int version,
        [FromForm(Name = DecideGuideHandler.Fields.Reason)] string? reason, [FromServices] DecideGuideHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ReturnAsync(id, version, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已退回部门修改。");
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>A template of the department's own guide (or any, for a reviewer), whatever its state.</summary>
    [HttpGet("/manage/guides/{id:int}/templates/{templateId:int}")]
    public async Task<IActionResult> Template(int id, int templateId, [FromServices] AttachmentStorage storage, CancellationToken ct)
    {
        if (await GuideManageQueries.StaffVisibleAsync(db, User, id, ct) is not { } guide) return NotFoundPage("没有找到该文件。");
        var owner = guide.RevisionOfId ?? guide.Id;
        var t = await db.GuideTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == templateId && x.GuideId == owner, ct);
        var path = t is null ? null : storage.PathOf(t.StorageKey);
        if (t is null || path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该文件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, t.ContentType, t.FileName);
    }

    private Task<Dictionary<int, string>> TemplatesAsync(int owner, CancellationToken ct) =>
        db.GuideTemplates.AsNoTracking().Where(t => t.GuideId == owner).ToDictionaryAsync(t => t.Id, t => t.FileName, ct);

    private async Task<IActionResult> FormView(GuideForm form, string? returnReason, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new GuideDomainOption(d.Id, d.NameZh, d.NameEn)).ToListAsync(ct);
        var owner = form.Id is { } id ? await db.ServiceGuides.Where(g => g.Id == id).Select(g => g.RevisionOfId ?? g.Id).FirstOrDefaultAsync(ct) : 0;
        Response.StatusCode = status;
        return View(Page("Edit"), new GuideEditModel(form, returnReason, domains, owner == 0 ? new Dictionary<int, string>() : await TemplatesAsync(owner, ct)));
    }

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
