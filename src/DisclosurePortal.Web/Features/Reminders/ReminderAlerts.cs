using System.Text.Json;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>One thing with a due date that a unit is reminded of.</summary>
/// <param name="Key">Stable across runs (<see cref="SentReminder.Key"/>).</param>
/// <param name="SubjectId">The record or policy id; null for an expected publication.</param>
/// <param name="Link">A path of the portal where the editor acts on it.</param>
public sealed record ReminderItem(ReminderSubject Subject, string Key, int? SubjectId, int DepartmentId, string Department, string Title, DateOnly DueOn, string Link);

/// <summary>
/// Writes one alert to every channel (ADR 35): a 站内通知 per item to the unit's editors, one mail per editor listing the
/// items, and one webhook call when a webhook is on; the office's digest the same way to the reviewers. Every method only
/// adds rows (notes, outbox mail, outbox webhook) to the DbContext: they commit with the caller's log rows, or not at all.
/// </summary>
public sealed class ReminderAlerts(PortalDbContext db, PublicSite site, TimeProvider clock, IHttpContextAccessor http)
{
    public const string DueSoonSubject = "公开事项即将到期提醒";
    public const string LateSubject = "公开事项已逾期提醒";
    public const string UrgedSubject = "政务公开办催办通知";
    public const string DigestSubject = "今日新增逾期事项汇总";
    public const string TestSubject = "消息警示测试";

    /// <summary>Items written out in one mail or call (a mail body holds 8000 characters); the rest are counted ("等 N 项").</summary>
    public const int MaxListed = 30;

    public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One unit's items of one kind: notes, one mail per editor, one webhook call.</summary>
    public async Task ToUnitAsync(int departmentId, ReminderKind kind, IReadOnlyList<ReminderItem> items, string? urgedBy, ReminderSettings settings, CancellationToken ct)
    {
        if (items.Count == 0) return;
        items = [.. Ordered(items)];
        var now = clock.GetUtcNow();
        foreach (var item in items)
            StaffNotifications.Add(db, StaffNotification.ToDepartment(departmentId, NoteText(kind, item, urgedBy), item.Link, now));
        var (subject, lead) = kind switch
        {
            ReminderKind.DueSoon => (DueSoonSubject, "以下事项即将到期，请在期限前公开："),
            ReminderKind.BecameLate => (LateSubject, "以下事项已超过公开期限，请尽快公开或说明情况："),
            _ => (UrgedSubject, $"政务公开办（{urgedBy}）催办以下逾期事项，请尽快公开或说明情况："),
        };
        var body = Fit(Body(items[0].Department, lead, items));
        foreach (var address in await UnitAddressesAsync(departmentId, now, ct))
            MailOutbox.Enqueue(db, address, subject, body, now);
        Webhook(settings, subject, body, Code(kind), items);
    }

    /// <summary>The office's daily digest: one note to the reviewers, one mail to each, one webhook call.</summary>
    public async Task DigestAsync(IReadOnlyList<SentReminder> late, ReminderSettings settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        StaffNotifications.Add(db, StaffNotification.ToRole(Roles.Reviewer, $"今日新增逾期事项 {late.Count} 项（{today.Iso()}），请督促相关单位办理。",
            "/office/deadlines?due=overdue", now));
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var byUnit = late.GroupBy(r => r.DepartmentId ?? 0).OrderBy(g => g.Key)
            .Select(g => $"{(departments.TryGetValue(g.Key, out var n) ? n : "—")}：\n{string.Join("\n", g.OrderBy(r => r.Subject == ReminderSubject.Expectation).ThenBy(r => r.DueOn).Take(10).Select(r => $"  · {Short(r.Title)}（应于 {r.DueOn.Iso()} 前公开）"))}{More(g.Count(), 10)}")
            .Take(MaxListed).ToList();
        var body = $"""
            {today.Iso()} 新增逾期事项 {late.Count} 项，已分别提醒相关单位：

            {string.Join("\n", byUnit)}

            全县督办：{Absolute("/office")}

            本邮件由系统自动发送，请勿回复。
            """;
        body = Fit(body);
        foreach (var address in await ReviewerAddressesAsync(now, ct))
            MailOutbox.Enqueue(db, address, DigestSubject, body, now);
        Webhook(settings, DigestSubject, body, "digest",
            late.OrderBy(r => r.Subject == ReminderSubject.Expectation).ThenBy(r => r.DueOn).Select(r => new ReminderItem(r.Subject, r.Key, r.SubjectId, r.DepartmentId ?? 0, departments.GetValueOrDefault(r.DepartmentId ?? 0, "—"), r.Title, r.DueOn, "/office")).ToList());
    }

