using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>
/// 民意征集 as the public sees it: the list (open and closed, by state and domain), a consultation's page with its
/// draft, 起草说明, period and ways to comment, the comment form and questionnaire (plain HTML, no script), the
/// moderated opinions and, after closing, the 采纳情况 with the questionnaire's results.
/// </summary>
[AllowAnonymous]
public sealed class ConsultationsController(PortalDbContext db, TimeProvider clock, MarkdownRenderer markdown, ILogger<ConsultationsController> logger) : PortalController
{
    [HttpGet("/consultations")]
    public async Task<IActionResult> Index(ConsultationListFilter filter, CancellationToken ct)
    {
        var (rows, info) = await ConsultationQueries.ListAsync(db, filter, clock.Today(), ct);
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new DomainOption(d.Code, d.NameZh, d.NameEn)).ToListAsync(ct);
        if (filter.Domain is { } code && domains.All(d => d.Code != code)) return NotFoundPage("没有找到该公开领域。");
        var keep = new List<KeyValuePair<string, string?>>();
        if (filter.State is { } state) keep.Add(new(ConsultationListFilter.Keys.State, state.ToString().ToLowerInvariant()));
        if (filter.Domain is { } d) keep.Add(new(ConsultationListFilter.Keys.Domain, d));
        return View(new ConsultationListModel(rows, filter, domains, PagerModel.For(info, Url.Action(nameof(Index))!, keep)));
    }

    [HttpGet("/consultations/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var page = await PublicPageAsync(id, ct);
        if (page is null) return NotFoundPage("没有找到该征集。");
        return View(new CommentFormPage(page, new CommentForm().WithSlots(page.Questions)));
    }

    [HttpPost("/consultations/{id:int}")]
    [EnableRateLimiting(RateLimits.Comment)]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IActionResult> Comment(int id, CommentForm form, [FromServices] ReceiveCommentHandler handler, CancellationToken ct)
    {
        var page = await PublicPageAsync(id, ct);
        if (page is null) return NotFoundPage("没有找到该征集。");
        if (!string.IsNullOrEmpty(form.Website))
        {
            // Only a bot fills the hidden field: it is told "received", and nothing is stored.
            logger.LogWarning("Honeypot field filled on a consultation's comment form from {Client}; nothing stored", HttpContext.Connection.RemoteIpAddress);
            Flash("您的意见已提交，审核后公布。感谢您的参与！");
            return RedirectToAction(nameof(Show), new { id });
        }
        if (!page.TakesComments)
        {
            ModelState.AddModelError(string.Empty, "该征集不在征集期内或不接受网上提交意见，不能提交意见。");
            return Redraw(page, form, StatusCodes.Status409Conflict);
        }
        if (!ModelState.IsValid) return Redraw(page, form, StatusCodes.Status400BadRequest);
        var outcome = await handler.OnlineAsync(id, form, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return Redraw(page, form, refusal.Status);
        }
        Flash("您的意见已提交，审核后公布。感谢您的参与！");
        return RedirectToAction(nameof(Show), null, new { id }, "comments");
    }

    /// <summary>A file of a public consultation, always as a download and never sniffed (as a record's attachment).</summary>
    [HttpGet("/consultations/{id:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Attachment(int id, int attachmentId, [FromServices] AttachmentStorage storage, CancellationToken ct)
    {
        var a = await (from x in db.ConsultationAttachments.AsNoTracking()
                       join c in ConsultationQueries.Public(db, clock.Today()) on x.ConsultationId equals c.Id
                       where x.Id == attachmentId && x.ConsultationId == id
                       select x).FirstOrDefaultAsync(ct);
        var path = a is null ? null : storage.PathOf(a.StorageKey);
        if (a is null || path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该附件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, a.ContentType, a.FileName);
    }

    private IActionResult Redraw(ConsultationPageModel page, CommentForm form, int status)
    {
        Response.StatusCode = status;
        return View("Show", new CommentFormPage(page, form.WithSlots(page.Questions)));
    }

    private async Task<ConsultationPageModel?> PublicPageAsync(int id, CancellationToken ct)
    {
        var today = clock.Today();
        var c = await ConsultationQueries.Public(db, today).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : await ConsultationQueries.PageAsync(db, markdown, c, today, ct);
    }
}
