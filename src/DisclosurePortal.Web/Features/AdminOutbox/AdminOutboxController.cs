using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.AdminOutbox;

/// <summary>
/// 邮件发送 (issue 19): the outbox by state (待发送, 发送失败, 已发送), newest first, with 重新发送 for a failed mail, and
/// whether an SMTP server is configured at all. Addresses are shown masked: the page is for the sending, not the people.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminOutboxController(PortalDbContext db, IOptionsMonitor<MailSettings> settings) : PortalController
{
    private const int PageSize = 50;
    private const string Path = "/admin/outbox";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(OutboxFilter filter, CancellationToken ct)
    {
        var mails = Of(filter.State);
        var info = new PageInfo(filter.Page, PageSize, await mails.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var rows = (await mails.OrderByDescending(m => m.Id).Skip(info.Skip).Take(PageSize).ToListAsync(ct))
            .Select(m => new OutboxRow(m.Id, OutboxMail.Mask(m.To), m.Subject, m.CreatedAt, m.Attempts, m.State, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToList();
        var counts = new Dictionary<OutboxMailState, int>();
        foreach (var state in Enum.GetValues<OutboxMailState>()) counts[state] = await Of(state).CountAsync(ct);
        var s = settings.CurrentValue;
        return View(new OutboxListModel(filter.State, counts, rows, s.IsConfigured ? $"{s.Host}:{s.Port}" : null,
            PagerModel.For(info, Path, filter.Query())));
    }

    [HttpPost(Path + "/{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, [FromServices] RetryMailHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            return View("Problem", new ProblemModel(refusal.Status, refusal.Status == 404 ? "页面不存在" : "请求有误", refusal.Message, refusal.Args));
        }
        Flash("邮件 #{0} 已重新排队，将在下一轮发送。", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return RedirectToAction(nameof(Index), new Microsoft.AspNetCore.Routing.RouteValueDictionary { [OutboxFilter.Keys.State] = OutboxFilter.Name(OutboxMailState.Failed) });
    }

    private IQueryable<OutboxMail> Of(OutboxMailState state) => state switch
    {
        OutboxMailState.Sent => db.OutboxMails.AsNoTracking().Where(m => m.SentAt != null),
        OutboxMailState.Failed => db.OutboxMails.AsNoTracking().Where(m => m.SentAt == null && m.Attempts >= OutboxMail.MaxAttempts),
        _ => db.OutboxMails.AsNoTracking().Where(m => m.SentAt == null && m.Attempts < OutboxMail.MaxAttempts),
    };
}

/// <summary>The outbox page's query string: which state (pending, failed, sent; pending unless told) and the page.</summary>
public sealed record OutboxFilter(OutboxMailState State, int Page) : IQueryFilter<OutboxFilter>
{
    public static class Keys
    {
        public const string State = "state";
    }

    public static string Name(OutboxMailState state) => state.ToString().ToLowerInvariant();

    public static OutboxFilter Read(QueryReader q)
    {
        var page = q.Page();
        var raw = q.Text(Keys.State);
        var state = OutboxMailState.Pending;
        if (!string.IsNullOrEmpty(raw) && !QueryReader.TryEnum(raw, out state))
        {
            q.Refuse("邮件状态只能是 pending（待发送）、failed（发送失败）或 sent（已发送）。");
            state = OutboxMailState.Pending;
        }
        return new OutboxFilter(state, page);
    }

    public IEnumerable<KeyValuePair<string, string?>> Query() => [new(Keys.State, Name(State))];
}

public sealed record OutboxRow(int Id, string To, string Subject, DateTimeOffset CreatedAt, int Attempts, OutboxMailState State,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <param name="Server">host:port of the configured SMTP server, or null: none, mail stays queued.</param>
public sealed record OutboxListModel(OutboxMailState State, IReadOnlyDictionary<OutboxMailState, int> Counts, IReadOnlyList<OutboxRow> Rows,
    string? Server, PagerModel Pager);
