using System.Globalization;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// 民意征集 (issue 19), end to end in a browser: a department opens a consultation with a questionnaire, the office
/// approves it, a citizen comments and answers (plain radios, no script), the department accepts the opinion; after
/// the period the department publishes the 采纳情况 and the public page shows it with the questionnaire's chart.
/// Screenshots 60–66.
/// </summary>
public sealed class ConsultationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private string Today(int plusDays = 0) =>
        DateOnly.FromDateTime(fixture.Portal.Clock.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(plusDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Department_Opens_Office_Approves_Citizen_Comments_Department_PublishesTheFeedback()
    {
        var title = "关于《青川县城区共享单车停放管理办法（征求意见稿）》公开征求意见的公告";
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "民意征集管理" }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "新建民意征集" }).ClickAsync();
        await editor.GetByLabel("公开事项").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await editor.GetByLabel("标题").FillAsync(title);
        await editor.Locator("#DraftBody").FillAsync("第一条 为规范城区停车秩序，制定本办法。\n\n第二条 道路停车泊位首30分钟免费。");
        await editor.Locator("#DraftingExplanation").FillAsync("城区停车供需矛盾突出，依据《中华人民共和国价格法》起草。");
        await editor.GetByLabel("开始日期").FillAsync(Today());
        await editor.GetByLabel("截止日期").FillAsync(Today(29));
        await editor.GetByLabel("接收意见的电子邮箱").FillAsync("zqyj@qingchuan.example.gov.cn");
        var first = editor.GetByRole(AriaRole.Group, new() { Name = "选择题1" });
        await first.GetByLabel("题目").FillAsync("您是否同意首30分钟免费？");
        await first.GetByLabel("选项").FillAsync("同意\n不同意\n无所谓");
        await editor.GetByLabel("文字回答题").FillAsync("您还有哪些意见和建议？");
        await JourneySteps.FullPageShotAsync(editor, "60-consultation-new.png");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await editor.WaitForURLAsync("**/manage/consultations/*");
        var staffPage = editor.Url;
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);

        var office = await fixture.SignInAsync("reviewer");
        await office.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "审核队列" }).ClickAsync();
        await office.Locator("#consultations").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await JourneySteps.FullPageShotAsync(office, "61-consultation-review.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        Assert.Contains("审核通过", await JourneySteps.StatusAsync(office), StringComparison.Ordinal);

        var citizen = await JourneySteps.VisitorAsync(fixture, 390, 844);
        await citizen.GotoAsync(fixture.BaseUrl + "/");
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "民意征集" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await citizen.GetByLabel("意见内容").FillAsync("建议首30分钟免费延长到1小时，方便群众办事。");
        await citizen.GetByRole(AriaRole.Group, new() { Name = "您是否同意首30分钟免费？" }).GetByLabel("不同意").CheckAsync();
        await citizen.GetByLabel("公开署名").FillAsync("王先生");
        await citizen.GetByLabel("电话").FillAsync("13912345678");
        await JourneySteps.FullPageShotAsync(citizen, "62-consultation-comment.png");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交意见", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync("**#comments");
        Assert.Contains("审核后公布", await JourneySteps.StatusAsync(citizen), StringComparison.Ordinal);
        Assert.DoesNotContain("延长到1小时", await citizen.Locator("#comments").InnerTextAsync(), StringComparison.Ordinal);

        await editor.GotoAsync(staffPage);
        await editor.GetByRole(AriaRole.Button, new() { Name = "采用为有效意见" }).First.ClickAsync();
        Assert.Contains("有效意见", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("63-consultation-moderated.png"), FullPage = true });
        await citizen.ReloadAsync();
        Assert.Contains("延长到1小时", await citizen.Locator("#comments").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", await citizen.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The period ends (the clock moves on 31 days); the department publishes how the opinion was adopted.
        fixture.Portal.Clock.Advance(TimeSpan.FromDays(31));
        var later = await fixture.SignInAsync("editor.housing");
        await later.GotoAsync(staffPage);
        await later.GetByRole(AriaRole.Link, new() { Name = "发布采纳情况" }).ClickAsync();
        await later.Locator("#Adopted").FillAsync("0");
        await later.Locator("#PartlyAdopted").FillAsync("1");
        await later.Locator("#PartlyAdoptedReason").FillAsync("免费时长调整为45分钟，兼顾周转率。");
        await later.Locator("#NotAdopted").FillAsync("0");
        await JourneySteps.FullPageShotAsync(later, "64-consultation-feedback-form.png");
        await later.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        Assert.Contains("采纳情况已发布", await JourneySteps.StatusAsync(later), StringComparison.Ordinal);

        await citizen.ReloadAsync();
        Assert.Contains("部分采纳1条", await citizen.Locator("#feedback-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await citizen.Locator("#feedback svg.bar-chart[role=img]").CountAsync());
        Assert.Equal(0, await citizen.Locator("#comment-form").CountAsync());
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("65-consultation-feedback-phone.png"), FullPage = true });
        await citizen.SetViewportSizeAsync(1280, 900);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("66-consultation-feedback.png"), FullPage = true });
    }
}
