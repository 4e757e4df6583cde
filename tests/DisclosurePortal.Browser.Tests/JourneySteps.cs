using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Steps that more than one journey takes, written with accessible locators (role and label) so that each use also
/// proves the controls have names a screen reader announces.
/// </summary>
public static class JourneySteps
{
    public const string IdentityNumber = "11010519491231002X";

    /// <summary>A desktop visitor with no account, in the default language.</summary>
    public static async Task<IPage> VisitorAsync(BrowserFixture fixture, int width = 1280, int height = 900)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    /// <summary>From any public page: the 依申请公开 menu, the form filled in as a natural person asking for an online reply, submitted; returns the query code.</summary>
    public static async Task<string> ApplyAsync(IPage citizen, string information, string screenshotPrefix)
    {
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync("**/apply");
        await citizen.GetByRole(AriaRole.Group, new() { Name = "申请人类型" }).GetByRole(AriaRole.Radio, new() { Name = "自然人" }).CheckAsync();
        await citizen.GetByLabel("姓名/名称").FillAsync("张三");
        await citizen.GetByLabel("证件号码").FillAsync(IdentityNumber);
        await citizen.GetByLabel("联系电话或电子邮箱").FillAsync("13800000000");
        await citizen.GetByLabel("所需信息的描述").FillAsync(information);
        await citizen.GetByRole(AriaRole.Group, new() { Name = "获取信息的形式" }).GetByRole(AriaRole.Radio, new() { Name = "电子文档" }).CheckAsync();
        await citizen.GetByRole(AriaRole.Group, new() { Name = "获取信息的方式" }).GetByRole(AriaRole.Radio, new() { Name = "网上获取" }).CheckAsync();
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot($"{screenshotPrefix}-apply-form.png"), FullPage = true });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await citizen.WaitForURLAsync("**/apply/receipt/*");
        var code = (await citizen.Locator("#query-code").InnerTextAsync()).Trim();
        Assert.Equal(12, code.Length);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot($"{screenshotPrefix}-apply-receipt.png"), FullPage = true });
        return code;
    }

    /// <summary>The tracking form reached from the 依申请公开 page: the code typed in, the case's page shown.</summary>
    public static async Task TrackAsync(IPage citizen, string code)
    {
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).ClickAsync();
        await citizen.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "查询办理进度" }).ClickAsync();
        await citizen.WaitForURLAsync("**/track");
        // Typed as a person copies it from a screenshot: lower case is accepted.
        await citizen.GetByLabel("查询码").FillAsync(code.ToLowerInvariant());
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await citizen.WaitForURLAsync("**/track?code=*");
        Assert.Equal(code, (await citizen.Locator("#query-code").InnerTextAsync()).Trim());
    }

    /// <summary>
    /// Passes the review steps before the last one, each on its own form (the default chain: 保密审查, then 合法性审查;
    /// the page comes back with the next step's form), leaving the last step (公开属性审查, which publishes) to the
    /// journey: choose "通过并发布", tick 确认发布 and submit with <see cref="PublishAsync"/> or step by step.
    /// </summary>
    public static async Task PassTheReviewsBeforeTheLastAsync(IPage reviewer, string? confidentialityComment = null)
    {
        foreach (var step in new[] { "保密审查", "合法性审查" })
        {
            var form = reviewer.GetByRole(AriaRole.Form, new() { Name = step + "结论" });
            await form.GetByRole(AriaRole.Radio, new() { Name = "通过", Exact = true }).CheckAsync();
            if (step == "保密审查" && confidentialityComment is not null)
                await form.GetByLabel("审查意见").FillAsync(confidentialityComment);
            await form.GetByRole(AriaRole.Button, new() { Name = "提交审查结论" }).ClickAsync();
            Assert.Contains("转入下一审查环节", await StatusAsync(reviewer), StringComparison.Ordinal);
        }
    }

    /// <summary>The last step (公开属性审查 in the default chain): 通过并发布, confirmed; back on the queue.</summary>
    public static async Task PublishAsync(IPage reviewer, string? shot = null)
    {
        var form = reviewer.GetByRole(AriaRole.Form, new() { Name = "公开属性审查结论" });
        await form.GetByLabel("通过并发布").CheckAsync();
        await form.GetByLabel("确认发布").CheckAsync(); // publishing asks to be confirmed (issue 18)
        if (shot is not null) await FullPageShotAsync(reviewer, shot);
        await form.GetByRole(AriaRole.Button, new() { Name = "提交审查结论" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review");
        Assert.Contains("已审核通过并发布", await StatusAsync(reviewer), StringComparison.Ordinal);
    }

    /// <summary>
    /// A full-page screenshot of <paramref name="page"/> that leaves the page as it was, for a journey that goes on
    /// clicking: Chromium's capture beyond the viewport leaves the document reporting the bottom of the page as its
    /// scroll position while the browser still holds the old one, so Playwright aims the next click at where the
    /// button would be after that scroll; the click's own focus change then restores the real position, the button
    /// moves away under the pointer, and the mouseup lands beside it (no click, no submit). Scrolling back to where
    /// the page was before the capture puts both in agreement again.
    /// </summary>
    public static async Task FullPageShotAsync(IPage page, string name)
    {
        var at = await page.EvaluateAsync<double[]>("() => [window.scrollX, window.scrollY]");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot(name), FullPage = true });
        await page.EvaluateAsync("([x, y]) => window.scrollTo(x, y)", at);
    }

    /// <summary>The flash message shown after an action (a status region).</summary>
    public static async Task<string> StatusAsync(IPage page) => await page.GetByRole(AriaRole.Status).InnerTextAsync();
}
