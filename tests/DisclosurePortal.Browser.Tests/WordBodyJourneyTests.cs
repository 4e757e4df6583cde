using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using DisclosurePortal.Browser.Tests.Audit;
using DisclosurePortal.Web.Tests.ManageRecords;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Issue 18, an editor publishing from a .docx: from the record list, a new record under an item found in its 领域 ·
/// 环节 group, the body imported from a Word file (heading, table, picture) with an attachment chosen beside it, the
/// preview with the 落款 the page will add, a small edit in the text area, one save that keeps the picture and the
/// attachment; the office approves after confirming and follows the link to the published page. Screenshots 60–66.
/// </summary>
public sealed class WordBodyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Editor_ImportsAWordFile_PreviewsAndSavesOnce_WithItsPictureAndAnAttachment_AndTheOfficePublishesIt()
    {
        var item = await WorkflowSupport.HousingItemAsync(fixture.Portal);
        string group;
        await using (var db = fixture.Portal.NewDbContext())
            group = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.NameZh).SingleAsync() + " · "
                  + await db.Stages.Where(s => s.Id == item.StageId).Select(s => s.NameZh).SingleAsync();
        var title = $"青川县2026年农村低收入群体补贴发放通知（{DateTime.UtcNow:HHmmssfff}）";

        // From the record list (the last changed first) to a new record.
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GotoAsync($"{fixture.BaseUrl}/manage/records");
        Assert.True(await editor.GetByRole(AriaRole.Columnheader, new() { Name = "最后修改时间" }).IsVisibleAsync());
        await editor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "新建信息", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync("**/manage/records/new");

        // The item is found under its domain and stage.
        var items = editor.GetByLabel("公开事项");
        Assert.Contains(item.NameLevel2, await items.Locator($"optgroup[label='{group}']").InnerTextAsync(), StringComparison.Ordinal);
        await items.SelectOptionAsync(item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await editor.GetByLabel("信息类别").SelectOptionAsync(new SelectOptionValue { Label = "通知公告" });
        await editor.GetByLabel("标题").FillAsync(title);
        await editor.GetByLabel("发文字号").FillAsync("青住建发〔2026〕21号");
        await editor.GetByLabel("附件", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "补贴对象名单.pdf", MimeType = "application/pdf", Buffer = WorkflowSupport.Pdf });
        await editor.GetByLabel("从 Word 文件导入正文").SetInputFilesAsync(new FilePayload
        {
            Name = "补贴发放通知.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = WordFiles.AllKinds(),
        });
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("60-word-chosen.png"), FullPage = true });

        // Import: the text area holds the converted body, the preview shows it with the 落款, the files wait for the save.
        await editor.GetByRole(AriaRole.Button, new() { Name = "导入并预览" }).ClickAsync();
        var preview = editor.GetByRole(AriaRole.Region, new() { Name = "正文预览（尚未保存）" });
        Assert.True(await preview.GetByRole(AriaRole.Heading, new() { Name = "一、补贴对象" }).IsVisibleAsync());
        Assert.True(await preview.GetByRole(AriaRole.Columnheader, new() { Name = "乡镇" }).IsVisibleAsync());
        Assert.Contains("青川县住房和城乡建设局", await preview.Locator(".record-signature").InnerTextAsync(), StringComparison.Ordinal);
        var body = editor.GetByLabel("正文", new() { Exact = true });
        Assert.Contains("| 乡镇 | 补助金额（元） |", await body.InputValueAsync(), StringComparison.Ordinal);
        var waiting = await editor.Locator(".pending-files").InnerTextAsync();
        Assert.Contains("图片1.png", waiting, StringComparison.Ordinal);
        Assert.Contains("补贴对象名单.pdf", waiting, StringComparison.Ordinal);
        Assert.Equal(title, await editor.GetByLabel("标题").InputValueAsync());
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("61-word-imported-preview.png"), FullPage = true });
        var axe = await Axe.RunAsync(editor, new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
        });
        Assert.Empty(axe.Violations.SelectMany(v => v.Nodes.Where(n => n.Impact is "serious" or "critical").Select(n => $"{v.Id}: {n.Target}")));

        // A small edit, then one save: the record has its picture and the attachment.
        await body.FillAsync(await body.InputValueAsync() + "\n\n联系电话：0839-7202001");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/manage/records/\d+$"));
        Assert.True(await editor.GetByRole(AriaRole.Link, new() { Name = "图片1.png" }).IsVisibleAsync());
        Assert.True(await editor.GetByRole(AriaRole.Link, new() { Name = "补贴对象名单.pdf" }).IsVisibleAsync());
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("62-word-saved.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);

        // The office: approving without the confirmation is explained, with the choices kept; confirmed, it publishes.
        var reviewer = await fixture.SignInAsync("reviewer");
        await reviewer.GotoAsync($"{fixture.BaseUrl}/review");
        await reviewer.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review/versions/*");
        await JourneySteps.PassTheReviewsBeforeTheLastAsync(reviewer);
        await reviewer.GetByLabel("通过并发布").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审查结论" }).ClickAsync();
        Assert.Contains("请勾选“确认发布”", await reviewer.Locator("#ConfirmPublish-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await reviewer.GetByLabel("通过并发布").IsCheckedAsync());
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("63-review-confirm-asked.png"), FullPage = true });
        await JourneySteps.PublishAsync(reviewer);
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("64-review-published-link.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = "查看已发布的页面" }).ClickAsync();
        await reviewer.WaitForURLAsync(new Regex(@"/records/\d+$"));
        Assert.True(await reviewer.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).IsVisibleAsync());
        Assert.True(await reviewer.GetByRole(AriaRole.Link, new() { Name = "图片1.png" }).IsVisibleAsync());
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("65-published-from-word.png"), FullPage = true });
    }
}
