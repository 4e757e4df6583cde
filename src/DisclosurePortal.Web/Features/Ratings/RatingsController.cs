using DisclosurePortal.Data;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>
/// 评议 (issue 21 §5), public and without an account or script: a form of three radio buttons and a comment at the end
/// of a record's page, of /track for an answered application and of /messages/track for an answered message. Every
/// post ends in a 303 back to the page with a thank-you (PRG), or redraws the form with what was typed and a Chinese
/// message: 400 for a missing grade or a long comment, 409 for a second rating (docs/adr/0034-ratings.md).
/// </summary>
[AllowAnonymous]
public sealed class RatingsController(PortalDbContext db, ILogger<RatingsController> logger) : PortalController
{
    public const string BadCode = "查询码应为12位字母和数字，不含数字0、1和字母O、I、L，请核对后重新输入。";

    /// <summary>
    /// The record page is one cached copy for every anonymous visitor (ADR 16), so its form carries no antiforgery
    /// token (a token would make every record page uncacheable). A rating forged from another site is refused by the
    /// browser's own word for where the post came from (Sec-Fetch-Site); the per-address-per-day rule and the rate
    /// limit bound what is left. Nothing here is personal or irreversible: a grade and a comment.
    /// </summary>
    [HttpPost("/records/{id:int}/rating")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(RateLimits.Rating)]
    public async Task<IActionResult> RateRecord(int id, RatingForm? form, [FromServices] RateRecordHandler handler, CancellationToken ct)
    {
        // No antiforgery check read the body first: a body the form reader refuses (a NUL in a field) binds no form.
        if (form is null) return BadInput(Infrastructure.TypedText.PageMessage);
        if (IsCrossSite(Request))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View("Problem", new ProblemModel(403, "无权访问", "请在本站的信息页面上提交评议。", []));
        }
        if (Honeypot(form)) return SeeOther(RecordUrl(id, rated: true));
        if (!ModelState.IsValid) return await RecordFormAsync(id, form, StatusCodes.Status400BadRequest, ct);
        var done = await handler.HandleAsync(id, form, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (done.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await RecordFormAsync(id, form, refusal.Status, ct);
        }
        return SeeOther(RecordUrl(id, rated: true));
    }

    [HttpPost("/track/{code}/rating")]
    [EnableRateLimiting(RateLimits.Rating)]
    public async Task<IActionResult> RateCase(string code, RatingForm form, [FromServices] RateCaseHandler handler, CancellationToken ct)
    {
        if (Honeypot(form)) return SeeOther(TrackUrl("Apply", code));
        if (!ModelState.IsValid) return await CaseFormAsync(code, form, StatusCodes.Status400BadRequest, ct);
        var done = await handler.HandleAsync(code, form, ct);
        if (done.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
            if (done.Refusal.Message == BadCode) return BadInput(BadCode);
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await CaseFormAsync(code, form, refusal.Status, ct);
        }
        Flash("感谢您的评议。");
        return SeeOther(TrackUrl("Apply", done.Value!));
    }

    [HttpPost("/messages/track/{code}/rating")]
    [EnableRateLimiting(RateLimits.Rating)]
    public async Task<IActionResult> RateMessage(string code, RatingForm form, [FromServices] RateMessageHandler handler, CancellationToken ct)
    {
        if (Honeypot(form)) return SeeOther(TrackUrl("Messages", code));
        if (!ModelState.IsValid) return await MessageFormAsync(code, form, StatusCodes.Status400BadRequest, ct);
        var done = await handler.HandleAsync(code, form, ct);
        if (done.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
            if (done.Refusal.Message == BadCode) return BadInput(BadCode);
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await MessageFormAsync(code, form, refusal.Status, ct);
        }
        Flash("感谢您的评议。");
        return SeeOther(TrackUrl("Messages", done.Value!));
    }

    /// <summary>The form's target on a record's page.</summary>
    public static RatingFormTarget ForRecord(int recordId) =>
        new(nameof(RateRecord), new Dictionary<string, string> { ["id"] = recordId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Antiforgery: false);

    public static RatingFormTarget ForCase(string code) => new(nameof(RateCase), new Dictionary<string, string> { ["code"] = code }, Antiforgery: true);

    public static RatingFormTarget ForMessage(string code) => new(nameof(RateMessage), new Dictionary<string, string> { ["code"] = code }, Antiforgery: true);

    /// <summary>A post the browser says came from another site (a form or script elsewhere); absent in old browsers.</summary>
    internal static bool IsCrossSite(HttpRequest request) =>
        request.Headers.TryGetValue("Sec-Fetch-Site", out var site) && site.ToString() is not ("same-origin" or "none");

    private bool Honeypot(RatingForm form)
    {
        if (string.IsNullOrEmpty(form.Website)) return false;
        logger.LogWarning("Honeypot field filled on {Path}; nothing stored", Infrastructure.Logging.LoggedPath(Request.Path));
        return true;
    }

    private string RecordUrl(int id, bool rated) =>
        Url.Action("Show", "Records", new RouteValueDictionary { ["id"] = id, [Records.RecordPageQuery.Keys.Rated] = rated ? "1" : null })! + "#" + RatingAnchor;

    private string TrackUrl(string controller, string code) =>
        Url.Action("Track", controller, new RouteValueDictionary { [controller == "Apply" ? Apply.TrackFormModel.CodeKey : Messages.MessageTrackFormModel.CodeKey] = code })! + "#" + RatingAnchor;

    /// <summary>The id of the 评议 section on every page that has one: where the thank-you is read.</summary>
    public const string RatingAnchor = "rating";

    private async Task<IActionResult> RecordFormAsync(int id, RatingForm form, int status, CancellationToken ct)
    {
        var title = await db.PublishedVersions.AsNoTracking().Where(v => v.RecordId == id).Select(v => v.Title).FirstOrDefaultAsync(ct);
        if (title is null) return NotFoundPage("没有找到该信息，可能尚未发布或已被撤回。");
        return RatePage(new RatePageModel(RatingTargetKind.Record, title, Url.Action("Show", "Records", new { id })!, ForRecord(id)), form, status);
    }

    private async Task<IActionResult> CaseFormAsync(string code, RatingForm form, int status, CancellationToken ct)
    {
        var normalised = Domain.Applications.QueryCodes.Normalise(code);
        if (normalised is null) return BadInput(BadCode);
        if (!await db.ApplicationCases.AnyAsync(c => c.QueryCode == normalised, ct)) return NotFoundPage("没有找到该查询码对应的申请，请核对后重新输入。");
        return RatePage(new RatePageModel(RatingTargetKind.ApplicationCase, normalised, TrackUrl("Apply", normalised), ForCase(normalised)), form, status);
    }

    private async Task<IActionResult> MessageFormAsync(string code, RatingForm form, int status, CancellationToken ct)
    {
        var normalised = Domain.Applications.QueryCodes.Normalise(code);
        if (normalised is null) return BadInput(BadCode);
        var subject = await db.Messages.AsNoTracking().Where(m => m.QueryCode == normalised).Select(m => m.Subject).FirstOrDefaultAsync(ct);
        if (subject is null) return NotFoundPage("没有找到该查询码对应的留言，请核对后重新输入。");
        return RatePage(new RatePageModel(RatingTargetKind.Message, subject, TrackUrl("Messages", normalised), ForMessage(normalised)), form, status);
    }

    private ViewResult RatePage(RatePageModel page, RatingForm form, int status)
    {
        Response.StatusCode = status;
        ViewData.Put(page);
        return View("Rate", form);
    }

    /// <summary>303: the browser GETs the page, so a reload does not post the rating again.</summary>
    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
