using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Interpretations;

/// <summary>
/// The published policies whose interpretation is missing or came late (三同步: with the policy, at the latest 3 working
/// days after it): an editor sees their own department's, the office every department's; oldest due date first.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InterpretationsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    public const int PageSize = 30;

    [HttpGet("/manage/interpretations")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Department(DueListFilter filter, CancellationToken ct)
    {
        var department = User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");
        var name = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).SingleAsync(ct);
        return await ListAsync(department, name, filter, Url.Action(nameof(Department))!, ct);
    }

    [HttpGet("/review/interpretations")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Office(OfficeDueListFilter filter, CancellationToken ct)
    {
        if (filter.Department is { } id && !await db.Departments.AnyAsync(d => d.Id == id, ct)) return BadInput(OfficeDueListFilter.DepartmentProblem);
        return await ListAsync(filter.Department, null, filter.List, Url.Action(nameof(Office))!, ct);
    }

    /// <param name="ownDepartment">The editor's department name; null for the office's list of all departments.</param>
    private async Task<IActionResult> ListAsync(int? department, string? ownDepartment, DueListFilter filter, string path, CancellationToken ct)
    {
        var pageNumber = filter.Page;

        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var all = await InterpretationQueries.TimelinessAsync(db, department, clock.Today(), calendar, ct);
        var counts = new DueCounts(
            all.Count(r => r.Timeliness.Status == InterpretationStatus.MissingOverdue),
            all.Count(r => r.Timeliness.Status == InterpretationStatus.MissingNotYetDue),
            all.Count(r => r.Timeliness.Status == InterpretationStatus.Late));
        var rows = all.Where(r => filter.Shows(r.Timeliness.Status)).ToList();
        var info = new PageInfo(pageNumber, PageSize, rows.Count);
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);

        var departments = ownDepartment is null
            ? await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct)
            : [];
        var shown = rows.Skip(info.Skip).Take(PageSize).ToList();
        var urges = ownDepartment is null
            ? await Reminders.ReminderQueries.UrgesAsync(db, Domain.Reminders.ReminderSubject.Interpretation,
                shown.Where(r => r.Timeliness.Status == InterpretationStatus.MissingOverdue).Select(r => r.PolicyRecordId).ToList(), ct)
            : null;
        return View("Due", new DueListModel(shown, info, counts, filter.Status,
            ownDepartment, department, departments, path, User.IsInRole(Roles.Editor) && ownDepartment is not null) { Urges = urges });
    }
}

/// <summary>The office's due list: a <c>department</c> (an id; the action checks that it exists) besides the list's own filters.</summary>
public sealed record OfficeDueListFilter(int? Department, DueListFilter List) : IQueryFilter<OfficeDueListFilter>
{
    public const string DepartmentProblem = "部门筛选条件无效。";

    /// <summary>The query keys, as the office's filter form and pager write them (the list's own: <see cref="DueListFilter.Keys"/>).</summary>
    public static class Keys
    {
        public const string Department = "department";
    }

    public static OfficeDueListFilter Read(QueryReader query)
    {
        var department = query.Id(Keys.Department, DepartmentProblem);
        return new OfficeDueListFilter(department, DueListFilter.Read(query));
    }
}

/// <summary>A due list's filters: <c>status</c> (overdue, pending, late; all but the on-time ones when absent) and <c>page</c>.</summary>
public sealed record DueListFilter(string? Status, int Page) : IQueryFilter<DueListFilter>
{
    /// <summary>The query keys, as the list's tabs, filter form and pager write them.</summary>
    public static class Keys
    {
        public const string Status = "status";
    }

    public static DueListFilter Read(QueryReader query)
    {
        var page = query.Page();
        var status = query.Text(Keys.Status);
        if (status is not (null or "overdue" or "pending" or "late")) query.Refuse("状态筛选条件无效。");
        return new DueListFilter(status, page);
    }

    public bool Shows(InterpretationStatus status) => Status switch
    {
        "overdue" => status == InterpretationStatus.MissingOverdue,
        "pending" => status == InterpretationStatus.MissingNotYetDue,
        "late" => status == InterpretationStatus.Late,
        _ => status != InterpretationStatus.OnTime,
    };
}

public sealed record DueCounts(int Overdue, int Pending, int Late);

public sealed record DepartmentOption(int Id, string Name);

/// <param name="OwnDepartment">The editor's department (their list), or null on the office's list.</param>
/// <param name="CanWrite">Whether each missing row offers "撰写解读" (the department's editor).</param>
public sealed record DueListModel(IReadOnlyList<DueRow> Rows, PageInfo Page, DueCounts Counts, string? Status, string? OwnDepartment,
    int? Department, IReadOnlyList<DepartmentOption> Departments, string Path, bool CanWrite)
{
    /// <summary>On the office's list: 催办 counts of the overdue rows shown, and the 催办 button (ADR 35); null on an editor's list.</summary>
    public IReadOnlyDictionary<int, Reminders.UrgeSummary>? Urges { get; init; }
}
