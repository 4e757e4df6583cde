namespace DisclosurePortal.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>休息日: a public holiday or 调休 rest day.</summary>
    Off = 1,
    /// <summary>调休上班: a weekend day that is a working day.</summary>
    Work = 2,
}

/// <summary>A date that differs from the Monday–Friday rule.</summary>
public sealed class CalendarDay
{
    public CalendarDay(DateOnly date, CalendarDayKind kind, string? note = null)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("日历类型无效。");
        Date = date;
        Kind = kind;
        Note = Guard.Optional(note);
    }

    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A year whose holiday schedule has been entered; a year without one is flagged.</summary>
public sealed class CalendarYear
{
    public CalendarYear(int year, string source, DateTimeOffset updatedAt)
    {
        Year = ValidYears.Check(year);
        Source = Guard.Required(source, nameof(source));
        UpdatedAt = updatedAt;
    }

    public int Year { get; private set; }
    public string Source { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A date of the year was added or removed.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>The whole year was replaced by an imported schedule with its own source.</summary>
    public void Replace(string source, DateTimeOffset now)
    {
        Source = Guard.Required(source, nameof(source));
        UpdatedAt = now;
    }
}
