using System.Security.Claims;
using DisclosurePortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Infrastructure.Notifications;

/// <summary>
/// Staff's 站内通知 (issue 19): <see cref="Add"/> adds a note to the DbContext (it commits with the caller's change);
/// the staff navigation counts a user's unread notes and /notifications lists them. Recipients: one user, the editors
/// of one department, or everyone in a role (<see cref="Roles.Reviewer"/> is the office).
/// <code>StaffNotifications.Add(db, StaffNotification.ToRole(Roles.Reviewer, "收到新的政府信息公开申请", "/cases/12", now));</code>
/// </summary>
public static class StaffNotifications
{
    public static StaffNotification Add(PortalDbContext db, StaffNotification notification)
    {
        db.StaffNotifications.Add(notification);
        return notification;
    }

    /// <summary>
    /// The notes <paramref name="user"/> receives: theirs, their department's and — a township's editor — its villages'
    /// (editors; a village has no accounts, its records are kept by the township's editors: UnitKeeping), their roles'.
    /// </summary>
    public static IQueryable<StaffNotification> For(PortalDbContext db, ClaimsPrincipal user)
    {
        var userId = user.UserId() ?? "";
        var department = user.IsInRole(Roles.Editor) ? user.DepartmentId() : null;
        var roles = Roles.All.Where(user.IsInRole).ToArray();
        return db.StaffNotifications.Where(n =>
            n.RecipientUserId == userId
            || (department != null && n.RecipientDepartmentId == department)
            || (department != null && db.Departments.Any(d => d.Id == n.RecipientDepartmentId && d.ParentId == department && d.Level == DisclosurePortal.Domain.Units.UnitLevel.Village))
            || (n.RecipientRole != null && roles.Contains(n.RecipientRole)));
    }

    public static Task<int> CountUnreadAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        For(db, user).CountAsync(n => n.ReadAt == null, ct);
}
