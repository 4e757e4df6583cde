namespace DisclosurePortal.Domain.Calendar;

/// <summary>
/// Working days: Monday–Friday that are not public holidays, plus the adjusted working weekends (调休上班).
/// Holidays and adjusted days are data (the State Council publishes each year's schedule), so a calendar
/// knows which years it has. In a year it does not know, the statutory holidays of 《全国年节及纪念日放假办法》
/// (<see cref="StatutoryHolidays"/>) are days off and nothing else is: 调休 cannot be known in advance, so every date
/// counted over such a year is provisional (<see cref="IsEstimated(DateOnly, DateOnly)"/>).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<DateOnly> _work;
    private readonly HashSet<int> _years;
    private readonly bool _statutoryForUnknownYears;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> _statutory = new();

    public WorkingCalendar(IEnumerable<int> knownYears, IEnumerable<DateOnly> offDays, IEnumerable<DateOnly> workDays)
        : this(knownYears, offDays, workDays, statutoryForUnknownYears: true)
    {
    }

    private WorkingCalendar(IEnumerable<int> knownYears, IEnumerable<DateOnly> offDays, IEnumerable<DateOnly> workDays, bool statutoryForUnknownYears)
    {
        _years = [.. knownYears];
        _off = [.. offDays];
        _work = [.. workDays];
        _statutoryForUnknownYears = statutoryForUnknownYears;
        var both = _off.Intersect(_work).ToList();
        if (both.Count > 0)
            throw new DomainException($"{both[0]:yyyy-MM-dd} 不能既是休息日又是调休上班日。");
    }

    /// <summary>A calendar with no holiday data at all, not even the statutory holidays: every weekday is a working day.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([], [], [], statutoryForUnknownYears: false);

    public IReadOnlySet<int> KnownYears => _years;

    public bool Knows(int year) => _years.Contains(year);

    /// <summary>
    /// Whether counting over (<paramref name="from"/>, <paramref name="to"/>] touches a year whose schedule is not entered,
    /// so that a date counted over it is provisional (暂定).
    /// </summary>
    public bool IsEstimated(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
            if (!Knows(year)) return true;
        return false;
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_work.Contains(date)) return true;
        if (IsHoliday(date)) return false;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// A public holiday or 调休 rest day (whatever day of the week it falls on); in a year not entered, a statutory
    /// holiday (放假办法), the only days off that are known in advance.
    /// </summary>
    public bool IsHoliday(DateOnly date) => _off.Contains(date) || IsStatutoryHolidayOfUnknownYear(date);

    /// <summary>A day off only because its year is not entered and the day is a statutory holiday.</summary>
    public bool IsStatutoryHolidayOfUnknownYear(DateOnly date) =>
        _statutoryForUnknownYears && !Knows(date.Year)
        && _statutory.GetOrAdd(date.Year, y => [.. StatutoryHolidays.For(y).Select(h => h.Date)]).Contains(date);

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
