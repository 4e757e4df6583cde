using DisclosurePortal.Browser.Tests.Audit;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>The portal on a fresh database without demo data: nothing but reference data, no account, no name.</summary>
public sealed class FreshInstallFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new(new PortalFactory(TestDb.Sqlite, demoData: false));

    public Task InitializeAsync() => Browser.InitializeAsync();

    public Task DisposeAsync() => Browser.DisposeAsync();
}

/// <summary>
/// Issue 20 §1: whoever installs the portal without demo data opens it on its setup page, sets it up as their own county
/// through the form, becomes its administrator, and from then on no page names the demo county. Screenshots 70–73.
/// </summary>
public sealed class FreshInstallJourneyTests(FreshInstallFixture fresh) : IClassFixture<FreshInstallFixture>
{
    [Fact]
    public async Task AFreshInstall_IsSetUpAsAnotherCounty_ThroughTheBrowser_AndNoPageShowsTheDemoCounty()
    {
        var fixture = fresh.Browser;
        var installer = await JourneySteps.VisitorAsync(fixture);
        await installer.GotoAsync(fixture.BaseUrl + "/");
        await installer.WaitForURLAsync("**/setup");
        Assert.Equal("首次设置", (await installer.Locator("h1").InnerTextAsync()).Trim());
        await AuditAsync(installer, "setup-empty");
        await JourneySteps.FullPageShotAsync(installer, "70-setup-empty.png");

        // A first try with a mistake: the page says what is wrong and keeps what was typed.
        await installer.GetByLabel("政府名称").FillAsync("白河县人民政府");
        await installer.GetByLabel("简称").FillAsync("白河县");
        await installer.GetByLabel("网站名称").FillAsync("白河县人民政府信息公开");
        await installer.GetByLabel("英文名称").First.FillAsync("Baihe County People's Government");
        await installer.GetByLabel("主办单位").FillAsync("白河县人民政府办公室");
        await installer.GetByLabel("政府信息公开工作机构").FillAsync("白河县政务公开办公室（设在县人民政府办公室）");
        await installer.GetByLabel("办公地址").FillAsync("白河县城关镇人民路8号");
        await installer.GetByLabel("邮政编码").FillAsync("72550");
        await installer.GetByLabel("咨询电话").FillAsync("0915-7812345");
        await installer.GetByLabel("网站标识码").FillAsync("6109290001");
        await installer.GetByLabel("页脚链接").FillAsync("中国政府网 https://www.gov.cn\n陕西省人民政府 https://www.shaanxi.gov.cn");
        await installer.GetByLabel("答复书落款机关").FillAsync("白河县人民政府办公室");
        await installer.GetByLabel("行政复议机关").FillAsync("白河县人民政府");
        await installer.GetByLabel("管辖法院").FillAsync("白河县人民法院");
        await installer.GetByLabel("用户名").FillAsync("admin.baihe");
        await installer.GetByLabel("姓名").FillAsync("赵管理");
        await installer.Locator("#Password").FillAsync("Baihe@2026pass");
        await installer.Locator("#ConfirmPassword").FillAsync("Baihe@2026pass");
        await installer.GetByRole(AriaRole.Button, new() { Name = "完成设置" }).ClickAsync();
        await installer.Locator("#Postcode-error").WaitForAsync();
        Assert.Equal("邮政编码应为 6 位数字。", (await installer.Locator("#Postcode-error").InnerTextAsync()).Trim());
        Assert.Equal("白河县城关镇人民路8号", await installer.GetByLabel("办公地址").InputValueAsync());
        await AuditAsync(installer, "setup-mistake");
        await JourneySteps.FullPageShotAsync(installer, "71-setup-mistake.png");

        await installer.GetByLabel("邮政编码").FillAsync("725500");
        await installer.Locator("#Password").FillAsync("Baihe@2026pass");
        await installer.Locator("#ConfirmPassword").FillAsync("Baihe@2026pass");
        await installer.GetByRole(AriaRole.Button, new() { Name = "完成设置" }).ClickAsync();
        await installer.WaitForURLAsync("**/admin/site");
        Assert.Contains("网站已设置完成", await JourneySteps.StatusAsync(installer), StringComparison.Ordinal);
        Assert.Equal("赵管理", (await installer.Locator(".staff-user").InnerTextAsync()).Trim());
        await JourneySteps.FullPageShotAsync(installer, "72-setup-done.png");

        // A citizen, on a phone: the county's own name everywhere, the demo county's nowhere.
        var citizen = await JourneySteps.VisitorAsync(fixture, 390, 844);
        foreach (var path in new[] { "/", "/guide", "/apply", "/annual-reports", "/messages", "/messages/write", "/departments", "/policies", "/consultations", "/statistics" })
        {
            var response = await citizen.GotoAsync(fixture.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            var html = await citizen.ContentAsync();
            Assert.DoesNotContain("青川", html, StringComparison.Ordinal);
            Assert.Contains("白河县", html, StringComparison.Ordinal);
        }
        await citizen.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal("白河县人民政府信息公开", await citizen.TitleAsync());
        Assert.Equal("白河县人民政府", (await citizen.Locator(".brand-name").InnerTextAsync()).Trim());
        await JourneySteps.FullPageShotAsync(citizen, "73-fresh-county-home-phone.png");

        // In English, the English name.
        await citizen.GotoAsync(fixture.BaseUrl + "/culture/en?returnUrl=%2F");
        Assert.Equal("Baihe County People's Government", (await citizen.Locator(".brand-name").InnerTextAsync()).Trim());
        Assert.DoesNotContain("Qingchuan", await citizen.ContentAsync(), StringComparison.Ordinal);

        // The setup is gone; the new administrator signs in with the password chosen.
        Assert.Equal(404, (await citizen.GotoAsync(fixture.BaseUrl + "/setup"))!.Status);
        var admin = await JourneySteps.VisitorAsync(fixture);
        await admin.GotoAsync(fixture.BaseUrl + "/account/login");
        await admin.GetByLabel("用户名").FillAsync("admin.baihe");
        await admin.Locator("#Password").FillAsync("Baihe@2026pass");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await admin.WaitForURLAsync("**/manage");
    }

    /// <summary>
    /// The setup page exists only on a fresh install, so the audit of every page type (on the demo county) never sees it:
    /// it gets the same two checks here, axe's WCAG 2.1 A/AA rules and html-validate.
    /// </summary>
    private static async Task AuditAsync(IPage page, string name)
    {
        var (node, validator, config) = HtmlValidationTests.Tools();
        var file = Path.Combine(Path.GetDirectoryName(BrowserFixture.OutputFolder)!, $"{name}.html");
        await File.WriteAllTextAsync(file, await page.ContentAsync());
        var (exit, stdout, stderr) = await HtmlValidationTests.RunAsync(node, [validator, "--config", config, file]);
        Assert.True(exit == 0, $"html-validate on {name} (exit {exit}):\n{stdout}{stderr}");
        var axe = await Axe.RunAsync(page, AccessibilityAuditTests.WcagAAndAA);
        var serious = axe.Violations.SelectMany(v => v.Nodes.Where(n => n.Impact is "serious" or "critical").Select(n => $"{v.Id}: {v.Help} {n.Html}")).ToList();
        Assert.True(serious.Count == 0, $"axe on {name}:\n{string.Join("\n", serious)}");
    }
}
