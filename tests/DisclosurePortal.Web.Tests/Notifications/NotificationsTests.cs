using System.Net;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Web.Infrastructure.Notifications;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DisclosurePortal.Web.Tests.Apply.ApplySupport;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Notifications;

/// <summary>
/// Issue 19: mail goes through the outbox to a real SMTP server on loopback (<see cref="TestSmtpServer"/>); an outage
/// delays it, never loses or repeats it; staff notes reach their recipients and only them.
/// </summary>
public abstract class NotificationsTests(PortalFactory factory) : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    private readonly List<WebApplicationFactory<Program>> _apps = [];

    /// <summary>
    /// Stops this test's apps first: a sender left running would keep claiming the fixture database's mail while the
    /// next test counts attempts (each test gets a new instance, so this runs after every test).
    /// </summary>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>xUnit 2 disposes a test class through IAsyncLifetime, not IAsyncDisposable: each test's apps (and their
    /// background senders) must stop before the next test's start, or they claim its mail for their own, older servers.</summary>
    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    /// <summary>The fixture's app sending to <see cref="_smtp"/>: every <paramref name="poll"/> by itself, or (null) only when a test says.</summary>
    private WebApplicationFactory<Program> Mailing(TimeSpan? poll)
    {
        var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Host", "127.0.0.1");
            b.UseSetting("Mail:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Security", "None");
            b.UseSetting("Mail:Timeout", "00:00:05");
            b.UseSetting("Mail:PollInterval", (poll ?? TimeSpan.FromHours(1)).ToString());
            // No round at start-up either: it could claim the test's mail while the test runs its own round.
            b.UseSetting("Mail:SendInBackground", poll is null ? "false" : "true");
            b.UseSetting("RateLimits:Apply:PermitLimit", "10000");
        });
        _ = app.Server;
        _apps.Add(app);
        return app;
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = Client(app);
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action, Dictionary<string, string> fields)
    {
        var page = $"/cases/{id}";
        fields["Version"] = await Browserish.InputValueAsync(client, page, "Version");
        return await Browserish.PostFormAsync(client, page, $"{page}/{action}", fields);
    }

    [Fact]
    public async Task AnsweredApplication_MailsTheApplicant_TheTrackingLinkOnly_AndTellsTheOfficeWhenSubmitted()
    {
        _smtp.Start();
        var app = Mailing(TimeSpan.FromMilliseconds(200));
        var address = $"applicant-{Guid.NewGuid():N}@example.org";
        var form = Valid();
        form["NotifyEmail"] = address;
        var code = await SubmitValidAsync(Client(app), form);

        int caseId;
        await using (var db = factory.NewDbContext())
        {
            var c = await db.ApplicationCases.SingleAsync(x => x.QueryCode == code);
            caseId = c.Id;
            Assert.StartsWith(PersonalData.Prefix, c.NotifyEmail, StringComparison.Ordinal); // encrypted at rest
            Assert.DoesNotContain(address, c.NotifyEmail!, StringComparison.Ordinal);
            Assert.Equal(address, app.Services.GetRequiredService<PersonalData>().RevealEmail(c.NotifyEmail));
        }

        var reviewer = await SignedInAsync(app, "reviewer");
        var (_, notes) = await Html.GetAsync(reviewer, "/notifications");
        Assert.Contains(notes.QuerySelectorAll(".notification-list li.unread a"), a => a.TextContent.Contains("网上提交的政府信息公开申请", StringComparison.Ordinal));
        Assert.NotNull(notes.QuerySelector(".staff-bar .nav-count"));

        var today = ChinaTime.Today(factory.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, caseId, "confirmreceipt", new() { ["On"] = today })).StatusCode);
        Assert.DoesNotContain(_smtp.Received, m => m.To.Contains(address)); // confirming receipt is no answer
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, caseId, "reply", new() { ["On"] = today, ["Template"] = "disclosed", ["Text"] = "张三丰：现予以提供。" })).StatusCode);

        var mail = await _smtp.WaitForAsync(m => m.To.Contains(address));
        var message = mail.Message();
        Assert.Equal("您的政府信息公开申请已答复", message.Subject);
        Assert.Contains($"/track?code={code}", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", message.TextBody, StringComparison.Ordinal); // nothing the applicant did not type into the mail
        Assert.DoesNotContain(form["InformationDescription"], message.TextBody, StringComparison.Ordinal);
        await Task.Delay(600); // a few more rounds of the sender: still one mail
        Assert.Single(_smtp.Received, m => m.To.Contains(address));
        await using (var db = factory.NewDbContext())
            Assert.NotNull((await db.OutboxMails.SingleAsync(m => m.To == address)).SentAt);
    }

    [Fact]
    public async Task MailInBackoff_HoweverMuch_NeverHoldsBackADueMail()
    {
        var app = Mailing(poll: null);
        var sender = app.Services.GetRequiredService<OutboxSender>();
        _smtp.Start();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = factory.Clock.GetUtcNow();
        var address = $"due-{tag}@example.org";
        await using (var db = factory.NewDbContext())
        {
            // 250 older mails a server refused a moment ago: each waits out its backoff.
            for (var i = 0; i < 250; i++)
            {
                var waiting = OutboxMail.Queue($"backoff-{i}-{tag}@example.org", "退避中的邮件", "正文", now);
                waiting.MarkFailed("550 测试", now);
                db.OutboxMails.Add(waiting);
            }
            await db.SaveChangesAsync();
            MailOutbox.Enqueue(db, address, "到期的邮件", "正文", factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await sender.SendDueAsync(CancellationToken.None);
        Assert.Single(_smtp.Received, m => m.To.Contains(address));
        Assert.DoesNotContain(_smtp.Received, m => m.To.Any(t => t.Contains(tag, StringComparison.Ordinal) && t.StartsWith("backoff-", StringComparison.Ordinal)));
        await using (var db = factory.NewDbContext())
            Assert.Equal(250, await db.OutboxMails.CountAsync(m => m.To.StartsWith("backoff-") && m.To.EndsWith($"-{tag}@example.org") && m.SentAt == null && m.Attempts == 1));
    }

    [Fact]
    public async Task SmtpOutage_KeepsTheMail_RetriesWithBackoff_AndDeliversItOnceWhenTheServerIsBack()
    {
        var app = Mailing(poll: null); // rounds only when the test runs one
        var sender = app.Services.GetRequiredService<OutboxSender>();
        var address = $"outage-{Guid.NewGuid():N}@example.org";
        int id;
        await using (var db = factory.NewDbContext())
        {
            // This test follows one mail through rounds of one batch: mail the class's other tests left unsent (no
            // server configured for them) would fill the batch first, as the oldest (OutboxSender sends oldest first).
            await db.OutboxMails.Where(m => m.SentAt == null).ExecuteDeleteAsync();
            id = MailOutbox.Enqueue(db, address, "测试邮件", "正文", factory.Clock.GetUtcNow()).Id;
            await db.SaveChangesAsync();
            id = (await db.OutboxMails.SingleAsync(m => m.To == address)).Id;
        }

        await sender.SendDueAsync(CancellationToken.None); // the server is down
        var afterFirst = await MailAsync(id);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Null(afterFirst.SentAt);
        Assert.Equal(OutboxMailState.Pending, afterFirst.State);
        Assert.False(string.IsNullOrEmpty(afterFirst.LastError));
        Assert.DoesNotContain(address, afterFirst.LastError!, StringComparison.Ordinal);
        Assert.True(afterFirst.NextAttemptAt >= factory.Clock.GetUtcNow().AddSeconds(50)); // backed off, not hammered

        await sender.SendDueAsync(CancellationToken.None); // not due yet
        Assert.Equal(1, (await MailAsync(id)).Attempts);

        factory.Clock.Advance(OutboxMail.Backoff(1) + TimeSpan.FromSeconds(1));
        await sender.SendDueAsync(CancellationToken.None); // due, still down
        Assert.Equal(2, (await MailAsync(id)).Attempts);

        _smtp.Start();
        factory.Clock.Advance(OutboxMail.Backoff(2) + TimeSpan.FromSeconds(1));
        await sender.SendDueAsync(CancellationToken.None);
        var sent = await MailAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(OutboxMailState.Sent, sent.State);
        var received = Assert.Single(_smtp.Received, m => m.To.Contains(address));
        Assert.Equal("测试邮件", received.Message().Subject);

        factory.Clock.Advance(TimeSpan.FromHours(7));
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Single(_smtp.Received, m => m.To.Contains(address)); // once
    }

    [Fact]
    public async Task MailThatFailsEveryAttempt_IsShownFailedToTheAdministrator_AndCanBeSentAgain()
    {
        var app = Mailing(poll: null);
        var sender = app.Services.GetRequiredService<OutboxSender>();
        var address = $"failed-{Guid.NewGuid():N}@example.org";
        int id;
        await using (var db = factory.NewDbContext())
        {
            MailOutbox.Enqueue(db, address, "多次失败的邮件", "正文", factory.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            id = (await db.OutboxMails.SingleAsync(m => m.To == address)).Id;
        }
        for (var i = 0; i < OutboxMail.MaxAttempts; i++)
        {
            await sender.SendDueAsync(CancellationToken.None);
            factory.Clock.Advance(OutboxMail.LongestWait + TimeSpan.FromMinutes(1));
        }
        Assert.Equal(OutboxMailState.Failed, (await MailAsync(id)).State);
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Equal(OutboxMail.MaxAttempts, (await MailAsync(id)).Attempts); // given up: no more attempts

        var admin = await SignedInAsync(app, "admin");
        var (response, page) = await Html.GetAsync(admin, "/admin/outbox?state=failed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelector($"#mail-{id}")!;
        Assert.Contains(OutboxMail.Mask(address), row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(address, page.Body!.InnerHtml, StringComparison.Ordinal); // masked

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, "/admin/outbox?state=failed", $"/admin/outbox/{id}/retry", new())).StatusCode);
        Assert.Equal(OutboxMailState.Pending, (await MailAsync(id)).State);
        await using (var db = factory.NewDbContext())
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.OutboxMailRetry.Code && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // A second retry of a mail no longer failed: 409, nothing changes.
        var again = await ForgedRequests.PostAsync(admin, $"/admin/outbox/{id}/retry", await ForgedRequests.TokenAsync(admin, "/admin/outbox"), []);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        _smtp.Start();
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Single(_smtp.Received, m => m.To.Contains(address));
    }

    [Fact]
    public async Task WithoutAnSmtpServer_TheOutboxPageSaysMailStaysQueued()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var (response, page) = await Html.GetAsync(admin, "/admin/outbox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("尚未配置邮件服务器", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (bad, _) = await Html.GetAsync(admin, "/admin/outbox?state=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ReturnedVersion_TellsTheDepartmentsEditors_OnlyThem_AndMarkingReadCountsDown()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var title = $"退回通知测试 {Guid.NewGuid():N}";
        var recordId = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, title);
        await SubmitAsync(editor, recordId);
        var versionId = await LatestVersionIdAsync(factory, recordId);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, versionId, "return", "请补充发文字号。", confidentiality: "1", legality: "1", attribute: "1")).StatusCode);

        var (_, list) = await Html.GetAsync(editor, "/notifications");
        var item = list.QuerySelectorAll(".notification-list li.unread").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Equal($"/manage/records/{recordId}", item.QuerySelector("a")!.GetAttribute("href"));
        var noteId = int.Parse(item.Id!["notification-".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var other = await Browserish.SignedInAsync(factory, "editor.finance");
        var (_, theirs) = await Html.GetAsync(other, "/notifications");
        Assert.DoesNotContain(title, theirs.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var stranger = await ForgedRequests.PostAsync(other, $"/notifications/{noteId}/read", await ForgedRequests.TokenAsync(other, "/notifications"), []);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        var before = await UnreadShownAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, "/notifications", $"/notifications/{noteId}/read", new())).StatusCode);
        Assert.Equal(before - 1, await UnreadShownAsync(editor));
        await using var db = factory.NewDbContext();
        Assert.NotNull((await db.StaffNotifications.SingleAsync(n => n.Id == noteId)).ReadAt);
    }

    private static async Task<int> UnreadShownAsync(HttpClient client)
    {
        var (_, page) = await Html.GetAsync(client, "/notifications");
        var badge = page.QuerySelector(".staff-bar .nav-count");
        return badge is null ? 0 : int.Parse(new string(badge.TextContent.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<OutboxMail> MailAsync(int id)
    {
        await using var db = factory.NewDbContext();
        return await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

public sealed class NotificationsOnSqlite(SqlitePortal factory) : NotificationsTests(factory), IClassFixture<SqlitePortal>;

public sealed class NotificationsOnPostgres(PostgresPortal factory) : NotificationsTests(factory), IClassFixture<PostgresPortal>;
