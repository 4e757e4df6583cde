using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Manage;

/// <summary>
/// Unpublished records (of one department, or all) with the date their catalogue item's time limit, counted from the
/// day the information was formed (成文日期) on the working-day calendar, requires them published: the editors'
/// dashboard shows its department's, the office dashboard everybody's.
/// </summary>
public static class RecordDeadlines
{
    public static async Task<List<DeadlineRow>> PendingAsync(PortalDbContext db, int? department, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var versions = db.RecordVersions.Where(v => v.IsLatest && v.WrittenOn != null && (v.State == VersionState.Draft || v.State == VersionState.Submitted));
        if (department is { } only) versions = versions.Where(v => v.DepartmentId == only);
        var pending = await (
            from v in versions
            join i in db.CatalogueItems on v.CatalogueItemId equals i.Id
            join d in db.Departments on v.DepartmentId equals d.Id
            where !db.RecordVersions.Any(p => p.RecordId == v.RecordId && p.IsPublished)
            select new { v.RecordId, v.Title, v.State, WrittenOn = v.WrittenOn!.Value, Item = i, Department = d.Name }).ToListAsync(ct);
        return [.. pending
            .Select(p => (p, DueOn: p.Item.TimeLimit.DueOn(p.WrittenOn, calendar)))
            .Select(x => new DeadlineRow(x.p.RecordId, x.p.Title, x.p.State, x.p.Item.TimeLimitText, x.DueOn, today)
            {
                Department = x.p.Department,
                // Working days counted over a year whose holidays are not entered: the date may still move (暂定).
                Provisional = x.p.Item.TimeLimit.Kind == TimeLimitKind.WorkingDaysAfterFormed && calendar.IsEstimated(x.p.WrittenOn, x.DueOn),
            })
            .OrderBy(r => r.DueOn).ThenBy(r => r.RecordId)];
    }

    /// <summary>Due today or within the next <paramref name="workingDays"/> working days (not yet overdue).</summary>
    public static bool DueWithin(DateOnly dueOn, DateOnly today, int workingDays, WorkingCalendar calendar) =>
        today <= dueOn && calendar.WorkingDaysBetween(today, dueOn) <= workingDays;
}
