using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure.Security;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Appends audit events (who, when, what, to which entity) in the caller's unit of work: the event is saved by the
/// same SaveChanges as the change it records, so there is never a change without its event. That save also chains
/// the event (<see cref="AuditChainInterceptor"/>, docs/adr/0023); record it just before the unit of work's last save.
/// </summary>
public sealed class AuditTrail(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Records <paramref name="action"/> (one of <see cref="AuditActions"/>) against its entity type.</summary>
    public void Record(ClaimsPrincipal actor, AuditAction action, object entityId, string? summary) =>
        db.AuditEvents.Add(new AuditEvent(
            clock.GetUtcNow(), actor.DisplayName(), action.Code, action.EntityType,
            Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture)!, Truncate(summary), actor.UserId()));

    private static string? Truncate(string? s) => s is { Length: > 2000 } ? s[..2000] : s;
}
