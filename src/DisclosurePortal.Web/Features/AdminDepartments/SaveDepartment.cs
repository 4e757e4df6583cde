using DisclosurePortal.Domain.Auditing;
using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Features.UnitProfiles;

namespace DisclosurePortal.Web.Features.AdminDepartments;

/// <summary>新建 or 修改 a department (the form and its validator: <see cref="DepartmentForm"/>), with its audit event.</summary>
public sealed class SaveDepartmentHandler(PortalDbContext db, AuditTrail audit)
{

    public async Task<Department> CreateAsync(DepartmentForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var department = new Department(form.Name!, form.ShortName!, form.OrganisationCode!, form.DocumentPrefix!, form.ParsedSortOrder());
        department.PlaceIn(form.Level!.Value, await ParentAsync(form, ct));
        // The audit event needs the new id, so it is a second SaveChanges: one transaction keeps them together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        audit.Record(admin, AuditActions.DepartmentCreate, department.Id,
            $"新建部门：{department.Name}（简称 {department.ShortName}，统一社会信用代码 {department.OrganisationCode}，文号前缀 {department.DocumentPrefix}，层级 {UnitNames.Describe(department.Level)}）");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return department;
    }

    /// <param name="department">Tracked; the form validated against it (the code stays once 索引号 are issued).</param>
    public async Task UpdateAsync(Department department, DepartmentForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var changes = Changes(department, form);
        department.Update(form.Name!, form.ShortName!, form.OrganisationCode!, form.DocumentPrefix!, form.ParsedSortOrder());
        department.PlaceIn(form.Level!.Value, await ParentAsync(form, ct));
        if (changes.Length == 0) return;
        audit.Record(admin, AuditActions.DepartmentUpdate, department.Id, $"修改部门“{department.Name}”：{changes}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<Department?> ParentAsync(DepartmentForm form, CancellationToken ct) =>
        form.ParentId is { } id ? await db.Departments.FindAsync([id], ct) : null;

    private static string Changes(Department d, DepartmentForm f)
    {
        var changes = new List<string>();
        void Compare(string label, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal)) changes.Add($"{label} {before} → {after}");
        }
        Compare("名称", d.Name, f.Name!);
        Compare("简称", d.ShortName, f.ShortName!);
        Compare("统一社会信用代码", d.OrganisationCode, f.OrganisationCode!);
        Compare("文号前缀", d.DocumentPrefix, f.DocumentPrefix!);
        Compare("排序号", d.SortOrder.ToString(CultureInfo.InvariantCulture), f.ParsedSortOrder().ToString(CultureInfo.InvariantCulture));
        Compare("层级", UnitNames.Describe(d.Level), UnitNames.Describe(f.Level!.Value));
        Compare("上级单位", d.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "无", f.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "无");
        return string.Join("；", changes);
    }
}
