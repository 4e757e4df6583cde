namespace DisclosurePortal.Domain.Calendar;

/// <summary>
/// Working days: Monday–Friday that are not public holidays, plus the adjusted working weekends (调休上班).
/// Holidays and adjusted days are data (the State Council publishes each year's schedule), so a calendar
/// knows which years it has; a date in a year it does not know falls back to Monday–Friday.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<DateOnly> _work;
    private readonly HashSet<int> _years;

    public WorkingCalendar(IEnumerable<int> knownYears, IEnumerable<DateOnly> offDays, IEnumerable<DateOnly> workDays)
    {
        _years = [.. knownYears];
        _off = [.. offDays];
        _work = [.. workDays];
        var both = _off.Intersect(_work).ToList();
        if (both.Count > 0)
            throw new DomainException($"{both[0]:yyyy-MM-dd} 不能既是休息日又是调休上班日。");
    }

    /// <summary>A calendar with no holiday data: every weekday is a working day.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([], [], []);

    public IReadOnlySet<int> KnownYears => _years;

    public bool Knows(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_work.Contains(date)) return true;
        if (_off.Contains(date)) return false;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>A public holiday or 调休 rest day (whatever day of the week it falls on).</summary>
    public bool IsHoliday(DateOnly date) => _off.Contains(date);

    /// <summary>A weekend day that is worked (调休上班).</summary>
    public bool IsAdjustedWorkday(DateOnly date) => _work.Contains(date);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/>; the start day itself is not counted.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count--;
        }
        return day;
    }

    /// <summary>Working days in the half-open range (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }
}
