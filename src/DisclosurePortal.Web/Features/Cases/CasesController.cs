using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Data;
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
public sealed class CasesController(PortalDbContext db, AuditTrail audit, TimeProvider clock, FeeTiers feeTiers, PersonalData personalData) : PortalController
{
    /// <summary>登记 a paper application: handed in at the office or received by mail.</summary>
    [HttpGet("/cases/new")]
    public IActionResult New() => View(new RegisterModel(new Apply.ApplyForm(), ApplicationChannel.InPerson, clock.Today()));

    /// <summary>
    /// 条例 Art. 31: an application handed in is received that day; one sent by mail the day it is signed for. The case
    /// starts with its reply period running, and the applicant is given the tracking code.
    /// </summary>
    [HttpPost("/cases/new")]
    public async Task<IActionResult> Register(Apply.ApplyForm form, ApplicationChannel? channel, DateOnly? receivedOn, CancellationToken ct)
    {
        var today = clock.Today();
        ModelState.Remove("channel"); // the message below, not the binder's (the form's own choices: [ValidatorExplains])
        if (channel is not (ApplicationChannel.InPerson or ApplicationChannel.Mail))
            ModelState.AddModelError("channel", "请选择当面提交或邮寄。");
        if (receivedOn is null) ModelState.AddModelError("receivedOn", "请填写收到申请之日。");
        else if (receivedOn > today) ModelState.AddModelError("receivedOn", "收到申请之日不能晚于今天。");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", new RegisterModel(form, channel, receivedOn));
        }
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var code = QueryCodes.New();
        var c = ApplicationCase.Register(form.ToDetails(personalData, channel!.Value), code, receivedOn!.Value, User.DisplayName(), clock.GetUtcNow(), calendar, today);
        db.ApplicationCases.Add(c);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(User, "case.register", "ApplicationCase", c.Id, $"登记{(channel == ApplicationChannel.Mail ? "邮寄" : "当面提交")}的申请，收到申请之日 {receivedOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Flash("已登记。请将查询码 {0} 告知申请人。", code);
        return Redirect($"/cases/{c.Id}");
    }

    private const int PageSize = 30;

