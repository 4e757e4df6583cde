using DisclosurePortal.Domain.Powers;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Powers;

/// <summary>
/// 权责清单 (issue 20 §5): every department's public powers, filtered by department and 类别, and each power's page with
/// its 权力运行流程图. Only approved revisions are read. Not output-cached: the list is short and read from one index.
/// </summary>
public sealed class PowersController(PortalDbContext db) : PortalController
{
    [HttpGet("/powers")]
    [PublicPage(PublicPage.Powers)]
    public async Task<IActionResult> Index(PowerFilter filter, CancellationToken ct)
    {
        var departments = await PowerQueries.DepartmentsWithPowersAsync(db, ct);
        if (filter.Department is { } id && departments.All(d => d.Id != id)) return BadInput(PowerFilter.DepartmentProblem);
        var published = from r in db.PowerRevisions.AsNoTracking()
                        join p in db.Powers on r.PowerId equals p.Id
                        join d in db.Departments on p.DepartmentId equals d.Id
                        where r.State == PowerRevisionState.Published
                        select new { r, p, d };
        if (filter.Department is { } department) published = published.Where(x => x.p.DepartmentId == department);
        if (filter.Category is { } category) published = published.Where(x => x.r.Category == category);
        var total = await published.CountAsync(ct);
        var page = new PageInfo(filter.Page, PowerQueries.PageSize, total);
        if (filter.Page > page.TotalPages) return PageOutOfRange(page);
        var rows = await published.OrderBy(x => x.d.SortOrder).ThenBy(x => x.d.Id).ThenBy(x => x.r.Category).ThenBy(x => x.p.Id)
            .Skip(page.Skip).Take(PowerQueries.PageSize)
            .Select(x => new PowerRow(x.p.Id, x.r.Name, x.r.Category, x.d.Name, x.r.Office, x.r.PublishedOn!.Value)).ToListAsync(ct);
        return View(new PowerListModel(rows, page, filter, departments));
    }

    [HttpGet("/powers/{id:int}")]
    [PublicPage(PublicPage.Powers)]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var power = await db.Powers.AsNoTracking().Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (power?.Published is not { } revision) return NotFoundPage("没有找到该权力事项。");
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == power.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var versions = power.Revisions.Where(r => r.PublishedOn is not null && r.State is PowerRevisionState.Published or PowerRevisionState.Superseded)
            .OrderByDescending(r => r.Number).Select(r => (r.Number, r.PublishedOn!.Value)).ToList();
        return View(new PowerPageModel(power.Id, department, power.DepartmentId, revision, versions));
    }
}
