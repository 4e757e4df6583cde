using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminColumns;

/// <summary>A column as the administrator types it: its names, where the law asks for it, and where it sits.</summary>
public sealed class ColumnForm
{
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? Citation { get; set; }
    /// <summary>The column above it; none for a top-level column.</summary>
    public int? ParentId { get; set; }
    /// <summary>The column's concurrency stamp when the edit form was opened.</summary>
    public int Version { get; set; }
}

public sealed class ColumnFormValidator : AbstractValidator<ColumnForm>
{
    public ColumnFormValidator()
    {
        RuleFor(x => x.NameZh).NotEmpty().WithMessage("请填写栏目名称。")
            .MaximumLength(DisclosureColumn.MaxNameLength).WithMessage("栏目名称不能超过60个字。");
        RuleFor(x => x.NameEn).MaximumLength(DisclosureColumn.MaxNameLength * 2).WithMessage("英文名称不能超过120个字符。");
        RuleFor(x => x.Citation).MaximumLength(DisclosureColumn.MaxCitationLength).WithMessage("依据不能超过100个字。");
    }
}

/// <summary>新增栏目: at the end of its parent's children.</summary>
public sealed class AddColumnHandler(PortalDbContext db, AuditTrail audit)
{
    public async Task<Outcome<int>> HandleAsync(ColumnForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var all = await db.Columns.ToListAsync(ct);
        if (form.ParentId is { } p && all.FirstOrDefault(c => c.Id == p) is not { IsRetired: false })
            return new Refusal("上级栏目不存在或已停用，请重新选择。");
        return await Outcome.Try(async () =>
        {
            var order = all.Where(c => c.ParentId == form.ParentId).Select(c => c.SortOrder).DefaultIfEmpty(0).Max() + 1;
            var column = DisclosureColumn.Create(form.NameZh!, form.NameEn, form.Citation, null, order);
            db.Columns.Add(column);
            await db.SaveChangesAsync(ct);
            // Placed through the Domain's rule (three levels at most) once it has an id.
            if (form.ParentId is { } parent) column.MoveTo(parent, order, [.. all, column]);
            audit.Record(user, AuditActions.ColumnAdd, column.Id, column.NameZh);
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)column.Id;
        });
    }
}

/// <summary>修改栏目: names, citation and parent (a move goes to the end of the new parent's children).</summary>
public sealed class EditColumnHandler(PortalDbContext db, AuditTrail audit)
{
    public async Task<Outcome<int>> HandleAsync(int id, ColumnForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var all = await db.Columns.ToListAsync(ct);
        if (all.FirstOrDefault(c => c.Id == id) is not { } column) return Refusal.NotFound("没有找到该栏目。");
        if (column.Version != form.Version) return Refusal.Conflict("该栏目已被他人修改，请刷新后重试。");
        return await Outcome.Try(async () =>
        {
            column.Rename(form.NameZh!, form.NameEn, form.Citation);
            if (column.ParentId != form.ParentId)
            {
                var order = all.Where(c => c.ParentId == form.ParentId && c.Id != id).Select(c => c.SortOrder).DefaultIfEmpty(0).Max() + 1;
                column.MoveTo(form.ParentId, order, all);
            }
            audit.Record(user, AuditActions.ColumnEdit, column.Id, column.NameZh);
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)column.Id;
        });
    }
}
