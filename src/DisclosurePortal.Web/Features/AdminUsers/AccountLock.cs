using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>
/// 解锁, 停用 and 启用: an account's lockout end (<see cref="AccountStates"/>). 停用 renews the security stamp, so the
/// sessions the account already has end at once.
/// </summary>
public sealed class AccountLockHandler(PortalDbContext db, UserManager<PortalUser> users, AuditTrail audit, TimeProvider clock)
{
    public AccountState StateOf(PortalUser user) => AccountStates.Of(user.LockoutEnd, clock.GetUtcNow());

    public async Task<Outcome<PortalUser>> UnlockAsync(PortalUser user, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (StateOf(user) == AccountState.Disabled) return new Refusal("该账户已停用，解锁不会使它恢复；请使用“启用”。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        AccountChanges.Check(await users.SetLockoutEndDateAsync(user, null));
        AccountChanges.Check(await users.ResetAccessFailedCountAsync(user));
        audit.Record(admin, AuditActions.UserUnlock, user.Id, $"解除账户 {user.UserName} 的登录锁定");
        await db.CommitAsync(transaction, ct);
        return user;
    }

    public async Task<Outcome<PortalUser>> DisableAsync(PortalUser user, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (user.Id == admin.UserId()) return new Refusal("不能停用自己的账户：请由另一位系统管理员操作。");
        if (StateOf(user) == AccountState.Disabled) return new Refusal("该账户已停用。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await users.GetLockoutEnabledAsync(user)) AccountChanges.Check(await users.SetLockoutEnabledAsync(user, true));
        AccountChanges.Check(await users.SetLockoutEndDateAsync(user, AccountStates.DisabledUntil));
        AccountChanges.Check(await users.UpdateSecurityStampAsync(user)); // signs out the sessions it already has
        audit.Record(admin, AuditActions.UserDisable, user.Id, $"停用账户 {user.UserName}（{user.DisplayName}）");
        await db.CommitAsync(transaction, ct);
        return user;
    }

    public async Task<Outcome<PortalUser>> EnableAsync(PortalUser user, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (StateOf(user) != AccountState.Disabled) return new Refusal("该账户没有被停用。");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        AccountChanges.Check(await users.SetLockoutEndDateAsync(user, null));
        AccountChanges.Check(await users.ResetAccessFailedCountAsync(user));
        audit.Record(admin, AuditActions.UserEnable, user.Id, $"启用账户 {user.UserName}（{user.DisplayName}）");
        await db.CommitAsync(transaction, ct);
        return user;
    }
}
