using System.Text.RegularExpressions;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Journey b (issue 8): an editor drafts a record, attaches a file and submits it; the office returns it with a reason;
/// the editor reads the reason, fixes the record and resubmits. Then the first half of journey c: the reviewer works the
/// publication queue (保密审查, 合法性审查, 公开属性审查), publishes, and the public column shows the record; an edit of
/// it waits for review. Accessible locators throughout; a screenshot at each step (10–24).
/// </summary>
public sealed class EditorialJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string ReturnReason = "公示期应写明起止日期；正文缺少监督举报电话。";

    [Fact]
    public async Task Editor_DraftsAttachesSubmits_IsReturnedWithAReason_FixesAndResubmits_ReviewerPublishes_PublicSeesIt_AndAnEditWaitsForReview()
    {
        var item = await WorkflowSupport.HousingItemAsync(fixture.Portal);
        var title = $"青川县2026年农村危房改造第三批补助对象公示（{DateTime.UtcNow:HHmmssfff}）";

        // The editor drafts a record under one of the department's items, previews the body and saves.
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("10-editor-dashboard.png"), FullPage = true });
        await editor.GotoAsync($"{fixture.BaseUrl}/manage/records/new?itemId={item.Id}");
        await editor.GetByLabel("信息类别").SelectOptionAsync(new SelectOptionValue { Label = "通知公告" });
        await editor.GetByLabel("标题").FillAsync(title);
        await editor.GetByLabel("正文", new() { Exact = true }).FillAsync("经村民评议、乡镇审核，现将补助对象予以公示。\n\n### 公示期\n\n公示期为7天。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "预览正文" }).ClickAsync();
        Assert.True(await editor.GetByRole(AriaRole.Region, new() { Name = "正文预览（尚未保存）" }).GetByRole(AriaRole.Heading, new() { Name = "公示期" }).IsVisibleAsync());
        // The preview keeps what was typed.
        Assert.Equal(title, await editor.GetByLabel("标题").InputValueAsync());
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("11-editor-new-record-preview.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/manage/records/\d+$"));
        var recordUrl = editor.Url;
        var recordId = int.Parse(recordUrl[(recordUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        // Attaches the list of households, and submits.
        await editor.GetByLabel("上传附件").SetInputFilesAsync(new FilePayload { Name = "补助对象名单.pdf", MimeType = "application/pdf", Buffer = WorkflowSupport.Pdf });
        await editor.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        Assert.Contains("补助对象名单.pdf", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);
        Assert.True(await editor.GetByRole(AriaRole.Link, new() { Name = "补助对象名单.pdf" }).IsVisibleAsync());
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("12-editor-attached.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("13-editor-submitted.png"), FullPage = true });

        string indexNumber;
        await using (var db = fixture.Portal.NewDbContext())
            indexNumber = (await db.Records.SingleAsync(r => r.Id == recordId)).IndexNumber!;
        Assert.StartsWith(WorkflowSupport.HousingOrganisationCode + "/", indexNumber, StringComparison.Ordinal);

        // The reviewer finds it in the queue, passes confidentiality, and returns it at legality with the reason.
        var reviewer = await fixture.SignInAsync("reviewer");
        await reviewer.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "审核队列" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review");
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("14-review-queue.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review/versions/*");
        Assert.True(await reviewer.GetByRole(AriaRole.Link, new() { Name = "补助对象名单.pdf" }).IsVisibleAsync());
        // Each review is its own form: 保密审查 passes, the page comes back with 合法性审查, which returns the draft.
        var confidentiality = reviewer.GetByRole(AriaRole.Form, new() { Name = "保密审查结论" });
        await confidentiality.GetByRole(AriaRole.Radio, new() { Name = "通过", Exact = true }).CheckAsync();
        await confidentiality.GetByRole(AriaRole.Button, new() { Name = "提交审查结论" }).ClickAsync();
        Assert.Contains("转入下一审查环节", await JourneySteps.StatusAsync(reviewer), StringComparison.Ordinal);
        var legality = reviewer.GetByRole(AriaRole.Form, new() { Name = "合法性审查结论" });
        await legality.GetByRole(AriaRole.Radio, new() { Name = "退回修改" }).CheckAsync();
        await legality.GetByLabel("审查意见").FillAsync(ReturnReason);
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("15-review-return.png"), FullPage = true });
        await legality.GetByRole(AriaRole.Button, new() { Name = "提交审查结论" }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review");
        Assert.Contains("已退回", await JourneySteps.StatusAsync(reviewer), StringComparison.Ordinal);
        Assert.Equal(0, await reviewer.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).CountAsync());

        // The editor's dashboard counts it as returned; the record says why, and so does the edit form.
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "工作台导航" }).GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        await editor.WaitForURLAsync("**/manage");
        await editor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^\d+\s*被退回$") }).ClickAsync();
        await editor.WaitForURLAsync("**/manage/records?state=returned");
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("16-editor-returned-list.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(recordUrl);
        var reason = editor.GetByRole(AriaRole.Note);
        Assert.Contains(ReturnReason, await reason.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("缺少监督举报电话", await editor.GetByRole(AriaRole.Row).Filter(new() { HasText = "合法性审查" }).First.InnerTextAsync(), StringComparison.Ordinal);
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("17-editor-sees-the-reason.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync("**/edit");
        Assert.Contains(ReturnReason, await editor.GetByRole(AriaRole.Note).InnerTextAsync(), StringComparison.Ordinal);
        var body = editor.GetByLabel("正文", new() { Exact = true });
        await body.FillAsync((await body.InputValueAsync()).Replace("公示期为7天。", "公示期为7天（2026年3月2日至3月8日）。\n\n### 监督举报\n\n监督举报电话：0839-12345678。", StringComparison.Ordinal));
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("18-editor-fixing.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await editor.WaitForURLAsync(recordUrl);
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);
        // The same 索引号: a resubmission does not take a new one.
        Assert.Contains(indexNumber, await editor.GetByRole(AriaRole.Main).InnerTextAsync(), StringComparison.Ordinal);
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("19-editor-resubmitted.png"), FullPage = true });

        // The reviewer works the queue again: the three reviews, each its own form; the last publishes at once.
        await reviewer.ReloadAsync();
        await reviewer.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync("**/review/versions/*");
        Assert.True(await reviewer.GetByRole(AriaRole.Heading, new() { Name = "监督举报" }).IsVisibleAsync());
        await JourneySteps.PassTheReviewsBeforeTheLastAsync(reviewer, "不涉及国家秘密");
        await JourneySteps.PublishAsync(reviewer, "20-review-approve.png");
        await reviewer.ScreenshotAsync(new() { Path = BrowserFixture.Shot("21-review-queue-after.png"), FullPage = true });

        // An anonymous visitor sees it in the item's column on the domain page, with its 索引号 and attachment.
        string domainCode, stageCode;
        await using (var db = fixture.Portal.NewDbContext())
        {
            domainCode = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.Code).SingleAsync();
            stageCode = await db.Stages.Where(s => s.Id == item.StageId).Select(s => s.Code).SingleAsync();
        }
        var visitor = await JourneySteps.VisitorAsync(fixture);
        await visitor.GotoAsync($"{fixture.BaseUrl}/domains/{domainCode}?stage={stageCode}");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.ClickAsync();
        await visitor.WaitForURLAsync($"**/records/{recordId}");
        Assert.Equal(indexNumber, (await visitor.Locator(".metadata .mono").InnerTextAsync()).Trim());
        Assert.True(await visitor.GetByRole(AriaRole.Heading, new() { Name = "监督举报" }).IsVisibleAsync());
        Assert.True(await visitor.GetByRole(AriaRole.Link, new() { Name = "补助对象名单.pdf" }).IsVisibleAsync());
        await visitor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("22-public-record.png"), FullPage = true });

        // The editor edits it: the public page keeps the approved version until the edit is approved.
        await editor.GotoAsync(recordUrl);
        await editor.GetByRole(AriaRole.Button, new() { Name = "新建修改稿" }).ClickAsync();
        await editor.WaitForURLAsync("**/edit");
        await editor.GetByLabel("标题").FillAsync(title + "（更正）");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("23-editor-revision-submitted.png"), FullPage = true });
        await visitor.ReloadAsync();
        Assert.Equal(title, await visitor.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());

        await reviewer.GotoAsync(fixture.BaseUrl + "/review");
        await reviewer.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = title + "（更正）", Exact = true }).ClickAsync();
        await JourneySteps.PassTheReviewsBeforeTheLastAsync(reviewer);
        await JourneySteps.PublishAsync(reviewer);
        await visitor.ReloadAsync();
        Assert.Equal(title + "（更正）", await visitor.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(indexNumber, (await visitor.Locator(".metadata .mono").InnerTextAsync()).Trim());
        await visitor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("24-public-record-corrected.png"), FullPage = true });
    }
}
