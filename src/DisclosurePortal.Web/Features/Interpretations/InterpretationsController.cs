using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
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
    public async Task<IActionResult> Department(string? status, string? page, CancellationToken ct)
    {
        var department = User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");
        var name = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).SingleAsync(ct);
        return await ListAsync(department, name, status, page, "/manage/interpretations", ct);
    }

    [HttpGet("/review/interpretations")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Office(string? status, string? department, string? page, CancellationToken ct)
    {
        int? departmentId = null;
        if (!string.IsNullOrEmpty(department))
        {
            if (!int.TryParse(department, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                || !await db.Departments.AnyAsync(d => d.Id == id, ct))
                return BadInput("部门筛选条件无效。");
            departmentId = id;
        }
        return await ListAsync(departmentId, null, status, page, "/review/interpretations", ct);
    }

    /// <param name="ownDepartment">The editor's department name; null for the office's list of all departments.</param>
    private async Task<IActionResult> ListAsync(int? department, string? ownDepartment, string? status, string? page, string path, CancellationToken ct)
    {
        if (!TryPage(page, out var pageNumber, out var problem)) return problem!;
        Func<InterpretationStatus, bool>? filter = status switch
        {
            null or "" => s => s != InterpretationStatus.OnTime,
            "overdue" => s => s == InterpretationStatus.MissingOverdue,
            "pending" => s => s == InterpretationStatus.MissingNotYetDue,
            "late" => s => s == InterpretationStatus.Late,
            _ => null,
        };
        if (filter is null) return BadInput("状态筛选条件无效。");

        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var all = await InterpretationQueries.TimelinessAsync(db, department, clock.Today(), calendar, ct);
        var counts = new DueCounts(
            all.Count(r => r.Timeliness.Status == InterpretationStatus.MissingOverdue),
            all.Count(r => r.Timeliness.Status == InterpretationStatus.MissingNotYetDue),
            all.Count(r => r.Timeliness.Status == InterpretationStatus.Late));
        var rows = all.Where(r => filter(r.Timeliness.Status)).ToList();
        var info = new PageInfo(pageNumber, PageSize, rows.Count);
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);

        var departments = ownDepartment is null
            ? await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct)
            : [];
        return View("Due", new DueListModel(rows.Skip(info.Skip).Take(PageSize).ToList(), info, counts, string.IsNullOrEmpty(status) ? null : status,
            ownDepartment, department, departments, path, User.IsInRole(Roles.Editor) && ownDepartment is not null));
    }
}

public sealed record DueCounts(int Overdue, int Pending, int Late);

public sealed record DepartmentOption(int Id, string Name);

/// <param name="OwnDepartment">The editor's department (their list), or null on the office's list.</param>
/// <param name="CanWrite">Whether each missing row offers "撰写解读" (the department's editor).</param>
public sealed record DueListModel(IReadOnlyList<DueRow> Rows, PageInfo Page, DueCounts Counts, string? Status, string? OwnDepartment,
    int? Department, IReadOnlyList<DepartmentOption> Departments, string Path, bool CanWrite);
