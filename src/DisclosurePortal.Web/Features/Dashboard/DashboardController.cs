using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Cases;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Manage;
using DisclosurePortal.Web.Features.Review;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Dashboard;

/// <summary>
/// 公开办工作台: what the disclosure office must watch across every department — the review queue per step, records
/// past their publication deadline, applications overdue or due soon, interpretations missing or late, the next
/// deadlines and the working-day calendar. Every number links to the list behind it (ADR 14).
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class DashboardController(PortalDbContext db, TimeProvider clock, Domain.Participation.MessageDeadlines messageDeadlines,
    Consultations.ConsultationSettings consultations) : PortalController
{
    private const int PageSize = 30;

    [HttpGet("/office")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();

        // The review queue: what awaits review now, a small set read once; ages in working days since submission.
        var queue = await db.RecordVersions.AsNoTracking().Where(v => v.State == VersionState.Submitted)
            .Select(v => new { v.Id, v.SubmittedAt }).ToListAsync(ct);
        var ids = queue.Select(q => q.Id).ToList();
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.RecordVersionId)).ToListAsync(ct);
        int Age(DateTimeOffset? at) => at is { } t ? calendar.WorkingDaysBetween(DateOnly.FromDateTime(t.ToChina().DateTime), today) : 0;
        var stages = Reviews.Required.Select(step =>
        {
            var waiting = queue.Where(q => Reviews.Missing(q.Id, decisions).Contains(step)).ToList();
            return new StageRow(step, ReviewStages.Code(step), waiting.Count, waiting.Select(w => Age(w.SubmittedAt)).DefaultIfEmpty(0).Max());
        }).ToList();

        var records = await RecordDeadlines.PendingAsync(db, null, today, calendar, ct);

        // 条例 Art. 30: a case awaiting a supplement has no reply period running; it is counted apart.
        var openDue = await db.ApplicationCases.AsNoTracking().ReplyRunning().Select(c => c.DueOn!.Value).ToListAsync(ct);

        var interpretations = await InterpretationQueries.TimelinessAsync(db, null, today, calendar, ct);

        return View(new OfficeDashboardModel
        {
            Today = today,
            QueueTotal = queue.Count,
            OldestInQueue = queue.Select(q => Age(q.SubmittedAt)).DefaultIfEmpty(0).Max(),
            Stages = stages,
            RecordsOverdue = records.Count(r => r.Overdue),
            RecordsDueSoon = records.Count(r => RecordDeadlines.DueWithin(r.DueOn, today, ReplyDeadline.DueSoonWorkingDays, calendar)),
            RecordsUpcoming = records.Count(r => RecordDeadlines.DueWithin(r.DueOn, today, CaseDue.UpcomingWorkingDays, calendar)),
            AwaitingConfirmation = await db.ApplicationCases.CountAsync(c => c.State == ApplicationState.AwaitingConfirmation, ct),
            CasesOverdue = openDue.Count(d => ReplyDeadline.IsOverdue(d, today)),
            CasesDueSoon = openDue.Count(d => ReplyDeadline.IsDueSoon(d, today, calendar)),
            CasesUpcoming = openDue.Count(d => RecordDeadlines.DueWithin(d, today, CaseDue.UpcomingWorkingDays, calendar)),
            CasesAwaitingSupplement = await db.ApplicationCases.AwaitingSupplement().CountAsync(ct),
            SupplementNoticesSoon = await db.ApplicationCases.SupplementNoticeSoon(today, calendar).CountAsync(ct),
            SupplementNoticesMissed = await db.ApplicationCases.SupplementNoticeMissed(today, calendar).CountAsync(ct),
            Messages = await Messages.MessageQueries.DueCountsAsync(db, null, today, messageDeadlines, calendar, ct),
            Expectations = new(true, today.Year, await Expectations.ExpectationQueries.YearCountsAsync(db, null, today.Year, today, calendar, ct)),
            Interpretations = new DueCounts(
                interpretations.Count(r => r.Timeliness.Status == InterpretationStatus.MissingOverdue),
                interpretations.Count(r => r.Timeliness.Status == InterpretationStatus.MissingNotYetDue),
                interpretations.Count(r => r.Timeliness.Status == InterpretationStatus.Late)),
            FlowchartDeadlines = await Powers.PowerQueries.PendingChangesAsync(db, null, today, calendar, ct),
            OverdueConsultationFeedback = await Consultations.ConsultationQueries.OverdueFeedbackAsync(db, calendar, consultations, today, ct),
            MissingCalendarYears = await AdminCalendar.CalendarQueries.MissingYearsAsync(db, today, nextYearOnlyFromNovember: false, ct),
            UpcomingUntil = calendar.AddWorkingDays(today, CaseDue.UpcomingWorkingDays),
            UpcomingUntilProvisional = calendar.IsEstimated(today, calendar.AddWorkingDays(today, CaseDue.UpcomingWorkingDays)),
        });
    }

    /// <summary>Unpublished records of every department past (overdue), or within 3 (soon) or 10 (upcoming) working days of, their deadline.</summary>
    [HttpGet("/office/deadlines")]
    public async Task<IActionResult> Deadlines(DeadlineFilter filter, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        Func<DeadlineRow, bool> shown = filter.Due switch
        {
            "overdue" => r => r.Overdue,
            "soon" => r => RecordDeadlines.DueWithin(r.DueOn, today, ReplyDeadline.DueSoonWorkingDays, calendar),
            "upcoming" => r => RecordDeadlines.DueWithin(r.DueOn, today, CaseDue.UpcomingWorkingDays, calendar),
            _ => r => r.Overdue || RecordDeadlines.DueWithin(r.DueOn, today, CaseDue.UpcomingWorkingDays, calendar),
        };
        var rows = (await RecordDeadlines.PendingAsync(db, null, today, calendar, ct)).Where(shown).ToList();
        var info = new PageInfo(filter.Page, PageSize, rows.Count);
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var shownRows = rows.Skip(info.Skip).Take(PageSize).ToList();
        return View(new DeadlineListModel(shownRows, info, filter.Due)
        {
            Urges = await Reminders.ReminderQueries.UrgesAsync(db, Domain.Reminders.ReminderSubject.Record, shownRows.Where(r => r.Overdue).Select(r => r.RecordId).ToList(), ct),
        });
    }
}

