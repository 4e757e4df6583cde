using DisclosurePortal.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Notifications;

/// <summary>The staff navigation's 站内通知 link with the count of unread notes (one COUNT per staff page).</summary>
public sealed class UnreadNotificationsViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Notifications/Views/_NavLink.cshtml", await StaffNotifications.CountUnreadAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted));
}
