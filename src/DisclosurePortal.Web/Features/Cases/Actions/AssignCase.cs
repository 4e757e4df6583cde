using DisclosurePortal.Domain;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Cases.Actions;

/// <summary>分办: the department that prepares the reply; the event keeps its name as it was then.</summary>
public sealed class AssignCaseHandler(PortalDbContext db) : ICaseStep
{
    public async Task TakeAsync(CaseStep s, CancellationToken ct)
    {
        var name = s.Form.DepartmentId is { } dep ? await db.Departments.Where(d => d.Id == dep).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        if (name is null) throw new DomainException("请选择承办部门。");
        s.Case.Assign(s.Form.DepartmentId!.Value, name, s.Actor, s.Now);
    }
}
