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
    /// <summary>条例 Art. 26, shown for a record without a catalogue item.</summary>
    public const string StatutoryTimeLimitText = "信息形成或者变更之日起20个工作日内";

    public static async Task<List<DeadlineRow>> PendingAsync(PortalDbContext db, int? department, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var versions = db.RecordVersions.Where(v => v.IsLatest && v.WrittenOn != null && (v.State == VersionState.Draft || v.State == VersionState.Submitted));
        if (department is { } only) versions = versions.Where(v => v.DepartmentId == only);
        var pending = await (
            from v in versions
            // A record filed in a column only has no item: 条例 Art. 26's 20 working days apply (issue 20 §3).
            join i0 in db.CatalogueItems on v.CatalogueItemId equals i0.Id into items
            from i in items.DefaultIfEmpty()
            join d in db.Departments on v.DepartmentId equals d.Id
            where !db.RecordVersions.Any(p => p.RecordId == v.RecordId && p.IsPublished)
            select new { v.RecordId, v.Title, v.State, WrittenOn = v.WrittenOn!.Value, Item = i, Department = d.Name, v.DepartmentId }).ToListAsync(ct);
        return [.. pending
            .Select(p => (p, Rule: p.Item?.TimeLimit ?? TimeLimitRule.Statutory, Text: p.Item?.TimeLimitText ?? StatutoryTimeLimitText))
            .Select(x => (x.p, x.Rule, x.Text, DueOn: x.Rule.DueOn(x.p.WrittenOn, calendar)))
            .Select(x => new DeadlineRow(x.p.RecordId, x.p.Title, x.p.State, x.Text, x.DueOn, today)
            {
                Department = x.p.Department,
                DepartmentId = x.p.DepartmentId,
                // Working days counted over a year whose holidays are not entered: the date may still move (暂定).
                Provisional = x.Rule.Kind == TimeLimitKind.WorkingDaysAfterFormed && calendar.IsEstimated(x.p.WrittenOn, x.DueOn),
            })
            .OrderBy(r => r.DueOn).ThenBy(r => r.RecordId)];
    }

    /// <summary>Due today or within the next <paramref name="workingDays"/> working days (not yet overdue).</summary>
    public static bool DueWithin(DateOnly dueOn, DateOnly today, int workingDays, WorkingCalendar calendar) =>
        today <= dueOn && calendar.WorkingDaysBetween(today, dueOn) <= workingDays;
}
