using System.Security.Claims;
using DisclosurePortal.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Infrastructure.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var https = new HttpsPolicy(configuration, environment);
        services.AddSingleton(https);
        // Secure on every request when the site is HTTPS-only; otherwise whenever the request is HTTPS (the local run).
        var secure = https.HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // a county's gov.cn subdomains are not all ours to promise for
            o.Preload = false;
        });
        if (https.HttpsPort is { } port) services.AddHttpsRedirection(o => o.HttpsPort = port);
        services.AddPortalForwardedHeaders(configuration);
        // Every cookie the portal sets (sign-in, antiforgery, language, 长辈版 preferences) is HttpOnly (no script reads
        // them: there is none), at least SameSite=Lax, and Secure as above, whatever the code that appends it says.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = secure;
        });

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
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.AddSingleton<DecoyPasswordHash>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "dp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
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
        // The stamp is checked on every request (PortalSecurityStampValidator): signing out, a password reset, 停用 or a
        // new role or department ends every copy of the cookie at once. The interval only paces the rebuild of the
        // cookie's claims (a new display name shows within a minute).
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, PortalSecurityStampValidator>());
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dp.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });

        // Data Protection (sign-in and antiforgery cookies, sealed identity numbers): StorageSetup.AddPortalStorage.

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Editor).RequireClaim(PortalClaims.Department))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(Policies.Reviewing, p => p.RequireRole(Roles.Reviewer, Roles.Leader))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }

    /// <summary>
    /// First in the pipeline: the client's real address and scheme (from a known proxy), the security headers on every
    /// response, and, when HTTPS-only, HSTS and the redirect from plain HTTP.
    /// </summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        if (app.Services.GetRequiredService<HttpsPolicy>().HttpsOnly)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
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
