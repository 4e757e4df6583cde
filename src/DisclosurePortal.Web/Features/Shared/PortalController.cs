using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>Base for the public controllers: bad input and missing things answer with a Chinese page and a 4xx.</summary>
public abstract class PortalController : Controller
{
    /// <summary>A 400 page that says what was wrong with the request.</summary>
    /// <param name="message">A localizer key (zh-CN text) with {0}-style placeholders for <paramref name="args"/>.</param>
    protected IActionResult BadInput(string message, params object[] args)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Problem", new ProblemModel(400, "请求有误", message, args));
    }

    /// <summary>A 403 page that says what the user may do instead.</summary>
    protected IActionResult ForbiddenPage(string message, params object[] args)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Problem", new ProblemModel(403, "无权访问", message, args));
    }

    protected IActionResult NotFoundPage(string message, params object[] args)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Problem", new ProblemModel(404, "页面不存在", message, args));
    }

    /// <summary>
    /// A confirmation shown once on the next page (Shared/Views/_Flash.cshtml): a localizer key with {0}-style
    /// placeholders, so it reads in the visitor's language.
    /// </summary>
    protected void Flash(string message, params string[] args)
    {
        TempData["Flash"] = message;
        if (args.Length > 0) TempData["FlashArgs"] = args;
    }

    /// <summary>A page number past the end of a listing.</summary>
    protected IActionResult PageOutOfRange(PageInfo page) =>
        NotFoundPage("共 {0} 页，没有第 {1} 页。", page.TotalPages, page.Page);
}

public sealed record ProblemModel(int Status, string Title, string Message, object[] Args)
{
    /// <summary>Where "back" leads (the page the action was taken from); the home page when null.</summary>
    public string? BackLink { get; init; }
}
