using System.Net;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.UnitProfiles;

/// <summary>
/// 机构概况 through its forms, as a browser posts them: a unit's editor starts a new version from the published one,
/// submits it; the office returns it with a reason, then approves it; the public page shows the new version and the old
/// one is kept as history. Another unit's editor cannot see it.
/// </summary>
public abstract class UnitProfileTests(PortalFactory factory)
{
    private const string Edit = "/manage/profile/edit";

    private HttpClient Anonymous() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Anonymous();
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = "Demo@2026pass" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<int> FinanceAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Departments.Where(d => d.OrganisationCode == "11511099076240393N").Select(d => d.Id).SingleAsync();
    }

    private static int IdOf(HttpResponseMessage redirect) =>
        int.Parse(redirect.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Profile_DraftedReturnedApprovedAndPublished_OldVersionKept()
    {
        var finance = await FinanceAsync();
        var editor = await SignedInAsync("editor.finance");
        var tag = Guid.NewGuid().ToString("N")[..8];

        // The form starts from the published version: its leaders are there to change.
        var (_, form) = await Html.GetAsync(editor, Edit);
        Assert.Equal("王志强", form.QuerySelector("input[name='Leaders[0].Name']")!.GetAttribute("value"));
        var saved = await Browserish.PostFormAsync(editor, Edit, Edit, new Dictionary<string, string>
        {
            ["Functions"] = $"贯彻执行国家财税方针政策。{tag}",
            ["Leaders[1].Duties"] = "分管预算、国库工作。",
            ["Offices[3].Name"] = "绩效管理股",
            ["Offices[3].Duties"] = "负责预算绩效管理。",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = IdOf(saved);
        var page = $"/manage/profiles/{id}";

        // Another unit's editor does not see it; the public page still shows the published version.
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync("editor.housing")).GetAsync(page)).StatusCode);
        var (_, before) = await Html.GetAsync(Anonymous(), $"/departments/{finance}");
        Assert.DoesNotContain(tag, before.QuerySelector("#profile")!.TextContent, StringComparison.Ordinal);

        // Submitted; the office returns it with a reason, which the editor sees on the form.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        var reviewer = await SignedInAsync("reviewer");
        var (_, queue) = await Html.GetAsync(reviewer, "/review");
        Assert.NotNull(queue.QuerySelector($"#profiles a[href='{page}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/return", new Dictionary<string, string> { ["reason"] = "请补充绩效管理股电话。" })).StatusCode);
        var (_, returned) = await Html.GetAsync(editor, Edit);
        Assert.Contains("请补充绩效管理股电话。", returned.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, Edit, Edit, new Dictionary<string, string> { ["Offices[3].Phone"] = "0839-7202314" })).StatusCode);

        // Submitted again and approved: the public page shows it; the old version is kept, superseded.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", [])).StatusCode);
        var (_, after) = await Html.GetAsync(Anonymous(), $"/departments/{finance}");
        var profile = after.QuerySelector("#profile")!.TextContent;
        Assert.Contains(tag, profile, StringComparison.Ordinal);
        Assert.Contains("绩效管理股", profile, StringComparison.Ordinal);
        Assert.Contains("0839-7202314", profile, StringComparison.Ordinal);
        var (_, column) = await Html.GetAsync(Anonymous(), "/organisations");
        Assert.Contains(tag, column.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await using var db = factory.NewDbContext();
        var versions = await db.UnitProfiles.Where(p => p.DepartmentId == finance).OrderBy(p => p.Number).Select(p => new { p.Id, p.State }).ToListAsync();
        Assert.Single(versions, v => v.State == ProfileState.Published);
        Assert.Equal(id, versions.Single(v => v.State == ProfileState.Published).Id);
        Assert.Contains(versions, v => v.State == ProfileState.Superseded);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var codes = await db.AuditEvents.Where(a => a.EntityType == "UnitProfile" && a.EntityId == key).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["unit-profile.create", "unit-profile.submit", "unit-profile.return", "unit-profile.edit", "unit-profile.submit", "unit-profile.publish"], codes);
    }

    [Fact]
    public async Task Save_WithBadValues_IsRefusedBesideTheFields_KeepingWhatWasTyped()
    {
        var editor = await SignedInAsync("editor.health");
        var response = await Browserish.PostFormAsync(editor, Edit, Edit, new Dictionary<string, string>
        {
            ["Functions"] = "负责全县卫生健康工作。",
            ["Phone"] = "打电话给我",
            ["Leaders[0].Name"] = "周红梅",
            ["Leaders[0].Post"] = "",
            ["Offices[2].Duties"] = "没有名称的职责",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("请填写有效的电话号码", doc.QuerySelector("#Phone-error, [id^='Phone'][id$='error']")?.TextContent ?? doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("打电话给我", doc.QuerySelector("input[name=Phone]")!.GetAttribute("value"));
        Assert.Contains("请填写职务。", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("请填写内设机构名称。", doc.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("没有名称的职责", doc.QuerySelector("textarea[name='Offices[2].Duties']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submit_WithoutTheArt20Parts_IsRefusedWithTheirNames()
    {
        var editor = await SignedInAsync("editor.health");
        await using (var db = factory.NewDbContext())
        {
            // editor.health's unit: a draft without address and leaders (the demo's published one is left as is).
            var health = await db.Departments.Where(d => d.OrganisationCode == "11511099016290727W").Select(d => d.Id).SingleAsync();
            Assert.False(await db.UnitProfiles.AnyAsync(p => p.DepartmentId == health && (p.State == ProfileState.Draft || p.State == ProfileState.Submitted)));
        }
        var saved = await Browserish.PostFormAsync(editor, Edit, Edit, new Dictionary<string, string>
        {
            ["Functions"] = "负责全县卫生健康工作。", ["Address"] = "", ["Leaders[0].Name"] = "", ["Leaders[0].Post"] = "", ["Leaders[0].Duties"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = $"/manage/profiles/{IdOf(saved)}";
        var refused = await Browserish.PostFormAsync(editor, page, $"{page}/submit", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var text = (await Html.ParseAsync(refused)).Body!.TextContent;
        Assert.Contains("办公地址", text, StringComparison.Ordinal);
        Assert.Contains("负责人", text, StringComparison.Ordinal);
    }
}

public sealed class UnitProfilesOnSqlite(SqlitePortal factory) : UnitProfileTests(factory), IClassFixture<SqlitePortal>;

public sealed class UnitProfilesOnPostgres(PostgresPortal factory) : UnitProfileTests(factory), IClassFixture<PostgresPortal>;
