using System.Globalization;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// The second half of journey c (issue 8; issue 4's journey): a citizen applies and gets a code; the office works the
/// case to its reply (答复), one allowed action at a time; the applicant's tracking page shows the outcome and the
/// letter. Accessible locators throughout (each action's form is named by its heading); screenshots 30–37.
/// </summary>
public sealed class ApplicationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string ChinaToday(int plusDays = 0) =>
        DateTime.UtcNow.AddHours(8).AddDays(plusDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Citizen_Applies_Office_Confirms_Supplements_Extends_Replies_Citizen_TracksTheReply()
    {
        // The citizen applies online, with no account, and keeps the tracking code.
        var citizen = await JourneySteps.VisitorAsync(fixture);
        await citizen.GotoAsync(fixture.BaseUrl + "/");
        var code = await JourneySteps.ApplyAsync(citizen, "2025年度本村农村危房改造补助资金发放明细（含补助对象名单）", "30");

        // The office finds it at the top of its cases (to-confirm first) and works it, one allowed action at a time.
        var office = await fixture.SignInAsync("reviewer");
        await office.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开办理" }).ClickAsync();
        await office.WaitForURLAsync("**/cases");
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("32-office-cases.png"), FullPage = true });
        await office.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await office.WaitForURLAsync("**/cases/*");
        var caseUrl = office.Url;

        ILocator Action(string name) => office.GetByRole(AriaRole.Form, new() { Name = name, Exact = true });
        async Task ActAsync(string name)
        {
            await Action(name).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
            await office.WaitForURLAsync(caseUrl);
            Assert.Contains(name, await JourneySteps.StatusAsync(office), StringComparison.Ordinal);
        }

        await ActAsync("确认收到");
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("33-office-case-confirmed.png"), FullPage = true });
        await Action("补正告知").GetByLabel("补正期限").FillAsync(ChinaToday(10));
        await Action("补正告知").GetByLabel("需要补正的事项").FillAsync("请写明所需信息涉及的村（社区）名称。");
        await ActAsync("补正告知");
        await ActAsync("登记收到补正");
        // The page leads with the next step (答复); the extension is one click away, under 其他办理操作 (issue 18).
        Assert.Contains("下一步：答复", await office.Locator("#next-step").InnerTextAsync(), StringComparison.Ordinal);
        await office.Locator("details.other-actions > summary").ClickAsync();
        await Action("延期答复").GetByLabel("延长的工作日数（最多20）").FillAsync("10");
        await Action("延期答复").GetByLabel("延期理由").FillAsync("需汇总多个乡镇的发放数据");
        await Action("延期答复").GetByLabel("批准人（政府信息公开工作机构负责人）").FillAsync("县政务公开办主任 刘某");
        await ActAsync("延期答复");
        Assert.Contains("延长10个工作日", await office.Locator(".deadline-steps").InnerTextAsync(), StringComparison.Ordinal);
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("34-office-case-extended.png"), FullPage = true });

        // The reply: a template drafts the letter (a GET, so nothing secret goes into the URL), the officer adds a line.
        await office.GetByLabel("答复类型").SelectOptionAsync(new SelectOptionValue { Label = "部分公开" });
        await office.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await office.WaitForURLAsync("**?template=partially*");
        Assert.DoesNotContain("RequestVerificationToken", office.Url, StringComparison.Ordinal);
        var letter = Action("答复").GetByLabel("答复书");
        await letter.FillAsync(await letter.InputValueAsync() + "\n涉及其他村民个人信息的部分已作遮盖处理。");
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("35-office-case-reply.png"), FullPage = true });
        await Action("答复").GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await office.WaitForURLAsync("**/cases/*");
        Assert.Contains("已答复", await JourneySteps.StatusAsync(office), StringComparison.Ordinal);
        Assert.Equal("部分公开", (await office.Locator("#case-outcome").InnerTextAsync()).Trim());
        await office.ScreenshotAsync(new() { Path = BrowserFixture.Shot("36-office-case-replied.png"), FullPage = true });

        // The citizen looks the case up with the code and reads the outcome and the letter, with the remedy.
        await JourneySteps.TrackAsync(citizen, code);
        Assert.Equal("已答复", (await citizen.Locator("#case-state strong").InnerTextAsync()).Trim());
        Assert.Equal("部分公开", (await citizen.Locator("#reply-type").InnerTextAsync()).Trim());
        var reply = await citizen.GetByRole(AriaRole.Region, new() { Name = "答复书" }).InnerTextAsync();
        Assert.Contains("第三十七条", reply, StringComparison.Ordinal);
        Assert.Contains("行政复议", reply, StringComparison.Ordinal);
        Assert.Contains("已作遮盖处理", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneySteps.IdentityNumber, await citizen.ContentAsync(), StringComparison.Ordinal);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("37-track-reply.png"), FullPage = true });
    }
}
