using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminDepartments;

/// <summary>
/// The department form as typed. Every field is a string so that whatever was typed (even "12a" as a sort order)
/// comes back on the re-rendered form; <see cref="DepartmentFormValidator"/> says what is wrong with it.
/// </summary>
public sealed class DepartmentForm
{
    /// <summary>Set by the controller from the route when editing; never bound from the form.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int? Id { get; set; }

    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? OrganisationCode { get; set; }
    public string? DocumentPrefix { get; set; }
    public string? SortOrder { get; set; }

    /// <summary>县级, 乡镇（街道） or 村（社区） (issue 20 §7).</summary>
    [ValidatorExplains]
    public UnitLevel? Level { get; set; }

    /// <summary>The unit above (a village's township; a township's county unit, or none).</summary>
    [ValidatorExplains]
    public int? ParentId { get; set; }

    /// <summary>The sort order as a number, once validated (a method: model validation reads every property).</summary>
    public int ParsedSortOrder() => int.Parse(SortOrder!, NumberStyles.None, CultureInfo.InvariantCulture);

    public static DepartmentForm From(Department d) => new()
    {
        Id = d.Id,
        Name = d.Name,
        ShortName = d.ShortName,
        OrganisationCode = d.OrganisationCode,
        DocumentPrefix = d.DocumentPrefix,
        SortOrder = d.SortOrder.ToString(CultureInfo.InvariantCulture),
        Level = d.Level,
        ParentId = d.ParentId,
    };

    /// <summary>Blanks around the values are not part of them; the code is written in capitals.</summary>
    public void Normalize()
    {
        Name = Name?.Trim();
        ShortName = ShortName?.Trim();
        OrganisationCode = OrganisationCode?.Trim().ToUpperInvariant();
        DocumentPrefix = DocumentPrefix?.Trim();
        SortOrder = SortOrder?.Trim();
    }
}

public sealed class DepartmentFormValidator : AbstractValidator<DepartmentForm>, IDatabaseValidator
{
    public const int MaxSortOrder = 9999;

    public DepartmentFormValidator(PortalDbContext db)
    {
        RuleLevelCascadeMode = CascadeMode.Stop; // one message per field: the first thing to fix

        // Lengths are the columns' (Departments table, InitialSchema migration).
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("请输入部门名称。")
            .MaximumLength(100).WithMessage("部门名称不能超过 100 个字。")
            .MustAsync(async (form, name, ct) => !await db.Departments.AnyAsync(d => d.Name == name && d.Id != form.Id, ct))
            .WithMessage("已有同名的部门。");

        RuleFor(x => x.ShortName)
            .NotEmpty().WithMessage("请输入部门简称。")
            .MaximumLength(50).WithMessage("部门简称不能超过 50 个字。");

        RuleFor(x => x.OrganisationCode)
            .NotEmpty().WithMessage("请输入统一社会信用代码。")
            .Must(Department.IsValidOrganisationCode).WithMessage("统一社会信用代码应为 18 位数字和大写字母（不含 I、O、Z、S、V）。")
            .MustAsync(async (form, code, ct) => !await db.Departments.AnyAsync(d => d.OrganisationCode == code && d.Id != form.Id, ct))
            .WithMessage("该统一社会信用代码已被其他部门使用。");

        RuleFor(x => x.DocumentPrefix)
            .NotEmpty().WithMessage("请输入文号前缀。")
            .MaximumLength(20).WithMessage("文号前缀不能超过 20 个字。");

        RuleFor(x => x.SortOrder)
            .Must(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxSortOrder)
            .WithMessage("排序号应为 0 到 9999 之间的整数。");

        RuleFor(x => x.Level)
            .Must(l => l is { } level && Enum.IsDefined(level)).WithMessage("请选择单位层级。");

        // The hierarchy's rules are the Domain's (UnitHierarchy); the parent must exist and be another unit.
        RuleFor(x => x.ParentId)
            .CustomAsync(async (parentId, context, ct) =>
            {
                if (await ParentProblemAsync(db, context.InstanceToValidate, parentId, ct) is { } problem) context.AddFailure(nameof(DepartmentForm.ParentId), problem);
            })
            .When(x => x.Level is { } level && Enum.IsDefined(level));
    }

    private static async Task<string?> ParentProblemAsync(PortalDbContext db, DepartmentForm form, int? parentId, CancellationToken ct)
    {
        UnitLevel? parentLevel = null;
        if (parentId is { } id)
        {
            if (id == form.Id) return "单位不能以自身为上级单位。";
            var parent = await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => (UnitLevel?)d.Level).FirstOrDefaultAsync(ct);
            if (parent is null) return "上级单位不存在，请重新选择。";
            parentLevel = parent;
        }
        if (UnitHierarchy.Problem(form.Level!.Value, parentLevel) is { } problem) return problem;
        if (form.Id is { } self)
        {
            var children = await db.Departments.AsNoTracking().Where(d => d.ParentId == self).Select(d => d.Level).Distinct().ToListAsync(ct);
            return UnitHierarchy.ChildrenProblem(form.Level!.Value, children);
        }
        return null;
    }
}
