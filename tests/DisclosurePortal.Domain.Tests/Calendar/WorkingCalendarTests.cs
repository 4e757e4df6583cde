using DisclosurePortal.Domain.Calendar;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = China2025To2026;

    [Theory]
    [InlineData("2025-10-01", false)] // 国庆节
    [InlineData("2025-10-08", false)] // 国庆中秋调休
    [InlineData("2025-10-11", true)]  // Saturday, 调休上班
    [InlineData("2025-09-28", true)]  // Sunday, 调休上班
    [InlineData("2025-10-12", false)] // ordinary Sunday
    [InlineData("2026-02-14", true)]  // Saturday before 春节, 调休上班
    [InlineData("2026-02-23", false)] // Monday inside 春节
    [InlineData("2026-10-08", true)]  // ordinary Thursday after 国庆
    [InlineData("2026-11-23", true)]  // ordinary Monday
    public void IsWorkingDay_FollowsThePublishedSchedule(string date, bool working) =>
        Assert.Equal(working, _calendar.IsWorkingDay(D(date)));

    [Fact]
    public void AddWorkingDays_DoesNotCountTheStartDay_AndSkipsGoldenWeek()
    {
        // 条例 Art. 33: received Tue 30 Sep 2025; 1–8 Oct off, Sat 11 Oct worked: the 20th working day is 4 Nov.
        Assert.Equal(D("2025-11-04"), _calendar.AddWorkingDays(D("2025-09-30"), 20));
    }

    [Fact]
    public void AddWorkingDays_CountsAdjustedWorkingWeekends()
    {
        Assert.Equal(D("2025-01-26"), _calendar.AddWorkingDays(D("2025-01-24"), 1)); // Sunday 26 Jan is worked
        Assert.Equal(D("2025-01-27"), _calendar.AddWorkingDays(D("2025-01-24"), 2));
        Assert.Equal(D("2025-02-05"), _calendar.AddWorkingDays(D("2025-01-24"), 3)); // 28 Jan – 4 Feb off
        Assert.Equal(D("2026-02-14"), _calendar.AddWorkingDays(D("2026-02-13"), 1));
        Assert.Equal(D("2026-02-24"), _calendar.AddWorkingDays(D("2026-02-13"), 2));
    }

    [Fact]
    public void AddWorkingDays_ZeroIsTheSameDay() =>
        Assert.Equal(D("2025-10-03"), _calendar.AddWorkingDays(D("2025-10-03"), 0));

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        Assert.Equal(20, _calendar.WorkingDaysBetween(D("2025-09-30"), D("2025-11-04")));
        Assert.Equal(0, _calendar.WorkingDaysBetween(D("2025-10-01"), D("2025-10-08")));
    }

    [Fact]
    public void UnknownYear_TakesTheStatutoryHolidays_AndNothingElse()
    {
        Assert.False(_calendar.Knows(2027));
        Assert.False(_calendar.IsWorkingDay(D("2027-01-01"))); // 元旦, a Friday
        Assert.False(_calendar.IsWorkingDay(D("2027-02-05"))); // 除夕, a Friday
        Assert.False(_calendar.IsWorkingDay(D("2027-02-08"))); // 正月初三, a Monday
        Assert.True(_calendar.IsWorkingDay(D("2027-02-09")));  // no bridging days: they come with the State Council's notice
        Assert.False(_calendar.IsWorkingDay(D("2027-04-05"))); // 清明
        Assert.False(_calendar.IsWorkingDay(D("2027-06-09"))); // 端午
        Assert.False(_calendar.IsWorkingDay(D("2027-09-15"))); // 中秋
        Assert.False(_calendar.IsWorkingDay(D("2027-10-01"))); // 国庆, a Friday
        Assert.True(_calendar.IsHoliday(D("2027-10-01")));
        Assert.True(_calendar.IsStatutoryHolidayOfUnknownYear(D("2027-10-01")));
        Assert.False(_calendar.IsStatutoryHolidayOfUnknownYear(D("2026-10-01"))); // entered: the schedule says so itself
        Assert.False(_calendar.IsWorkingDay(D("2027-10-02")));  // a Saturday either way; no 调休 can be known
        Assert.Equal(D("2027-01-04"), _calendar.AddWorkingDays(D("2026-12-31"), 1));
    }

    [Fact]
    public void IsEstimated_WhenTheCountTouchesAYearNotEntered()
    {
        Assert.False(_calendar.IsEstimated(D("2025-12-04"), D("2026-01-06")));
        Assert.True(_calendar.IsEstimated(D("2026-12-04"), D("2027-01-05")));
        Assert.True(_calendar.IsEstimated(D("2027-03-01"), D("2027-03-05")));
    }

    [Fact]
    public void WeekdaysOnly_HasNoHolidaysAtAll() =>
        Assert.Equal(D("2027-01-11"), WorkingCalendar.WeekdaysOnly.AddWorkingDays(D("2027-01-01"), 6));

    [Fact]
    public void ADayCannotBeBothOffAndWorked()
    {
        var ex = Assert.Throws<DomainException>(() => new WorkingCalendar([2025], [D("2025-10-11")], [D("2025-10-11")]));
        Assert.Contains("2025-10-11", ex.Message, StringComparison.Ordinal);
    }
}
