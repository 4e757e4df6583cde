using System.Globalization;
using System.Text;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Web.Data;
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
    PortalDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> L,
    IValidator<CalendarYearForm> yearValidator) : PortalController
{
    public const int MaxImportBytes = 256 * 1024;
    private const string EntityType = "CalendarYear";

    [HttpGet("/admin/calendar")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ListAsync(new CalendarYearForm(), null, ct));

    [HttpPost("/admin/calendar")]
    public async Task<IActionResult> CreateYear(CalendarYearForm form, CancellationToken ct)
    {
        form.Normalize();
        if (!await yearValidator.ValidateIntoAsync(form, ModelState, ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(form, null, ct));
        }
        var year = new CalendarYear(form.ParsedYear(), form.Source!, clock.GetUtcNow());
        db.CalendarYears.Add(year);
        audit.Record(User, "calendar.year.create", EntityType, year.Year, $"录入 {year.Year} 年工作日历，依据：{year.Source}");
        await db.SaveChangesAsync(ct);
        Flash("已录入 {0} 年，请逐一添加休息日和调休上班日，或导入文件。", Text(year.Year));
        return Redirect($"/admin/calendar/{year.Year}");
    }

    [HttpGet("/admin/calendar/{year}")]
    public async Task<IActionResult> Year(string year, CancellationToken ct)
    {
        if (!TryYear(year, out var number, out var problem)) return problem!;
        var model = await YearAsync(number, new CalendarDayForm { Kind = CalendarDayForm.Off }, ct);
        return model is null ? YearMissing(number) : View(model);
    }

    [HttpPost("/admin/calendar/{year}/days")]
    public async Task<IActionResult> AddDay(string year, CalendarDayForm form, CancellationToken ct)
    {
        if (!TryYear(year, out var number, out var problem)) return problem!;
        var calendarYear = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == number, ct);
        if (calendarYear is null) return YearMissing(number);
        form.Normalize();
        if (ModelState.IsValid)
        {
            var date = form.ParsedDate();
            var existing = await db.CalendarDays.AsNoTracking().Where(d => d.Date == date).Select(d => (CalendarDayKind?)d.Kind).FirstOrDefaultAsync(ct);
            try
            {
                CalendarFile.CheckEntry(number, date, form.ParsedKind(), existing);
            }
            catch (CalendarRuleException ex)
            {
                // Localized here: the message names the date, so it cannot be a fixed key.
                ModelState.AddModelError(nameof(form.Date), L[ex.Template, [.. ex.Args]].Value);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Year", (await YearAsync(number, form, ct))!);
        }

        var day = new CalendarDay(form.ParsedDate(), form.ParsedKind(), form.Note);
        db.CalendarDays.Add(day);
        calendarYear.Touch(clock.GetUtcNow());
        audit.Record(User, "calendar.day.add", EntityType, number,
            $"添加{KindText(day.Kind)} {CalendarFile.Iso(day.Date)}{(day.Note is null ? "" : "（" + day.Note + "）")}");
        await db.SaveChangesAsync(ct);
        Flash(day.Kind == CalendarDayKind.Off ? "已将 {0} 添加为休息日。" : "已将 {0} 添加为调休上班日。", CalendarFile.Iso(day.Date));
        return Redirect($"/admin/calendar/{number}");
    }

    [HttpPost("/admin/calendar/{year}/days/{date}/delete")]
    public async Task<IActionResult> RemoveDay(string year, string date, CancellationToken ct)
    {
        if (!TryYear(year, out var number, out var problem)) return problem!;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year != number)
            return BadInput("日期应为该年内 yyyy-MM-dd 格式的日期。");
        var calendarYear = await db.CalendarYears.FirstOrDefaultAsync(y => y.Year == number, ct);
        if (calendarYear is null) return YearMissing(number);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == parsed, ct);
        if (day is null) return NotFoundPage("{0} 没有录入为休息日或调休上班日。", CalendarFile.Iso(parsed));

        db.CalendarDays.Remove(day);
        calendarYear.Touch(clock.GetUtcNow());
        audit.Record(User, "calendar.day.remove", EntityType, number, $"删除{KindText(day.Kind)} {CalendarFile.Iso(day.Date)}");
        await db.SaveChangesAsync(ct);
        Flash("已删除 {0}，该日按周一至周五的规则计算。", CalendarFile.Iso(parsed));
        return Redirect($"/admin/calendar/{number}");
    }

    [HttpGet("/admin/calendar/{year}/export")]
    public async Task<IActionResult> Export(string year, CancellationToken ct)
    {
        if (!TryYear(year, out var number, out var problem)) return problem!;
        var calendarYear = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == number, ct);
        if (calendarYear is null) return YearMissing(number);
        var days = await DaysOf(number).ToListAsync(ct);
        var file = new CalendarFile(calendarYear.Source, null, [new CalendarYearDays(number,
            [.. days.Where(d => d.Kind == CalendarDayKind.Off).Select(d => d.Date).Order()],
            [.. days.Where(d => d.Kind == CalendarDayKind.Work).Select(d => d.Date).Order()])]);
        return File(Encoding.UTF8.GetBytes(file.ToJson()), "application/json; charset=utf-8", $"calendar-cn-{number}.json");
    }

    [HttpPost("/admin/calendar/import")]
    [RequestSizeLimit(4 * MaxImportBytes)] // room for the multipart envelope; the file itself is checked below
    [RequestFormLimits(MultipartBodyLengthLimit = 4 * MaxImportBytes)]
    public async Task<IActionResult> Import(IFormFile? file, bool overwrite, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await ImportRefusedAsync("请选择要导入的 JSON 文件。");
        if (file.Length > MaxImportBytes) return await ImportRefusedAsync("文件超过 256 KB，不是工作日历文件。");
        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                json = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return await ImportRefusedAsync("文件不是 UTF-8 编码的文本。");
            }
        }
        CalendarFile calendar;
        try
        {
            calendar = CalendarFile.Parse(json);
        }
        catch (CalendarRuleException ex)
        {
            return await ImportRefusedAsync(ex.Template, [.. ex.Args]);
        }
        var years = calendar.Years.Select(y => y.Year).ToList();
        var existing = await db.CalendarYears.Where(y => years.Contains(y.Year)).ToListAsync(ct);
        if (existing.Count > 0 && !overwrite)
            return await ImportRefusedAsync("{0} 年已录入；如要用文件中的日期替换，请勾选“覆盖已录入年份”。",
                string.Join("、", existing.Select(y => y.Year).Order().Select(Text)));

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var year in calendar.Years)
        {
            await DaysOf(year.Year).ExecuteDeleteAsync(ct);
            if (existing.FirstOrDefault(y => y.Year == year.Year) is { } replaced) replaced.Replace(calendar.Source, now);
            else db.CalendarYears.Add(new CalendarYear(year.Year, calendar.Source, now));
            db.CalendarDays.AddRange(year.Off.Select(d => new CalendarDay(d, CalendarDayKind.Off)));
            db.CalendarDays.AddRange(year.Work.Select(d => new CalendarDay(d, CalendarDayKind.Work)));
            audit.Record(User, "calendar.import", EntityType, year.Year,
                $"{(existing.Any(y => y.Year == year.Year) ? "导入并覆盖" : "导入")} {year.Year} 年工作日历（{year.Off.Count} 个休息日、{year.Work.Count} 个调休上班日），依据：{calendar.Source}；文件 {file.FileName}");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Flash("已导入 {0} 年的工作日历。", string.Join("、", years.Select(Text)));
        return Redirect("/admin/calendar");
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

    private bool TryYear(string raw, out int year, out IActionResult? problem)
    {
        problem = null;
        if (raw.Length == 4 && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out year) && CalendarFile.IsValidYear(year))
            return true;
        year = 0;
        problem = BadInput("年份应为 2000 到 2100 之间的整数。");
        return false;
    }

    private ViewResult YearMissing(int year)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("YearMissing", new CalendarYearForm { Year = Text(year) });
    }

    /// <summary>The list page again, 400, with what is wrong with the file beside the import form; nothing was changed.</summary>
    private async Task<IActionResult> ImportRefusedAsync(string template, params string[] args)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ListAsync(new CalendarYearForm(), L[template, args].Value, HttpContext.RequestAborted));
    }

    private static string KindText(CalendarDayKind kind) => kind == CalendarDayKind.Off ? "休息日" : "调休上班日";

    private static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A confirmation shown once on the next page (a localizer key with one {0}).</summary>
    private void Flash(string message, string argument)
    {
        TempData["Flash"] = message;
        TempData["FlashArgument"] = argument;
    }
}

public sealed record CalendarYearRow(int Year, string Source, DateTimeOffset UpdatedAt, int OffCount, int WorkCount);

public sealed record CalendarListModel(
    IReadOnlyList<CalendarYearRow> Rows, IReadOnlyList<int> MissingYears, int CurrentYear, CalendarYearForm Form, string? ImportError);

public sealed record CalendarDayRow(DateOnly Date, CalendarDayKind Kind, string? Note);

public sealed record CalendarMonth(int Month, IReadOnlyList<CalendarDayRow> Days);

public sealed record CalendarYearModel(
    int Year, string Source, DateTimeOffset UpdatedAt, IReadOnlyList<CalendarMonth> Months, int OffCount, int WorkCount, CalendarDayForm Form);
