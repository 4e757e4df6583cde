using System.Globalization;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>What both account forms ask: 姓名, role and department. Strings, so whatever was typed comes back.</summary>
public abstract class StaffForm
{
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? DepartmentId { get; set; }

    /// <summary>The account's department before this change (editing only): it stays choosable if deactivated since.</summary>
    [BindNever]
    public int? CurrentDepartmentId { get; set; }

    /// <summary>The department to store: an editor's, and none for other roles (after validation).</summary>
    public int? DepartmentIdValue => Role == Roles.Editor ? ParseDepartment(DepartmentId) : null;

    internal static int? ParseDepartment(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public virtual void Normalize()
    {
        DisplayName = DisplayName?.Trim();
        Role = Role?.Trim();
        DepartmentId = string.IsNullOrWhiteSpace(DepartmentId) ? null : DepartmentId.Trim();
    }
}

public sealed class NewUserForm : StaffForm
{
    public string? UserName { get; set; }

    /// <summary>The initial password; never sent back to the browser.</summary>
    public string? Password { get; set; }

    public override void Normalize()
    {
        base.Normalize();
        UserName = UserName?.Trim();
    }
}

public sealed class EditUserForm : StaffForm
{
    public static EditUserForm From(PortalUser user, string? role) => new()
    {
        DisplayName = user.DisplayName,
        Role = role,
        DepartmentId = user.DepartmentId?.ToString(CultureInfo.InvariantCulture),
        CurrentDepartmentId = user.DepartmentId,
    };
}

public sealed class ResetPasswordForm
{
    public string? NewPassword { get; set; }
}

/// <summary>An editor belongs to exactly one (active) department; reviewers and admins to none (PortalUser).</summary>
public sealed class StaffFormValidator : AbstractValidator<StaffForm>, IDatabaseValidator
{
    public StaffFormValidator(PortalDbContext db)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("请输入姓名。")
            .MaximumLength(100).WithMessage("姓名不能超过 100 个字。");

        RuleFor(x => x.Role)
            .Must(role => Roles.All.Contains(role)).WithMessage("请选择角色。");

        When(x => x.Role == Roles.Editor, () =>
            RuleFor(x => x.DepartmentId)
                .NotEmpty().WithMessage("部门编辑必须选择所属部门。")
                .MustAsync(async (form, value, ct) =>
                    StaffForm.ParseDepartment(value) is { } id
                    && (id == form.CurrentDepartmentId || await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, ct)))
                .WithMessage("所选部门不存在或已停用。"));

        When(x => x.Role is Roles.Reviewer or Roles.Admin, () =>
            RuleFor(x => x.DepartmentId)
                .Empty().WithMessage("只有部门编辑隶属于部门；审核员和系统管理员不能选择部门。"));
    }
}

public sealed class NewUserFormValidator : AbstractValidator<NewUserForm>, IDatabaseValidator
{
    public const int MaxUserName = 50;

    /// <summary>The characters Identity accepts by default, less '+' (an e-mail sub-address, not a staff user name).</summary>
    public const string UserNamePattern = "^[A-Za-z0-9._@-]+$";
    public const string UserNameMessage = "用户名只能包含字母、数字和 - . _ @ 符号。";

    public NewUserFormValidator(PortalDbContext db, ILookupNormalizer normalizer)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(x => x.UserName)
            .NotEmpty().WithMessage("请输入用户名。")
            .MaximumLength(MaxUserName).WithMessage("用户名不能超过 50 个字符。")
            .Matches(UserNamePattern).WithMessage(UserNameMessage)
            .MustAsync(async (name, ct) =>
            {
                var normalized = normalizer.NormalizeName(name);
                return !await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct);
            })
            .WithMessage("该用户名已被使用。");

        Include(new StaffFormValidator(db));

        // Identity's password policy (SecuritySetup) is checked by the controller, with Identity's own messages.
        RuleFor(x => x.Password).NotEmpty().WithMessage("请设置初始密码。");
    }
}

public sealed class EditUserFormValidator : AbstractValidator<EditUserForm>, IDatabaseValidator
{
    public EditUserFormValidator(PortalDbContext db) => Include(new StaffFormValidator(db));
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator() =>
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码。");
}
