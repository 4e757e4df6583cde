using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminDepartments;

/// <summary>系统管理员: the departments (公开主体) that own catalogue items, records and 索引号.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminDepartmentsController(PortalDbContext db, IValidator<DepartmentForm> validator) : PortalController
{
    private const int PageSize = 50;

    [HttpGet("/admin/departments")]
    public async Task<IActionResult> Index(PageFilter filter, CancellationToken ct)
    {
        var info = new PageInfo(filter.Page, PageSize, await db.Departments.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        // One statement: the counts are correlated subqueries, not a query per row.
        var rows = await db.Departments
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Skip(info.Skip).Take(PageSize)
            .Select(d => new DepartmentRow(
                d.Id, d.Name, d.ShortName, d.OrganisationCode, d.DocumentPrefix, d.IsActive,
                db.CatalogueItems.Count(i => i.DepartmentId == d.Id && i.Status == CatalogueItemStatus.Active),
                db.Users.Count(u => u.DepartmentId == d.Id)))
            .ToListAsync(ct);
        return View(new DepartmentListModel(rows, PagerModel.For(info, Url.Action("Index")!)));
    }

    [HttpGet("/admin/departments/new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var next = (await db.Departments.MaxAsync(d => (int?)d.SortOrder, ct) ?? 0) + 1;
        var form = new DepartmentForm { SortOrder = Math.Min(next, DepartmentFormValidator.MaxSortOrder).ToString(CultureInfo.InvariantCulture), Level = Domain.Units.UnitLevel.County };
        return View("Edit", await WithParentsAsync(new DepartmentEditModel(form, IsActive: true, CodeLocked: false), ct));
    }

    [HttpPost("/admin/departments/new")]
    public async Task<IActionResult> Create(DepartmentForm form, [FromServices] SaveDepartmentHandler handler, CancellationToken ct)
    {
        form.Id = null;
        form.Normalize();
        if (!await validator.ValidateIntoAsync(form, ModelState, ct))
            return Invalid(await WithParentsAsync(new DepartmentEditModel(form, IsActive: true, CodeLocked: false), ct));
        var department = await handler.CreateAsync(form, User, ct);
        Flash("已新建部门“{0}”。", department.Name);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/admin/departments/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null) return NotFoundPage("没有找到该部门。");
        return View(await WithParentsAsync(new DepartmentEditModel(DepartmentForm.From(department), department.IsActive, await IndexNumbersIssuedAsync(id, ct)), ct));
    }

    [HttpPost("/admin/departments/{id:int}/edit")]
    public async Task<IActionResult> Update(int id, DepartmentForm form, [FromServices] SaveDepartmentHandler handler, CancellationToken ct)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (department is null) return NotFoundPage("没有找到该部门。");
        form.Id = id;
        form.Normalize();
        var valid = await validator.ValidateIntoAsync(form, ModelState, ct);
        var codeLocked = await IndexNumbersIssuedAsync(id, ct);
        if (codeLocked && form.OrganisationCode != department.OrganisationCode)
        {
            // The code is the first part of every 索引号 (domain README §3); issued ones stay as they are.
            ModelState.Remove(nameof(form.OrganisationCode));
            ModelState.AddModelError(nameof(form.OrganisationCode), "该部门已有信息生成了索引号，统一社会信用代码是索引号的组成部分，不能再修改；已生成的索引号保持不变。");
            valid = false;
        }
        if (!valid) return Invalid(await WithParentsAsync(new DepartmentEditModel(form, department.IsActive, codeLocked), ct));
        await handler.UpdateAsync(department, form, User, ct);
        Flash("已保存部门“{0}”。", department.Name);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("/admin/departments/{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id, [FromServices] ChangeDepartmentStateHandler handler, CancellationToken ct) =>
        ChangeStateAsync(handler.HandleAsync(id, active: false, User, ct));

    [HttpPost("/admin/departments/{id:int}/reactivate")]
    public Task<IActionResult> Reactivate(int id, [FromServices] ChangeDepartmentStateHandler handler, CancellationToken ct) =>
        ChangeStateAsync(handler.HandleAsync(id, active: true, User, ct));

    private async Task<IActionResult> ChangeStateAsync(Task<Outcome<Department>> change)
    {
        var changed = await change;
        if (changed.Refusal is { } refusal)
            return refusal.Status == StatusCodes.Status404NotFound ? NotFoundPage(refusal.Message) : BadInput(refusal.Message);
        if (changed.Value!.IsActive) Flash("已启用部门“{0}”，它重新出现在公开的部门列表中。", changed.Value.Name);
        else Flash("已停用部门“{0}”，它不再出现在公开的部门列表中；已发布的信息和索引号保持不变。", changed.Value.Name);
        return RedirectToAction(nameof(Index));
    }

    private Task<bool> IndexNumbersIssuedAsync(int departmentId, CancellationToken ct) =>
        db.Records.AnyAsync(r => r.DepartmentId == departmentId && r.IndexNumber != null, ct);

    private async Task<DepartmentEditModel> WithParentsAsync(DepartmentEditModel model, CancellationToken ct) => model with
    {
        Parents = await db.Departments.AsNoTracking()
            .Where(d => d.Level != Domain.Units.UnitLevel.Village && d.Id != (model.Form.Id ?? 0))
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new ParentOption(d.Id, d.Name, d.Level)).ToListAsync(ct),
    };

    private ViewResult Invalid(DepartmentEditModel model)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", model);
    }
}

public sealed record DepartmentRow(
    int Id, string Name, string ShortName, string OrganisationCode, string DocumentPrefix, bool IsActive, int ItemCount, int EditorCount);

public sealed record DepartmentListModel(IReadOnlyList<DepartmentRow> Rows, PagerModel Pager);

public sealed record ParentOption(int Id, string Name, Domain.Units.UnitLevel Level);

public sealed record DepartmentEditModel(DepartmentForm Form, bool IsActive, bool CodeLocked)
{
    public bool IsNew => Form.Id is null;

    /// <summary>The units that may be chosen as a parent: county units and townships (issue 20 §7).</summary>
    public IReadOnlyList<ParentOption> Parents { get; init; } = [];
}
