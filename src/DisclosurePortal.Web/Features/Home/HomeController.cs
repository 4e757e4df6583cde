using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Home;

public sealed class HomeController(PortalDbContext db) : PortalController
{
    [HttpGet("/")]
    [PublicPage(PublicPage.Home)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var counts = await PublishedCountQueries.ByDomainAsync(db, ct);
        var domains = (await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct))
            .Select(d => new DomainTile(d.Code, d.NameZh, d.NameEn, counts.GetValueOrDefault(d.Id)))
            .ToList();
        var latest = await RecordListing.Project(db, db.PublishedVersions.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(12))
            .ToListAsync(ct);
        var stages = await db.Stages.OrderBy(s => s.SortOrder).Select(s => new StageLink(s.Code, s.NameZh, s.NameEn)).ToListAsync(ct);
        return View(new HomeModel(domains, latest, stages, counts.Values.Sum()));
    }

    [HttpGet("/guide")]
    [PublicPage(PublicPage.Guide)]
    public IActionResult Guide() => View();

    /// <summary>
    /// Status pages are re-executed with the failed request's method and body (a refused POST shows this page too).
    /// No parameters: model binding would read that body again, and a body the form reader refused (a NUL in a
    /// field, say) would turn this 400 page into a 500.
    /// </summary>
    [Route("/error/{status:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var status = int.TryParse(RouteData.Values["status"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 404;
        // Re-executed requests carry a 4xx or 5xx; anything else is someone typing /error/-1: that page does not exist.
        var code = status is >= 400 and <= 599 ? status : 404;
        // The database or Redis away (a restart, a failover: issue 24) is not a fault of the request: 503, come back soon.
        if (code == 500 && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } error
            && Infrastructure.Cluster.Unavailable.Is(error)) code = 503;
        if (code == 503) Response.Headers.RetryAfter = "5";
        Response.StatusCode = code;
        var (title, message) = code switch
        {
            404 => ("页面不存在", "您访问的页面不存在或已被移除，请检查网址，或从首页重新进入。"),
            400 => ("请求有误", "请求的参数有误，请检查后重试。"),
            403 => ("无权访问", "您没有访问该页面的权限。"),
            405 => ("请求方式有误", "该页面不支持这种请求方式。"),
            429 => ("请求过于频繁", "请求过于频繁，请稍后再试。"),
            503 => ("服务暂不可用", "系统正在恢复服务，请稍候几秒后刷新页面或重新提交。"),
            >= 500 => ("系统繁忙", "系统暂时无法处理您的请求，请稍后再试。如问题持续，请联系网站管理员。"),
            _ => ("请求未能完成", "请求未能完成，请返回首页重试。"),
        };
        return View("Problem", new ProblemModel(code, title, message, []));
    }

    /// <summary>The language switch: remembers the choice in the culture cookie and goes back where the visitor was.</summary>
    [HttpGet("/culture/{culture}")]
    public IActionResult SetCulture(string culture, string? returnUrl)
    {
        if (!Localization.Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            return BadInput("不支持该语言。");
        if (!FetchMetadata.IsTopLevelNavigation(Request)) return BadInput("只能通过点击链接切换语言。"); // not as an image or a frame (ADR 18 addendum)
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true });
        return LocalRedirect(Url.LocalOr(returnUrl, "/"));
    }
}

public sealed record DomainTile(string Code, string NameZh, string NameEn, int PublishedCount)
{
    public string Name => Localization.Pick(NameZh, NameEn);
}

public sealed record StageLink(string Code, string NameZh, string NameEn)
{
    public string Name => Localization.Pick(NameZh, NameEn);
}

public sealed record HomeModel(IReadOnlyList<DomainTile> Domains, IReadOnlyList<RecordListItem> Latest, IReadOnlyList<StageLink> Stages, int TotalPublished);
