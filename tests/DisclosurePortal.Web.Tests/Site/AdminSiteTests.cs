using System.Net;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Site;

/// <summary>Issue 20 §1: an administrator keeps the site's particulars; every page, feed and letter follows at once.</summary>
public abstract class AdminSiteTests(PortalFactory factory)
{
    private async Task<Dictionary<string, string>> CurrentFormAsync(HttpClient admin)
    {
        var (_, doc) = await Html.GetAsync(admin, "/admin/site");
        var fields = new Dictionary<string, string>();
        foreach (var input in doc.QuerySelectorAll("form.stacked-form input[name], form.stacked-form textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name.StartsWith("__", StringComparison.Ordinal)) continue;
            fields[name] = input.LocalName == "textarea" ? input.TextContent : input.GetAttribute("value") ?? "";
        }
        return fields;
    }

    [Fact]
    public async Task ARenamedSite_ShowsOnCachedPagesFeedsAndTheGuide_AtOnce_WithAnAuditEvent()
    {
        var visitor = Browserish.NewClient(factory);
        var (_, before) = await Html.GetAsync(visitor, "/"); // now in the output cache
        Assert.Equal("青川县人民政府", before.QuerySelector(".brand-name").Text());

        var admin = await Browserish.SignedInAsync(factory, "admin");
        var form = await CurrentFormAsync(admin);
        Assert.Equal("青川县人民政府", form["Name"]);
        form["Name"] = "青川县人民政府（测试更名）";
        form["Hotline"] = "12345-1";
        var saved = await Browserish.PostFormAsync(admin, "/admin/site", "/admin/site", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, after) = await Html.GetAsync(visitor, "/");
        Assert.Equal("青川县人民政府（测试更名）", after.QuerySelector(".brand-name").Text());
        Assert.Contains("便民热线：12345-1", after.QuerySelector(".site-footer").Text().Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var (_, guide) = await Html.GetAsync(visitor, "/guide");
        Assert.Equal("青川县人民政府（测试更名）政府信息公开指南", guide.QuerySelector("h1").Text());

        await using var db = factory.NewDbContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.SiteUpdate.Code).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("修改站点信息：政府名称、便民热线", audit.Summary);

        form = await CurrentFormAsync(admin);
        form["Name"] = "青川县人民政府";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, "/admin/site", "/admin/site", form)).StatusCode);
    }

    [Fact]
    public async Task BadInput_Is400_BesideTheField_WithEverythingTypedKept()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var form = await CurrentFormAsync(admin);
        form["Email"] = "not an address";
        form["GuideText"] = "第一段\r\n第二段";
        form["Court"] = "";
        var response = await Browserish.PostFormAsync(admin, "/admin/site", "/admin/site", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("请输入有效的电子邮箱地址，例如 gkb@example.gov.cn。", doc.QuerySelector("#Email-error").Text());
        Assert.Equal("请填写管辖法院。", doc.QuerySelector("#Court-error").Text());
        Assert.Equal("not an address", doc.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal("第一段\n第二段", doc.QuerySelector("#GuideText")!.TextContent.TrimStart('\n').Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoAdministrators_SavingTheSameVersion_TheSecondIsToldAndKeepsWhatHeTyped()
    {
        var first = await Browserish.SignedInAsync(factory, "admin");
        var second = await Browserish.SignedInAsync(factory, "admin");
        var a = await CurrentFormAsync(first);
        var b = await CurrentFormAsync(second);
        a["OfficeHours"] = "工作日 8:30—17:30";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(first, "/admin/site", "/admin/site", a)).StatusCode);
        b["OfficeHours"] = "工作日 9:00—17:00";
        var conflict = await Browserish.PostFormAsync(second, "/admin/site", "/admin/site", b); // b carries the version it was opened at
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var doc = await Html.ParseAsync(conflict);
        Assert.Contains("已被其他管理员修改", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("工作日 9:00—17:00", doc.QuerySelector("#OfficeHours")!.GetAttribute("value"));
        // The form now carries the newer version: saving again, knowingly, succeeds.
        var again = await Browserish.PostFormAsync(second, "/admin/site", "/admin/site", await CurrentFormAsync(second));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task TheGuide_NamesTheReconsiderationBodyAndTheCourt()
    {
        var (_, guide) = await Html.GetAsync(Browserish.NewClient(factory), "/guide");
        Assert.Equal(new Dictionary<string, string> { ["行政复议机关"] = "青川县人民政府", ["管辖法院"] = "青川县人民法院" }, guide.DefinitionList(".guide-remedy"));
    }
}

public sealed class AdminSiteOnSqlite(SqlitePortal factory) : AdminSiteTests(factory), IClassFixture<SqlitePortal>;

public sealed class AdminSiteOnPostgres(PostgresPortal factory) : AdminSiteTests(factory), IClassFixture<PostgresPortal>;
