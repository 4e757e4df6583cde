using DisclosurePortal.Web.Features.Shared;

namespace DisclosurePortal.Web.Features.AdminCalendar;

/// <summary>The {year} of a calendar page's URL.</summary>
public sealed record CalendarYearRoute(int Year) : IQueryFilter<CalendarYearRoute>
{
    public const string BadYear = "年份应为 2000 到 2100 之间的整数。";

    public static CalendarYearRoute Read(QueryReader q)
    {
        var year = q.Year("year", BadYear);
        if (year is null && q.Problem is null) q.Refuse(BadYear);
        return new CalendarYearRoute(year ?? 0);
    }
}

/// <summary>The {year} and {date} of a calendar day's URL: a yyyy-MM-dd date within that year.</summary>
public sealed record CalendarDayRoute(int Year, DateOnly Date) : IQueryFilter<CalendarDayRoute>
{
    public static CalendarDayRoute Read(QueryReader q)
    {
        var year = CalendarYearRoute.Read(q).Year;
        if (q.Text("date") is { } raw && QueryReader.TryDate(raw, out var date) && date.Year == year) return new CalendarDayRoute(year, date);
        q.Refuse("日期应为该年内 yyyy-MM-dd 格式的日期。");
        return new CalendarDayRoute(year, default);
    }
}