public sealed record StageRow(ReviewStep Step, string Code, int Waiting, int OldestWorkingDays);

public sealed class OfficeDashboardModel
{
    public DateOnly Today { get; init; }
    public int QueueTotal { get; init; }

    /// <summary>Consultations closed whose 采纳情况 is past due (Consultations:FeedbackWorkingDays working days after closing).</summary>
    public IReadOnlyList<Consultations.OverdueFeedback> OverdueConsultationFeedback { get; init; } = [];

    /// <summary>权责清单 changes whose revised flowchart is not yet public (county plan: within 20 working days).</summary>
    public IReadOnlyList<Powers.FlowchartDue> FlowchartDeadlines { get; init; } = [];
    public int OldestInQueue { get; init; }
    public IReadOnlyList<StageRow> Stages { get; init; } = [];
    public int RecordsOverdue { get; init; }
    public int RecordsDueSoon { get; init; }
    public int RecordsUpcoming { get; init; }
    public int AwaitingConfirmation { get; init; }
    public int CasesOverdue { get; init; }
    public int CasesDueSoon { get; init; }
    public int CasesUpcoming { get; init; }

    /// <summary>Waiting for the applicant's supplement: no reply period runs (条例 Art. 30).</summary>
    public int CasesAwaitingSupplement { get; init; }

    /// <summary>补正 notices due within 2 working days, and those missed (条例 Art. 30: within 7 working days of receipt).</summary>
    public int SupplementNoticesSoon { get; init; }
    public int SupplementNoticesMissed { get; init; }
    public DueCounts Interpretations { get; init; } = new(0, 0, 0);

    /// <summary>This year's expected publications of periodic and event items (ADR 33), counted by outcome.</summary>
    public Expectations.ExpectationDashboardCounts? Expectations { get; init; }

    /// <summary>网上信箱 (issue 19): open messages past or near their acceptance or reply date, and those awaiting triage.</summary>
    public (int Overdue, int DueSoon, int AwaitingTriage) Messages { get; init; }
    public IReadOnlyList<int> MissingCalendarYears { get; init; } = [];
    public DateOnly UpcomingUntil { get; init; }
    public bool UpcomingUntilProvisional { get; init; }
}

/// <summary>The office's deadline list: <c>due</c> (overdue, soon, upcoming; overdue or upcoming when absent) and <c>page</c>.</summary>
public sealed record DeadlineFilter(string? Due, int Page) : IQueryFilter<DeadlineFilter>
{
    public static DeadlineFilter Read(QueryReader query)
    {
        var page = query.Page();
        var due = query.Text("due");
        if (due is not (null or "overdue" or "soon" or "upcoming")) query.Refuse("期限筛选条件无效。");
        return new DeadlineFilter(due, page);
    }
}

public sealed record DeadlineListModel(IReadOnlyList<DeadlineRow> Rows, PageInfo Page, string? Due)
{
    /// <summary>催办 counts of the overdue rows shown (ADR 35).</summary>
    public IReadOnlyDictionary<int, Reminders.UrgeSummary> Urges { get; init; } = new Dictionary<int, Reminders.UrgeSummary>();
}
