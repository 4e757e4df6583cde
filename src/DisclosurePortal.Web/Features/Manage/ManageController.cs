using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Manage;

/// <summary>The staff dashboard: what each role has to do now.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageController(PortalDbContext db, TimeProvider clock, Domain.Participation.MessageDeadlines messageDeadlines) : PortalController
{
    /// <summary>Applications waiting to be confirmed, overdue, and due within three working days (derived, never stored).</summary>
    private async Task<CaseCounts> CaseCountsAsync(CancellationToken ct)
    {
        var awaiting = await db.ApplicationCases.CountAsync(c => c.State == Domain.Applications.ApplicationState.AwaitingConfirmation, ct);
        // 条例 Art. 30: no reply period runs while a supplement is awaited; those cases are counted apart.
        var open = await Cases.CaseQueries.ReplyRunning(db.ApplicationCases).Select(c => c.DueOn!.Value).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = ChinaTime.Today(clock);
        return new CaseCounts(awaiting,
            open.Count(d => Domain.Applications.ReplyDeadline.IsOverdue(d, today)),
            open.Count(d => Domain.Applications.ReplyDeadline.IsDueSoon(d, today, calendar)),
            await Cases.CaseQueries.AwaitingSupplement(db.ApplicationCases).CountAsync(ct));
    }

    /// <summary>How many working days ahead a deadline counts as "due soon".</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>
    /// Unpublished records of the department whose item's time limit, counted from the day the information was formed
    /// (成文日期) on the working-day calendar, has passed or falls within the next three working days.
    /// </summary>
    private async Task<List<DeadlineRow>> DeadlinesAsync(int department, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = ChinaTime.Today(clock);
        var soon = calendar.AddWorkingDays(today, DueSoonWorkingDays);
        return [.. (await RecordDeadlines.PendingAsync(db, department, today, calendar, ct)).Where(r => r.DueOn <= soon)];
    }

    /// <summary>Published policies (of a department, or all) whose interpretation is overdue, not yet due, or came late.</summary>
    private async Task<Interpretations.DueCounts> InterpretationCountsAsync(int? department, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var rows = await Interpretations.InterpretationQueries.TimelinessAsync(db, department, ChinaTime.Today(clock), calendar, ct);
        return new Interpretations.DueCounts(
            rows.Count(r => r.Timeliness.Status == InterpretationStatus.MissingOverdue),
            rows.Count(r => r.Timeliness.Status == InterpretationStatus.MissingNotYetDue),
            rows.Count(r => r.Timeliness.Status == InterpretationStatus.Late));
    }

    [HttpGet("/manage")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = new DashboardModel();
        if (User.DepartmentId() is { } department && User.IsInRole(Roles.Editor))
        {
            // A township's editor also keeps its villages' records (UnitKeeping): their drafts are counted here.
            var kept = await Townships.KeptUnits.OfAsync(db, User, ct);
            var latest = db.RecordVersions.Where(v => v.IsLatest && kept.Contains(v.DepartmentId));
            model.Drafts = await latest.CountAsync(v => v.State == VersionState.Draft && v.ReturnReason == null, ct);
            model.Returned = await latest.CountAsync(v => v.State == VersionState.Draft && v.ReturnReason != null, ct);
            model.Submitted = await latest.CountAsync(v => v.State == VersionState.Submitted, ct);
            model.DepartmentName = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).SingleAsync(ct);
            model.Deadlines = await DeadlinesAsync(department, ct);
            model.Interpretations = await InterpretationCountsAsync(department, ct);
            var (overdue, dueSoon, _) = await Messages.MessageQueries.DueCountsAsync(db, department, ChinaTime.Today(clock), messageDeadlines, await CalendarLoader.LoadAsync(db, ct), ct);
            model.Messages = (overdue, dueSoon);
            var today = ChinaTime.Today(clock);
            model.Expectations = new(false, today.Year, await Expectations.ExpectationQueries.YearCountsAsync(db, kept, today.Year, today, await CalendarLoader.LoadAsync(db, ct), ct));
            model.FlowchartDeadlines = await Powers.PowerQueries.PendingChangesAsync(db, department, ChinaTime.Today(clock), await CalendarLoader.LoadAsync(db, ct), ct);
            model.Urged = await Reminders.ReminderQueries.UrgedOfUnitsAsync(db, kept, ChinaTime.Today(clock).AddDays(-30), ct);
        }
        if (User.IsInRole(Roles.Reviewer))
        {
            model.QueueSize = await db.RecordVersions.CountAsync(v => v.State == VersionState.Submitted, ct);
            model.Cases = await CaseCountsAsync(ct);
            model.OfficeInterpretations = await InterpretationCountsAsync(null, ct);
        }
        if (User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Reviewer))
            model.MissingCalendarYears = await AdminCalendar.CalendarQueries.MissingYearsAsync(db, ChinaTime.Today(clock), nextYearOnlyFromNovember: true, ct);
        return View(model);
    }
}

public sealed class DashboardModel
{
    public string? DepartmentName { get; set; }
    public int Drafts { get; set; }
    public int Returned { get; set; }
    public int Submitted { get; set; }
    public int? QueueSize { get; set; }
    public IReadOnlyList<DeadlineRow> Deadlines { get; set; } = [];
    public CaseCounts? Cases { get; set; }

    /// <summary>The editor's department's policies whose interpretation is missing or was late.</summary>
    public Interpretations.DueCounts? Interpretations { get; set; }

    /// <summary>The department's assigned messages (网上信箱, issue 19) past or near their reply date.</summary>
    public (int Overdue, int DueSoon) Messages { get; set; }

    /// <summary>The department's 权责清单 changes whose revised flowchart is not yet public (county plan: 20 working days).</summary>
    public IReadOnlyList<Powers.FlowchartDue> FlowchartDeadlines { get; set; } = [];

    /// <summary>This year's expected publications of the units the editor keeps (ADR 33).</summary>
    public Expectations.ExpectationDashboardCounts? Expectations { get; set; }

    /// <summary>The same over every department, for the office.</summary>
    public Interpretations.DueCounts? OfficeInterpretations { get; set; }

    /// <summary>The office's 催办 of the last 30 days to the editor's units (ADR 35).</summary>
    public IReadOnlyList<Domain.Reminders.SentReminder> Urged { get; set; } = [];

    /// <summary>This year, and from 1 November next year, when their holiday schedule has not been entered.</summary>
    public IReadOnlyList<int> MissingCalendarYears { get; set; } = [];
}

public sealed record CaseCounts(int AwaitingConfirmation, int Overdue, int DueSoon, int AwaitingSupplement);

public sealed record DeadlineRow(int RecordId, string Title, VersionState State, string TimeLimitText, DateOnly DueOn, DateOnly Today)
{
    public string? Department { get; init; }
    public int DepartmentId { get; init; }

    /// <summary>Counted in working days over a year whose holiday schedule is not entered (暂定).</summary>
    public bool Provisional { get; init; }

    public bool Overdue => DueOn < Today;
}
