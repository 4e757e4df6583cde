using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Powers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Powers;

public static class PowerQueries
{
    public const int PageSize = 30;

    /// <summary>The power with its revisions (and their steps) and history, tracked.</summary>
    public static Task<Power?> TrackedAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.Powers.Include(p => p.Revisions).Include(p => p.Events).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The power if the user edits for its department; others (reviewers included) get null.</summary>
    public static async Task<Power?> OwnAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var power = await TrackedAsync(db, id, ct);
        return power is not null && user.EditsFor(power.DepartmentId) ? power : null;
    }

    /// <summary>The power if the user edits for its department or reviews.</summary>
    public static async Task<Power?> StaffVisibleAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var power = await TrackedAsync(db, id, ct);
        return power is not null && (user.EditsFor(power.DepartmentId) || user.IsInRole(Roles.Reviewer)) ? power : null;
    }

    public static async Task<IReadOnlyList<PendingPower>> PendingReviewAsync(PortalDbContext db, CancellationToken ct) =>
        await (from r in db.PowerRevisions.AsNoTracking()
               join p in db.Powers on r.PowerId equals p.Id
               join d in db.Departments on p.DepartmentId equals d.Id
               where r.State == PowerRevisionState.Submitted
               orderby r.Id
               select new PendingPower(p.Id, r.Name, d.Name, r.Number, r.ChangedOn, r.UpdatedAt)).Take(100).ToListAsync(ct);

    /// <summary>
    /// Changes to public powers not yet published (of one department, or all), each with its flowchart due day and
    /// status on the calendar (county plan: 20 working days from the change). Few at a time: computed here.
    /// </summary>
    public static async Task<IReadOnlyList<FlowchartDue>> PendingChangesAsync(PortalDbContext db, int? department, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var rows = await (from r in db.PowerRevisions.AsNoTracking()
                          join p in db.Powers on r.PowerId equals p.Id
                          join d in db.Departments on p.DepartmentId equals d.Id
                          where r.ChangedOn != null && (r.State == PowerRevisionState.Draft || r.State == PowerRevisionState.Submitted)
                                && (department == null || p.DepartmentId == department)
                          orderby r.ChangedOn, r.Id
                          select new { p.Id, r.Name, Department = d.Name, ChangedOn = r.ChangedOn!.Value, r.State }).Take(500).ToListAsync(ct);
        return rows.Select(r =>
        {
            var due = PowerRules.FlowchartDueOn(r.ChangedOn, calendar);
            return new FlowchartDue(r.Id, r.Name, r.Department, r.ChangedOn, due, PowerRules.Timeliness(due, null, today, calendar), r.State);
        }).ToList();
    }

    public static async Task<IReadOnlyList<PowerDepartment>> DepartmentsWithPowersAsync(PortalDbContext db, CancellationToken ct) =>
        await (from d in db.Departments.AsNoTracking()
               where db.Powers.Any(p => p.DepartmentId == d.Id && p.Revisions.Any(r => r.State == PowerRevisionState.Published))
               orderby d.SortOrder, d.Id
               select new PowerDepartment(d.Id, d.Name)).ToListAsync(ct);
}

public sealed record PendingPower(int Id, string Name, string DepartmentName, int Number, DateOnly? ChangedOn, DateTimeOffset SubmittedAt);

public sealed record FlowchartDue(int PowerId, string Name, string DepartmentName, DateOnly ChangedOn, DateOnly DueOn, FlowchartTimeliness Status, PowerRevisionState State);

public sealed record PowerDepartment(int Id, string Name);

/// <summary>
/// The public list's query: <c>department</c> (an id; the action checks that it has powers), <c>category</c> (a
/// <see cref="PowerCategory"/> code) and <c>page</c>.
/// </summary>
public sealed record PowerFilter(int? Department, PowerCategory? Category, int Page) : IQueryFilter<PowerFilter>
{
    public const string DepartmentProblem = "部门筛选条件无效。";

    public static class Keys
    {
        public const string Department = "department";
        public const string Category = "category";
    }

    public static PowerFilter Read(QueryReader query)
    {
        var page = query.Page();
        var department = query.Id(Keys.Department, DepartmentProblem);
        PowerCategory? category = null;
        if (query.Text(Keys.Category) is { } c)
        {
            if (QueryReader.TryCode<PowerCategory>(c, out var value)) category = value;
            else query.Refuse("权力类别筛选条件无效。");
        }
        return new PowerFilter(department, category, page);
    }

    public IEnumerable<KeyValuePair<string, string?>> Values() =>
    [
        new(Keys.Department, Department?.ToString(CultureInfo.InvariantCulture)),
        new(Keys.Category, Category is { } c ? ((int)c).ToString(CultureInfo.InvariantCulture) : null),
    ];
}

public sealed record PowerRow(int Id, string Name, PowerCategory Category, string Department, string Office, DateOnly PublishedOn);

public sealed record PowerListModel(IReadOnlyList<PowerRow> Rows, PageInfo Page, PowerFilter Filter, IReadOnlyList<PowerDepartment> Departments);

/// <summary>A power's public page: its published revision, its flowchart and when it was last revised.</summary>
public sealed record PowerPageModel(int Id, string DepartmentName, int DepartmentId, PowerRevision Revision, IReadOnlyList<(int Number, DateOnly PublishedOn)> Versions);

public sealed record ManagedPowerRow(int Id, string Name, PowerCategory Category, PowerRevisionState State, bool IsPublic, bool Returned, FlowchartDue? Due);

public sealed record ManagedPowersModel(IReadOnlyList<ManagedPowerRow> Rows);

public sealed record PowerEditModel(PowerForm Form, string? ReturnReason)
{
    public bool IsNew => Form.Id is null;
}

public sealed record ManagePowerModel(Power Power, string DepartmentName, (DateOnly DueOn, FlowchartTimeliness Status)? Deadline, bool CanEdit, bool CanReview);
