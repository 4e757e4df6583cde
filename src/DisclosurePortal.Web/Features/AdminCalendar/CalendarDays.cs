using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminCalendar;

/// <summary>
/// A 休息日 or 调休上班日 added to an entered year (the form and its validator: <see cref="CalendarDayForm"/>), or
/// removed; the year's 更新于 moves, and an audit event records the day.
/// </summary>
public sealed class CalendarDaysHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{

    /// <returns>The day added, or the calendar rule it breaks (a localizer key naming the date).</returns>
    public async Task<Outcome<CalendarDay>> AddAsync(CalendarYear calendarYear, CalendarDayForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var date = form.ParsedDate();
        var existing = await db.CalendarDays.AsNoTracking().Where(d => d.Date == date).Select(d => (CalendarDayKind?)d.Kind).FirstOrDefaultAsync(ct);
        try
        {
            CalendarFile.CheckEntry(calendarYear.Year, date, form.ParsedKind(), existing);
        }
        catch (CalendarRuleException ex)
        {
            return new Refusal(ex.Template, Args: [.. ex.Args]);
        }
        var day = new CalendarDay(date, form.ParsedKind(), form.Note);
        db.CalendarDays.Add(day);
        calendarYear.Touch(clock.GetUtcNow());
        audit.Record(admin, AuditActions.CalendarDayAdd, calendarYear.Year,
            $"添加{KindText(day.Kind)} {CalendarFile.Iso(day.Date)}{(day.Note is null ? "" : "（" + day.Note + "）")}");
        await db.SaveChangesAsync(ct);
        return day;
    }

    public async Task<Outcome<CalendarDay>> RemoveAsync(CalendarYear calendarYear, DateOnly date, ClaimsPrincipal admin, CancellationToken ct)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null) return Refusal.NotFound("{0} 没有录入为休息日或调休上班日。", CalendarFile.Iso(date));
        db.CalendarDays.Remove(day);
        calendarYear.Touch(clock.GetUtcNow());
        audit.Record(admin, AuditActions.CalendarDayRemove, calendarYear.Year, $"删除{KindText(day.Kind)} {CalendarFile.Iso(day.Date)}");
        await db.SaveChangesAsync(ct);
        return day;
    }

    private static string KindText(CalendarDayKind kind) => kind == CalendarDayKind.Off ? "休息日" : "调休上班日";
}
