using System.Globalization;

namespace DisclosurePortal.Domain.Calendar;

/// <summary>A statutory holiday (法定节假日) and the festival it belongs to.</summary>
public sealed record StatutoryHoliday(DateOnly Date, string Festival);

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》, known years in advance. The State Council's yearly notice adds
/// the bridging days and the 调休 working weekends, which cannot be computed; a calendar uses these days only for a year
/// whose notice has not been entered, and every date counted over them is provisional.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year computed (the 2013 revision, 国务院令第644号, in force from 2014).</summary>
    public const int FirstYear = 2014;

    /// <summary>The first year of the 2024 revision (国务院令第795号): 春节 from 除夕, 劳动节 two days.</summary>
    public const int Revision2024Year = 2025;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The statutory holidays of <paramref name="year"/>, in date order; none before <see cref="FirstYear"/> or past 2100.</summary>
    public static IReadOnlyList<StatutoryHoliday> For(int year)
    {
        if (year < FirstYear || year > 2100) return [];
        var revised = year >= Revision2024Year;
        var days = new List<StatutoryHoliday> { new(new DateOnly(year, 1, 1), "元旦") };

        // 春节: 2024 revision 除夕 to 正月初三 (4 days); 2013 revision 初一 to 初三. 除夕 is 初一 minus one day, as the 12th
        // lunar month has 29 or 30 days.
        var newYear = LunarDate(year, 1, 1);
        for (var d = revised ? -1 : 0; d <= 2; d++) days.Add(new(newYear.AddDays(d), "春节"));
        days.Add(new(Qingming(year), "清明节"));
        days.Add(new(new DateOnly(year, 5, 1), "劳动节"));
        if (revised) days.Add(new(new DateOnly(year, 5, 2), "劳动节"));
        days.Add(new(LunarDate(year, 5, 5), "端午节"));
        days.Add(new(LunarDate(year, 8, 15), "中秋节"));
        for (var d = 1; d <= 3; d++) days.Add(new(new DateOnly(year, 10, d), "国庆节"));
        // 中秋 can fall on 1–3 October (2028: 10-03): one day off, not two.
        return [.. days.DistinctBy(h => h.Date).OrderBy(h => h.Date)];
    }

    /// <summary>The Gregorian date of lunar <paramref name="month"/>/<paramref name="day"/> (not a leap month) of the lunar year beginning in <paramref name="year"/>.</summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        // ChineseLunisolarCalendar numbers a leap month as the month after the one it repeats (闰四月 = 5), shifting the rest.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明: the day, in China Standard Time, on which the sun's apparent longitude reaches 15°. Computed with the
    /// low-accuracy solar position of J. Meeus, Astronomical Algorithms (2nd ed., 1998), ch. 25 (about 0.01°, i.e. some
    /// 15 minutes); for 2001–2099 it agrees with the published 寿星 rule [Y×0.2422+4.81]−[Y/4] (tested).
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var jde = JulianDay(year, 4, 5);
        for (var i = 0; i < 8; i++)
        {
            var behind = ((15 - ApparentSolarLongitude(jde) + 540) % 360) - 180;
            jde += behind * 365.2422 / 360;
        }
        var t = year - 2000;
        var deltaTSeconds = 62.92 + (0.32217 * t) + (0.005589 * t * t); // Espenak & Meeus, 2005–2050 polynomial
        var utc = new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(jde - 2451545.0).AddSeconds(-deltaTSeconds);
        return DateOnly.FromDateTime(utc.AddHours(8));
    }

    private static double JulianDay(int year, int month, int day)
    {
        if (month <= 2) { year--; month += 12; }
        var a = year / 100;
        var b = 2 - a + (a / 4);
        return Math.Floor(365.25 * (year + 4716)) + Math.Floor(30.6001 * (month + 1)) + day + b - 1524.5;
    }

    private static double ApparentSolarLongitude(double jde)
    {
        var t = (jde - 2451545.0) / 36525;
        var l0 = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var m = Radians(357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var c = ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(m)) + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * m)) + (0.000289 * Math.Sin(3 * m));
        var omega = Radians(125.04 - (1934.136 * t));
        return (((l0 + c - 0.00569 - (0.00478 * Math.Sin(omega))) % 360) + 360) % 360;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>"元旦1月1日、春节…" for the steps of an explanation.</summary>
    public static string Describe(int year) => For(year).Count == 0 ? "未推算法定节假日，按周一至周五计算" :
        string.Join("、", For(year).GroupBy(h => h.Festival).Select(g =>
            g.Count() == 1 ? $"{g.Key}{M(g.First().Date)}" : $"{g.Key}{M(g.First().Date)}至{M(g.Last().Date)}"));

    private static string M(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Month}月{d.Day}日");
}
