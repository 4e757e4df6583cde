using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// 网上信箱 (issue 19): a citizen writes to the county and keeps the code; the office accepts the message and assigns it
/// to the housing department; its editor drafts the reply; the office approves and publishes it; the citizen reads the
/// reply by the code, and anyone finds the published question and answer by searching. Screenshots 60–66.
/// </summary>
public sealed class MessageJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Citizen_Writes_Office_Assigns_Department_Replies_Office_Approves_AndPublishes_Anyone_FindsIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var subject = $"建议城南小区加装电梯 {tag}";

        // The citizen writes from the main navigation, with no account.
        var citizen = await JourneySteps.VisitorAsync(fixture);
        await citizen.GotoAsync(fixture.BaseUrl + "/");
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "网上信箱" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "我要写信" }).ClickAsync();
        await citizen.GetByLabel("建议").CheckAsync();
        await citizen.GetByLabel("主题").FillAsync(subject);
        await citizen.GetByLabel("留言内容").FillAsync("城南小区都是七层老楼，老人上下楼困难，建议纳入老旧小区改造加装电梯。");
        await citizen.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).FillAsync("赵大爷");
        await citizen.GetByLabel("联系电话").FillAsync("13988887777");
        await citizen.GetByLabel("同意公开我的留言和答复").CheckAsync();
        await JourneySteps.FullPageShotAsync(citizen, "60-message-write.png");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();
        await citizen.WaitForURLAsync("**/messages/receipt/*");
        var code = (await citizen.Locator(".query-code").InnerTextAsync()).Trim();
        Assert.Equal(12, code.Length);
        await JourneySteps.FullPageShotAsync(citizen, "61-message-receipt.png");

        // The office triages it from its queue: accepted and assigned to the housing department.
        var office = await fixture.SignInAsync("reviewer");
        await office.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "网上信箱办理" }).ClickAsync();
        await office.WaitForURLAsync("**/office/messages");
        await office.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await office.WaitForURLAsync("**/staff/messages/*");
        var messageUrl = office.Url;
        await office.GetByLabel("承办部门").SelectOptionAsync(new SelectOptionValue { Label = "青川县住房和城乡建设局" });
        await office.GetByRole(AriaRole.Button, new() { Name = "受理并转办" }).ClickAsync();
        await office.WaitForURLAsync(messageUrl);
        Assert.Contains("受理并转办", await JourneySteps.StatusAsync(office), StringComparison.Ordinal);
        await JourneySteps.FullPageShotAsync(office, "62-office-message-assigned.png");

        // The department's editor finds it on their list and drafts the reply.
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "本部门留言" }).ClickAsync();
        await editor.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await editor.GetByLabel("答复内容").FillAsync($"您好！城南小区已列入2027年老旧小区改造计划，加装电梯将征求住户意见后实施。{tag}");
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await editor.WaitForURLAsync(messageUrl);
        await JourneySteps.FullPageShotAsync(editor, "63-editor-message-drafted.png");

        // The office approves the reply and publishes the message (the citizen agreed).
        // A fresh navigation, not a reload: a reload restores the old scroll position, and a click aimed while Chromium
        // restores it can land beside the button (the same trap as after a full-page screenshot, JourneySteps).
        await office.GotoAsync(messageUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "答复审核通过" }).ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "公开留言及答复" }).WaitForAsync();
        await office.WaitForURLAsync(messageUrl);
        await office.GetByRole(AriaRole.Button, new() { Name = "公开留言及答复" }).ClickAsync();
        await office.WaitForURLAsync(messageUrl);
        Assert.Contains("公开", await JourneySteps.StatusAsync(office), StringComparison.Ordinal);
        await JourneySteps.FullPageShotAsync(office, "64-office-message-published.png");

        // The citizen reads the reply by the code.
        await citizen.GotoAsync(fixture.BaseUrl + "/messages/track");
        await citizen.GetByLabel("查询码").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        Assert.Contains("2027年老旧小区改造计划", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await JourneySteps.FullPageShotAsync(citizen, "65-message-track-answered.png");

        // Anyone finds it with the site search, and its page shows question and answer without the writer.
        var visitor = await JourneySteps.VisitorAsync(fixture);
        await visitor.GotoAsync(fixture.BaseUrl + "/messages");
        await visitor.Locator("form.header-search input").FillAsync(tag);
        await visitor.Locator("form.header-search button").ClickAsync();
        await visitor.WaitForURLAsync("**/search?*");
        // Among the results like a record (issue 22), with its kind as the badge.
        var hit = visitor.Locator(".search-hit", new() { Has = visitor.GetByRole(AriaRole.Link, new() { Name = subject }) });
        Assert.Equal("网上信箱", await hit.Locator(".badge").First.InnerTextAsync());
        await hit.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await visitor.WaitForURLAsync("**/messages/*");
        var page = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains("加装电梯将征求住户意见", page, StringComparison.Ordinal);
        Assert.DoesNotContain("赵大爷", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13988887777", await visitor.ContentAsync(), StringComparison.Ordinal);
        await JourneySteps.FullPageShotAsync(visitor, "66-message-published.png");
    }
}
