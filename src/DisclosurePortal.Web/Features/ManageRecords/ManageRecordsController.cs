using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// Department editors draft, edit, attach and submit their own department's records (Editor policy on each action);
/// reviewers may read a record's staff page. Another department's record is a 404 here: its drafts' existence is
/// nobody else's business.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageRecordsController(
    PortalDbContext db, MarkdownRenderer markdown, AttachmentStorage storage, TimeProvider clock, IConfiguration configuration, RecordFilesHandler files) : PortalController
{
    private readonly RecordFormPages pages = new(db, markdown, clock);

    /// <summary>A record form with its files (attachments, a Word document) may be this large; each file is checked against the attachment limit.</summary>
    private const int FormBytes = 64 * 1024 * 1024;

    private int Department => User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");

    [HttpGet("/manage/records")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Index(ManagedRecordsFilter filter, CancellationToken ct)
    {
        var (rows, info) = await ManageRecordsQueries.ListAsync(db, await Townships.KeptUnits.OfAsync(db, User, ct), filter, ct);
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        return View(new ManagedRecordsModel(filter.State, rows, info));
    }

    [HttpGet("/manage/records/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> New(int? itemId, RecordKind? kind, int? policy, DateOnly? period, int? eventId, CancellationToken ct)
    {
        var form = await pages.NewFormAsync(Department, await Townships.KeptUnits.OfAsync(db, User, ct), itemId, kind, policy, ct);
        // From a missing period's "起草本期信息" (ADR 33): the record answers that period.
        if (period is { } p && form.CatalogueItemId is not null) form.CoversPeriod = p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (eventId is > 0 && form.CatalogueItemId is not null) form.CoversEventId = eventId;
        return await FormView("New", form, null, ct);
    }

    /// <remarks>Multipart: the form carries the attachments of its first save and a Word file to import as the body.</remarks>
    [HttpPost("/manage/records/new")]
    [Authorize(Policy = Policies.Editor)]
    [RequestSizeLimit(FormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = FormBytes)]
    public async Task<IActionResult> Create(RecordForm form, [FromServices] CreateRecordHandler handler, CancellationToken ct)
    {
        await files.TakeAsync(form, ModelState, User, ct);
        if (form.IsFormOnly) return await FormView("New", form, null, ct, invalid: !ModelState.IsValid);
        // Filed under an item of the 26 domains, in a column of the tree, or both (RecordPlacement, issue 20 §3).
        var item = form.CatalogueItemId is { } itemId ? await pages.KeptActiveItemAsync(await Townships.KeptUnits.OfAsync(db, User, ct), itemId, ct) : null;
        if (form.CatalogueItemId is not null && item is null) ModelState.AddModelError(nameof(RecordForm.CatalogueItemId), "请选择本部门的公开事项。");
        var column = form.ColumnId is { } columnId ? await pages.OpenColumnAsync(columnId, ct) : null;
        if (form.ColumnId is not null && column is null) ModelState.AddModelError(nameof(RecordForm.ColumnId), "所选栏目不存在或已停用，请重新选择。");
        if (RecordPlacement.Problem(form.CatalogueItemId, form.ColumnId) is { } nowhere) ModelState.AddModelError(nameof(RecordForm.CatalogueItemId), nowhere);
        if (form.IsInterpretation) await pages.CheckPoliciesAsync(form, Department, ModelState, ct);
        await pages.CheckCoverageAsync(form, item, ModelState, ct);
        if (!ModelState.IsValid || (item is null && column is null) || form.IsPreview)
            return await FormView("New", form, null, ct, invalid: !ModelState.IsValid);
        var outcome = await handler.HandleAsync(form, Department, item, column?.Id, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView("New", form, null, ct, invalid: true);
        }
        Flash("草稿已保存。可以继续上传附件，完成后提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value!.Id });
    }

    [HttpGet("/manage/records/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var model = await ManageRecordsQueries.PageAsync(db, markdown, clock, User, id, UploadAttachmentHandler.MaxBytes(configuration), ct);
        return model is null ? NotFoundPage("没有找到该信息。") : View(model);
    }

    [HttpGet("/manage/records/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (record, version) = await ManageRecordsQueries.OwnLatestAsync(db, User, id, ct);
        if (record is null || version is null) return NotFoundPage("没有找到该信息。");
        if (version.State != VersionState.Draft)
            return Refused(id, new Refusal($"当前版本状态为“{VersionWorkflow.Describe(version.State)}”，不能修改。已发布的信息请先“新建修改稿”。", StatusCodes.Status409Conflict));
        var policyIds = await db.InterpretationLinks.Where(l => l.RecordVersionId == version.Id).OrderBy(l => l.Id).Select(l => l.PolicyRecordId).ToListAsync(ct);
        var questions = await Interpretations.InterpretationQueries.QuestionsAsync(db, version.Id, ct);
        var coverage = await db.RecordCoverages.AsNoTracking().FirstOrDefaultAsync(c => c.RecordId == record.Id, ct);
        return await FormView("Edit", RecordForm.From(record, version, policyIds, questions, coverage), record, ct, returnReason: version.ReturnReason);
    }

    /// <remarks>
    /// Validated here, not while binding: the rules depend on the record's kind, which the edit form does not post
    /// (it is fixed once the record exists) and which is known only once the record is read.
    /// </remarks>
    [HttpPost("/manage/records/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    [RequestSizeLimit(FormBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = FormBytes)]
    public async Task<IActionResult> Update(
        int id, [CustomizeValidator(Skip = true)] RecordForm form, [FromServices] IValidator<RecordForm> validator, [FromServices] UpdateRecordHandler handler, CancellationToken ct)
    {
        var (record, version) = await ManageRecordsQueries.OwnLatestAsync(db, User, id, ct);
        if (record is null || version is null) return NotFoundPage("没有找到该信息。");
        form.Kind = record.Kind; // the kind is fixed once the record exists
        form.CatalogueItemId = record.CatalogueItemId;
        form.ColumnId = record.ColumnId; // where a record is filed is fixed once it exists, as its item is
        await files.TakeAsync(form, ModelState, User, ct);
        if (form.IsFormOnly) return await FormView("Edit", form, record, ct, invalid: !ModelState.IsValid, returnReason: version.ReturnReason);
        var valid = await validator.ValidateIntoAsync(form, ModelState, ct);
        if (form.IsInterpretation) await pages.CheckPoliciesAsync(form, Department, ModelState, ct);
        var item = record.CatalogueItemId is { } itemId ? await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) : null;
        await pages.CheckCoverageAsync(form, item, ModelState, ct);
        if (!valid || !ModelState.IsValid || form.IsPreview)
            return await FormView("Edit", form, record, ct, invalid: !ModelState.IsValid, returnReason: version.ReturnReason);

        var outcome = await handler.HandleAsync(record, version, form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView("Edit", form, record, ct, invalid: true, returnReason: version.ReturnReason);
        }
        if (outcome.Value!.Stale is { } current)
        {
            ModelState.AddModelError(string.Empty, "保存失败：您打开此页后，该信息已被他人修改。您填写的内容保留在下方，当前已保存的内容列在表单后，请核对后再保存。");
            form.Version = current.Version; // saving again now overwrites deliberately, with the other change in view
            ModelState.Remove(nameof(RecordForm.Version)); // the hidden field shows this one, not the one posted
            var view = await FormView("Edit", form, record, ct, returnReason: current.ReturnReason, current: current);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return view;
        }
        Flash("修改已保存。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/records/{id:int}/submit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Submit(int id, [FromForm(Name = SubmitRecord.Fields.Version)] int version, [FromForm(Name = SubmitRecord.Fields.Plan)] InterpretationPlanForm? plan,
        [FromServices] SubmitRecordHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(new SubmitRecord(id, version, plan), ModelState, User, ct);
        if (outcome.Refusal == SubmitRecordHandler.Invalid)
        {
            // 三同步: the page again, with the plan as typed and what is missing (nothing was saved).
            var model = await ManageRecordsQueries.PageAsync(db, markdown, clock, User, id, UploadAttachmentHandler.MaxBytes(configuration), ct, plan ?? new InterpretationPlanForm());
            if (model is null) return NotFoundPage("没有找到该信息。");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", model);
        }
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已提交审核。索引号：{0}", outcome.Value!);
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/records/{id:int}/new-version")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> NewVersion(int id, [FromServices] NewRecordVersionHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已新建修改稿。审核通过前，网站上继续显示已发布的版本。");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("/manage/records/{id:int}/attachments")]
    [Authorize(Policy = Policies.Editor)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int id, [FromForm(Name = UploadAttachmentHandler.Fields.File)] IFormFile? file, [FromServices] UploadAttachmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, file, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("附件“{0}”已上传。", outcome.Value!);
        return RedirectToAction(nameof(Show), null, new { id }, "attachments");
    }

    [HttpPost("/manage/records/{id:int}/attachments/{attachmentId:int}/delete")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> DeleteAttachment(int id, int attachmentId, [FromServices] DeleteAttachmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, attachmentId, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("附件“{0}”已删除。", outcome.Value!);
        return RedirectToAction(nameof(Show), null, new { id }, "attachments");
    }

    /// <summary>Staff download of any version's attachment (an editor's own department, or a reviewer).</summary>
    [HttpGet("/manage/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Download(int attachmentId, CancellationToken ct)
    {
        var row = await (from a in db.Attachments
                         join v in db.RecordVersions on a.RecordVersionId equals v.Id
                         where a.Id == attachmentId
                         select new { Attachment = a, v.DepartmentId }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null || !(User.IsInRole(Roles.Reviewer) || await Townships.KeptUnits.KeepsAsync(db, User, row.DepartmentId, ct))) return NotFoundPage("没有找到该附件。");
        var path = storage.PathOf(row.Attachment.StorageKey);
        if (path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该附件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, row.Attachment.ContentType, row.Attachment.FileName);
    }

    private async Task<IActionResult> FormView(string view, RecordForm form, Record? record, CancellationToken ct, bool invalid = false, string? returnReason = null, RecordVersion? current = null)
    {
        if (invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        var model = await pages.ModelAsync(Department, await Townships.KeptUnits.OfAsync(db, User, ct), form, ModelState, record, returnReason, current, ct);
        return View(view, model with { PendingFiles = files.List(User, form.Pending) });
    }

    /// <summary>A refusal on a record's page: the problem page, leading back to the record (a missing one is the 404 page).</summary>
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
