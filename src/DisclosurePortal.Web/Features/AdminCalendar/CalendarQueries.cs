using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminCalendar;

public static class CalendarQueries
{
    /// <summary>
    /// The current year and the next one, where their schedule has not been entered (deadlines in such a year count
    /// Monday–Friday only). The State Council publishes next year's schedule in November or December, so the dashboard
    /// asks about next year only from 1 November on; the calendar page always does.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MissingYearsAsync(PortalDbContext db, DateOnly today, bool nextYearOnlyFromNovember, CancellationToken ct)
    {
        List<int> wanted = nextYearOnlyFromNovember && today.Month < 11 ? [today.Year] : [today.Year, today.Year + 1];
        var known = await db.CalendarYears.Where(y => wanted.Contains(y.Year)).Select(y => y.Year).ToListAsync(ct);
        return [.. wanted.Except(known)];
    }
}
