namespace DisclosurePortal.Web.Features.AdminUsers;

/// <summary>What an account's lockout end means: nothing, a lockout after wrong passwords, or 停用 by an admin.</summary>
public enum AccountState
{
    Active,
    LockedOut,
    Disabled,
}

public static class AccountStates
{
    /// <summary>
    /// A disabled account is locked out until this far-off date, so Identity refuses its sign-in like any lockout
    /// and no schema change is needed; lockouts after wrong passwords last minutes (SecuritySetup).
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static AccountState Of(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd switch
    {
        { } end when end >= DisabledUntil => AccountState.Disabled,
        { } end when end > now => AccountState.LockedOut,
        _ => AccountState.Active,
    };
}
