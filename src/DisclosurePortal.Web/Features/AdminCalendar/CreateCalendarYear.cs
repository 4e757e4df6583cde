using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.AdminCalendar;

/// <summary>录入 a year (the form and its validator: <see cref="CalendarYearForm"/>); its days are added or imported next.</summary>
public sealed class CreateCalendarYearHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<int> HandleAsync(CalendarYearForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var year = new CalendarYear(form.ParsedYear(), form.Source!, clock.GetUtcNow());
        db.CalendarYears.Add(year);
        audit.Record(admin, AuditActions.CalendarYearCreate, year.Year, $"录入 {year.Year} 年工作日历，依据：{year.Source}");
        await db.SaveChangesAsync(ct);
        return year.Year;
    }
}
