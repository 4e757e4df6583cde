using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data;

/// <summary>The working-day calendar as the administrators have entered it (holidays and 调休 are data).</summary>
public static class CalendarLoader
{
    public static async Task<WorkingCalendar> LoadAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        return new WorkingCalendar(years,
            days.Where(d => d.Kind == CalendarDayKind.Off).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.Work).Select(d => d.Date));
    }
}
