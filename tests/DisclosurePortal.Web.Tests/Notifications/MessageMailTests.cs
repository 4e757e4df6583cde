using System.Globalization;
using System.Net;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Messages;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Notifications;

/// <summary>
/// Issue 19 §4 for the mailbox: the department's editors are mailed (and noted in the portal) when a message is assigned
/// and, once per due date, when its reply is due soon; the writer who gave an address is mailed when the reply is
/// approved. Every mail reaches a real SMTP server on loopback and carries no contact data of the writer.
/// </summary>
public abstract class MessageMailTests(PortalFactory factory) : IAsyncLifetime
{
    private const string EditorAddress = "editor.housing@example.org";
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

    private WebApplicationFactory<Program> Mailing()
    {
        var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Host", "127.0.0.1");
            b.UseSetting("Mail:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Mail:Security", "None");
            b.UseSetting("Mail:Timeout", "00:00:05");
            b.UseSetting("Mail:PollInterval", TimeSpan.FromMilliseconds(200).ToString());
            b.UseSetting("RateLimits:Message:PermitLimit", "10000");
            b.UseSetting("RateLimits:Track:PermitLimit", "10000");
        });
        _ = app.Server;
        _apps.Add(app);
        return app;
    }

    private static HttpClient Client(WebApplicationFactory<Program> app) => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = Client(app);
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = DisclosurePortal.Data.Seed.DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task AssignedDueSoonAndAnswered_EachMailArrives_OnceAndWithoutTheWritersContactData()
    {
        _smtp.Start();
        var app = Mailing();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var writerAddress = $"writer-{tag}@example.org";
        int housing;
        await using (var db = factory.NewDbContext())
        {
            housing = await db.Departments.Where(d => d.OrganisationCode == "11511099022152793X").Select(d => d.Id).SingleAsync();
            var editor = await db.Users.SingleAsync(u => u.UserName == "editor.housing");
            editor.Email = EditorAddress; // the demo editor has no address of their own
            editor.NormalizedEmail = EditorAddress.ToUpperInvariant();
            await db.SaveChangesAsync();
        }

        var writer = Client(app);
        var written = await Browserish.PostFormAsync(writer, "/messages/write", "/messages/write", new()
        {
            ["Kind"] = nameof(MessageKind.Consultation),
            ["Subject"] = $"咨询路灯维修 {tag}",
            ["Body"] = "幸福路的路灯坏了两个星期，请问由哪个部门维修？",
            ["Name"] = "李留言",
            ["Phone"] = "13822223333",
            ["Email"] = writerAddress,
        });
        Assert.Equal(HttpStatusCode.SeeOther, written.StatusCode);
        var code = written.Headers.Location!.ToString()["/messages/receipt/".Length..];
        int id;
        await using (var db = factory.NewDbContext())
            id = await db.Messages.Where(m => m.QueryCode == code).Select(m => m.Id).SingleAsync();
        var page = $"/staff/messages/{id}";

        var office = await SignedInAsync(app, "reviewer");
        var (_, officeNotes) = await Html.GetAsync(office, "/notifications");
        Assert.Contains(officeNotes.QuerySelectorAll(".notification-list a"), a => a.TextContent.Contains(tag, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(office, page, page, new()
        {
            ["DepartmentId"] = housing.ToString(CultureInfo.InvariantCulture),
            ["Action"] = nameof(MessageAction.Accept),
        })).StatusCode);

        var assigned = (await _smtp.WaitForAsync(m => m.To.Contains(EditorAddress) && Text(m.Message()).Contains(tag, StringComparison.Ordinal))).Message();
        Assert.Equal(MessageNotifications.AssignedSubject, assigned.Subject);
        Assert.Contains(page, Text(assigned), StringComparison.Ordinal);
        AssertNoContactData(Text(assigned), writerAddress);
        var editorClient = await SignedInAsync(app, "editor.housing");
        var (_, editorNotes) = await Html.GetAsync(editorClient, "/notifications");
        Assert.Contains(editorNotes.QuerySelectorAll(".notification-list a"), a => a.TextContent.Contains(tag, StringComparison.Ordinal));

        // Due soon: the reply date is moved to today; the daily run reminds once, and not again the next time it runs.
        await using (var db = factory.NewDbContext())
        {
            var m = await db.Messages.SingleAsync(x => x.Id == id);
            db.Entry(m).Property(x => x.ReplyDueOn).CurrentValue = factory.Clock.Today();
            await db.SaveChangesAsync();
        }
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RemindDueSoonHandler>().HandleAsync(CancellationToken.None);
        }
        var reminder = (await _smtp.WaitForAsync(m => m.To.Contains(EditorAddress) && m.Message().Subject == MessageNotifications.DueSoonSubject
            && Text(m.Message()).Contains(tag, StringComparison.Ordinal))).Message();
        AssertNoContactData(Text(reminder), writerAddress);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editorClient, page, page, new()
        {
            ["Text"] = $"您好！幸福路路灯已于本周修复。{tag}",
            ["Action"] = nameof(MessageAction.DraftReply),
        })).StatusCode);
        Assert.DoesNotContain(_smtp.Received, m => m.To.Contains(writerAddress)); // a draft is no answer
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(office, page, page, new() { ["Action"] = nameof(MessageAction.ApproveReply) })).StatusCode);

        var answered = (await _smtp.WaitForAsync(m => m.To.Contains(writerAddress))).Message();
        Assert.Equal(MessageNotifications.AnsweredSubject, answered.Subject);
        Assert.Contains($"/messages/track?code={code}", Text(answered), StringComparison.Ordinal);
        Assert.DoesNotContain("路灯已于本周修复", Text(answered), StringComparison.Ordinal); // the reply is read on the portal
        AssertNoContactData(Text(answered), writerAddress);

        await Task.Delay(600); // more rounds of the sender, and the reminder ran twice: still one of each
        Assert.Single(_smtp.Received, m => m.To.Contains(writerAddress));
        Assert.Single(_smtp.Received, m => m.To.Contains(EditorAddress) && m.Message().Subject == MessageNotifications.DueSoonSubject
            && Text(m.Message()).Contains(tag, StringComparison.Ordinal));
    }

    private static string Text(MimeKit.MimeMessage mail) => mail.TextBody ?? string.Empty;

    private static void AssertNoContactData(string body, string writerAddress)
    {
        foreach (var secret in new[] { "李留言", "13822223333", writerAddress })
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
    }
}

public sealed class MessageMailOnSqlite(SqlitePortal factory) : MessageMailTests(factory), IClassFixture<SqlitePortal>;

public sealed class MessageMailOnPostgres(PostgresPortal factory) : MessageMailTests(factory), IClassFixture<PostgresPortal>;
