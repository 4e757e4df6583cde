using System.Net;
using System.Text.Json;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Tests.Apply;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DisclosurePortal.Web.Tests.Security;

/// <summary>
/// The request log as a log shipper reads it (<c>Logging:Format=json</c> into <c>Logging:File</c>): one event per request
/// with its status, time, path and route template, and the signed-in user's id; none of the personal data the requests
/// carried (an application's identity number, phone, name and address, its query code in a receipt path and a /track
/// query string, a mistyped user name and password).
/// </summary>
public abstract class RequestLogTests(PortalFactory factory)
{
    [Fact]
    public async Task RequestsCarryingPersonalData_AreLoggedOnceEach_WithoutThePersonalData()
    {
        var folder = Directory.CreateTempSubdirectory("dp-jsonlog-").FullName;
        var id = ApplySupport.ResidentId("51102319900101771");
        const string phone = "13698765432";
        const string name = "欧阳日志";
        const string address = "青川县乔庄镇日志路77号";
        const string typedUserName = "ouyang.rizhi@example.cn";
        const string typedPassword = "Not-the-Password-42!";
        string code;
        string reviewerId;
        await using (var db = factory.NewDbContext())
            reviewerId = (await db.Users.SingleAsync(u => u.UserName == "reviewer")).Id;

        using (var app = factory.WithWebHostBuilder(b =>
               {
                   b.UseSetting("Logging:Format", "json");
                   b.UseSetting("Logging:File", Path.Combine(folder, "portal.json"));
                   b.UseSetting("RateLimits:Apply:PermitLimit", "1000");
               }))
        {
            var client = ApplySupport.Client(app);
            var form = ApplySupport.Valid();
            form["IdentityNumber"] = id;
            form["Contact"] = phone;
            form["ApplicantName"] = name;
            form["PostalAddress"] = address;
            code = await ApplySupport.SubmitValidAsync(client, form); // GET /apply, POST /apply
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/apply/receipt/{code}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/track?code={code}")).StatusCode);

            var failed = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
                new() { ["UserName"] = typedUserName, ["Password"] = typedPassword });
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
            var signedIn = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
                new() { ["UserName"] = "reviewer", ["Password"] = DemoAccountsSeeder.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage")).StatusCode);
            // Answered by the status-code page, re-executed as /error/404: still one event, and no route of its own.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);

            // ASP.NET Core's request scope gives whatever is logged while a receipt is served its raw path.
            var logger = app.Services.GetRequiredService<ILogger<RequestLogTests>>();
            using (logger.BeginScope(new Dictionary<string, object> { ["RequestPath"] = $"/apply/receipt/{code}" }))
                logger.LogWarning("An event logged while a receipt page is served");
        }

        var log = string.Concat(Directory.GetFiles(folder).Select(ReadShared));
        var events = log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement) // compact JSON: one object a line
            .ToList();
        var requests = events
            .Where(e => e.TryGetProperty("SourceContext", out var source) && source.GetString() == "Serilog.AspNetCore.RequestLoggingMiddleware")
            .Select(e => (
                Method: e.GetProperty("RequestMethod").GetString(),
                Path: e.GetProperty("RequestPath").GetString(),
                Route: e.GetProperty("RouteTemplate").GetString(),
                Status: e.GetProperty("StatusCode").GetInt32(),
                User: e.GetProperty("UserId").GetString(),
                Elapsed: e.GetProperty("Elapsed").GetDouble()))
            .ToList();
        var receipt = $"/apply/receipt/{code[..4]}********";
        (string, string, string?, int, string?)[] expected =
        [
            ("GET", "/apply", "apply", 200, null),
            ("POST", "/apply", "apply", 303, null),
            ("GET", receipt, "apply/receipt/{code}", 200, null),
            ("GET", "/track", "track", 200, null),
            ("GET", "/account/login", "account/login", 200, null),
            ("POST", "/account/login", "account/login", 400, null),
            ("GET", "/account/login", "account/login", 200, null),
            ("POST", "/account/login", "account/login", 302, reviewerId), // the sign-in sets the user for the rest of its request
            ("GET", "/manage", "manage", 200, reviewerId),
            ("GET", "/no-such-page", null, 404, reviewerId),
        ];
        Assert.Equal(expected, requests.Select(r => (r.Method!, r.Path!, r.Route, r.Status, r.User)));
        Assert.All(requests, r => Assert.True(r.Elapsed >= 0));
        Assert.Contains(events, e => e.GetProperty("@m").GetString()!.StartsWith("Failed sign-in", StringComparison.Ordinal));
        Assert.Contains(events, e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == receipt
            && e.GetProperty("@m").GetString() == "An event logged while a receipt page is served");

        // The file as written and its strings as JSON decodes them (an escaped \uXXXX would hide a name from the first).
        var decoded = string.Join('\n', events.SelectMany(Strings));
        foreach (var text in new[] { log, decoded })
        {
            foreach (var personal in new[] { id, phone, name, address, code, typedUserName, typedPassword })
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("code=", text, StringComparison.OrdinalIgnoreCase); // no query string at all
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [element.GetRawText()],
    };

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class RequestLogOnSqlite(SqlitePortal factory) : RequestLogTests(factory), IClassFixture<SqlitePortal>;

public sealed class RequestLogOnPostgres(PostgresPortal factory) : RequestLogTests(factory), IClassFixture<PostgresPortal>;
