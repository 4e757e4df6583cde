using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Cases.Actions;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>
/// The office handles applications (依申请公开) within the statutory deadlines: a list ordered by what is due first,
/// and a case page offering exactly the actions the state machine allows now. Personal data is whole only on the
/// case page; lists mask it.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class CasesController(PortalDbContext db, TimeProvider clock, FeeTiers feeTiers, PersonalData personalData, AttachmentStorage storage, PublicSite site) : PortalController
{
    private const int PageSize = 30;

    /// <summary>登记 a paper application: handed in at the office or received by mail.</summary>
    [HttpGet("/cases/new")]
    public IActionResult New() => View(new RegisterModel(new Apply.ApplyForm(), ApplicationChannel.InPerson, clock.Today()));

    [HttpPost("/cases/new")]
    public async Task<IActionResult> Register(Apply.ApplyForm form,
        [FromForm(Name = RegisterCase.Keys.Channel)] ApplicationChannel? channel, [FromForm(Name = RegisterCase.Keys.ReceivedOn)] DateOnly? receivedOn,
        [FromServices] RegisterCaseHandler handler, CancellationToken ct)
    {
        var input = new RegisterCase(form, channel, receivedOn);
        input.CheckInto(ModelState, clock.Today());
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", new RegisterModel(form, channel, receivedOn));
        }
        var registered = (await handler.HandleAsync(input, User, ct)).Value;
        Flash("已登记。请将查询码 {0} 告知申请人。", registered.Code);
        return RedirectToAction(nameof(Show), new { id = registered.Id });
    }

    [HttpGet("/cases")]
    public async Task<IActionResult> Index(CaseListFilter filter, CancellationToken ct)
    {
        var today = clock.Today();
        var cases = await filter.ApplyAsync(db, today, ct);
        var info = new PageInfo(filter.Page, PageSize, await cases.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        // What needs doing first: applications waiting to be confirmed, then the earliest due date.
        var rows = await (
            from c in cases
            join d in db.Departments on c.AssignedDepartmentId equals d.Id into dd
            from d in dd.DefaultIfEmpty()
            orderby c.DueOn == null descending, c.State == ApplicationState.AwaitingSupplement ? c.SupplementDeadline : c.DueOn, c.Id
            select new { c.Id, c.QueryCode, c.ApplicantName, c.ApplicantKind, c.InformationDescription, c.State, c.SubmittedAt, c.ReceivedOn, c.DueOn, c.SupplementDeadline, Department = d == null ? null : d.Name })
            .Skip(info.Skip).Take(PageSize).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var model = rows.Select(r =>
        {
            var running = ApplicationStates.ReplyPeriodRuns(r.State);
            int? left = r.DueOn is { } due && running ? (today <= due ? calendar.WorkingDaysBetween(today, due) : -calendar.WorkingDaysBetween(due, today)) : null;
            return new CaseRow(r.Id, r.QueryCode, IdentityNumbers.MaskName(r.ApplicantName), r.ApplicantKind,
                r.InformationDescription.Length > 40 ? r.InformationDescription[..40] + "……" : r.InformationDescription,
                r.State, DateOnly.FromDateTime(r.SubmittedAt.ToChina().DateTime), r.ReceivedOn, r.DueOn, left,
                running && r.DueOn is { } d1 && ReplyDeadline.IsOverdue(d1, today), running && r.DueOn is { } d2 && ReplyDeadline.IsDueSoon(d2, today, calendar), r.Department)
            {
                Provisional = r.ReceivedOn is { } received && r.DueOn is { } d3 && calendar.IsEstimated(received, d3),
                SupplementBy = r.State == ApplicationState.AwaitingSupplement ? r.SupplementDeadline : null,
                // the filter guarantees the notice still matters for these rows
                NoticeDueOn = filter.NoticeList && r.ReceivedOn is { } r2 ? ReplyDeadline.SupplementNoticeDue(r2, calendar) : null,
            };
        }).ToList();
        return View(new CaseListModel(model, info, filter.StateText, filter.Department, filter.MonthText, await db.ActiveDepartmentsAsync(ct)) { Due = filter.Due, Today = today });
    }

    /// <summary>ADR 8: the open cases whose due date the current calendar gives differently; the office applies the correction.</summary>
    [HttpGet("/cases/calendar-corrections")]
    public async Task<IActionResult> CalendarCorrections(CancellationToken ct) => View(await db.CorrectionsAsync(clock.Today(), ct));

    [HttpPost("/cases/calendar-corrections")]
    public async Task<IActionResult> ApplyCalendarCorrections([FromServices] ApplyCalendarCorrectionsHandler handler, CancellationToken ct)
    {
        var applied = await handler.HandleAsync(User, ct);
        if (applied.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            ModelState.AddModelError(string.Empty, refusal.Message);
            return View("CalendarCorrections", await db.CorrectionsAsync(clock.Today(), ct));
        }
        if (applied.Value == 0) Flash("没有需要调整的答复期限。");
        else Flash("已按现行工作日历调整 {0} 件申请的答复期限。", applied.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return RedirectToAction(nameof(CalendarCorrections));
    }

    [HttpGet("/cases/{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery(Name = ReplyTemplates.QueryKey)] string? template, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return NotFoundPage("没有找到该申请。");
        var form = new CaseActionForm { On = clock.Today(), Version = c.Version };
        if (ReplyTemplates.Find(template) is { } t)
        {
            form.Template = t.Key;
            form.Text = ReplyTemplates.Fill(t, c.ApplicantName, c.SupplementReceivedOn ?? c.ReceivedOn, c.InformationDescription, site.SiteName);
        }
        return View(await db.CasePageAsync(c, form, null, clock.Today(), feeTiers, personalData, ct));
    }

    /// <summary>One of the case actions ({verb}: "action" itself is a reserved route value in MVC); each is its own step in Actions/.</summary>
    [HttpPost("/cases/{id:int}/{verb}")]
    [RequestSizeLimit(ReplyFiles.MaxRequestBytes)] // a reply carries its files (ReplyFiles checks each)
    [RequestFormLimits(MultipartBodyLengthLimit = ReplyFiles.MaxRequestBytes)]
    public async Task<IActionResult> Act(int id, CaseActionRoute route, CaseActionForm form, [FromServices] CaseActionHandler handler, CancellationToken ct)
    {
        // control characters: TypedTextFilter left them to this page
        var inputProblem = DateProblem(route.Action, form) ?? (TypedText.CheckInto(form, ModelState) ? null : TypedText.PageMessage);
        var taken = await handler.HandleAsync(id, route.Action, form, inputProblem, User, ct);
        if (taken.Refusal is not { } refusal)
        {
            Flash("已{0}。", CaseActions.Describe(route.Action));
            return RedirectToAction(nameof(Show), new { id });
        }
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message);
        // The page again, drawn from the case as it is now, with the refused action's form as it was typed.
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, refusal.Message);
        Response.StatusCode = refusal.Status;
        db.ChangeTracker.Clear();
        var fresh = (await LoadAsync(id, ct))!;
        form.Version = fresh.Version;
        return View("Show", await db.CasePageAsync(fresh, form, route.Action, clock.Today(), feeTiers, personalData, ct));
    }

    /// <summary>
    /// A date the form sends that is not a real yyyy-MM-dd date (2026-13-45), or none where the action needs one, is
    /// refused: never replaced by today, which would record a legal date nobody chose.
    /// </summary>
    private string? DateProblem(CaseAction act, CaseActionForm form)
    {
        bool Invalid(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
        if (Invalid(nameof(CaseActionForm.On))) return "日期无效：请按“年-月-日”填写一个真实的日期，如 2026-03-05。";
        if (Invalid(nameof(CaseActionForm.Until))) return "补正期限无效：请按“年-月-日”填写一个真实的日期，如 2026-03-05。";
        if (CaseActionForm.TakesDate(act) && form.On is null) return "请填写日期（年-月-日）。";
        return null;
    }

    /// <summary>A file sent with a case's reply, for the office (the applicant's way in is the tracking page).</summary>
    [HttpGet("/cases/{id:int}/files/{file:int}")]
    public async Task<IActionResult> ReplyFile(int id, int file, CancellationToken ct)
    {
        var found = await db.ReplyAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == file && a.CaseId == id, ct);
        var path = found is null ? null : storage.PathOf(found.StorageKey);
        if (found is null || path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该附件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, found.ContentType, found.FileName);
    }

    private Task<ApplicationCase?> LoadAsync(int id, CancellationToken ct) =>
        db.ApplicationCases.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, ct);
}

/// <summary>The {verb} of a case action's URL: an action's name (any case), or no such page.</summary>
public sealed record CaseActionRoute(CaseAction Action) : IQueryFilter<CaseActionRoute>
{
    public static CaseActionRoute Read(QueryReader q)
    {
        if (q.Text("verb") is { } raw && QueryReader.TryEnum<CaseAction>(raw, out var action)) return new CaseActionRoute(action);
        q.NotFound("没有这项操作。");
        return new CaseActionRoute(CaseAction.ConfirmReceipt);
    }
}
