using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminDepartments;

/// <summary>停用 or 启用 a department: it leaves (or rejoins) the public list; its records and 索引号 stay.</summary>
public sealed class ChangeDepartmentStateHandler(PortalDbContext db, AuditTrail audit)
{
    public async Task<Outcome<Department>> HandleAsync(int id, bool active, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } department) return Refusal.NotFound("没有找到该部门。");
        var changed = Outcome.Try(() =>
        {
            if (active) department.Activate();
            else department.Deactivate();
            return (Outcome<Department>)department;
        });
        if (!changed.Done) return changed;
        audit.Record(admin, active ? AuditActions.DepartmentActivate : AuditActions.DepartmentDeactivate, id, $"{(active ? "启用部门" : "停用部门")}：{department.Name}");
        await db.SaveChangesAsync(ct);
        return department;
    }
}
