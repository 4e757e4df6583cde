using System.Text;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.AdminCalendar;

/// <summary>
/// 系统管理员: the working-day calendar. Holidays and 调休 are data the State Council publishes each November or
/// December (domain README §6); a year not entered counts Monday–Friday only, so the missing ones are flagged.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminCalendarController(
    PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> L, IValidator<CalendarYearForm> yearValidator) : PortalController
{
    public const int MaxImportBytes = ImportCalendarHandler.MaxImportBytes;

    /// <summary>The import form's field names, as <see cref="Import"/> binds them (a file and a check box, no form class).</summary>
    public static class ImportFields
    {
        public const string File = "file";
        public const string Overwrite = "overwrite";
    }

    [HttpGet("/admin/calendar")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ListAsync(new CalendarYearForm(), null, ct));

    [HttpPost("/admin/calendar")]
    public async Task<IActionResult> CreateYear(CalendarYearForm form, [FromServices] CreateCalendarYearHandler handler, CancellationToken ct)
    {
        form.Normalize();
        if (!await yearValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(form, null, ct));
        }
        var year = await handler.HandleAsync(form, User, ct);
        Flash("已录入 {0} 年，请逐一添加休息日和调休上班日，或导入文件。", ImportCalendarHandler.Text(year));
        return RedirectToAction(nameof(Year), new { year });
    }

    [HttpGet("/admin/calendar/{year}")]
    public async Task<IActionResult> Year(CalendarYearRoute route, CancellationToken ct)
    {
        var model = await YearAsync(route.Year, new CalendarDayForm { Kind = CalendarDayForm.Off }, ct);
        return model is null ? YearMissing(route.Year) : View(model);
    }

    [HttpPost("/admin/calendar/{year}/days")]
    public async Task<IActionResult> AddDay(CalendarYearRoute route, CalendarDayForm form, [FromServices] CalendarDaysHandler handler, CancellationToken ct)
    {
        if (await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == route.Year, ct) is not { } calendarYear) return YearMissing(route.Year);
        form.Normalize();
        if (ModelState.IsValid)
        {
            var added = await handler.AddAsync(calendarYear, form, User, ct);
            if (added.Value is { } day)
            {
                Flash(day.Kind == CalendarDayKind.Off ? "已将 {0} 添加为休息日。" : "已将 {0} 添加为调休上班日。", CalendarFile.Iso(day.Date));
                return RedirectToAction(nameof(Year), new { year = route.Year });
            }
            // Localized here: the message names the date, so it cannot be a fixed key.
            ModelState.AddModelError(nameof(form.Date), L[added.Refusal!.Message, added.Refusal.Args].Value);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Year", (await YearAsync(route.Year, form, ct))!);
    }

    [HttpPost("/admin/calendar/{year}/days/{date}/delete")]
    public async Task<IActionResult> RemoveDay(CalendarDayRoute route, [FromServices] CalendarDaysHandler handler, CancellationToken ct)
    {
        if (await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == route.Year, ct) is not { } calendarYear) return YearMissing(route.Year);
        var removed = await handler.RemoveAsync(calendarYear, route.Date, User, ct);
        if (removed.Refusal is { } refusal) return NotFoundPage(refusal.Message, refusal.Args);
        Flash("已删除 {0}，该日按周一至周五的规则计算。", CalendarFile.Iso(route.Date));
        return RedirectToAction(nameof(Year), new { year = route.Year });
    }

    [HttpGet("/admin/calendar/{year}/export")]
    public async Task<IActionResult> Export(CalendarYearRoute route, CancellationToken ct)
    {
        var number = route.Year;
        var calendarYear = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == number, ct);
        if (calendarYear is null) return YearMissing(number);
        var days = await DaysOf(number).ToListAsync(ct);
        var file = new CalendarFile(calendarYear.Source, null, [new CalendarYearDays(number,
            [.. days.Where(d => d.Kind == CalendarDayKind.Off).Select(d => d.Date).Order()],
            [.. days.Where(d => d.Kind == CalendarDayKind.Work).Select(d => d.Date).Order()])]);
        return File(Encoding.UTF8.GetBytes(file.ToJson()), "application/json; charset=utf-8", $"calendar-cn-{number}.json");
    }

    [HttpPost("/admin/calendar/import")]
    [RequestSizeLimit(4 * MaxImportBytes)] // room for the multipart envelope; the file itself is checked by the handler
    [RequestFormLimits(MultipartBodyLengthLimit = 4 * MaxImportBytes)]
    public async Task<IActionResult> Import(
        [FromForm(Name = ImportFields.File)] IFormFile? file, [FromForm(Name = ImportFields.Overwrite)] bool overwrite,
        [FromServices] ImportCalendarHandler handler, CancellationToken ct)
    {
        var imported = await handler.HandleAsync(file, overwrite, User, ct);
        if (imported.Refusal is { } refusal)
        {
            // The list page again, 400, with what is wrong with the file beside the import form; nothing was changed.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(new CalendarYearForm(), L[refusal.Message, refusal.Args].Value, ct));
        }
        Flash("已导入 {0} 年的工作日历。", string.Join("、", imported.Value!.Select(ImportCalendarHandler.Text)));
        return RedirectToAction(nameof(Index));
    }

    private IQueryable<CalendarDay> DaysOf(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return db.CalendarDays.Where(d => d.Date >= first && d.Date <= last);
    }

    private async Task<CalendarListModel> ListAsync(CalendarYearForm form, string? importError, CancellationToken ct)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(ct);
        // A few dozen rows a year: counted here rather than grouped by a provider-specific date function.
        var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        var rows = years.Select(y => new CalendarYearRow(y.Year, y.Source, y.UpdatedAt,
            days.Count(d => d.Date.Year == y.Year && d.Kind == CalendarDayKind.Off),
            days.Count(d => d.Date.Year == y.Year && d.Kind == CalendarDayKind.Work))).ToList();
        var today = clock.Today();
        var missing = await CalendarQueries.MissingYearsAsync(db, today, nextYearOnlyFromNovember: false, ct);
        return new CalendarListModel(rows, missing, today.Year, form, importError);
    }

    private async Task<CalendarYearModel?> YearAsync(int year, CalendarDayForm form, CancellationToken ct)
    {
        var calendarYear = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, ct);
        if (calendarYear is null) return null;
        var days = await DaysOf(year).AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);
        var months = days.GroupBy(d => d.Date.Month)
            .Select(g => new CalendarMonth(g.Key, [.. g.Select(d => new CalendarDayRow(d.Date, d.Kind, d.Note))]))
            .ToList();
        return new CalendarYearModel(year, calendarYear.Source, calendarYear.UpdatedAt, months,
            days.Count(d => d.Kind == CalendarDayKind.Off), days.Count(d => d.Kind == CalendarDayKind.Work), form);
    }

    private ViewResult YearMissing(int year)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("YearMissing", new CalendarYearForm { Year = ImportCalendarHandler.Text(year) });
    }
}

public sealed record CalendarYearRow(int Year, string Source, DateTimeOffset UpdatedAt, int OffCount, int WorkCount);

public sealed record CalendarListModel(
    IReadOnlyList<CalendarYearRow> Rows, IReadOnlyList<int> MissingYears, int CurrentYear, CalendarYearForm Form, string? ImportError);

public sealed record CalendarDayRow(DateOnly Date, CalendarDayKind Kind, string? Note);

public sealed record CalendarMonth(int Month, IReadOnlyList<CalendarDayRow> Days);

public sealed record CalendarYearModel(
    int Year, string Source, DateTimeOffset UpdatedAt, IReadOnlyList<CalendarMonth> Months, int OffCount, int WorkCount, CalendarDayForm Form);
