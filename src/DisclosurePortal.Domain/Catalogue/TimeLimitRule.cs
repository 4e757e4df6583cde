using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Domain.Catalogue;

/// <summary>How a catalogue item's 公开时限 is counted, in a form the system can evaluate.</summary>
public enum TimeLimitKind
{
    /// <summary>信息形成或变更之日起 N 个工作日内 (条例 Art. 26: N = 20).</summary>
    WorkingDaysAfterFormed = 1,
    /// <summary>办结后 N 日内 (calendar days; county work plan: N = 10).</summary>
    DaysAfterCompletion = 2,
    /// <summary>每月 N 日前公开上月情况.</summary>
    MonthlyByDay = 3,
    /// <summary>每季度首月 N 日前公开上季度情况.</summary>
    QuarterlyByDay = 4,
    /// <summary>每年 1 月 N 日前公开上年情况.</summary>
    AnnuallyByDay = 5,
    /// <summary>实时: on the day the information is formed.</summary>
    RealTime = 6,
}

/// <summary>
/// The structured form of an item's time limit. <see cref="DueOn"/> answers: information formed (or a period
/// ending, or a matter completed) on this date must be public by which date?
/// </summary>
public sealed record TimeLimitRule
{
    public TimeLimitRule(TimeLimitKind kind, int amount)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("公开时限的计算方式无效。");
        var max = kind switch
        {
            TimeLimitKind.RealTime => 0,
            TimeLimitKind.MonthlyByDay or TimeLimitKind.QuarterlyByDay or TimeLimitKind.AnnuallyByDay => 28,
            _ => 365,
        };
        var min = kind == TimeLimitKind.RealTime ? 0 : 1;
        if (amount < min || amount > max)
            throw new DomainException($"公开时限的天数应在 {min} 到 {max} 之间。");
        Kind = kind;
        Amount = amount;
    }

    public TimeLimitKind Kind { get; }

    /// <summary>Working days, calendar days, or the day of the month, depending on <see cref="Kind"/>.</summary>
    public int Amount { get; }

    /// <summary>The statutory default (条例 Art. 26): 20 working days after the information is formed or changed.</summary>
    public static TimeLimitRule Statutory { get; } = new(TimeLimitKind.WorkingDaysAfterFormed, 20);

    public DateOnly DueOn(DateOnly eventDate, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Kind switch
        {
            TimeLimitKind.WorkingDaysAfterFormed => calendar.AddWorkingDays(eventDate, Amount),
            TimeLimitKind.DaysAfterCompletion => eventDate.AddDays(Amount),
            TimeLimitKind.MonthlyByDay => FirstOfNextMonth(eventDate).AddDays(Amount - 1),
            TimeLimitKind.QuarterlyByDay => FirstOfNextQuarter(eventDate).AddDays(Amount - 1),
            TimeLimitKind.AnnuallyByDay => new DateOnly(eventDate.Year + 1, 1, Amount),
            TimeLimitKind.RealTime => eventDate,
            _ => throw new InvalidOperationException($"Unhandled time limit kind {Kind}."),
        };
    }

    private static DateOnly FirstOfNextMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1);

    private static DateOnly FirstOfNextQuarter(DateOnly d)
    {
        var quarterStartMonth = ((d.Month - 1) / 3 * 3) + 1;
        return new DateOnly(d.Year, quarterStartMonth, 1).AddMonths(3);
    }
}
