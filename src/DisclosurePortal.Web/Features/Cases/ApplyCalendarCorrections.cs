using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>
/// ADR 8: when an administrator corrects the calendar, stored due dates of open cases are not silently changed; the
/// office applies the correction here, each case with its event and audit line.
/// </summary>
public sealed class ApplyCalendarCorrectionsHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <returns>How many cases got a new due date.</returns>
    public async Task<Outcome<int>> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var open = await db.ApplicationCases.OpenReceived().Include(c => c.Events).ToListAsync(ct);
        var changed = 0;
        foreach (var c in open.Where(c => c.CorrectedDueOn(calendar, today) is not null))
        {
            c.ApplyCalendarCorrection(user.DisplayName(), clock.GetUtcNow(), calendar, today);
            audit.Record(user, AuditActions.CaseCalendarCorrection, c.Id, c.Events[^1].Note ?? string.Empty);
            changed++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict("有申请正在被他人处理，请核对后重新提交。");
        }
        return changed;
    }
}
