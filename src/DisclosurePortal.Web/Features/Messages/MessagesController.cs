using DisclosurePortal.Data;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Cases;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>
/// 网上信箱, public and without an account: writing (with a 查询码 receipt), tracking by the code, and the published
/// questions and answers with their statistics. No page here shows a writer's name, phone or e-mail.
/// </summary>
[AllowAnonymous]
public sealed class MessagesController(PortalDbContext db, TimeProvider clock, MessageDeadlines deadlines, ILogger<MessagesController> logger) : PortalController
{
    private const int PageSize = 20;
    private const string BadCode = "查询码应为12位字母和数字，不含数字0、1和字母O、I、L，请核对后重新输入。";

    [HttpGet("/messages/write")]
    public async Task<IActionResult> Write(WriteTarget target, CancellationToken ct) =>
        await FormView(new WriteMessageForm { DepartmentId = target.Department }, ct);

    [HttpPost("/messages/write")]
    [EnableRateLimiting(RateLimits.Message)]
    public async Task<IActionResult> Submit(WriteMessageForm form, [FromServices] WriteMessageHandler handler, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            logger.LogWarning("Honeypot field filled on /messages/write from {Client}; nothing stored", HttpContext.Connection.RemoteIpAddress);
            return SeeOther(Url.Action(nameof(Received))!);
        }
        if (!ModelState.IsValid) return await FormView(form, ct, invalid: true);
        var written = await handler.HandleAsync(form, ct);
        if (written.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await FormView(form, ct, invalid: true);
        }
        return SeeOther(Url.Action(nameof(Receipt), new { code = written.Value!.Code })!);
    }

    /// <summary>The honeypot's receipt: looks like success, shows no code.</summary>
    [HttpGet("/messages/receipt")]
    public IActionResult Received() => View("Receipt", new MessageReceiptModel(null, false));

    [HttpGet("/messages/receipt/{code}")]
    [EnableRateLimiting(RateLimits.Track)]
    public async Task<IActionResult> Receipt(string code, CancellationToken ct)
    {
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null) return BadInput(BadCode);
        var state = await db.Messages.AsNoTracking().Where(m => m.QueryCode == normalised).Select(m => (MessageState?)m.State).FirstOrDefaultAsync(ct);
        if (state is null) return NotFoundPage("没有找到该查询码对应的留言，请核对后重新输入。");
        return View("Receipt", new MessageReceiptModel(normalised, state == MessageState.HeldForModeration));
    }

    [HttpGet("/messages/track")]
    [EnableRateLimiting(RateLimits.Track)]
    public async Task<IActionResult> Track([FromQuery(Name = MessageTrackFormModel.CodeKey)] string? code, CancellationToken ct)
    {
        if (!Request.Query.ContainsKey(MessageTrackFormModel.CodeKey)) return View("TrackForm", new MessageTrackFormModel(null, null, []));
        var normalised = QueryCodes.Normalise(code);
        if (normalised is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("TrackForm", new MessageTrackFormModel(code, string.IsNullOrWhiteSpace(code) ? "请输入查询码。" : BadCode, []));
        }
        var m = await db.Messages.AsNoTracking().FirstOrDefaultAsync(x => x.QueryCode == normalised, ct);
        if (m is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("TrackForm", new MessageTrackFormModel(code, "没有找到查询码为 {0} 的留言，请核对后重新输入。", [normalised]));
        }
        var department = m.AssignedDepartmentId is { } id ? await db.Departments.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct) : null;
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var steps = m.AcceptedOn is { } accepted ? deadlines.ExplainReplyDue(accepted, m.ExtensionWorkingDays, calendar) : [];
        return View("Track", new MessageTrackModel(m.QueryCode, m.Kind, m.Subject, m.Body, m.State, m.SubmittedAt, m.AcceptDueOn, department,
            m.AcceptedOn, m.ReplyDueOn, m.ExtensionWorkingDays, m.ExtensionReason, m.DeclineReason, m.DeclineNote,
            m.State == MessageState.Answered ? m.Reply : null, m.AnsweredOn, m.Published, steps)
        {
            Rating = m.State != MessageState.Answered ? null : new Ratings.RatingPanel(
                await Ratings.RatingQueries.GivenAsync(db, Domain.Ratings.RatingTargetKind.Message, m.Id, clock.GetUtcNow(), ct), Ratings.RatingsController.ForMessage(m.QueryCode), false),
        });
    }

    [HttpGet("/messages")]
    public async Task<IActionResult> Index(PublishedMessagesFilter filter, CancellationToken ct)
    {
        var messages = db.PublishedMessages();
        if (filter.Kind is { } kind) messages = messages.Where(m => m.Kind == kind);
        if (filter.Department is { } department) messages = messages.Where(m => m.AssignedDepartmentId == department);
        if (filter.Q is { } q) messages = messages.Matching(q);
        var info = new PageInfo(filter.Page, PageSize, await messages.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var rows = await messages.Rows(db).Skip(info.Skip).Take(PageSize).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var statistics = await MessageQueries.StatisticsAsync(db, clock.Today().Year, calendar, ct);
        return View(new MessageListModel(rows, info, filter, await db.ActiveDepartmentsAsync(ct), statistics));
    }

    [HttpGet("/messages/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var m = await (
            from x in db.PublishedMessages()
            join d in db.Departments on x.AssignedDepartmentId equals d.Id into dd
            from d in dd.DefaultIfEmpty()
            where x.Id == id
            select new PublishedMessageModel(x.Id, x.Kind, x.Subject, x.Body, x.Reply!, d == null ? null : d.Name, x.WrittenOn, x.AnsweredOn!.Value))
            .FirstOrDefaultAsync(ct);
        return m is null ? NotFoundPage("没有找到该留言，或该留言未公开。") : View(m);
    }

    private async Task<IActionResult> FormView(WriteMessageForm form, CancellationToken ct, bool invalid = false)
    {
        if (invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        var departments = await db.ActiveDepartmentsAsync(ct);
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.NameZh }).ToListAsync(ct);
        ViewData.Put(new WritePageModel(departments, domains.Select(d => (d.Id, d.NameZh)).ToList()));
        return View("Write", form);
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}

/// <summary>/messages/write?department=id: the department the letter is addressed to, chosen on its page.</summary>
public sealed record WriteTarget(int? Department) : IQueryFilter<WriteTarget>
{
    public const string Key = "department";

    public static WriteTarget Read(QueryReader query) => new(query.Id(Key, "部门编号无效。"));
}
