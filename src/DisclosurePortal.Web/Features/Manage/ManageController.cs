using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Manage;

/// <summary>The staff dashboard: what each role has to do now.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageController(PortalDbContext db) : PortalController
{
    [HttpGet("/manage")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = new DashboardModel();
        if (User.DepartmentId() is { } department && User.IsInRole(Roles.Editor))
        {
            var latest = db.RecordVersions.Where(v => v.IsLatest && v.DepartmentId == department);
            model.Drafts = await latest.CountAsync(v => v.State == VersionState.Draft && v.ReturnReason == null, ct);
            model.Returned = await latest.CountAsync(v => v.State == VersionState.Draft && v.ReturnReason != null, ct);
            model.Submitted = await latest.CountAsync(v => v.State == VersionState.Submitted, ct);
            model.DepartmentName = await db.Departments.Where(d => d.Id == department).Select(d => d.Name).SingleAsync(ct);
        }
        if (User.IsInRole(Roles.Reviewer))
            model.QueueSize = await db.RecordVersions.CountAsync(v => v.State == VersionState.Submitted, ct);
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
}
