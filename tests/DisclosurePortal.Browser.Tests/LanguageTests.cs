using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// Issue 8's language requirement in a real browser: every page type, reached in Chinese, switches to English through the
/// visible 中文/English switch in the top bar and back; the switch returns to the same page; &lt;html lang&gt; is zh-CN or en to
/// match; and in English the page's own words (labels, legends, buttons, table headings, the layout) are English, while
/// data such as record titles and department names stay as published.
/// </summary>
public sealed partial class LanguageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The elements that are the page's own words, never data: checked for Chinese in English mode.</summary>
    private const string ChromeSelector =
        "label, legend, button, th, caption, summary, .breadcrumbs li:first-child, .topbar, .main-nav, .staff-bar li, .site-footer, h1#intro-title, .form-errors, [role=status]";

    /// <summary>Page words that carry data: the editor's due list is titled with the department's name.</summary>
    private static readonly string[] DataInChrome = ["/manage/interpretations — caption.visually-hidden: 青川县住房和城乡建设局: "];

    [Fact]
    public async Task EveryPublicPageType_SwitchesToEnglishAndBack_OnTheSamePage_WithTheRightLangAttribute()
    {
        var pages = await PublicPagesAsync();
        var visitor = await JourneySteps.VisitorAsync(fixture);
        var found = new List<string>();
        foreach (var path in pages)
            found.AddRange(await SwitchBothWaysAsync(visitor, path));
        Assert.True(found.Count == 0, "Chinese page text in English mode:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task EveryStaffPageType_SwitchesToEnglishAndBack_OnTheSamePage_WithTheRightLangAttribute()
    {
        var item = await WorkflowSupport.HousingItemAsync(fixture.Portal);
        int recordId, versionId, caseId;
        await using (var db = fixture.Portal.NewDbContext())
            recordId = await db.Records.Where(r => r.DepartmentId == item.DepartmentId && r.Kind == RecordKind.NormativeDocument).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();

        // Something in each queue: a submitted draft (the review page) and an application (the case and tracking pages).
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GotoAsync($"{fixture.BaseUrl}/manage/records/new?itemId={item.Id}");
        await editor.GetByLabel("信息类别").SelectOptionAsync(new SelectOptionValue { Label = "通知公告" });
        await editor.GetByLabel("标题").FillAsync("语言切换测试公告");
        await editor.GetByLabel("正文", new() { Exact = true }).FillAsync("测试正文。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/manage/records/\d+$"));
        var draftUrl = new Uri(editor.Url).AbsolutePath;
        await editor.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        var citizen = await JourneySteps.VisitorAsync(fixture);
        await citizen.GotoAsync(fixture.BaseUrl + "/");
        var code = await JourneySteps.ApplyAsync(citizen, "语言切换测试所需信息", "45");
        await using (var db = fixture.Portal.NewDbContext())
        {
            versionId = await db.RecordVersions.Where(v => v.Title == "语言切换测试公告").Select(v => v.Id).SingleAsync();
            caseId = await db.ApplicationCases.Where(c => c.QueryCode == code).Select(c => c.Id).SingleAsync();
        }
        var year = DateTime.UtcNow.AddHours(8).Year;

        var found = new List<string>();
        found.AddRange(await SwitchBothWaysAsync(citizen, $"/track?code={code}"));
        foreach (var path in new[] { "/manage", "/manage/records", $"/manage/records/new?itemId={item.Id}", draftUrl, $"/manage/records/{recordId}", $"/manage/records/{recordId}/edit", "/manage/items", $"/manage/items/{item.Id}/edit", $"/manage/items/{item.Id}/history", "/manage/interpretations" })
            found.AddRange(await SwitchBothWaysAsync(editor, path));
        var reviewer = await fixture.SignInAsync("reviewer");
        foreach (var path in new[] { "/office", "/office/deadlines", "/review", $"/review/versions/{versionId}", "/review/withheld", "/review/interpretations", "/cases", $"/cases/{caseId}", "/cases/new", "/cases/calendar-corrections", "/reports/annual", $"/reports/annual/{year - 1}", "/reports/quarterly", $"/reports/quarterly/{year}/q1" })
            found.AddRange(await SwitchBothWaysAsync(reviewer, path));
        var admin = await fixture.SignInAsync("admin");
        foreach (var path in new[] { "/admin/departments", "/admin/departments/new", "/admin/users", "/admin/users/new", "/admin/calendar", $"/admin/calendar/{year}" })
            found.AddRange(await SwitchBothWaysAsync(admin, path));
        Assert.True(found.Count == 0, "Chinese page text in English mode:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task AnEditorWorkingInEnglish_ReadsTheConfirmationsInEnglish()
    {
        var item = await WorkflowSupport.HousingItemAsync(fixture.Portal);
        var editor = await fixture.SignInAsync("editor.housing");
        await editor.GotoAsync($"{fixture.BaseUrl}/manage/records/new?itemId={item.Id}");
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "语言" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await editor.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Notices and announcements" });
        await editor.GetByLabel("Title").FillAsync("英文界面测试公告");
        await editor.GetByLabel("Full text", new() { Exact = true }).FillAsync("测试正文。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await editor.WaitForURLAsync(new Regex(@"/manage/records/\d+$"));
        Assert.StartsWith("Draft saved.", await JourneySteps.StatusAsync(editor), StringComparison.Ordinal);
        await editor.GetByLabel("Upload an attachment").SetInputFilesAsync(new FilePayload { Name = "名单.pdf", MimeType = "application/pdf", Buffer = WorkflowSupport.Pdf });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        // The file's name is data: it stays as it was uploaded.
        Assert.Equal("Attachment “名单.pdf” uploaded.", await JourneySteps.StatusAsync(editor));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        Assert.Matches(@"^Submitted for review\. Index number: \S+/\d{4}-\d{5}$", await JourneySteps.StatusAsync(editor));
        await editor.ScreenshotAsync(new() { Path = BrowserFixture.Shot("46-editor-in-english-submitted.png"), FullPage = true });
    }

    private async Task<List<string>> PublicPagesAsync()
    {
        await using var db = fixture.Portal.NewDbContext();
        var link = await db.InterpretationLinks.OrderBy(l => l.Id).FirstAsync();
        var record = await db.Records.SingleAsync(r => r.Id == link.PolicyRecordId);
        var domain = await db.Domains.Where(d => d.Id == record.DomainId).Select(d => d.Code).SingleAsync();
        var stage = await db.Stages.Where(s => s.Id == record.StageId).Select(s => s.Code).SingleAsync();
        // 民意征集 (issue 19): the list, an open one (the comment form and questionnaire), one with its 采纳情况 and chart.
        var consultations = await db.Consultations.Where(c => c.State == DisclosurePortal.Domain.Consultations.ConsultationState.FeedbackPublished
            || (c.State == DisclosurePortal.Domain.Consultations.ConsultationState.Approved && c.StartsOn <= DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)) && c.EndsOn >= DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return
        [
            "/consultations", .. consultations.Select(id => $"/consultations/{id}"),
            "/", $"/domains/{domain}", $"/domains/{domain}?stage={stage}", $"/items/{record.CatalogueItemId}", $"/records/{record.Id}",
            $"/records/{link.InterpretationRecordId}", "/search?q=%E5%8D%B1%E6%88%BF", "/search?q=%E5%8D%B1%E6%88%BF&domain=" + domain + "&sort=date",
            "/departments", $"/departments/{record.DepartmentId}", "/guide", "/apply", "/track", "/track?code=ABCDEFGHJKMN", "/annual-reports",
            $"/annual-reports/{DateTime.UtcNow.Year - 1}", "/open-data", "/statistics", "/account/login", "/records/999999999", "/search?page=x",
        ];
    }

    /// <summary>
    /// Opens <paramref name="path"/> in Chinese, follows the switch to English and back; returns the page's own words
    /// still in Chinese in English mode.
    /// </summary>
    private async Task<List<string>> SwitchBothWaysAsync(IPage page, string path)
    {
        await page.GotoAsync(fixture.BaseUrl + path);
        var url = page.Url;
        Assert.True("zh-CN" == await LangAsync(page), $"{path}: lang is not zh-CN");
        var switcher = page.GetByRole(AriaRole.Navigation, new() { Name = "语言" });
        await switcher.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        // Wait for the English page itself: a wait for the load state just after the click can still see the old page.
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en' && document.readyState === 'complete'");
        Assert.True(url == page.Url, $"{path}: the switch to English went to {page.Url}");
        Assert.True("en" == await LangAsync(page), $"{path}: lang is not en");
        var chinese = (await page.EvaluateAsync<string[]>("""
            sel => [...document.querySelectorAll(sel)]
                // A row heading names its row (a department, a catalogue item): data, not the page's words.
                .filter(e => e.checkVisibility() && !e.matches('th[scope=row], [translate=no]'))
                .map(e => {
                    // Words marked as Chinese on purpose (the 中文 link of the switch) and names marked translate="no"
                    // (a department's name after 停用 for a screen reader) are not missing translations.
                    const copy = e.cloneNode(true);
                    copy.querySelectorAll('[lang^=zh], [translate=no]').forEach(z => z.remove());
                    return [e, copy.textContent.replace(/\s+/g, ' ').trim()];
                })
                .filter(([e, text]) => /[\u4e00-\u9fff]/.test(text))
                .map(([e, text]) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': ' + text.slice(0, 160))
            """, ChromeSelector)).Select(t => $"{path} — {t}").Where(t => !DataInChrome.Any(d => t.StartsWith(d, StringComparison.Ordinal))).ToList();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot($"lang-{ShotName().Replace(path, "_").Trim('_')}-en.png") });
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'zh-CN' && document.readyState === 'complete'");
        Assert.True(url == page.Url, $"{path}: the switch back to Chinese went to {page.Url}");
        Assert.True("zh-CN" == await LangAsync(page), $"{path}: lang is not zh-CN after switching back");
        return chinese;
    }

    private static Task<string> LangAsync(IPage page) => page.EvaluateAsync<string>("() => document.documentElement.lang");

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex ShotName();
}
