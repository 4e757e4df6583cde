using System.Security.Cryptography;
using DisclosurePortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// Identity's sign-in, taking as long for every user name. Identity answers an unknown name, and a locked-out or
/// disabled (停用) account, before it hashes the password: a few milliseconds instead of the 60–370 ms of a hash, so the
/// time of the answer told which user names exist (issue 15). Here those answers first check the typed password against
/// a decoy hash made by the same hasher with the same settings, so every sign-in checks exactly one password.
/// What the answer says is unchanged.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    DecoyPasswordHash decoy)
    : SignInManager<PortalUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            decoy.Check(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        // Refused before its password is looked at (locked out, 停用): still hash once, but never against its own hash,
        // so a locked account's password cannot be confirmed either.
        if (await PreSignInCheck(user) is { } refused)
        {
            decoy.Check(UserManager.PasswordHasher, password);
            return refused;
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}

/// <summary>
/// A hash of a random password no account has, made once per app by the app's own <see cref="IPasswordHasher{TUser}"/>
/// (so with its algorithm and iteration count), when the first sign-in manager is made: the login page's GET makes
/// one, so no sign-in POST pays for it.
/// </summary>
public sealed class DecoyPasswordHash
{
    private static readonly PortalUser Nobody = new();
    private readonly string hash;

    public DecoyPasswordHash(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope(); // the hasher is registered scoped; this is a singleton
        hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>().HashPassword(Nobody, RandomNumberGenerator.GetHexString(32));
    }

    /// <summary>Checks <paramref name="password"/> against the decoy: the same work as checking it against an account's hash.</summary>
    public void Check(IPasswordHasher<PortalUser> hasher, string password) => _ = hasher.VerifyHashedPassword(Nobody, hash, password);
}
