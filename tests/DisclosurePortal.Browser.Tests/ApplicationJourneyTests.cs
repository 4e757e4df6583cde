using System.Globalization;
using DisclosurePortal.Web.Data.Seed;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>Issue 4's journey in a real browser: apply, get a code, the office works the case, the citizen reads the reply.</summary>
public sealed class ApplicationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string ChinaToday(int plusDays = 0) =>
        DateTime.UtcNow.AddHours(8).AddDays(plusDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Citizen_Applies_Office_Confirms_Supplements_Extends_Replies_Citizen_SeesTheReply()
    {
        // The citizen applies online, with no account, and keeps the tracking code.
        var citizen = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" })).NewPageAsync();
        await citizen.GotoAsync(fixture.BaseUrl + "/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync("**/apply");
        await citizen.Locator("input[name=ApplicantKind][value='1']").CheckAsync();
        await citizen.Locator("#ApplicantName").FillAsync("张三");
        await citizen.Locator("#IdentityNumber").FillAsync("11010519491231002X");
        await citizen.Locator("#Contact").FillAsync("13800000000");
        await citizen.Locator("#InformationDescription").FillAsync("2025年度本村农村危房改造补助资金发放明细（含补助对象名单）");
        await citizen.Locator("input[name=ProvisionForm][value='2']").CheckAsync();
        await citizen.Locator("input[name=DeliveryMethod][value='4']").CheckAsync();
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("20-apply-form.png"), FullPage = true });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await citizen.WaitForURLAsync("**/apply/receipt/*");
        var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Equal(12, code.Length);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("21-apply-receipt.png"), FullPage = true });

        // The office works the case, one allowed action at a time.
        var office = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" })).NewPageAsync();
        await office.GotoAsync(fixture.BaseUrl + "/account/login");
        await office.GetByLabel("用户名").FillAsync("reviewer");
        await office.GetByLabel("密码").FillAsync(DemoAccountsSeeder.Password);
        await office.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await office.WaitForURLAsync("**/manage");
        await office.GotoAsync(fixture.BaseUrl + "/cases");
        await office.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await office.WaitForURLAsync("**/cases/*");
        var caseUrl = office.Url;

        async Task ActAsync(string formHeading, string button)
        {
            await office.Locator($"div.case-action:has(h3:text-is('{formHeading}')) form[method=post] button.button").ClickAsync();
            await office.WaitForURLAsync(caseUrl);
            Assert.Contains(button, await office.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        }

        await ActAsync("确认收到", "确认收到");
        await office.Locator("#until-RequestSupplement").FillAsync(ChinaToday(10));
        await office.Locator("#text-RequestSupplement").FillAsync("请写明所需信息涉及的村（社区）名称。");
        await ActAsync("补正告知", "补正告知");
        await ActAsync("登记收到补正", "登记收到补正");
        await office.Locator("#days-Extend").FillAsync("10");
        await office.Locator("#text-Extend").FillAsync("需汇总多个乡镇的发放数据");
        await office.Locator("#approver-Extend").FillAsync("县政务公开办主任 刘某");
        await ActAsync("延期答复", "延期答复");
        Assert.Contains("延长10个工作日", await office.Locator(".deadline-steps").InnerTextAsync(), StringComparison.Ordinal);

        await office.Locator("#template-Reply").SelectOptionAsync("partially");
        await office.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await office.WaitForURLAsync("**?template=partially*");
        Assert.DoesNotContain("RequestVerificationToken", office.Url, StringComparison.Ordinal);
        var letter = office.Locator("#text-Reply");
        await letter.FillAsync(await letter.InputValueAsync() + "\n涉及其他村民个人信息的部分已作遮盖处理。");
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("22-office-case-reply.png"), FullPage = true });
        await office.Locator("#submit-Reply").ClickAsync();
        await office.WaitForURLAsync("**/cases/*");
        Assert.Contains("已答复", await office.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // The citizen looks the case up with the code and reads the reply, with the remedy.
        await citizen.GotoAsync($"{fixture.BaseUrl}/track?code={code}");
        Assert.Equal("部分公开", (await citizen.Locator("#reply-type").InnerTextAsync()).Trim());
        var reply = await citizen.Locator("#reply-letter").InnerTextAsync();
        Assert.Contains("第三十七条", reply, StringComparison.Ordinal);
        Assert.Contains("行政复议", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", await citizen.ContentAsync(), StringComparison.Ordinal);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("23-track-reply.png"), FullPage = true });
    }
}
