using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>The deadline filters the case list and the dashboards share, run in SQL.</summary>
public static class CaseQueries
{
    /// <summary>Open with a reply period running (<see cref="ApplicationStates.ReplyPeriodRuns"/>): not awaiting a supplement (条例 Art. 30).</summary>
    public static IQueryable<ApplicationCase> ReplyRunning(this IQueryable<ApplicationCase> cases) =>
        cases.Where(c => c.DueOn != null && c.State != ApplicationState.Replied && c.State != ApplicationState.Closed
            && c.State != ApplicationState.AwaitingSupplement);

    /// <summary>Waiting for the applicant's supplement: no reply period runs, the applicant's deadline is watched.</summary>
    public static IQueryable<ApplicationCase> AwaitingSupplement(this IQueryable<ApplicationCase> cases) =>
        cases.Where(c => c.State == ApplicationState.AwaitingSupplement);

    /// <summary>
    /// Cases whose 补正 notice deadline still matters (<see cref="ApplicationCase.SupplementNoticeDue"/>): received, in
    /// progress, no notice sent, none of <see cref="ApplicationCase.StepsPastSupplementNotice"/> taken.
    /// </summary>
    public static IQueryable<ApplicationCase> SupplementNoticePending(this IQueryable<ApplicationCase> cases)
    {
        var past = ApplicationCase.StepsPastSupplementNotice.ToList();
        return cases.Where(c => c.ReceivedOn != null && c.SupplementRequestedOn == null && c.State == ApplicationState.InProgress
            && !c.Events.Any(e => past.Contains(e.Kind)));
    }

    /// <summary>Notice due today or within <see cref="ReplyDeadline.SupplementNoticeSoonWorkingDays"/> working days (not yet missed).</summary>
    public static IQueryable<ApplicationCase> SupplementNoticeSoon(this IQueryable<ApplicationCase> cases, DateOnly today, WorkingCalendar calendar)
    {
        var from = ReplyDeadline.FirstReceiptWithNoticeDueFrom(today, calendar);
        var until = ReplyDeadline.FirstReceiptWithNoticeDueFrom(calendar.AddWorkingDays(today, ReplyDeadline.SupplementNoticeSoonWorkingDays + 1), calendar);
        return cases.SupplementNoticePending().Where(c => c.ReceivedOn >= from && c.ReceivedOn < until);
    }

    /// <summary>Notice deadline passed and no notice sent (nor any step past that point).</summary>
    public static IQueryable<ApplicationCase> SupplementNoticeMissed(this IQueryable<ApplicationCase> cases, DateOnly today, WorkingCalendar calendar)
    {
        var from = ReplyDeadline.FirstReceiptWithNoticeDueFrom(today, calendar);
        return cases.SupplementNoticePending().Where(c => c.ReceivedOn < from);
    }

    /// <summary>
    /// 国办函〔2020〕109号 Art. 4: fees count the items one applicant applied for in a calendar month — here the applications
    /// received earlier in the month of this one's receipt, the same applicant being the same ID number (or, without one,
    /// the same name and contact).
    /// </summary>
    public static async Task<int> ItemsEarlierThisMonthAsync(this PortalDbContext db, ApplicationCase c, CancellationToken ct)
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

    /// <summary>The active departments a case can be assigned to (and the list filtered by).</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> ActiveDepartmentsAsync(this PortalDbContext db, CancellationToken ct) =>
        (await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();

    /// <summary>Open cases with a receipt date: the ones a calendar correction can move (ADR 8).</summary>
    public static IQueryable<ApplicationCase> OpenReceived(this IQueryable<ApplicationCase> cases) =>
        cases.Where(c => c.ReceivedOn != null && c.State != ApplicationState.Replied && c.State != ApplicationState.Closed);

    /// <summary>The cases whose stored due date the current calendar gives differently (ADR 8).</summary>
    public static async Task<IReadOnlyList<CorrectionRow>> CorrectionsAsync(this PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var open = await db.ApplicationCases.OpenReceived().AsNoTracking().Include(c => c.Events).OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync(ct);
        return [.. open.Select(c => (Case: c, Corrected: c.CorrectedDueOn(calendar, today)))
            .Where(x => x.Corrected is not null)
            .Select(x => new CorrectionRow(x.Case.Id, x.Case.QueryCode, IdentityNumbers.MaskName(x.Case.ApplicantName), x.Case.State, x.Case.DueOn!.Value, x.Corrected!.Value))];
    }

    /// <summary>The case page: the case, its deadline explained, and the actions its state allows now.</summary>
    public static async Task<CasePageModel> CasePageAsync(this PortalDbContext db, ApplicationCase c, CaseActionForm form, CaseAction? failed, DateOnly today,
        FeeTiers feeTiers, PersonalData personalData, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var deadline = c.Deadline(calendar, today);
        var department = c.AssignedDepartmentId is { } dep ? await db.Departments.Where(d => d.Id == dep).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        var running = ApplicationStates.ReplyPeriodRuns(c.State);
        return new CasePageModel(c, department, deadline,
            running && deadline is not null && ReplyDeadline.IsOverdue(deadline.DueOn, today),
            running && deadline is not null && ReplyDeadline.IsDueSoon(deadline.DueOn, today, calendar),
            c.AllowedActions(), await db.ActiveDepartmentsAsync(ct), form, failed, today,
            c.AllowedActions().Contains(CaseAction.NotifyFee) ? await db.ItemsEarlierThisMonthAsync(c, ct) : null, feeTiers,
            c.IdentityNumber is null ? null : personalData.Whole(c.IdentityNumber)) // the office handles it: whole here, masked elsewhere
        {
            ReplyFiles = await db.ReplyAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Id)
                .Select(a => new Apply.ReplyFileLink(a.Id, a.FileName, a.SizeBytes)).ToListAsync(ct),
            SupplementNoticeDue = c.SupplementNoticeDue(calendar) is { } noticeDue
                ? new DueDate(noticeDue, calendar.IsEstimated(c.ReceivedOn!.Value, noticeDue)) : null,
            FeePaymentDeadlineProvisional = c.FeeNotifiedOn is { } notified && c.FeePaymentDeadline is { } payBy && calendar.IsEstimated(notified, payBy),
            // The history's "此后答复期限" of a step, counted over a year whose schedule is not entered.
            ProvisionalSteps = c.Events
                .Where(e => e.DueOnAfter is { } after && calendar.IsEstimated(c.ReceivedOn ?? e.EffectiveOn ?? after, after))
                .Select(e => e.Id).ToHashSet(),
        };
    }
}
