using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Apply;

/// <summary>
/// 依申请公开, public and without an account: the application form (条例 Art. 29), its receipt with the 查询码, and
/// tracking by that code. The code is the only key, so it is random, and the pages behind it show no personal data
/// beyond a masked ID and the first character of the name.
/// </summary>
[AllowAnonymous]
public sealed class ApplyController(
    PortalDbContext db,
    TimeProvider clock,
    PersonalData personalData,
    AttachmentStorage storage,
    ILogger<ApplyController> logger) : PortalController
{
    /// <param name="prefill">?from=查询码 of a mailbox message the office declined as a 依申请公开 request (issue 19): its text
    /// becomes the description; anything else about it is ignored, and an unknown or other code leaves the form empty.</param>
    [HttpGet("/apply")]
    public async Task<IActionResult> Index(ApplyPrefill prefill, CancellationToken ct)
    {
        var form = new ApplyForm();
        if (prefill.From is { } code)
            form.InformationDescription = await db.Messages.AsNoTracking()
                .Where(m => m.QueryCode == code && m.DeclineReason == Domain.Participation.DeclineReason.DisclosureApplication)
                .Select(m => m.Subject + "\n" + m.Body).FirstOrDefaultAsync(ct);
        return FormView(form);
    }

    [HttpPost("/apply")]
    [EnableRateLimiting(RateLimits.Apply)]
    public async Task<IActionResult> Submit(ApplyForm form, [FromServices] SubmitApplicationHandler handler, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            // Only a bot fills the hidden field: it is told "accepted", and nothing is stored.
            logger.LogWarning("Honeypot field filled on /apply from {Client}; nothing stored", HttpContext.Connection.RemoteIpAddress);
            return SeeOther(Url.Action(nameof(Received))!);
        }

        if (!ModelState.IsValid) return FormView(form, invalid: true);

        var submitted = await handler.HandleAsync(form, ct);
        if (submitted.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return FormView(form, invalid: true);
        }
        return SeeOther(Url.Action(nameof(Receipt), new { code = submitted.Value })!);
    }

    /// <summary>The honeypot's receipt: looks like success, shows no code.</summary>
    [HttpGet("/apply/receipt")]
    public IActionResult Received() => View("Receipt", new ReceiptModel(null, null, null));

    [HttpGet("/apply/receipt/{code}")]
    [EnableRateLimiting(RateLimits.Track)]
    public async Task<IActionResult> Receipt(string code, CancellationToken ct)
    {
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null) return BadInput("查询码应为12位字母和数字，不含数字0、1和字母O、I、L，请核对后重新输入。");
        var receipt = await db.ApplicationCases.AsNoTracking().Where(c => c.QueryCode == normalised)
            .Select(c => new { c.SubmittedAt, c.IdentityNumber, c.ApplicantKind, c.IdentityDocument, c.InformationDescription, c.ProvisionForm, c.DeliveryMethod })
            .FirstOrDefaultAsync(ct);
        if (receipt is null) return NotFoundPage("没有找到该查询码对应的申请，请核对后重新输入。");
        return View("Receipt", new ReceiptModel(normalised, receipt.SubmittedAt, personalData.Mask(receipt.IdentityNumber))
        {
            DocumentName = IdentityDocumentNames.Of(receipt.ApplicantKind, receipt.IdentityDocument),
            Request = new RequestSummary(receipt.InformationDescription, receipt.ProvisionForm, receipt.DeliveryMethod),
        });
    }

    [HttpGet("/track")]
    [EnableRateLimiting(RateLimits.Track)]
    public async Task<IActionResult> Track([FromQuery(Name = TrackFormModel.CodeKey)] string? code, CancellationToken ct)
    {
        if (!Request.Query.ContainsKey(TrackFormModel.CodeKey)) return View("TrackForm", new TrackFormModel(null, null, []));
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var message = string.IsNullOrWhiteSpace(code) ? "请输入查询码。" : "查询码应为12位字母和数字，不含数字0、1和字母O、I、L，请核对后重新输入。";
            return View("TrackForm", new TrackFormModel(code, message, []));
        }
        var c = await db.ApplicationCases.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.QueryCode == normalised, ct);
        if (c is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("TrackForm", new TrackFormModel(code, "没有找到查询码为 {0} 的申请，请核对后重新输入。", [normalised]));
        }

        var today = clock.Today();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var deadline = c.Deadline(calendar, today);
        var supplement = c.Events.LastOrDefault(e => e.Kind == ApplicationEventKind.SupplementRequested);
        List<ReplyFileLink> files = c.ReplyType is null ? [] : await db.ReplyAttachments.AsNoTracking().Where(a => a.CaseId == c.Id).OrderBy(a => a.Id)
            .Select(a => new ReplyFileLink(a.Id, a.FileName, a.SizeBytes)).ToListAsync(ct);
        var online = c.DeliveryMethod == DeliveryMethod.Online;
        return View("Track", new TrackModel(
            c.QueryCode,
            IdentityNumbers.MaskName(c.ApplicantName),
            personalData.Mask(c.IdentityNumber),
            c.State,
            c.SubmittedAt,
            c.ReceivedOn,
            deadline,
            ApplicationStates.ReplyPeriodRuns(c.State) && deadline is { } d && ReplyDeadline.IsOverdue(d.DueOn, today),
            c.SupplementRequestedOn,
            c.SupplementDeadline,
            supplement?.Note,
            c.SupplementReceivedOn,
            c.ExtensionWorkingDays,
            c.ExtensionReason,
            c.ReplyType,
            c.RepliedOn,
            (c.ReplyLetter ?? string.Empty).ReplaceLineEndings("\n").Split('\n'),
            c.DeliveredOn,
            c.ClosedOn,
            c.FeeNotifiedOn is { } feeOn ? new FeeNoticeView(feeOn, c.ItemCount, c.FeeAmount, c.FeePaymentDeadline!.Value, c.FeePaidOn)
            {
                PayByProvisional = calendar.IsEstimated(feeOn, c.FeePaymentDeadline!.Value),
            } : null)
        {
            DocumentName = IdentityDocumentNames.Of(c.ApplicantKind, c.IdentityDocument),
            Request = new RequestSummary(c.InformationDescription, c.ProvisionForm, c.DeliveryMethod),
            ReplyFiles = online ? files : [],
            ReplyFilesSentOtherwise = online ? 0 : files.Count,
            Rating = c.ReplyType is null ? null : new Ratings.RatingPanel(
                await Ratings.RatingQueries.GivenAsync(db, Domain.Ratings.RatingTargetKind.ApplicationCase, c.Id, clock.GetUtcNow(), ct), Ratings.RatingsController.ForCase(c.QueryCode), false),
        });
    }

    /// <summary>
    /// A file of the reply, for the applicant who chose 网上获取: found by the 查询码 and the file's number together,
    /// so that nobody without the code can reach it by counting ids. Always a download, never sniffed.
    /// </summary>
    [HttpGet("/track/{code}/files/{file:int}")]
    [EnableRateLimiting(RateLimits.Track)]
    public async Task<IActionResult> ReplyFile(string code, int file, CancellationToken ct)
    {
        const string Missing = "没有找到该附件，请核对查询码后从办理进度页面下载。";
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null) return BadInput("查询码应为12位字母和数字，不含数字0、1和字母O、I、L，请核对后重新输入。");
        var found = await (
            from a in db.ReplyAttachments.AsNoTracking()
            join c in db.ApplicationCases on a.CaseId equals c.Id
            where a.Id == file && c.QueryCode == normalised && c.DeliveryMethod == DeliveryMethod.Online && c.ReplyType != null
            select a).FirstOrDefaultAsync(ct);
        var path = found is null ? null : storage.PathOf(found.StorageKey);
        if (found is null || path is null || !System.IO.File.Exists(path)) return NotFoundPage(Missing);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return PhysicalFile(path, found.ContentType, found.FileName);
    }

    private IActionResult FormView(ApplyForm form, bool invalid = false)
    {
        if (invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", form);
    }

    /// <summary>303: the browser GETs the receipt, so a reload does not submit the application again.</summary>
    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
