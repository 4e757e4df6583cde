using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// A department's consultations (Editor, own department only: another department's is a 404, ADR 6): drafting,
/// submitting for review, entering opinions received by letter or e-mail, moderating opinions, publishing the
/// 采纳情况 and linking the decision. Reviewers read the staff page and decide it from there (Approve/Return).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageConsultationsController(PortalDbContext db, TimeProvider clock, MarkdownRenderer markdown, ConsultationContacts contacts, ConsultationSettings settings, IConfiguration configuration) : PortalController
{
    /// <summary>The staff pages live beside the public ones, in Features/Consultations/Views/Manage.</summary>
    private static string Page(string name) => $"~/Features/Consultations/Views/Manage/{name}.cshtml";

    private int Department => User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");

    [HttpGet("/manage/consultations")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var rows = await db.Consultations.AsNoTracking().Where(c => c.DepartmentId == Department)
            .OrderByDescending(c => c.Id).Take(200)
            .Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn, c.State, Pending = db.ConsultationComments.Count(x => x.ConsultationId == c.Id && x.Moderation == ModerationState.Pending) })
            .ToListAsync(ct);
        return View(Page("Index"), new ManagedConsultationsModel(rows.Select(r =>
        {
            var phase = ConsultationRules.Phase(r.State, r.StartsOn, r.EndsOn, today);
            DateOnly? due = phase == ConsultationPhase.Closed ? ConsultationRules.FeedbackDueOn(r.EndsOn, calendar, settings.FeedbackWorkingDays) : null;
            return new ManagedConsultationRow(r.Id, r.Title, r.StartsOn, r.EndsOn, phase, r.Pending, due, due < today);
        }).ToList()));
    }

    [HttpGet("/manage/consultations/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var start = clock.Today().AddDays(1);
        var form = new ConsultationForm
        {
            AcceptsOnline = true,
            StartsOn = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            EndsOn = start.AddDays(ConsultationRules.MinimumPeriodDays - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }.WithSlots();
        return await FormView(form, null, ct);
    }

    [HttpPost("/manage/consultations/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Create(ConsultationForm form, [FromServices] SaveConsultationHandler handler, CancellationToken ct)
    {
        form.Id = null;
        if (!ModelState.IsValid) return await FormView(form.WithSlots(), null, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.CreateAsync(form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(refusal.Message.Contains("公开事项", StringComparison.Ordinal) ? nameof(ConsultationForm.CatalogueItemId) : string.Empty, refusal.Message);
            return await FormView(form.WithSlots(), null, ct, refusal.Status);
        }
        Flash("草稿已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpGet("/manage/consultations/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var c = await ConsultationQueries.StaffVisibleAsync(db, User, id, tracking: false, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        return View(Page("Show"), await StaffPageAsync(c, ct));
    }

    [HttpGet("/manage/consultations/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, User, id, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        if (c.State != ConsultationState.Draft) return Problem(StatusCodes.Status409Conflict, "只有草稿或退回修改的征集可以修改。", id);
        await db.Entry(c).Collection(x => x.Questions).LoadAsync(ct);
        return await FormView(ConsultationForm.From(c), c.ReturnReason, ct);
    }

    [HttpPost("/manage/consultations/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Update(int id, ConsultationForm form, [FromServices] SaveConsultationHandler handler, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, User, id, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        form.Id = id;
        if (!ModelState.IsValid) return await FormView(form.WithSlots(), c.ReturnReason, ct, StatusCodes.Status400BadRequest);
        var outcome = await handler.UpdateAsync(c, form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView(form.WithSlots(), c.ReturnReason, ct, refusal.Status);
        }
        Flash("修改已保存。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/consultations/{id:int}/submit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Submit(int id, [FromForm(Name = DecideConsultationHandler.Fields.Version)] int version, [FromServices] SubmitConsultationHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已提交审核。政务公开办审核通过后，将于开始日期起公开征集意见。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/consultations/{id:int}/approve")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Approve(int id, [FromForm(Name = DecideConsultationHandler.Fields.Version)] int version, [FromServices] DecideConsultationHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ApproveAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("审核通过。该征集将于开始日期起在网站上公开征集意见。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/consultations/{id:int}/return")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Return(int id, [FromForm(Name = DecideConsultationHandler.Fields.Version)] int version,
        [FromForm(Name = DecideConsultationHandler.Fields.Reason)] string? reason, [FromServices] DecideConsultationHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ReturnAsync(id, version, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已退回部门修改。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("/manage/consultations/{id:int}/comments/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> NewComment(int id, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, User, id, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        return View(Page("EnterComment"), await EnterModelAsync(c, new StaffCommentForm { Channel = CommentChannel.Letter }, ct));
    }

    [HttpPost("/manage/consultations/{id:int}/comments/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> EnterComment(int id, StaffCommentForm form, [FromServices] ReceiveCommentHandler handler, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, User, id, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        if (ModelState.IsValid)
        {
            var outcome = await handler.EnterAsync(id, form, User, ct);
            if (outcome.Refusal is null)
            {
                Flash("意见已录入，请在下方审核。");
                return RedirectToAction(nameof(Show), null, new { id }, "comments");
            }
            ModelState.AddModelError(string.Empty, outcome.Refusal.Message);
            Response.StatusCode = outcome.Refusal.Status;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(Page("EnterComment"), await EnterModelAsync(c, form, ct));
    }

    [HttpPost("/manage/consultations/{id:int}/comments/{commentId:long}")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Moderate(int id, long commentId, [FromForm(Name = ModerateCommentHandler.Fields.Decision)] ModerationState? decision,
        [FromServices] ModerateCommentHandler handler, CancellationToken ct)
    {
        ModelState.Clear(); // an unknown decision is the handler's message, not the binder's
        var outcome = await handler.HandleAsync(id, commentId, decision, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("意见 #{0} 已审核：{1}。", commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), ConsultationNames.Describe(outcome.Value));
        return RedirectToAction(nameof(Show), null, new { id }, "comments");
    }

    [HttpGet("/manage/consultations/{id:int}/feedback")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Feedback(int id, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, User, id, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        return View(Page("Feedback"), await FeedbackModelAsync(c, new FeedbackForm(), ct));
    }

    [HttpPost("/manage/consultations/{id:int}/feedback")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> PublishFeedback(int id, FeedbackForm form, [FromServices] PublishFeedbackHandler handler, CancellationToken ct)
    {
        var c = await ConsultationQueries.OwnAsync(db, User, id, ct);
        if (c is null) return NotFoundPage("没有找到该征集。");
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(id, form, User, ct);
            if (outcome.Refusal is null)
            {
                Flash("采纳情况已发布。");
                return RedirectToAction(nameof(Show), new { id });
            }
            ModelState.AddModelError(string.Empty, outcome.Refusal.Message);
            Response.StatusCode = outcome.Refusal.Status;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(Page("Feedback"), await FeedbackModelAsync(c, form, ct));
    }

    [HttpPost("/manage/consultations/{id:int}/decision")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> LinkDecision(int id, [FromForm(Name = LinkDecisionHandler.Fields.RecordId)] string? recordId, [FromServices] LinkDecisionHandler handler, CancellationToken ct)
    {
        if (recordId is { Length: > 20 }) return Refused(id, new Refusal("信息编号应为正整数（信息网址 /records/ 后面的数字）。"));
        var outcome = await handler.HandleAsync(id, recordId, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash(string.IsNullOrWhiteSpace(recordId) ? "已取消关联决策文件。" : "已关联决策文件。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/consultations/{id:int}/attachments")]
    [Authorize(Policy = Policies.Editor)]
    [RequestSizeLimit(64 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(int id, [FromForm(Name = UploadConsultationAttachmentHandler.Fields.File)] IFormFile? file,
        [FromServices] UploadConsultationAttachmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, file, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("附件“{0}”已上传。", outcome.Value!);
        return RedirectToAction(nameof(Show), null, new { id }, "attachments");
    }

    [HttpPost("/manage/consultations/{id:int}/attachments/{attachmentId:int}/delete")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> DeleteAttachment(int id, int attachmentId, [FromServices] DeleteConsultationAttachmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, attachmentId, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("附件“{0}”已删除。", outcome.Value!);
        return RedirectToAction(nameof(Show), null, new { id }, "attachments");
    }

    /// <summary>Staff download of a consultation's file in any state (its department's editors, reviewers).</summary>
    [HttpGet("/manage/consultations/{id:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Download(int id, int attachmentId, [FromServices] AttachmentStorage storage, CancellationToken ct)
    {
        var c = await ConsultationQueries.StaffVisibleAsync(db, User, id, tracking: false, ct);
        var a = c is null ? null : await db.ConsultationAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.ConsultationId == id, ct);
        var path = a is null ? null : storage.PathOf(a.StorageKey);
        if (a is null || path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该附件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, a.ContentType, a.FileName);
    }

    private async Task<ManageConsultationModel> StaffPageAsync(Domain.Consultations.Consultation c, CancellationToken ct)
    {
        var today = clock.Today();
        var page = (await ConsultationQueries.PageAsync(db, markdown, c, today, ct))!;
        var rows = await db.ConsultationComments.AsNoTracking().Where(x => x.ConsultationId == c.Id).OrderBy(x => x.Moderation).ThenBy(x => x.Id).Take(500).ToListAsync(ct);
        var own = User.EditsFor(c.DepartmentId);
        // Contacts are shown to the department that answers the writers; the office sees the opinions without them.
        var comments = rows.Select(x => new StaffComment(x.Id, x.Channel, x.ReceivedOn, x.Body, x.PublicName, x.MayPublish, x.Moderation,
            own ? contacts.Reveal(x.NameSealed) : null, own ? contacts.Reveal(x.PhoneSealed) : null, own ? contacts.Reveal(x.EmailSealed) : null,
            own ? contacts.Reveal(x.AddressSealed) : null, x.EnteredBy, x.ModeratedBy)).ToList();
        var events = await db.ConsultationEvents.AsNoTracking().Where(e => e.ConsultationId == c.Id).OrderBy(e => e.Id)
            .Select(e => new EventView(e.OccurredAt, e.ActorName, e.Kind, e.Note)).ToListAsync(ct);
        var phase = c.PhaseOn(today);
        DateOnly? due = null;
        if (phase == ConsultationPhase.Closed)
            due = ConsultationRules.FeedbackDueOn(c.EndsOn, await CalendarLoader.LoadAsync(db, ct), settings.FeedbackWorkingDays);
        return new ManageConsultationModel(page, c.State, c.ReturnReason, c.Version, comments,
            rows.Count(x => x.Moderation == ModerationState.Accepted), rows.Count(x => x.Moderation == ModerationState.Pending),
            due, due < today, c.ContactsRemovedAt is not null, events,
            CanEdit: own, CanReview: User.IsInRole(Roles.Reviewer) && c.State == ConsultationState.Submitted)
        {
            MaxAttachmentBytes = ManageRecords.UploadAttachmentHandler.MaxBytes(configuration),
        };
    }

    private async Task<IActionResult> FormView(ConsultationForm form, string? returnReason, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        var items = await (from i in SaveConsultationHandler.DecisionItems(db, Department)
                           join d in db.Domains on i.DomainId equals d.Id
                           orderby d.SortOrder, i.SortOrder, i.Id
                           select new ItemOption(i.Id, i.NameLevel1 + " › " + i.NameLevel2, d.NameZh)).ToListAsync(ct);
        return View(Page("Edit"), new ConsultationEditModel(form, items, returnReason));
    }

    private async Task<EnterCommentModel> EnterModelAsync(Domain.Consultations.Consultation c, StaffCommentForm form, CancellationToken ct)
    {
        var questions = await ConsultationQueries.QuestionsAsync(db, c.Id, ct);
        form.WithSlots(questions);
        return new EnterCommentModel(c.Id, c.Title, c.StartsOn, c.EndsOn, questions, form);
    }

    private async Task<FeedbackFormModel> FeedbackModelAsync(Domain.Consultations.Consultation c, FeedbackForm form, CancellationToken ct)
    {
        var (accepted, pending) = await PublishFeedbackHandler.CountsAsync(db, c.Id, ct);
        return new FeedbackFormModel(c.Id, c.Title, accepted, pending, form);
    }

    private IActionResult Problem(int status, string message, int id) => Refused(id, new Refusal(message, status));

    /// <summary>A refusal on a consultation's staff page: the problem page leading back to it (a missing one is the 404 page).</summary>
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
