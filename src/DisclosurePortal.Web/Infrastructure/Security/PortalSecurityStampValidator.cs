using DisclosurePortal.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// Checks the sign-in cookie's security stamp against the account on every request (one look-up of the user by id),
/// so that signing out, a password reset, a role or department change and 停用 end every copy of the cookie at once,
/// a stolen one included (issue 15). Identity's own validator checks only once per
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>; with that interval at zero it would also rebuild
/// the principal (roles, claims: four more queries) and send a new cookie with every response. Here the rebuild
/// (a changed display name) still waits for the interval.
/// </summary>
public sealed class PortalSecurityStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signIn, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = await VerifySecurityStamp(context.Principal);
        if (user is null)
        {
            Logger.LogInformation("Sign-in cookie refused: its security stamp is no longer the account's");
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }
        var issued = context.Properties.IssuedUtc;
        if (issued is null || TimeProvider.GetUtcNow() - issued.Value > Options.ValidationInterval)
            await SecurityStampVerified(user, context);
    }
}
