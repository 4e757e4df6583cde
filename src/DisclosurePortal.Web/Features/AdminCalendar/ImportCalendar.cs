using DisclosurePortal.Domain.Auditing;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminCalendar;

/// <summary>
/// 导入 a calendar file (domain README §6): every year in it, all or nothing; a year already entered only when the
/// admin asks to overwrite it.
/// </summary>
public sealed class ImportCalendarHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxImportBytes = 256 * 1024;

    /// <returns>The years imported, or why the file was refused (a localizer key and its arguments); nothing changed then.</returns>
    public async Task<Outcome<IReadOnlyList<int>>> HandleAsync(IFormFile? file, bool overwrite, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return new Refusal("请选择要导入的 JSON 文件。");
        if (file.Length > MaxImportBytes) return new Refusal("文件超过 256 KB，不是工作日历文件。");
        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                json = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return new Refusal("文件不是 UTF-8 编码的文本。");
            }
        }
        CalendarFile calendar;
        try
        {
            calendar = CalendarFile.Parse(json);
        }
        catch (CalendarRuleException ex)
        {
            return new Refusal(ex.Template, Args: [.. ex.Args]);
        }
        var years = calendar.Years.Select(y => y.Year).ToList();
        var existing = await db.CalendarYears.Where(y => years.Contains(y.Year)).ToListAsync(ct);
        if (existing.Count > 0 && !overwrite)
            return new Refusal("{0} 年已录入；如要用文件中的日期替换，请勾选“覆盖已录入年份”。",
                Args: string.Join("、", existing.Select(y => y.Year).Order().Select(Text)));

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var year in calendar.Years)
        {
            await db.CalendarDays.Where(d => d.Date >= new DateOnly(year.Year, 1, 1) && d.Date <= new DateOnly(year.Year, 12, 31)).ExecuteDeleteAsync(ct);
            if (existing.FirstOrDefault(y => y.Year == year.Year) is { } replaced) replaced.Replace(calendar.Source, now);
            else db.CalendarYears.Add(new CalendarYear(year.Year, calendar.Source, now));
            db.CalendarDays.AddRange(year.Off.Select(d => new CalendarDay(d, CalendarDayKind.Off)));
            db.CalendarDays.AddRange(year.Work.Select(d => new CalendarDay(d, CalendarDayKind.Work)));
            audit.Record(admin, AuditActions.CalendarImport, year.Year,
                $"{(existing.Any(y => y.Year == year.Year) ? "导入并覆盖" : "导入")} {year.Year} 年工作日历（{year.Off.Count} 个休息日、{year.Work.Count} 个调休上班日），依据：{calendar.Source}；文件 {file.FileName}");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return years;
    }

    public static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);
}
