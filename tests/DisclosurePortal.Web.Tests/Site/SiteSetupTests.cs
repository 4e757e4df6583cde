using System.Net;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Site;

/// <summary>
/// Issue 20 §1: a fresh install without demo data opens on its setup page, is set up as its own county, and from then
/// on no page names the demo county.
/// </summary>
public abstract class SiteSetupTests(TestDb db) : IAsyncLifetime
{
    private PortalFactory _factory = null!;

    public static Dictionary<string, string> Baihe() => new()
    {
        ["Name"] = "白河县人民政府",
        ["ShortName"] = "白河县",
        ["SiteName"] = "白河县人民政府信息公开",
        ["NameEn"] = "Baihe County People's Government",
        ["Sponsor"] = "白河县人民政府办公室",
        ["DisclosureOffice"] = "白河县政务公开办公室",
        ["Address"] = "白河县城关镇人民路8号",
        ["Postcode"] = "725500",
        ["Telephone"] = "0915-7812345",
        ["Hotline"] = "12345",
        ["WebsiteCode"] = "6109290001",
        ["FooterLinks"] = "中国政府网 https://www.gov.cn\r\n陕西省人民政府 https://www.shaanxi.gov.cn",
        ["ReplyLetterhead"] = "白河县人民政府办公室",
        ["ReviewOrgan"] = "白河县人民政府",
        ["Court"] = "白河县人民法院",
        ["UserName"] = "admin.baihe",
        ["DisplayName"] = "赵管理",
        ["Password"] = "Baihe@2026pass",
        ["ConfirmPassword"] = "Baihe@2026pass",
    };

    public Task InitializeAsync()
    {
        // A database of its own: the setup changes it for good.
        _factory = new PortalFactory(db, demoData: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AFreshInstall_ShowsOnlyTheSetupPage_UntilItIsDone()
    {
        var client = Browserish.NewClient(_factory);
        foreach (var path in new[] { "/", "/guide", "/records/1", "/account/login", "/admin/site", "/search?q=住房" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/setup", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var (page, doc) = await Html.GetAsync(client, "/setup");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(doc.QuerySelector("nav.main-nav")); // nothing to browse yet
        Assert.DoesNotContain("青川", doc.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsExplainedBesideTheFields_KeepsWhatWasTyped_ButNeverThePassword()
    {
        var client = Browserish.NewClient(_factory);
        var typed = Baihe();
        typed["Name"] = "";
        typed["Postcode"] = "72550";
        typed["ConfirmPassword"] = "Other@2026pass";
        typed["FooterLinks"] = "坏链接";
        var response = await Browserish.PostFormAsync(client, "/setup", "/setup", typed);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("请填写政府名称。", doc.QuerySelector("#Name-error").Text());
        Assert.Equal("邮政编码应为 6 位数字。", doc.QuerySelector("#Postcode-error").Text());
        Assert.Equal("两次输入的密码不一致。", doc.QuerySelector("#ConfirmPassword-error").Text());
        Assert.Contains("页脚链接第 1 行", doc.QuerySelector("#FooterLinks-error").Text(), StringComparison.Ordinal);
        Assert.Equal("72550", doc.QuerySelector("#Postcode")!.GetAttribute("value"));
        Assert.Equal("白河县城关镇人民路8号", doc.QuerySelector("#Address")!.GetAttribute("value"));
        Assert.Equal("坏链接", doc.QuerySelector("#FooterLinks").Text());
        Assert.True(string.IsNullOrEmpty(doc.QuerySelector("#Password")!.GetAttribute("value")));

        var weak = Baihe();
        weak["Password"] = weak["ConfirmPassword"] = "short";
        var refused = await Browserish.PostFormAsync(client, "/setup", "/setup", weak);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(refused)).QuerySelector("#Password-error").Text());

        await using var check = _factory.NewDbContext();
        Assert.False(await check.Users.AnyAsync());
        Assert.False(await check.SiteIdentities.AnyAsync());
    }

    [Fact]
    public async Task TheSetup_MakesTheFirstAdministrator_AndEveryPageSpeaksForTheNewCounty()
    {
        var client = Browserish.NewClient(_factory);
        var done = await Browserish.PostFormAsync(client, "/setup", "/setup", Baihe());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/admin/site", done.Headers.Location!.OriginalString);

        // Signed in as the new administrator, who can keep the particulars.
        var (admin, adminPage) = await Html.GetAsync(client, "/admin/site");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("白河县人民政府", adminPage.QuerySelector("#Name")!.GetAttribute("value"));

        var visitor = Browserish.NewClient(_factory);
        foreach (var path in new[] { "/", "/guide", "/apply", "/annual-reports", "/messages/write", "/departments", "/policies", "/feeds/all.atom", "/open-data" })
        {
            var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("青川", body, StringComparison.Ordinal);
            Assert.Contains("白河县", body, StringComparison.Ordinal);
        }
        var (_, home) = await Html.GetAsync(visitor, "/");
        Assert.Equal("白河县人民政府信息公开", home.Title);
        Assert.Equal("白河县人民政府", home.QuerySelector(".brand-name").Text());
        Assert.Contains("主办单位：白河县人民政府办公室", home.QuerySelector(".site-footer").Text().Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(["中国政府网", "陕西省人民政府"], home.QuerySelectorAll(".footer-links a").Select(a => a.Text()).ToArray());
        var (_, guide) = await Html.GetAsync(visitor, "/guide");
        Assert.Equal("白河县人民政府政府信息公开指南", guide.QuerySelector("h1").Text());
        Assert.Equal("白河县人民政府", guide.DefinitionList(".guide-remedy")["行政复议机关"]);

        // Once only.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/setup")).StatusCode);
        var again = Baihe();
        again["UserName"] = "intruder";
        using var replay = new FormUrlEncodedContent(again);
        var second = await visitor.PostAsync("/setup", replay);
        Assert.True(second.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"a second setup answered {second.StatusCode}");

        await using var db = _factory.NewDbContext();
        Assert.Equal(["admin.baihe"], await db.Users.Select(u => u.UserName!).ToListAsync());
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SiteSetup.Code));
    }
}

public sealed class SiteSetupOnSqlite() : SiteSetupTests(TestDb.Sqlite);

public sealed class SiteSetupOnPostgres() : SiteSetupTests(TestDb.Postgres);