    /// <summary>The administrator's test message: one webhook call to <paramref name="url"/>.</summary>
    public void TestWebhook(string url, string actor)
    {
        var text = $"【{site.SiteName}】{TestSubject}：{actor} 于 {clock.GetUtcNow().ToChina():yyyy-MM-dd HH:mm} 发送的测试消息。收到此消息说明 Webhook 配置正确。";
        db.OutboxWebhooks.Add(OutboxWebhook.Queue(url, Payload(text, "test", []), clock.GetUtcNow()));
    }

    private void Webhook(ReminderSettings settings, string subject, string body, string kind, IReadOnlyList<ReminderItem> items)
    {
        if (settings.ActiveWebhook is not { } url) return;
        var text = $"【{site.SiteName}】{subject}\n{body.Replace("本邮件由系统自动发送，请勿回复。", "", StringComparison.Ordinal).TrimEnd()}";
        if (text.Length > 4000) text = text[..4000] + "…";
        db.OutboxWebhooks.Add(OutboxWebhook.Queue(url, Payload(text, kind, items), clock.GetUtcNow()));
    }

    /// <summary>
    /// The JSON: <c>msgtype</c>/<c>text</c> as 钉钉 and 企业微信 chat robots read them, and <c>alert</c> with the items for
    /// any other receiver.
    /// </summary>
    private string Payload(string text, string kind, IReadOnlyList<ReminderItem> items) => JsonSerializer.Serialize(new
    {
        msgtype = "text",
        text = new { content = text },
        alert = new
        {
            kind,
            site = site.SiteName,
            sentAt = clock.GetUtcNow(),
            count = items.Count,
            items = items.Take(MaxListed).Select(i => new
            {
                subject = i.Subject.ToString(),
                key = i.Key,
                title = i.Title,
                unit = i.Department,
                dueOn = i.DueOn.Iso(),
                link = Absolute(i.Link),
            }),
        },
    }, Json);

    public static string Code(ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "due-soon",
        ReminderKind.BecameLate => "became-late",
        ReminderKind.Urged => "urged",
        _ => "digest",
    };

    private static string NoteText(ReminderKind kind, ReminderItem item, string? urgedBy) => kind switch
    {
        ReminderKind.DueSoon => $"即将到期：“{Short(item.Title)}”应于 {item.DueOn.Iso()} 前公开。",
        ReminderKind.BecameLate => $"已逾期：“{Short(item.Title)}”应于 {item.DueOn.Iso()} 前公开，请尽快办理。",
        _ => $"催办：政务公开办（{urgedBy}）催办“{Short(item.Title)}”（应于 {item.DueOn.Iso()} 前公开），请尽快办理。",
    };

    private string Body(string department, string lead, IReadOnlyList<ReminderItem> items) => $"""
        {department}：

        {lead}

        {string.Join("\n", items.Take(MaxListed).Select(i => $"· {Short(i.Title)}（应于 {i.DueOn.Iso()} 前公开）\n  {Absolute(i.Link)}"))}{More(items.Count)}

        本邮件由系统自动发送，请勿回复。
        """;

    /// <summary>The unit's editors with an address, not locked; a village's are its township's (UnitKeeping).</summary>
    private async Task<List<string>> UnitAddressesAsync(int departmentId, DateTimeOffset now, CancellationToken ct)
    {
        var unit = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => new { d.Level, d.ParentId }).FirstOrDefaultAsync(ct);
        var keeper = unit is { Level: UnitLevel.Village, ParentId: { } parent } ? parent : departmentId;
        var users = await db.Users.AsNoTracking().Where(u => u.DepartmentId == keeper && u.Email != null)
            .Select(u => new { u.Email, u.LockoutEnd }).ToListAsync(ct);
        return [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd < now).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private async Task<List<string>> ReviewerAddressesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var users = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Reviewer && u.Email != null
            select new { u.Email, u.LockoutEnd }).AsNoTracking().ToListAsync(ct);
        return [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd < now).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private string Absolute(string path) =>
        http.HttpContext is { } context ? site.Absolute(context.Request, path) : (site.BaseUrl ?? "") + path;

    /// <summary>A mail body within the outbox's limit: a very long list is cut, with where to read it whole.</summary>
    private static string Fit(string body) =>
        body.Length <= Domain.Notifications.OutboxMail.MaxBodyLength - 200 ? body
            : body[..(Domain.Notifications.OutboxMail.MaxBodyLength - 300)] + "\n……（清单过长，完整清单请登录系统查看）\n\n本邮件由系统自动发送，请勿回复。";

    /// <summary>Drafted records and interpretations first (someone is at work on them), then expected publications; each by due date.</summary>
    private static IEnumerable<ReminderItem> Ordered(IEnumerable<ReminderItem> items) =>
        items.OrderBy(i => i.Subject == ReminderSubject.Expectation).ThenBy(i => i.DueOn).ThenBy(i => i.Key, StringComparer.Ordinal);

    private static string More(int count, int listed = MaxListed) => count > listed ? $"\n  ……等共 {count} 项" : "";

    private static string Short(string title) => title.Length <= 40 ? title : title[..40] + "…";
}
