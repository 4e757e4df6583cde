using System.Reflection;
using System.Text.Json;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// The 26 domains, the 5 stages and the 2025–2026 working-day calendar, from the JSON files copied out of
/// shared/domain into this project (embedded, so nothing outside the app is read at run time). Idempotent.
/// </summary>
public sealed class ReferenceDataSeeder(PortalDbContext db, TimeProvider clock, RoleManager<IdentityRole> roles)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var reference = Load<DomainsFile>("domains.json");
        var knownDomains = await db.Domains.Select(d => d.Code).ToListAsync(ct);
        foreach (var d in reference.Domains.Where(d => !knownDomains.Contains(d.Code)))
            db.Domains.Add(new DisclosureDomain(d.Order, d.Code, d.Zh, d.En, d.Order));
        var knownStages = await db.Stages.Select(s => s.Code).ToListAsync(ct);
        foreach (var s in reference.Stages.Where(s => !knownStages.Contains(s.Code)))
            db.Stages.Add(new DisclosureStage(s.Order, s.Code, s.Zh, s.En, s.Order));

        var calendar = Load<CalendarFile>("calendar-cn-2025-2026.json");
        var knownYears = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var (yearText, days) in calendar.Years)
        {
            var year = int.Parse(yearText, System.Globalization.CultureInfo.InvariantCulture);
            if (knownYears.Contains(year)) continue;
            db.CalendarYears.Add(new CalendarYear(year, calendar.Source, now));
            db.CalendarDays.AddRange(days.Off.Select(d => new CalendarDay(d, CalendarDayKind.Off)));
            db.CalendarDays.AddRange(days.Work.Select(d => new CalendarDay(d, CalendarDayKind.Work)));
        }
        await db.SaveChangesAsync(ct);
        await ColumnSeeder.SeedAsync(db, ct);

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static T Load<T>(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<T>(stream, JsonOptions) ?? throw new InvalidOperationException($"{fileName} is empty.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record DomainsFile(List<ReferenceEntry> Domains, List<ReferenceEntry> Stages);

    private sealed record ReferenceEntry(int Order, string Code, string Zh, string En);

    private sealed record CalendarFile(string Source, Dictionary<string, CalendarYearDays> Years);

    private sealed record CalendarYearDays(List<DateOnly> Off, List<DateOnly> Work);
}
