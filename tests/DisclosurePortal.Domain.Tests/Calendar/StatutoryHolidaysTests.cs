using System.Globalization;
using System.Text.Json;
using DisclosurePortal.Domain.Calendar;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Calendar;

public sealed class StatutoryHolidaysTests
{
    [Fact]
    public void Year2027_HasTheHolidaysOfThe2024Revision()
    {
        // 除夕 2027 is 5 Feb (初一 6 Feb); 清明 5 Apr; 端午 (lunar 5/5) 9 Jun; 中秋 (lunar 8/15) 15 Sep.
        string[] expected =
        [
            "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02",
            "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03",
        ];
        Assert.Equal(expected, StatutoryHolidays.For(2027).Select(h => CalendarFile.Iso(h.Date)));
        Assert.Equal("春节", StatutoryHolidays.For(2027).Single(h => h.Date == D("2027-02-05")).Festival);
    }

    [Fact]
    public void LunarDates_AgreeWithTheLunisolarCalendar()
    {
        var lunar = new ChineseLunisolarCalendar();
        var newYear = new DateTime(2027, 2, 6);
        Assert.Equal(2027, lunar.GetYear(newYear));
        Assert.Equal(1, lunar.GetMonth(newYear));
        Assert.Equal(1, lunar.GetDayOfMonth(newYear));
        Assert.Equal(12, lunar.GetMonth(newYear.AddDays(-1))); // 除夕 is the last day of the 12th month of 2026
        // 2025 has a leap 6th month (闰六月): 中秋 is still the 15th of the 8th month, 6 Oct 2025.
        Assert.Equal(D("2025-10-06"), StatutoryHolidays.LunarDate(2025, 8, 15));
        Assert.Equal(D("2025-05-31"), StatutoryHolidays.LunarDate(2025, 5, 5));
        // 2023 has a leap 2nd month: 端午 22 Jun 2023, 中秋 29 Sep 2023.
        Assert.Equal(D("2023-06-22"), StatutoryHolidays.LunarDate(2023, 5, 5));
        Assert.Equal(D("2023-09-29"), StatutoryHolidays.LunarDate(2023, 8, 15));
    }

    [Theory]
    [InlineData(2015, "2015-04-05")]
    [InlineData(2016, "2016-04-04")]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    public void Qingming_IsTheDayOfTheSolarTerm(int year, string date) =>
        Assert.Equal(D(date), StatutoryHolidays.Qingming(year));

    [Fact]
    public void Qingming_AgreesWithTheShouxingRule_Through2099()
    {
        // The 寿星 rule for 清明 in the 21st century: day of April = [Y×0.2422 + 4.81] − [Y/4], Y the year's last two digits.
        for (var year = 2001; year <= 2099; year++)
        {
            var y = year % 100;
            var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
            Assert.True(new DateOnly(year, 4, day) == StatutoryHolidays.Qingming(year), $"{year}: {StatutoryHolidays.Qingming(year)}");
        }
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void ComputedHolidays_AreAllOffInThePublishedSchedule(int year)
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "calendar-cn-2025-2026.json");
        var official = JsonDocument.Parse(File.ReadAllText(seed)).RootElement.GetProperty("years")
            .GetProperty(year.ToString(CultureInfo.InvariantCulture)).GetProperty("off").EnumerateArray()
            .Select(d => D(d.GetString()!)).ToHashSet();
        var computed = StatutoryHolidays.For(year);
        Assert.Equal(13, computed.Count); // 1 + 4 + 1 + 2 + 1 + 1 + 3 (2025–2026: no festival falls on another)
        Assert.All(computed, h => Assert.Contains(h.Date, official));
    }

    [Fact]
    public void The2013Revision_AppliesBefore2025_AndNothingIsComputedBefore2014()
    {
        var y2024 = StatutoryHolidays.For(2024).Select(h => h.Date).ToList();
        Assert.DoesNotContain(D("2024-02-09"), y2024); // 除夕 2024 was not a statutory holiday yet
        Assert.Contains(D("2024-02-10"), y2024);
        Assert.DoesNotContain(D("2024-05-02"), y2024);
        Assert.Empty(StatutoryHolidays.For(2013));
    }

    [Fact]
    public void MidAutumnOnNationalDay_IsOneDayOff()
    {
        // 中秋 2028 falls on 3 October: the year has 12 statutory days, not 13.
        Assert.Equal(D("2028-10-03"), StatutoryHolidays.LunarDate(2028, 8, 15));
        Assert.Equal(12, StatutoryHolidays.For(2028).Count);
    }
}
