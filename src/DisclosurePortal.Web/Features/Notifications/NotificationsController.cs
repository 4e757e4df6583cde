using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Notifications;

/// <summary>站内通知 (issue 19): the notes a staff member receives (theirs, their department's, their role's), newest first, and 标为已读.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NotificationsController(PortalDbContext db) : PortalController
{
    private const int PageSize = 30;
    private const string Path = "/notifications";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(PageFilter filter, CancellationToken ct)
    {
        var mine = StaffNotifications.For(db, User).AsNoTracking();
        var info = new PageInfo(filter.Page, PageSize, await mine.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var rows = await mine.OrderByDescending(n => n.Id).Skip(info.Skip).Take(PageSize)
            .Select(n => new NotificationRow(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return View(new NotificationListModel(rows, unread, PagerModel.For(info, Path)));
    }

    [HttpPost(Path + "/{id:int}/read")]
    public async Task<IActionResult> Read(int id, [FromServices] MarkNotificationsReadHandler handler, CancellationToken ct)
    {
        var outcome = await handler.OneAsync(id, User, ct);
        if (outcome.Refusal is { } refusal) return NotFoundPage(refusal.Message);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost(Path + "/read-all")]
    public async Task<IActionResult> ReadAll([FromServices] MarkNotificationsReadHandler handler, CancellationToken ct)
    {
        var count = await handler.AllAsync(User, ct);
        Flash("已将 {0} 条通知标为已读。", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return RedirectToAction(nameof(Index));
    }
}

public sealed record NotificationRow(int Id, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationListModel(IReadOnlyList<NotificationRow> Rows, int Unread, PagerModel Pager);
