using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Accessibility;

/// <summary>
/// 长辈版 and the accessibility bar (ADR 18): plain links that remember a choice in a cookie and go back to the page
/// the visitor was on, so they work with no JavaScript and every page stays cacheable (no form, no antiforgery cookie).
/// </summary>
public sealed class AccessibilityController(TimeProvider clock) : PortalController
{
    /// <summary>Longer than any address the layout writes into its links; anything longer is not one of ours.</summary>
    public const int MaxReturnUrlLength = 2048;

    [HttpGet("/accessibility/mode")]
    public IActionResult Mode(ModeChoice choice, string? returnUrl) =>
        Remember(AccessibilityPreferences.ModeCookie, AccessibilityPreferences.Value(choice.Mode), returnUrl);

    [HttpGet("/accessibility/size")]
    public IActionResult Size(SizeChoice choice, string? returnUrl) =>
        Remember(AccessibilityPreferences.SizeCookie, AccessibilityPreferences.Value(choice.Size), returnUrl);

    [HttpGet("/accessibility/contrast")]
    public IActionResult Contrast(ContrastChoice choice, string? returnUrl) =>
        Remember(AccessibilityPreferences.ContrastCookie, AccessibilityPreferences.Value(choice.Contrast), returnUrl);

    /// <summary>恢复默认: the standard site, standard size and contrast (the cookies are removed).</summary>
    [HttpGet("/accessibility/reset")]
    public IActionResult Reset(string? returnUrl)
    {
        if (!FetchMetadata.IsTopLevelNavigation(Request)) return NotFollowed();
        if (!TryReturnUrl(returnUrl, out var target, out var problem)) return problem!;
        foreach (var name in new[] { AccessibilityPreferences.ModeCookie, AccessibilityPreferences.SizeCookie, AccessibilityPreferences.ContrastCookie })
            Response.Cookies.Delete(name, Options());
        return LocalRedirect(target);
    }

    private IActionResult Remember(string cookie, string value, string? returnUrl)
    {
        if (!FetchMetadata.IsTopLevelNavigation(Request)) return NotFollowed();
        if (!TryReturnUrl(returnUrl, out var target, out var problem)) return problem!;
        var options = Options();
        options.Expires = clock.GetUtcNow().AddYears(1);
        Response.Cookies.Append(cookie, value, options);
        return LocalRedirect(target);
    }

    /// <summary>Loaded as an image, a frame, a style sheet or a prefetch: nobody chose this (ADR 18 addendum).</summary>
    private IActionResult NotFollowed() => BadInput("只能通过点击链接更改显示设置。");

    /// <summary>Read by the server only, but not secret: HttpOnly is not needed; Lax so a link from elsewhere still shows the choice.</summary>
    private CookieOptions Options() => new() { Path = "/", SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true };

    /// <summary>Back to the page of this site the visitor came from; none given means the home page.</summary>
    private bool TryReturnUrl(string? returnUrl, out string target, out IActionResult? problem)
    {
        target = "/";
        problem = null;
        if (string.IsNullOrEmpty(returnUrl)) return true;
        if (returnUrl.Length > MaxReturnUrlLength)
        {
            problem = BadInput("返回地址过长（最多 {0} 个字符）。", MaxReturnUrlLength);
            return false;
        }
        if (!Url.IsLocalUrl(returnUrl))
        {
            problem = BadInput("返回地址必须是本网站的页面。");
            return false;
        }
        target = ReturnUrls.ForLocation(returnUrl);
        return true;
    }
}
