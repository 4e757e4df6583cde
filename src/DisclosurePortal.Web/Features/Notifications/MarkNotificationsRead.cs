using System.Security.Claims;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Notifications;

/// <summary>
/// 标为已读: one note, or all of the user's unread ones. Only a note the user receives can be marked (another's answers
/// 404, as if it did not exist). Not audited: reading changes nothing the public or the law sees.
/// </summary>
public sealed class MarkNotificationsReadHandler(PortalDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> OneAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var note = await StaffNotifications.For(db, user).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (note is null) return Refusal.NotFound("没有找到该通知。");
        note.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return note.Id;
    }

    public async Task<int> AllAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var unread = await StaffNotifications.For(db, user).Where(n => n.ReadAt == null).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var note in unread) note.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
