using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Tests.Interpretations;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Issue 5's journey in a real browser: from the due list the editor writes a 政策问答 interpretation of a policy, the
/// office approves it, and a visitor on a phone reads the FAQ and moves between the policy and its interpretation.
/// </summary>
public sealed class InterpretationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Editor_InterpretsAnOverduePolicy_WithQuestions_OfficeApproves_VisitorReadsTheFaqOnAPhone()
    {
        var housing = await InterpretationSupport.DepartmentIdAsync(fixture.Portal, InterpretationSupport.HousingCode);
        var policyTitle = $"关于印发《青川县农村危房改造补助办法（{DateTime.UtcNow:HHmmssfff}）》的通知";
        var policy = await InterpretationSupport.PublishedAsync(fixture.Portal, housing, RecordKind.NormativeDocument,
            InterpretationSupport.Today.AddDays(-20), title: policyTitle);

        // The editor's dashboard leads to the due list; the overdue policy offers "撰写解读".
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GetByRole(AriaRole.Link, new() { Name = "查看本部门政策解读时限" }).ClickAsync();
        await editor.WaitForURLAsync("**/manage/interpretations");
        var row = editor.Locator($"tr[data-policy='{policy}']");
        Assert.Equal(nameof(InterpretationStatus.MissingOverdue), await row.GetAttributeAsync("data-status"));
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("50-editor-interpretations-due.png"), FullPage = true });
        await row.GetByRole(AriaRole.Link, new() { Name = "撰写解读" }).ClickAsync();
        await editor.WaitForURLAsync("**/manage/records/new?policy=*");
        Assert.True(await editor.Locator($"input[name=PolicyIds][value='{policy}']").IsCheckedAsync());

        // With 政策问答 chosen, the video field steps aside (CSS :has); two pairs, the second moved up.
        await editor.GetByLabel("解读形式").SelectOptionAsync(new SelectOptionValue { Label = "政策问答" });
        Assert.False(await editor.Locator("#VideoUrl").IsVisibleAsync());
        await editor.Locator("#Questions_0__Question").FillAsync("补助标准是多少？");
        await editor.Locator("#Questions_0__Answer").FillAsync("C级危房每户1.5万元，D级危房每户3万元。");
        await editor.Locator("#Questions_1__Question").FillAsync("哪些家庭可以申请？");
        await editor.Locator("#Questions_1__Answer").FillAsync("农村低保户、分散供养特困人员等重点对象。\n具体以乡镇审核为准。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "上移第 2 组" }).ClickAsync();
        Assert.Equal("哪些家庭可以申请？", await editor.Locator("#Questions_0__Question").InputValueAsync());
        await editor.GetByLabel("正文", new() { Exact = true }).FillAsync("为便于群众理解，现就有关问题解答如下。");
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("51-editor-new-interpretation.png"), FullPage = true });
        // Enter in a text field saves (the form's first button is "save", not "find" or "move up").
        await editor.Locator("#Title").PressAsync("Enter");
        await editor.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/manage/records/\d+$"));
        var interpretation = int.Parse(editor.Url[(editor.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await editor.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // The office sees the policy and the questions on the review page, and approves.
        var reviewer = await fixture.SignInAsync("reviewer");
        await reviewer.GotoAsync(fixture.BaseUrl + "/review");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = await editor.Locator("h1").InnerTextAsync() }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review/versions/*");
        Assert.Equal(2, await reviewer.Locator(".qa-review li").CountAsync());
        Assert.True(await reviewer.Locator(".interpretation-details").GetByRole(AriaRole.Link, new() { Name = policyTitle }).IsVisibleAsync());
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("52-review-interpretation.png"), FullPage = true });
        await JourneySteps.PassTheReviewsBeforeTheLastAsync(reviewer);
        await JourneySteps.PublishAsync(reviewer);

        // A visitor on a phone: the policy lists its interpretation; the FAQ reads as headings and paragraphs.
        var phone = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", IsMobile = true })).NewPageAsync();
        await phone.GotoAsync($"{fixture.BaseUrl}/records/{policy}");
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.Shot("53-phone-policy-with-interpretation.png"), FullPage = true });
        await phone.Locator("#interp-title ~ ul").GetByRole(AriaRole.Link).First.ClickAsync();
        await phone.WaitForURLAsync($"**/records/{interpretation}");
        Assert.Equal(["问哪些家庭可以申请？", "问补助标准是多少？"], (await phone.Locator(".faq-item h3").AllInnerTextsAsync()).Select(t => t.Replace("\n", "", StringComparison.Ordinal).Trim()));
        Assert.Equal(2, await phone.Locator(".faq-item").First.Locator(".faq-a p").CountAsync());
        // Nothing wider than the phone: the FAQ wraps.
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.Shot("54-phone-interpretation-faq.png"), FullPage = true });
        await phone.Locator(".record-interprets a").ClickAsync();
        await phone.WaitForURLAsync($"**/records/{policy}");
    }
}
