using System.Security.Claims;
using DisclosurePortal.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // 等保 practice for government systems: long passwords of four character classes, lockout on guessing.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "dp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS; production runs behind HTTPS (HSTS), the README's local run does not.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in user without the right role gets a plain 403 (the Chinese status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.SlidingExpiration = true;
        });
        // A disabled, demoted or moved account loses its open sessions within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dp.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        var keys = configuration["DataProtection:KeysFolder"] ?? Path.Combine(configuration["Database:DataFolder"] ?? "data", "keys");
        if (!Path.IsPathRooted(keys)) keys = Path.Combine(environment.ContentRootPath, keys);
        services.AddDataProtection().SetApplicationName("DisclosurePortal").PersistKeysToFileSystem(Directory.CreateDirectory(keys));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Editor).RequireClaim(PortalClaims.Department))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }
}

/// <summary>Puts the staff member's name and department into the sign-in cookie.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.Name, user.DisplayName));
        if (user.DepartmentId is { } department)
            identity.AddClaim(new Claim(PortalClaims.Department, department.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
