using DisclosurePortal.Web.Data.Seed;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>Issue 3's journey in a real browser: nothing goes public unreviewed, and an edit waits for its review.</summary>
public sealed class EditorialJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Editor_Drafts_Attaches_Submits_Reviewer_Approves_Public_Sees_AndAnEditWaitsForReview()
    {
        var item = await WorkflowSupport.HousingItemAsync(fixture.Portal);
        var title = $"青川县2026年农村危房改造第三批补助对象公示（{DateTime.UtcNow:HHmmssfff}）";

        // The editor drafts a record with an attachment and submits it.
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("10-editor-dashboard.png"), FullPage = true });
        await editor.GotoAsync($"{fixture.BaseUrl}/manage/records/new?itemId={item.Id}");
        await editor.GetByLabel("信息类别").SelectOptionAsync(new SelectOptionValue { Label = "通知公告" });
        await editor.GetByLabel("标题").FillAsync(title);
        await editor.GetByLabel("正文（Markdown）").FillAsync("经村民评议、乡镇审核，现将补助对象予以公示。\n\n### 公示期\n\n公示期为7天。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "预览正文" }).ClickAsync();
        Assert.True(await editor.Locator(".preview h3").IsVisibleAsync());
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("11-editor-new-record-preview.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await editor.WaitForURLAsync("**/manage/records/*");
        var recordUrl = editor.Url;
        var recordId = int.Parse(recordUrl[(recordUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        await editor.GetByLabel("上传附件").SetInputFilesAsync(new FilePayload { Name = "补助对象名单.pdf", MimeType = "application/pdf", Buffer = WorkflowSupport.Pdf });
        await editor.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        Assert.True(await editor.GetByRole(AriaRole.Link, new() { Name = "补助对象名单.pdf" }).IsVisibleAsync());
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await editor.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("12-editor-submitted.png"), FullPage = true });

        string indexNumber;
        await using (var db = fixture.Portal.NewDbContext())
            indexNumber = (await db.Records.SingleAsync(r => r.Id == recordId)).IndexNumber!;
        Assert.StartsWith(WorkflowSupport.HousingOrganisationCode + "/", indexNumber, StringComparison.Ordinal);

        // The reviewer finds it in the queue, records the three reviews and approves.
        var reviewer = await fixture.SignInAsync("reviewer");
        await reviewer.GotoAsync(fixture.BaseUrl + "/review");
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("13-review-queue.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review/versions/*");
        foreach (var step in new[] { "Confidentiality", "Legality", "Attribute" })
            await reviewer.Locator($"input[name={step}][value='1']").CheckAsync();
        await reviewer.GetByLabel("审核通过并发布").CheckAsync();
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("14-review-form.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核结论" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review");
        Assert.Contains("已审核通过并发布", await reviewer.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // An anonymous visitor sees it on the domain page, with its 索引号.
        string domainCode, stageCode;
        await using (var db = fixture.Portal.NewDbContext())
        {
            domainCode = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.Code).SingleAsync();
            stageCode = await db.Stages.Where(s => s.Id == item.StageId).Select(s => s.Code).SingleAsync();
        }
        var visitor = await (await fixture.Browser.NewContextAsync(new() { Locale = "zh-CN" })).NewPageAsync();
        await visitor.GotoAsync($"{fixture.BaseUrl}/domains/{domainCode}?stage={stageCode}");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await visitor.WaitForURLAsync($"**/records/{recordId}");
        Assert.Equal(indexNumber, (await visitor.Locator(".metadata .mono").InnerTextAsync()).Trim());
        await visitor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("15-public-record.png"), FullPage = true });

        // The editor edits it: the public page keeps the approved version until the edit is approved.
        await editor.GotoAsync(recordUrl);
        await editor.GetByRole(AriaRole.Button, new() { Name = "新建修改稿" }).ClickAsync();
        await editor.WaitForURLAsync("**/edit");
        await editor.GetByLabel("标题").FillAsync(title + "（更正）");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("16-editor-revision-submitted.png"), FullPage = true });
        await visitor.ReloadAsync();
        Assert.Equal(title, await visitor.Locator("h1").InnerTextAsync());

        await reviewer.GotoAsync(fixture.BaseUrl + "/review");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = title + "（更正）" }).ClickAsync();
        foreach (var step in new[] { "Confidentiality", "Legality", "Attribute" })
            await reviewer.Locator($"input[name={step}][value='1']").CheckAsync();
        await reviewer.GetByLabel("审核通过并发布").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核结论" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review");
        await visitor.ReloadAsync();
        Assert.Equal(title + "（更正）", await visitor.Locator("h1").InnerTextAsync());
        Assert.Equal(indexNumber, (await visitor.Locator(".metadata .mono").InnerTextAsync()).Trim());
    }
}
