using System.Text.RegularExpressions;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// 回应关切 (issue 19 §3) as people use it: an editor answers a media report with a record of that kind (the concern's
/// source, date and summary in their own fieldset), the reviewer passes the three reviews and publishes, and a visitor
/// finds it in the 回应关切 column, reads the concern beside the answer, and sees it in the column's feed.
/// Screenshots 70–73.
/// </summary>
public sealed class ConcernResponseJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Editor_AnswersAConcern_ReviewerPublishes_VisitorFindsItInTheColumnAndFeed()
    {
        var item = await WorkflowSupport.HousingItemAsync(fixture.Portal);
        var title = $"关于城东安置小区电梯停运问题的回应（{DateTime.UtcNow:HHmmssfff}）";
        var summary = "有媒体报道城东安置小区3号楼电梯停运两周，老年住户上下楼困难。";
        var concernDate = fixture.Portal.Clock.Today().AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GotoAsync($"{fixture.BaseUrl}/manage/records/new?itemId={item.Id}");
        await editor.GetByLabel("信息类别").SelectOptionAsync(new SelectOptionValue { Label = "回应关切" });
        await editor.GetByLabel("标题").FillAsync(title);
        await editor.GetByLabel("正文", new() { Exact = true }).FillAsync("经核查，电梯因主板故障停运。县住房城乡建设局已督促物业更换主板，电梯已于12月1日恢复运行。");
        var concern = editor.GetByRole(AriaRole.Group, new() { Name = "回应关切" });
        await concern.GetByLabel("关切来源").SelectOptionAsync(new SelectOptionValue { Label = "媒体报道" });
        await concern.GetByLabel("关切提出日期").FillAsync(concernDate);
        await concern.GetByLabel("关切简述").FillAsync(summary);
        await JourneySteps.FullPageShotAsync(editor, "70-editor-concern-response.png");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/manage/records/\d+$"));
        var recordId = int.Parse(editor.Url[(editor.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(summary, await editor.GetByRole(AriaRole.Main).InnerTextAsync(), StringComparison.Ordinal);
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);

        var reviewer = await fixture.SignInAsync("reviewer");
        await reviewer.GotoAsync(fixture.BaseUrl + "/review");
        await reviewer.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review/versions/*");
        Assert.Contains(summary, await reviewer.GetByRole(AriaRole.Main).InnerTextAsync(), StringComparison.Ordinal); // the reviewer sees the concern too
        await JourneySteps.PassTheReviewsBeforeTheLastAsync(reviewer);
        await JourneySteps.PublishAsync(reviewer, "71-review-concern-response.png");

        var visitor = await JourneySteps.VisitorAsync(fixture, width: 390, height: 844);
        await visitor.GotoAsync(fixture.BaseUrl + "/responses");
        await JourneySteps.FullPageShotAsync(visitor, "72-public-responses-phone.png");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await visitor.WaitForURLAsync($"**/records/{recordId}");
        var main = await visitor.GetByRole(AriaRole.Main).InnerTextAsync();
        Assert.Contains("媒体报道", main, StringComparison.Ordinal);
        Assert.Contains(summary, main, StringComparison.Ordinal);
        Assert.Contains(concernDate, main, StringComparison.Ordinal);
        await JourneySteps.FullPageShotAsync(visitor, "73-public-concern-response-phone.png");

        var feed = await visitor.APIRequest.GetAsync(fixture.BaseUrl + "/feeds/responses.atom");
        Assert.Equal(200, feed.Status);
        Assert.Contains(title, await feed.TextAsync(), StringComparison.Ordinal);
    }
}
