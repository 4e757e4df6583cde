using DisclosurePortal.Data;
using DisclosurePortal.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>How many times the office pressed 催办 on a thing, and when last (shown on its row).</summary>
public sealed record UrgeSummary(int Count, DateTimeOffset Last);

public static class ReminderQueries
{
    /// <summary>The settings row, or the defaults (3 working days, no webhook) when an administrator never saved one.</summary>
    public static async Task<ReminderSettings> SettingsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ReminderSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? ReminderSettings.Defaults();

    /// <summary>催办 counts of the given records or policies (one query; the last instant picked in memory, as SQLite cannot order instants).</summary>
    public static async Task<IReadOnlyDictionary<int, UrgeSummary>> UrgesAsync(PortalDbContext db, ReminderSubject subject, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<int, UrgeSummary>();
        var rows = await db.SentReminders.AsNoTracking()
            .Where(r => r.Subject == subject && r.Kind == ReminderKind.Urged && r.SubjectId != null && ids.Contains(r.SubjectId.Value))
            .Select(r => new { Id = r.SubjectId!.Value, r.SentAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => new UrgeSummary(g.Count(), g.Max(r => r.SentAt)));
    }

    /// <summary>The 催办 a unit received since <paramref name="since"/>, newest first (the editor's dashboard).</summary>
    public static async Task<List<SentReminder>> UrgedOfUnitsAsync(PortalDbContext db, IReadOnlyCollection<int> units, DateOnly since, CancellationToken ct)
    {
        var rows = await db.SentReminders.AsNoTracking()
            .Where(r => r.DepartmentId != null && units.Contains(r.DepartmentId.Value) && r.Kind == ReminderKind.Urged && r.SentOn >= since).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.SentAt).Take(20)];
    }
}

/// <summary>What the 催办 button of one row needs.</summary>
public sealed record UrgeButton(string Subject, int Id, string Title, string ReturnTo, UrgeSummary? Urges);
