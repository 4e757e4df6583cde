using DisclosurePortal.Domain.Catalogue;

namespace DisclosurePortal.Domain.Expectations;

/// <summary>
/// 所属期间: the month, quarter or year a periodic item reports on (每月10日前公开上月情况 reports on the month before).
/// Identified by its first day, so it is stored as one date.
/// </summary>
public readonly record struct ReportingPeriod
{
    private ReportingPeriod(TimeLimitKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    public TimeLimitKind Kind { get; }

    /// <summary>The period's first day: the 1st of its month, quarter or year.</summary>
    public DateOnly Start { get; }

    public DateOnly End => Kind switch
    {
        TimeLimitKind.MonthlyByDay => Start.AddMonths(1).AddDays(-1),
        TimeLimitKind.QuarterlyByDay => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddYears(1).AddDays(-1),
    };

    public ReportingPeriod Next => new(Kind, Kind switch
    {
        TimeLimitKind.MonthlyByDay => Start.AddMonths(1),
        TimeLimitKind.QuarterlyByDay => Start.AddMonths(3),
        _ => Start.AddYears(1),
    });

    public ReportingPeriod Previous => new(Kind, Kind switch
    {
        TimeLimitKind.MonthlyByDay => Start.AddMonths(-1),
        TimeLimitKind.QuarterlyByDay => Start.AddMonths(-3),
        _ => Start.AddYears(-1),
    });

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Whether items with this time limit report on periods (every month, quarter or year).</summary>
    public static bool IsPeriodic(TimeLimitKind kind) =>
        kind is TimeLimitKind.MonthlyByDay or TimeLimitKind.QuarterlyByDay or TimeLimitKind.AnnuallyByDay;

    /// <summary>The period of a periodic time limit that contains <paramref name="date"/>.</summary>
    public static ReportingPeriod Of(TimeLimitKind kind, DateOnly date)
    {
        if (!IsPeriodic(kind)) throw new DomainException("只有按月、按季度或按年公开的事项才有所属期间。");
        return kind switch
        {
            TimeLimitKind.MonthlyByDay => new(kind, new DateOnly(date.Year, date.Month, 1)),
            TimeLimitKind.QuarterlyByDay => new(kind, new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1)),
            _ => new(kind, new DateOnly(date.Year, 1, 1)),
        };
    }

    /// <summary>A stored period start, checked: it must be the first day of a period of this kind.</summary>
    public static ReportingPeriod FromStart(TimeLimitKind kind, DateOnly start)
    {
        var period = Of(kind, start);
        if (period.Start != start) throw new DomainException("所属期间无效。");
        return period;
    }

    /// <summary>How the period is named to a person: 2025年9月, 2025年第3季度, 2025年.</summary>
    public string Label => Kind switch
    {
        TimeLimitKind.MonthlyByDay => $"{Start.Year}年{Start.Month}月",
        TimeLimitKind.QuarterlyByDay => $"{Start.Year}年第{((Start.Month - 1) / 3) + 1}季度",
        _ => $"{Start.Year}年",
    };

    public override string ToString() => Label;
}
