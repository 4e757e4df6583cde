using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>Identity's messages in Chinese (they are shown to staff beside the form fields).</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败，请稍后重试。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "该账户已被他人修改，请刷新后重试。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "令牌无效或已过期。");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "该登录方式已绑定其他账户。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "用户名只能包含字母、数字和 - . _ @ 符号。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "电子邮箱格式不正确。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"电子邮箱“{email}”已被使用。");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), "角色名称无效。");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), "角色已存在。");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "该账户已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "该账户未启用锁定。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), "该账户已具有此角色。");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), "该账户不具有此角色。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密码至少需要 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个特殊字符。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
