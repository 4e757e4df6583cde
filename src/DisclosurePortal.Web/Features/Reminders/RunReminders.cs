using DisclosurePortal.Data;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Web.Features.Expectations;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Manage;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>What one run of the reminder job did.</summary>
public sealed record ReminderRun(int DueSoon, int BecameLate, bool Digest);

/// <summary>
/// The daily reminder job (消息警示, ADR 35): every unfinished thing with a due date — expected publications, unpublished
/// records, missing interpretations — whose due-soon or late day has come is reminded to its unit once, and what became
/// late goes into the office's digest once a day. Everything (log rows, notes, mail, webhook calls) is one SaveChanges:
/// a second process that runs at the same moment fails on the log's unique index and sends nothing.
/// </summary>
public sealed class RunRemindersHandler(PortalDbContext db, TimeProvider clock, ReminderAlerts alerts, ILogger<RunRemindersHandler> logger)
{
    public const string Actor = "系统";

    public async Task<ReminderRun> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var settings = await ReminderQueries.SettingsAsync(db, ct);

        var due = new List<(ReminderItem Item, ReminderKind Kind)>();
        foreach (var item in await OpenItemsAsync(today, calendar, ct))
            if (ReminderRules.Due(item.DueOn, today, settings.WorkingDaysBefore, calendar) is { } kind) due.Add((item, kind));

        // Already sent: the log of the last weeks (a due-soon window is at most 20 working days, a late one a week).
        var since = today.AddDays(-60);
        var sent = (await db.SentReminders.AsNoTracking()
                .Where(r => r.Round == 0 && r.DueOn >= since && (r.Kind == ReminderKind.DueSoon || r.Kind == ReminderKind.BecameLate))
                .Select(r => new { r.Key, r.DueOn, r.Kind }).ToListAsync(ct))
            .Select(r => (r.Key, r.DueOn, r.Kind)).ToHashSet();
        var fresh = due.Where(d => !sent.Contains((d.Item.Key, d.Item.DueOn, d.Kind))).ToList();

        var logged = new List<SentReminder>();
        foreach (var group in fresh.GroupBy(d => (d.Item.DepartmentId, d.Kind)).OrderBy(g => g.Key.DepartmentId).ThenBy(g => g.Key.Kind))
        {
            var items = group.Select(g => g.Item).ToList();
            await alerts.ToUnitAsync(group.Key.DepartmentId, group.Key.Kind, items, null, settings, ct);
            foreach (var item in items)
            {
                var row = SentReminder.Log(item.Subject, item.Key, item.SubjectId, item.DueOn, group.Key.Kind, 0, item.DepartmentId, item.Title, Actor, today, now);
                db.SentReminders.Add(row);
                logged.Add(row);
            }
        }

        // The office's digest, once a day, of every late reminder not yet in one (late ones found after today's digest go in tomorrow's).
        var digested = false;
        if (!await db.SentReminders.AnyAsync(r => r.Kind == ReminderKind.Digest && r.DueOn == today, ct))
        {
            var waiting = await db.SentReminders.Where(r => r.AwaitsDigest).ToListAsync(ct);
            waiting.AddRange(logged.Where(r => r.AwaitsDigest));
            if (waiting.Count > 0)
            {
                await alerts.DigestAsync(waiting, settings, ct);
                foreach (var r in waiting) r.Digested();
                db.SentReminders.Add(SentReminder.Log(ReminderSubject.Office, "office", null, today, ReminderKind.Digest, 0, null,
                    $"今日新增逾期事项 {waiting.Count} 项", Actor, today, now));
                digested = true;
            }
        }

        if (logged.Count == 0 && !digested) return new ReminderRun(0, 0, false);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another process logged the same reminders first (the unique index): it sent them; this run sends nothing.
            db.ChangeTracker.Clear();
            logger.LogWarning(e, "Reminders: nothing sent this run (another run logged these reminders first, or the save failed)");
            return new ReminderRun(0, 0, false);
        }
        var run = new ReminderRun(logged.Count(r => r.Kind == ReminderKind.DueSoon), logged.Count(r => r.Kind == ReminderKind.BecameLate), digested);
        logger.LogInformation("Reminders: {DueSoon} due soon, {Late} late, digest {Digest}", run.DueSoon, run.BecameLate, run.Digest);
        return run;
    }

    /// <summary>Every unfinished thing with a due date: open expected publications, unpublished records, missing interpretations.</summary>
    public async Task<List<ReminderItem>> OpenItemsAsync(DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        string Unit(int id) => departments.GetValueOrDefault(id, "—");
        var list = new List<ReminderItem>();

        var expectations = await ExpectationQueries.ComputeAsync(db, null, null, today, calendar, ct);
        var itemIds = expectations.Select(x => x.Item.ItemId).ToList();
        var names = await db.CatalogueItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.NameLevel1, i.NameLevel2 }).ToDictionaryAsync(i => i.Id, i => $"{i.NameLevel1} · {i.NameLevel2}", ct);
        foreach (var x in expectations)
        {
            foreach (var e in x.Expectations.Where(e => e.IsOpen))
            {
                var (key, what) = e.Period is { } p ? ($"item:{x.Item.ItemId}:{p.Start.Iso()}", p.Label) : ($"item:{x.Item.ItemId}:e:{e.Event!.EventId}", e.Event.Description);
                list.Add(new ReminderItem(ReminderSubject.Expectation, key, null, x.Item.DepartmentId, Unit(x.Item.DepartmentId),
                    $"{names.GetValueOrDefault(x.Item.ItemId, "—")}（{what}）", e.DueOn, $"/manage/items/{x.Item.ItemId}/expectations"));
            }
        }

        foreach (var r in await RecordDeadlines.PendingAsync(db, null, today, calendar, ct))
            list.Add(new ReminderItem(ReminderSubject.Record, RecordKey(r.RecordId), r.RecordId, r.DepartmentId, r.Department ?? Unit(r.DepartmentId), r.Title, r.DueOn,
                $"/manage/records/{r.RecordId}"));

        foreach (var p in await InterpretationQueries.TimelinessAsync(db, null, today, calendar, ct))
            if (p.Timeliness.IsMissing)
                list.Add(new ReminderItem(ReminderSubject.Interpretation, PolicyKey(p.PolicyRecordId), p.PolicyRecordId, p.DepartmentId, p.Department,
                    $"《{p.Title}》的政策解读", p.Timeliness.DueOn, "/manage/interpretations"));
        return list;
    }

    public static string RecordKey(int recordId) => $"record:{recordId}";

    public static string PolicyKey(int policyRecordId) => $"policy:{policyRecordId}";
}
