using System.Globalization;
using System.Net;
using System.Text.Json;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Web.Features.Manage;
using DisclosurePortal.Web.Features.Reminders;
using DisclosurePortal.Web.Infrastructure.Notifications;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Reminders;

/// <summary>
/// 消息警示 (issue 21 §2, ADR 35): the daily job reminds a unit N working days before a due date and on the day it
/// becomes late, once each however often it runs; the office gets one digest a day; mail reaches a real SMTP server and
/// the webhook a real HTTP receiver on loopback, retried when the receiver is down; 催办 from the office's list; the
/// administrator's settings page refuses a bad address and keeps what was typed.
/// </summary>
public abstract class ReminderTests(PortalFactory factory) : IAsyncLifetime
{
    private const string HousingCode = "11511099022152793X";
    private const string EditorAddress = "editor.housing@example.org";
    private const string ReviewerAddress = "reviewer@example.org";
    private readonly TestSmtpServer _smtp = new();
    private readonly TestWebhookReceiver _hook = new();
    private readonly List<WebApplicationFactory<Program>> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: each test's apps (and their
    /// background senders) must stop before the next test's start, or they claim its mail for their own, older servers.</summary>
    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await _smtp.DisposeAsync();
        _hook.Dispose();
    }

    private WebApplicationFactory<Program> App(bool webhookInBackground = true)
    {
        var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Host", "127.0.0.1");
            b.UseSetting("Mail:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Security", "None");
            b.UseSetting("Mail:Timeout", "00:01:00"); // a busy machine: a failed send waits a backoff the test clock never reaches
            b.UseSetting("Mail:PollInterval", TimeSpan.FromMilliseconds(200).ToString());
            b.UseSetting("Webhooks:SendInBackground", webhookInBackground ? "true" : "false");
            b.UseSetting("Webhooks:PollInterval", TimeSpan.FromMilliseconds(200).ToString());
            b.UseSetting("Webhooks:Timeout", "00:00:30");
        });
        _ = app.Server;
        _apps.Add(app);
        return app;
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Addresses for the housing editor and the office reviewer, and the webhook on (settings row written as the admin page would).</summary>
    private async Task PrepareAsync(string? webhook)
    {
        await using var db = factory.NewDbContext();
        foreach (var (user, address) in new[] { ("editor.housing", EditorAddress), ("reviewer", ReviewerAddress) })
        {
            var u = await db.Users.SingleAsync(x => x.UserName == user);
            u.Email = address;
            u.NormalizedEmail = address.ToUpperInvariant();
        }
        var settings = await db.ReminderSettings.FirstOrDefaultAsync();
        if (settings is null) db.ReminderSettings.Add(settings = ReminderSettings.Defaults());
        settings.Update(3, webhook is not null, webhook, null, keepSecret: false, "测试", factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>A draft of 县住建局 under an item of its own (20 working days from 成文日期), formed on <paramref name="writtenOn"/>.</summary>
    private async Task<(int Id, string Title, DateOnly DueOn)> DraftAsync(DateOnly writtenOn, string tag)
    {
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == HousingCode);
        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
        var now = factory.Clock.GetUtcNow();
        var item = CatalogueItem.Create(new CatalogueItemElements
        {
            NameLevel1 = "提醒测试", NameLevel2 = $"事项{tag}", Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "信息形成之日起20个工作日内", TimeLimit = new TimeLimitRule(TimeLimitKind.WorkingDaysAfterFormed, 20),
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.RealTime,
        }, housing.Id, domain, stage, now);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        var title = $"提醒测试信息 {tag}";
        var (record, version) = await new RecordBuilder(db, factory.Clock).Under(item).Titled(title).SaveAsync();
        db.Entry(version).Property(v => v.WrittenOn).CurrentValue = writtenOn;
        await db.SaveChangesAsync();
        var calendar = await CalendarLoader.LoadAsync(db);
        var row = (await RecordDeadlines.PendingAsync(db, housing.Id, factory.Clock.Today(), calendar, CancellationToken.None)).Single(r => r.RecordId == record.Id);
        return (record.Id, title, row.DueOn);
    }

    /// <summary>The test clock to 09:00 China time of <paramref name="day"/> (the clock only goes forward).</summary>
    private void MoveTo(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        if (target > factory.Clock.GetUtcNow()) factory.Clock.SetUtcNow(target.ToUniversalTime());
        Assert.Equal(day, factory.Clock.Today());
    }

    private static async Task<ReminderRun> RunAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunRemindersHandler>().HandleAsync(CancellationToken.None);
    }

    private async Task<List<SentReminder>> LogAsync(int recordId)
    {
        await using var db = factory.NewDbContext();
        var key = RunRemindersHandler.RecordKey(recordId);
        return await db.SentReminders.AsNoTracking().Where(r => r.Key == key).ToListAsync();
    }

    /// <summary>How long to wait for a mail or call: the background senders poll every 200 ms, but a busy machine is slow.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    private static string Text(MimeKit.MimeMessage mail) => mail.TextBody ?? string.Empty;

    [Fact]
    public async Task DueSoonThenLate_EachRemindedOnce_ByNoteMailAndWebhook_AndTheOfficeGetsOneDigest()
    {
        _smtp.Start();
        _hook.Start();
        await PrepareAsync(_hook.Url);
        var app = App();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (id, title, due) = await DraftAsync(factory.Clock.Today(), tag);

        await using (var db = factory.NewDbContext())
        {
            var calendar = await CalendarLoader.LoadAsync(db);
            var before = ReminderRules.DueSoonFrom(due, 3, calendar);
            MoveTo(before.AddDays(-1));
            await RunAsync(app);
            Assert.Empty(await LogAsync(id)); // not yet: the window opens 3 working days before the due date
            MoveTo(before);
        }

        // Before the due date: the unit is reminded once, however often the job runs.
        await RunAsync(app);
        await RunAsync(app);
        var log = await LogAsync(id);
        Assert.Equal(ReminderKind.DueSoon, Assert.Single(log).Kind);
        var dueSoon = (await _smtp.WaitForAsync(m => m.To.Contains(EditorAddress) && m.Message().Subject == ReminderAlerts.DueSoonSubject
            && Text(m.Message()).Contains(tag, StringComparison.Ordinal), Slow)).Message();
        Assert.Contains($"/manage/records/{id}", Text(dueSoon), StringComparison.Ordinal);
        Assert.Contains(due.Iso(), Text(dueSoon), StringComparison.Ordinal);

        // The day after the due date: late, once; the webhook carries it as JSON; the office's digest names it.
        MoveTo(due.AddDays(1));
        var first = await RunAsync(app);
        var second = await RunAsync(app);
        Assert.True(first.Digest);
        Assert.Equal(new ReminderRun(0, 0, false), second);
        log = await LogAsync(id);
        Assert.Equal([ReminderKind.DueSoon, ReminderKind.BecameLate], log.Select(r => r.Kind).Order().ToList());

        await _smtp.WaitForAsync(m => m.To.Contains(EditorAddress) && m.Message().Subject == ReminderAlerts.LateSubject
            && Text(m.Message()).Contains(tag, StringComparison.Ordinal), Slow);
        var call = await _hook.WaitForAsync(c => c.Body.Contains(tag, StringComparison.Ordinal) && c.Body.Contains("became-late", StringComparison.Ordinal), Slow);
        Assert.Equal("POST", call.Method);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(call.Body))
        {
            Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
            Assert.Contains(title, json.RootElement.GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);
            var item = json.RootElement.GetProperty("alert").GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("key").GetString() == RunRemindersHandler.RecordKey(id));
            Assert.Equal(due.Iso(), item.GetProperty("dueOn").GetString());
        }
        var digest = (await _smtp.WaitForAsync(m => m.To.Contains(ReviewerAddress) && m.Message().Subject == ReminderAlerts.DigestSubject
            && Text(m.Message()).Contains(tag, StringComparison.Ordinal), Slow)).Message();
        await using (var db = factory.NewDbContext())
            Assert.Contains(await db.Departments.Where(d => d.OrganisationCode == HousingCode).Select(d => d.Name).SingleAsync(), Text(digest), StringComparison.Ordinal);
        await _hook.WaitForAsync(c => c.Body.Contains(tag, StringComparison.Ordinal) && c.Body.Contains("\"digest\"", StringComparison.Ordinal));

        await using (var db = factory.NewDbContext())
        {
            var today = factory.Clock.Today();
            Assert.Equal(1, await db.SentReminders.CountAsync(r => r.Kind == ReminderKind.Digest && r.DueOn == today));
            Assert.False((await db.SentReminders.SingleAsync(r => r.Key == RunRemindersHandler.RecordKey(id) && r.Kind == ReminderKind.BecameLate)).AwaitsDigest);
        }
        await using (var db = factory.NewDbContext())
        {
            var housing = await db.Departments.Where(d => d.OrganisationCode == HousingCode).Select(d => d.Id).SingleAsync();
            Assert.Equal(2, await db.StaffNotifications.CountAsync(n => n.RecipientDepartmentId == housing && n.Text.Contains(tag)));
        }

        await Task.Delay(600); // more rounds of both senders: still one of each
        Assert.Single(_smtp.Received, m => m.To.Contains(EditorAddress) && m.Message().Subject == ReminderAlerts.LateSubject && Text(m.Message()).Contains(tag, StringComparison.Ordinal));
        Assert.Single(_smtp.Received, m => m.To.Contains(ReviewerAddress) && Text(m.Message()).Contains(tag, StringComparison.Ordinal));
        Assert.Single(_hook.Received, c => c.Body.Contains(tag, StringComparison.Ordinal) && c.Body.Contains("became-late", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebhookReceiverDown_TheCallIsRetriedAfterTheBackoff_NotLost()
    {
        await PrepareAsync(_hook.Url); // the receiver is not started: connection refused
        var app = App(webhookInBackground: false);
        var admin = await SignedInAsync(app, "admin");
        var posted = await Browserish.PostFormAsync(admin, "/admin/reminders", "/admin/reminders/test", new());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var sender = app.Services.GetRequiredService<WebhookSender>();

        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        await using (var db = factory.NewDbContext())
        {
            var call = await db.OutboxWebhooks.Where(w => w.Url == _hook.Url && w.Body.Contains("\"test\"")).SingleAsync();
            Assert.Equal((1, null), (call.Attempts, call.SentAt));
            Assert.NotNull(call.LastError);
        }
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None)); // not before its next attempt

        _hook.Start();
        factory.Clock.Advance(Domain.Notifications.OutboxMail.Backoff(1) + TimeSpan.FromSeconds(1));
        await sender.SendDueAsync(CancellationToken.None);
        var received = await _hook.WaitForAsync(c => c.Body.Contains("\"test\"", StringComparison.Ordinal));
        Assert.Contains(ReminderAlerts.TestSubject, received.Body, StringComparison.Ordinal);
        await using (var db = factory.NewDbContext())
            Assert.NotNull((await db.OutboxWebhooks.Where(w => w.Url == _hook.Url && w.Body.Contains("\"test\"")).SingleAsync()).SentAt);
    }

    [Fact]
    public async Task Urge_FromTheOfficeList_NotifiesTheUnit_CountsOnTheRow_AndIsAudited()
    {
        _smtp.Start();
        await PrepareAsync(null);
        var app = App();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (id, _, _) = await DraftAsync(new DateOnly(2001, 1, 2), tag); // long overdue: first on the list
        var reviewer = await SignedInAsync(app, "reviewer");
        const string list = "/office/deadlines?due=overdue";

        for (var n = 1; n <= 2; n++)
        {
            var urged = await Browserish.PostFormAsync(reviewer, list, $"/office/urge/record/{id}", new());
            Assert.Equal(HttpStatusCode.Redirect, urged.StatusCode);
            Assert.Equal(list, urged.Headers.Location!.OriginalString);
        }
        var (_, page) = await Html.GetAsync(reviewer, list);
        Assert.Contains("已催办", page.QuerySelector(".flash, [role=status], .notice")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector($"tr[data-record='{id}']")!;
        Assert.Equal("2", row.QuerySelector("[data-urged]")!.GetAttribute("data-urged"));
        Assert.Contains("已催办 2 次", row.TextContent, StringComparison.Ordinal);

        await _smtp.WaitForAsync(m => m.To.Contains(EditorAddress) && m.Message().Subject == ReminderAlerts.UrgedSubject && Text(m.Message()).Contains(tag, StringComparison.Ordinal));
        var editor = await SignedInAsync(app, "editor.housing");
        var (_, manage) = await Html.GetAsync(editor, "/manage");
        Assert.Contains(tag, manage.QuerySelector("#urged")!.TextContent, StringComparison.Ordinal);
        var (_, notes) = await Html.GetAsync(editor, "/notifications");
        Assert.Contains(notes.QuerySelectorAll(".notification-list a"), a => a.TextContent.Contains("催办", StringComparison.Ordinal) && a.TextContent.Contains(tag, StringComparison.Ordinal));
        await using var db = factory.NewDbContext();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "record.urge" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal([1, 2], (await LogAsync(id)).Where(r => r.Kind == ReminderKind.Urged).Select(r => r.Round).Order().ToList());
    }

    [Fact]
    public async Task Urge_OfARecordNotLate_IsRefusedWithAChineseMessage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (id, _, _) = await DraftAsync(factory.Clock.Today(), tag);
        var (old, _, _) = await DraftAsync(new DateOnly(2001, 1, 2), tag + "o");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        // The button is only on late rows; a hand-made POST (with a valid token from a real button) is refused.
        var form = await PageForm.FindAsync(reviewer, "/office/deadlines?due=overdue", $"/office/urge/record/{old}");
        var refused = await reviewer.PostAsync($"/office/urge/record/{id}", new FormUrlEncodedContent(form.Fill([])));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("尚未超过公开时限", (await Html.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminSettings_BadAddress_Is400_WithTheMessage_AndKeepsWhatWasTyped_ThenSaves()
    {
        _ = factory.Server;
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var bad = await Browserish.PostFormAsync(admin, "/admin/reminders", "/admin/reminders", new()
        {
            ["Form.WorkingDaysBefore"] = "5",
            ["Form.WebhookEnabled"] = "true",
            ["Form.WebhookUrl"] = "ftp://chat.example.org/robot",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await Html.ParseAsync(bad);
        Assert.Contains("接收地址必须是以 http:// 或 https:// 开头的完整网址。", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ftp://chat.example.org/robot", doc.QuerySelector("#Form_WebhookUrl")!.GetAttribute("value"));
        Assert.Equal("5", doc.QuerySelector("#Form_WorkingDaysBefore")!.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector("#Form_WebhookEnabled[checked]"));

        var ok = await Browserish.PostFormAsync(admin, "/admin/reminders", "/admin/reminders", new()
        {
            ["Form.WorkingDaysBefore"] = "5",
            ["Form.WebhookEnabled"] = "true",
            ["Form.WebhookUrl"] = "https://chat.example.org/robot/send?access_token=abc",
            ["Form.WebhookSecret"] = "SECtest",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using var db = factory.NewDbContext();
        var saved = await db.ReminderSettings.SingleAsync();
        Assert.Equal((5, true, "https://chat.example.org/robot/send?access_token=abc"), (saved.WorkingDaysBefore, saved.WebhookEnabled, saved.WebhookUrl));
        Assert.NotEqual("SECtest", saved.WebhookSecret); // protected at rest
        var audit = await db.AuditEvents.Where(e => e.Action == "reminder-settings.update").OrderByDescending(e => e.Id).FirstAsync();
        Assert.DoesNotContain("access_token", audit.Summary!, StringComparison.Ordinal);
        var (_, page) = await Html.GetAsync(admin, "/admin/reminders");
        Assert.DoesNotContain("SECtest", page.Body!.OuterHtml, StringComparison.Ordinal);
    }
}

public sealed class ReminderOnSqlite(SqlitePortal factory) : ReminderTests(factory), IClassFixture<SqlitePortal>;

public sealed class ReminderOnPostgres(PostgresPortal factory) : ReminderTests(factory), IClassFixture<PostgresPortal>;
