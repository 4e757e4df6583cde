using System.Globalization;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminCalendar;

/// <summary>A year to enter, with the notice its schedule comes from. Strings, so what was typed comes back.</summary>
public sealed class CalendarYearForm
{
    public string? Year { get; set; }
    public string? Source { get; set; }

    public int ParsedYear() => int.Parse(Year!, NumberStyles.None, CultureInfo.InvariantCulture);

    public void Normalize()
    {
        Year = Year?.Trim();
        Source = Source?.Trim();
    }
}

public sealed class CalendarYearFormValidator : AbstractValidator<CalendarYearForm>, IDatabaseValidator
{
    public CalendarYearFormValidator(PortalDbContext db)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Year)
            .Must(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && CalendarFile.IsValidYear(n))
            .WithMessage("年份应为 2000 到 2100 之间的整数。")
            .MustAsync(async (form, _, ct) => !await db.CalendarYears.AnyAsync(y => y.Year == form.ParsedYear(), ct))
            .WithMessage("该年份已录入。");
        RuleFor(x => x.Source)
            .NotEmpty().WithMessage("请输入日历依据，例如国务院办公厅通知的文号。")
            .MaximumLength(CalendarFile.MaxSourceLength).WithMessage("日历依据不能超过 200 个字。");
    }
}

/// <summary>One date to add to a year: 休息日 (off) or 调休上班 (work), with an optional note.</summary>
public sealed class CalendarDayForm
{
    public const string Off = "off";
    public const string Work = "work";

    public string? Date { get; set; }
    public string? Kind { get; set; }
    public string? Note { get; set; }

    public DateOnly ParsedDate() => DateOnly.ParseExact(Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public CalendarDayKind ParsedKind() => Kind == Work ? CalendarDayKind.Work : CalendarDayKind.Off;

    public void Normalize()
    {
        Date = Date?.Trim();
        Kind = Kind?.Trim();
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }
}

/// <summary>Runs as the form is bound, before the action trims it: each value is judged as it will be stored, trimmed.</summary>
public sealed class CalendarDayFormValidator : AbstractValidator<CalendarDayForm>
{
    public CalendarDayFormValidator()
    {
        RuleFor(x => x.Date)
            .Must(d => DateOnly.TryParseExact(d?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("请输入日期，格式为 yyyy-MM-dd。");
        RuleFor(x => x.Kind)
            .Must(k => k?.Trim() is CalendarDayForm.Off or CalendarDayForm.Work)
            .WithMessage("请选择类型：休息日或调休上班。");
        RuleFor(x => x.Note)
            .Must(n => n is null || n.Trim().Length <= 100).WithMessage("说明不能超过 100 个字。"); // CalendarDays.Note
    }
}
