using DisclosurePortal.Web.Features.AdminUsers;
using FluentValidation;
using DisclosurePortal.Web.Features.AdminSite;

namespace DisclosurePortal.Web.Features.Setup;

/// <summary>The first-time setup: the site's particulars and its first administrator (issue 20 §1).</summary>
public sealed class SetupForm : SiteIdentityForm
{
    public const int MaxUserName = NewUserFormValidator.MaxUserName;

    public string? UserName { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Never sent back to the browser.</summary>
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    public override void Normalize()
    {
        base.Normalize();
        UserName = UserName?.Trim();
        DisplayName = DisplayName?.Trim();
    }
}

public sealed class SetupFormValidator : AbstractValidator<SetupForm>
{
    public SetupFormValidator()
    {
        Include(new SiteIdentityFormValidator());
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.UserName)
            .NotEmpty().WithMessage("请输入管理员用户名。")
            .MaximumLength(SetupForm.MaxUserName).WithMessage("用户名不能超过 50 个字符。")
            .Matches(NewUserFormValidator.UserNamePattern).WithMessage(NewUserFormValidator.UserNameMessage);
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("请输入管理员姓名。")
            .MaximumLength(100).WithMessage("姓名不能超过 100 个字。");
        // Identity's password policy (SecuritySetup) is checked by the controller, with Identity's own messages.
        RuleFor(x => x.Password).NotEmpty().WithMessage("请设置管理员密码。");
        RuleFor(x => x.ConfirmPassword)
            .NotEmpty().WithMessage("请再次输入密码。")
            .Equal(x => x.Password).WithMessage("两次输入的密码不一致。");
    }
}
