using System.Net;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Audit;

/// <summary>/admin/audit: the audit log and 检查审计链, through the pages, on the real app (docs/adr/0023).</summary>
public abstract class AdminAuditTests(PortalFactory factory)
{
    private static Task<HttpResponseMessage> CheckAsync(HttpClient admin) =>
        Browserish.PostFormAsync(admin, "/admin/audit", "/admin/audit/check", []);

    [Fact]
    public async Task PublishingThroughTheWorkflow_ChainsItsEvents_AndTheCheckReportsTheChainIntact()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"审计链测试 {Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve")).StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Record" && e.EntityId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(["record.create", "record.submit", "record.review", "record.review", "record.publish"], events.Select(e => e.Action)); // a step each (issue 21 §6)
            Assert.All(events, e => Assert.Equal(Domain.Auditing.AuditChain.HashOf(e), e.Hash));
            foreach (var e in events)
                Assert.Equal(e.PreviousHash, await db.AuditEvents.Where(p => p.Sequence == e.Sequence - 1).Select(p => p.Hash).SingleOrDefaultAsync()); // none before the first
        }

        var admin = await Browserish.SignedInAsync(factory, "admin");
        var response = await CheckAsync(admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await Html.ParseAsync(response)).QuerySelector(".chain-report")!;
        Assert.Equal("ok", report.GetAttribute("data-chain"));
        Assert.True(long.Parse(report.GetAttribute("data-checked")!, System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.StartsWith("审计链完整", report.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_ListsTheNewestFirst_FilteredByEntityActorAndDate()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var fields = DepartmentFields();
        fields["Name"] = department.Name + "改";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, $"/admin/departments/{department.Id}/edit", $"/admin/departments/{department.Id}/edit", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, "/admin/departments", $"/admin/departments/{department.Id}/deactivate", [])).StatusCode);
        var today = factory.Clock.GetUtcNow().ToChina().ToString("yyyy-MM-dd");
        var entity = $"/admin/audit?type=Department&entity={department.Id}";

        var (page, doc) = await Html.GetAsync(admin, entity + $"&from={today}&to={today}&actor=" + Uri.EscapeDataString("系统管理员"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.Equal(["department.deactivate", "department.update"], rows.Select(r => r.QuerySelectorAll("td")[2].Text()));
        Assert.All(rows, r => Assert.Equal($"Department #{department.Id}", r.QuerySelectorAll("td")[3].Text()));
        var sequences = rows.Select(r => long.Parse(r.QuerySelector("th").Text(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(sequences[0] > sequences[1]);
        Assert.Equal(department.Id.ToString(), doc.QuerySelector("#entity")!.GetAttribute("value")); // the filter is kept

        var yesterday = factory.Clock.GetUtcNow().ToChina().AddDays(-1).ToString("yyyy-MM-dd");
        Assert.Empty((await Html.GetAsync(admin, entity + $"&to={yesterday}")).Document.QuerySelectorAll("tbody tr"));
        Assert.Empty((await Html.GetAsync(admin, entity + "&actor=" + Uri.EscapeDataString("王编辑"))).Document.QuerySelectorAll("tbody tr"));
        Assert.Equal(2, (await Html.GetAsync(admin, entity + $"&from={today}")).Document.QuerySelectorAll("tbody tr").Length);
    }

    [Theory]
    [InlineData("/admin/audit?from=2026-13-01", "日期应写作 年-月-日")]
    [InlineData("/admin/audit?to=yesterday", "日期应写作 年-月-日")]
    [InlineData("/admin/audit?from=2026-12-02&to=2026-12-01", "开始日期不能晚于结束日期")]
    [InlineData("/admin/audit?page=0", "页码应为")]
    [InlineData("/admin/audit?page=99999", "共 ")]
    public async Task BadFilters_AreExplainedInChinese_WithA4xx(string url, string message)
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var (response, doc) = await Html.GetAsync(admin, url);
        Assert.True((int)response.StatusCode is 400 or 404, response.StatusCode.ToString());
        Assert.Contains(message, doc.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongFilters_AreRefusedWith400()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var (response, _) = await Html.GetAsync(admin, "/admin/audit?actor=" + new string('甲', 101));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("editor.housing")]
    [InlineData("reviewer")]
    public async Task OtherStaff_CannotSeeTheLogOrRunTheCheck(string userName)
    {
        var client = await Browserish.SignedInAsync(factory, userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit")).StatusCode);
        var token = await ForgedRequests.TokenAsync(client, "/manage");
        var check = await client.PostAsync("/admin/audit/check", new FormUrlEncodedContent([new(Browserish.TokenField, token)]));
        Assert.Equal(HttpStatusCode.Forbidden, check.StatusCode);
    }
}

public sealed class AdminAuditOnSqlite(SqlitePortal factory) : AdminAuditTests(factory), IClassFixture<SqlitePortal>;

public sealed class AdminAuditOnPostgres(PostgresPortal factory) : AdminAuditTests(factory), IClassFixture<PostgresPortal>;

/// <summary>A row changed behind the app's back is reported on the page; on its own database, as the chain stays broken.</summary>
public abstract class AuditTamperingPageTests(TestDb db)
{
    [Fact]
    public async Task ChangedRow_IsReportedOnTheCheckPage_WithTheEventAndWhatIsWrong()
    {
        await using var factory = new PortalFactory(db, demoRecords: 20);
        var admin = await Browserish.SignedInAsync(factory, "admin");
        for (var i = 0; i < 3; i++) await DepartmentThroughTheFormAsync(admin);
        long targetId;
        await using (var context = factory.NewDbContext())
        {
            var events = await context.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            Assert.True(events.Count >= 3);
            targetId = events[^2].Id;
            var provider = TestDatabases.Provider(db);
            foreach (var statement in AuditChainSql.Uninstall(provider))
                await context.Database.ExecuteSqlRawAsync(statement);
            await context.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Summary\" = {"无中生有"} WHERE \"Id\" = {targetId}");
        }

        var response = await Browserish.PostFormAsync(admin, "/admin/audit", "/admin/audit/check", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await Html.ParseAsync(response)).QuerySelector(".chain-report")!;
        Assert.Equal(("broken", "ContentChanged", targetId.ToString()), (report.GetAttribute("data-chain"), report.GetAttribute("data-kind"), report.GetAttribute("data-event-id")));
        Assert.Contains($"事件 #{targetId}", report.Text(), StringComparison.Ordinal);
        Assert.Contains("写入后被改动过", report.Text(), StringComparison.Ordinal);
    }

    private static async Task DepartmentThroughTheFormAsync(HttpClient admin) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, "/admin/departments/new", "/admin/departments/new", DepartmentFields())).StatusCode);
}

public sealed class AuditTamperingPageOnSqlite() : AuditTamperingPageTests(TestDb.Sqlite);

public sealed class AuditTamperingPageOnPostgres() : AuditTamperingPageTests(TestDb.Postgres);