    [HttpGet("/cases")]
    public async Task<IActionResult> Index(string? state, int? department, string? month, string? due, string? page, CancellationToken ct)
    {
        if (!TryPage(page, out var pageNumber, out var problem)) return problem!;
        var cases = db.ApplicationCases.AsNoTracking();
        if (!string.IsNullOrEmpty(due))
        {
            // The office dashboard's counts: open cases overdue, or due within 3 (or 10) working days. Due within n
            // working days = today ≤ due date < the (n+1)th working day after today, so the filter runs in SQL.
            var dueCalendar = await CalendarLoader.LoadAsync(db, ct);
            var dueToday = clock.Today();
            var running = cases.ReplyRunning();
            switch (due)
            {
                case "overdue":
                    cases = running.Where(c => c.DueOn < dueToday);
                    break;
                case "soon" or "upcoming":
                    var before = dueCalendar.AddWorkingDays(dueToday, (due == "soon" ? ReplyDeadline.DueSoonWorkingDays : CaseDue.UpcomingWorkingDays) + 1);
                    cases = running.Where(c => c.DueOn >= dueToday && c.DueOn < before);
                    break;
                case "supplement": // 条例 Art. 30: no reply period runs while a supplement is awaited
                    cases = cases.AwaitingSupplement();
                    break;
                case "notice-soon":
                    cases = cases.SupplementNoticeSoon(dueToday, dueCalendar);
                    break;
                case "notice-missed":
                    cases = cases.SupplementNoticeMissed(dueToday, dueCalendar);
                    break;
                default:
                    return BadInput("期限筛选条件无效。");
            }
        }
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<ApplicationState>(state, ignoreCase: true, out var s) || !Enum.IsDefined(s)) return BadInput("状态筛选条件无效。");
            cases = cases.Where(c => c.State == s);
        }
        else
        {
            cases = cases.Where(c => c.State != ApplicationState.Closed);
        }
        if (department is { } dep) cases = cases.Where(c => c.AssignedDepartmentId == dep);
        if (!string.IsNullOrEmpty(month))
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first))
                return BadInput("收到月份应为“年-月”，如 2026-03。");
            var next = first.AddMonths(1);
            cases = cases.Where(c => c.ReceivedOn >= first && c.ReceivedOn < next);
        }
        var total = await cases.CountAsync(ct);
        var info = new PageInfo(pageNumber, PageSize, total);
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);
        // What needs doing first: applications waiting to be confirmed, then the earliest due date.
        var rows = await (
            from c in cases
            join d in db.Departments on c.AssignedDepartmentId equals d.Id into dd
            from d in dd.DefaultIfEmpty()
            orderby c.DueOn == null descending, c.State == ApplicationState.AwaitingSupplement ? c.SupplementDeadline : c.DueOn, c.Id
            select new { c.Id, c.QueryCode, c.ApplicantName, c.ApplicantKind, c.InformationDescription, c.State, c.SubmittedAt, c.ReceivedOn, c.DueOn, c.SupplementDeadline, Department = d == null ? null : d.Name })
            .Skip(info.Skip).Take(PageSize).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var noticeList = due is "notice-soon" or "notice-missed";
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
                // the filters above guarantee the notice still matters for these rows
                NoticeDueOn = noticeList && r.ReceivedOn is { } r2 ? ReplyDeadline.SupplementNoticeDue(r2, calendar) : null,
            };
        }).ToList();
        return View(new CaseListModel(model, info, state, department, month, await DepartmentsAsync(ct)) { Due = due, Today = today });
    }

    /// <summary>
    /// ADR 8: when an administrator corrects the calendar, stored due dates of open cases are not silently changed. This
    /// page lists the cases whose due date the current calendar gives differently; the office applies the correction.
    /// </summary>
    [HttpGet("/cases/calendar-corrections")]
    public async Task<IActionResult> CalendarCorrections(CancellationToken ct) => View(await CorrectionsAsync(ct));

    [HttpPost("/cases/calendar-corrections")]
    public async Task<IActionResult> ApplyCalendarCorrections(CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var open = await OpenReceivedCases().Include(c => c.Events).ToListAsync(ct);
        var changed = 0;
        foreach (var c in open.Where(c => c.CorrectedDueOn(calendar, today) is not null))
        {
            c.ApplyCalendarCorrection(User.DisplayName(), clock.GetUtcNow(), calendar, today);
            audit.Record(User, "case.calendar-correction", "ApplicationCase", c.Id, c.Events[^1].Note ?? string.Empty);
            changed++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError(string.Empty, "有申请正在被他人处理，请核对后重新提交。");
            return View("CalendarCorrections", await CorrectionsAsync(ct));
        }
        if (changed == 0) Flash("没有需要调整的答复期限。");
        else Flash("已按现行工作日历调整 {0} 件申请的答复期限。", changed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Redirect("/cases/calendar-corrections");
    }

    private IQueryable<ApplicationCase> OpenReceivedCases() =>
        db.ApplicationCases.Where(c => c.ReceivedOn != null && c.State != ApplicationState.Replied && c.State != ApplicationState.Closed);

    private async Task<IReadOnlyList<CorrectionRow>> CorrectionsAsync(CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var open = await OpenReceivedCases().AsNoTracking().Include(c => c.Events).OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync(ct);
        return [.. open.Select(c => (Case: c, Corrected: c.CorrectedDueOn(calendar, today)))
            .Where(x => x.Corrected is not null)
            .Select(x => new CorrectionRow(x.Case.Id, x.Case.QueryCode, IdentityNumbers.MaskName(x.Case.ApplicantName), x.Case.State, x.Case.DueOn!.Value, x.Corrected!.Value))];
    }

    [HttpGet("/cases/{id:int}")]
    public async Task<IActionResult> Show(int id, string? template, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return NotFoundPage("没有找到该申请。");
        var form = new CaseActionForm { On = clock.Today(), Version = c.Version };
        if (ReplyTemplates.Find(template) is { } t)
        {
            form.Template = t.Key;
            form.Text = ReplyTemplates.Fill(t, c.ApplicantName, c.SupplementReceivedOn ?? c.ReceivedOn, c.InformationDescription);
        }
        return View(await PageAsync(c, form, null, ct));
    }

    /// <summary>One of the case actions ({verb}: "action" itself is a reserved route value in MVC).</summary>
    [HttpPost("/cases/{id:int}/{verb}")]
    public async Task<IActionResult> Act(int id, string verb, CaseActionForm form, CancellationToken ct)
    {
        if (!Enum.TryParse<CaseAction>(verb, ignoreCase: true, out var act) || !Enum.IsDefined(act)) return NotFoundPage("没有这项操作。");
        var c = await db.ApplicationCases.Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFoundPage("没有找到该申请。");
        if (form.Version != c.Version)
            return await Refused(c, form, act, "该申请已被他人处理，请查看最新记录后再操作。", StatusCodes.Status409Conflict, ct);

        if (DateProblem(act, form) is { } problem)
            return await Refused(c, form, act, problem, StatusCodes.Status400BadRequest, ct);
        if (!TypedText.CheckInto(form, ModelState)) // control characters (TypedTextFilter left them to this page)
            return await Refused(c, form, act, TypedText.PageMessage, StatusCodes.Status400BadRequest, ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var actor = User.DisplayName();
        var on = form.On ?? today; // only the actions without a date (closings, 分办) get here without one
        try
        {
            string? departmentName = null;
            if (act == CaseAction.Assign)
            {
                departmentName = form.DepartmentId is { } dep ? await db.Departments.Where(d => d.Id == dep).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
                if (departmentName is null) throw new DomainException("请选择承办部门。");
            }
            var template = ReplyTemplates.Find(form.Template);
            switch (act)
            {
                case CaseAction.ConfirmReceipt: c.ConfirmReceipt(on, actor, now, calendar, today); break;
                case CaseAction.RequestSupplement:
                    c.RequestSupplement(on, form.Until ?? throw new DomainException("请填写补正期限。"), form.Text ?? "", actor, now, calendar, today); break;
                case CaseAction.ReceiveSupplement: c.ReceiveSupplement(on, actor, now, calendar, today); break;
                case CaseAction.CloseUnsupplemented: c.CloseUnsupplemented(actor, now, today); break;
                case CaseAction.SendConsultation: c.SendConsultation(on, form.Text ?? "", actor, now, calendar, today); break;
                case CaseAction.ReceiveConsultation: c.ReceiveConsultation(on, form.Text, actor, now, calendar, today); break;
                case CaseAction.Extend:
                    c.Extend(form.Days ?? 0, form.Text ?? "", form.Approver ?? "", on, actor, now, calendar, today); break;
                case CaseAction.Assign: c.Assign(form.DepartmentId!.Value, departmentName!, actor, now); break;
                case CaseAction.Reply:
                    if (template is null) throw new DomainException("请选择答复类型。");
                    if (form.Text is { Length: > 19000 }) throw new DomainException("答复书不能超过19000字。");
                    c.Reply(template.Type, form.Text ?? "", on, actor, now); break;
                case CaseAction.Deliver:
                    if (form.Delivery is not { } method || !Enum.IsDefined(method)) throw new DomainException("请选择送达方式。");
                    c.Deliver(on, method, actor, now); break;
                case CaseAction.NotifyFee:
                    c.NotifyFee(on, form.Items ?? throw new DomainException("请填写本申请的件数。"), await ItemsEarlierThisMonthAsync(c, ct), feeTiers, actor, now, calendar, today); break;
                case CaseAction.RecordFeePayment: c.RecordFeePayment(on, actor, now, calendar, today); break;
                case CaseAction.CloseFeeUnpaid: c.CloseFeeUnpaid(actor, now, today); break;
            }
        }
        catch (DomainException ex)
        {
            return await Refused(c, form, act, ex.Message, StatusCodes.Status400BadRequest, ct);
        }
        audit.Record(User, $"case.{act.ToString().ToLowerInvariant()}", "ApplicationCase", c.Id, $"{CaseActions.Describe(act)}：{c.Events[^1].Note}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await Refused((await LoadAsync(id, ct))!, form, act, "该申请已被他人处理，请查看最新记录后再操作。", StatusCodes.Status409Conflict, ct);
        }
        Flash("已{0}。", CaseActions.Describe(act));
        return Redirect($"/cases/{id}");
    }

    /// <summary>
    /// A date the form sends that is not a real yyyy-MM-dd date (2026-13-45), or none where the action needs one, is
    /// refused: never replaced by today, which would record a legal date nobody chose.
    /// </summary>
    private string? DateProblem(CaseAction act, CaseActionForm form)
    {
        bool Invalid(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;
        if (Invalid(nameof(CaseActionForm.On))) return InvalidDate;
        if (Invalid(nameof(CaseActionForm.Until))) return InvalidSupplementDeadline;
        if (CaseActionForm.TakesDate(act) && form.On is null) return MissingDate;
        return null;
    }

    private const string InvalidDate = "日期无效：请按“年-月-日”填写一个真实的日期，如 2026-03-05。";
    private const string InvalidSupplementDeadline = "补正期限无效：请按“年-月-日”填写一个真实的日期，如 2026-03-05。";
    private const string MissingDate = "请填写日期（年-月-日）。";

    private async Task<IActionResult> Refused(ApplicationCase c, CaseActionForm form, CaseAction act, string message, int status, CancellationToken ct)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = status;
        db.ChangeTracker.Clear();
        var fresh = (await LoadAsync(c.Id, ct))!;
        form.Version = fresh.Version;
        return View("Show", await PageAsync(fresh, form, act, ct));
    }

    private Task<ApplicationCase?> LoadAsync(int id, CancellationToken ct) =>
        db.ApplicationCases.AsNoTracking().Include(c => c.Events).FirstOrDefaultAsync(c => c.Id == id, ct);

    private async Task<CasePageModel> PageAsync(ApplicationCase c, CaseActionForm form, CaseAction? failed, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var deadline = c.Deadline(calendar, today);
        var open = ApplicationStates.IsOpen(c.State);
        var department = c.AssignedDepartmentId is { } dep ? await db.Departments.Where(d => d.Id == dep).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        var running = ApplicationStates.ReplyPeriodRuns(c.State);
        return new CasePageModel(c, department, deadline,
            running && deadline is not null && ReplyDeadline.IsOverdue(deadline.DueOn, today),
            running && deadline is not null && ReplyDeadline.IsDueSoon(deadline.DueOn, today, calendar),
            c.AllowedActions(), await DepartmentsAsync(ct), form, failed, today,
            c.AllowedActions().Contains(CaseAction.NotifyFee) ? await ItemsEarlierThisMonthAsync(c, ct) : null, feeTiers,
            c.IdentityNumber is null ? null : personalData.Whole(c.IdentityNumber)) // the office handles it: whole here, masked elsewhere
        {
            SupplementNoticeDue = c.SupplementNoticeDue(calendar) is { } noticeDue
                ? new DueDate(noticeDue, calendar.IsEstimated(c.ReceivedOn!.Value, noticeDue)) : null,
            FeePaymentDeadlineProvisional = c.FeeNotifiedOn is { } notified && c.FeePaymentDeadline is { } payBy && calendar.IsEstimated(notified, payBy),
            // The history's "此后答复期限" of a step, counted over a year whose schedule is not entered.
            ProvisionalSteps = c.Events
                .Where(e => e.DueOnAfter is { } after && calendar.IsEstimated(c.ReceivedOn ?? e.EffectiveOn ?? after, after))
                .Select(e => e.Id).ToHashSet(),
        };
    }

    /// <summary>
    /// 国办函〔2020〕109号 Art. 4: fees count the items one applicant applied for in a calendar month — here the applications
    /// received earlier in the month of this one's receipt, the same applicant being the same ID number (or, without one,
    /// the same name and contact).
    /// </summary>
    private async Task<int> ItemsEarlierThisMonthAsync(ApplicationCase c, CancellationToken ct)
    {
        if (c.ReceivedOn is not { } received) return 0;
        var first = new DateOnly(received.Year, received.Month, 1);
        var next = first.AddMonths(1);
        var same = db.ApplicationCases.Where(x => x.Id != c.Id && x.ReceivedOn >= first && x.ReceivedOn < next
            && (x.ReceivedOn < received || (x.ReceivedOn == received && x.Id < c.Id)));
        same = c.IdentityIndex is { } identity
            ? same.Where(x => x.IdentityIndex == identity)
            : same.Where(x => x.IdentityIndex == null && x.ApplicantName == c.ApplicantName && x.Contact == c.Contact);
        return await same.SumAsync(x => x.ItemCount, ct);
    }

    private async Task<IReadOnlyList<(int Id, string Name)>> DepartmentsAsync(CancellationToken ct) =>
        (await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
}

public static class CaseDue
{
    /// <summary>How far ahead the office dashboard lists upcoming deadlines.</summary>
    public const int UpcomingWorkingDays = 10;
}
