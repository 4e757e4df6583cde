using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Home;

/// <summary>
/// The status pages (400, 404, 429, 500, 503 …). A controller without the database: <c>OneConnectionPerRequest</c>
/// opens no connection for it, so the 503 page renders while the database is away (issue 24).
/// </summary>
public sealed class ErrorController : PortalController
{
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
}
