using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace DisclosurePortal.Browser.Tests;

/// <summary>
/// The annual report (条例 Arts. 49–50) through the office's pages, as two reviewers in Chromium: drafted and saved,
/// submitted, refused to its own submitter, returned with a comment by the second reviewer, fixed, resubmitted and
/// published; then the public page and its .docx and .xlsx downloads, opened and read (issue 15: the forms had no
/// antiforgery token, so saving from a browser answered 400 and lost the text).
/// </summary>
public sealed class AnnualReportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Overview = "本年度，青川县围绕政务公开标准化规范化，全面推进基层政务公开。";
    private const string Problems = "部分栏目更新不够及时。";
    private const string Fixed = "部分栏目更新不够及时，已建立按月督查机制。";
    private const string ReturnComment = "第五部分请写明改进措施。";

    [Fact]
    public async Task TwoReviewers_DraftSubmitReturnResubmitAndPublish_ThenTheDownloadsCarryTheText()
    {
        var year = DateTime.UtcNow.AddHours(8).Year - 1; // 条例 Art. 49: last year's report is the one due

        // The first reviewer starts last year's report from the office's list, types, and saves the draft.
        var author = await fixture.SignInAsync("reviewer");
        await author.GotoAsync($"{fixture.BaseUrl}/reports/annual");
        await author.GetByRole(AriaRole.Link, new() { Name = $"编制{year}年度报告" }).ClickAsync();
        await author.WaitForURLAsync($"**/reports/annual/{year}");
        await author.GetByLabel("总体情况", new() { Exact = true }).FillAsync(Overview);
        await author.GetByLabel("行政许可").FillAsync("128");
        await author.GetByLabel("存在的主要问题及改进情况", new() { Exact = true }).FillAsync(Problems);
        await author.GetByLabel("其他需要报告的事项", new() { Exact = true }).FillAsync("无。");
        await author.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        Assert.Contains("已保存年度报告草稿", await JourneySteps.StatusAsync(author), StringComparison.Ordinal);
        Assert.Equal(Overview, await author.GetByLabel("总体情况", new() { Exact = true }).InputValueAsync());
        Assert.Equal("草稿", (await author.Locator("#report-state").InnerTextAsync()).Trim());
        await author.ScreenshotAsync(new() { Path = BrowserFixture.Shot("60-annual-report-draft-saved.png"), FullPage = true });

        // Submitted; its author may not publish it himself: refused with the reason, nothing changes.
        await author.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(author), StringComparison.Ordinal);
        Assert.Equal("待审核", (await author.Locator("#report-state").InnerTextAsync()).Trim());
        var ownPublish = await author.RunAndWaitForResponseAsync(
            () => author.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.Equal(400, ownPublish.Status);
        Assert.Contains("另一位审核员", await author.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("待审核", (await author.Locator("#report-state").InnerTextAsync()).Trim());

        // The second reviewer returns it with a comment.
        var second = await fixture.SignInAsync("reviewer2");
        await second.GotoAsync($"{fixture.BaseUrl}/reports/annual/{year}");
        await second.GetByLabel("退回意见").FillAsync(ReturnComment);
        await second.ScreenshotAsync(new() { Path = BrowserFixture.Shot("61-annual-report-review.png"), FullPage = true });
        await second.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        Assert.Contains("已退回修改", await JourneySteps.StatusAsync(second), StringComparison.Ordinal);

        // The author reads the comment, fixes section 五, saves and resubmits.
        await author.GotoAsync($"{fixture.BaseUrl}/reports/annual/{year}");
        Assert.Contains(ReturnComment, await author.Locator("#return-comment").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Problems, await author.GetByLabel("存在的主要问题及改进情况", new() { Exact = true }).InputValueAsync());
        await author.GetByLabel("存在的主要问题及改进情况", new() { Exact = true }).FillAsync(Fixed);
        await author.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        Assert.Contains("已保存年度报告草稿", await JourneySteps.StatusAsync(author), StringComparison.Ordinal);
        await author.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        Assert.Contains("已提交审核", await JourneySteps.StatusAsync(author), StringComparison.Ordinal);

        // The second reviewer publishes.
        await second.GotoAsync($"{fixture.BaseUrl}/reports/annual/{year}");
        await second.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        Assert.Contains("年度报告已发布", await JourneySteps.StatusAsync(second), StringComparison.Ordinal);
        Assert.Equal("已发布", (await second.Locator("#report-state").InnerTextAsync()).Trim());
        await second.ScreenshotAsync(new() { Path = BrowserFixture.Shot("62-annual-report-published.png"), FullPage = true });

        // A citizen reads it and downloads both files.
        var citizen = await JourneySteps.VisitorAsync(fixture);
        await citizen.GotoAsync($"{fixture.BaseUrl}/annual-reports");
        await citizen.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(year.ToString(CultureInfo.InvariantCulture)) }).First.ClickAsync();
        await citizen.WaitForURLAsync($"**/annual-reports/{year}");
        Assert.Contains(Fixed, await citizen.GetByRole(AriaRole.Main).InnerTextAsync(), StringComparison.Ordinal);
        await citizen.ScreenshotAsync(new() { Path = BrowserFixture.Shot("63-annual-report-public.png"), FullPage = true });

        var docx = await DownloadAsync(citizen, "下载全文（.docx）");
        Assert.EndsWith(".docx", docx.SuggestedFilename, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await ReadAsync(docx)), false))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            Assert.Contains(Overview, body.InnerText, StringComparison.Ordinal);
            Assert.Contains(Fixed, body.InnerText, StringComparison.Ordinal);
            var rows = body.Descendants<Wordprocessing.TableRow>().Select(r => r.Elements<Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Contains(rows, r => r.Count > 1 && r[0].StartsWith("行政许可", StringComparison.Ordinal) && r.Contains("128"));
        }

        var xlsx = await DownloadAsync(citizen, "下载表格（.xlsx）");
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await ReadAsync(xlsx)), false))
        {
            var strings = workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = workbook.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<Spreadsheet.Row>())
                .Select(r => r.Elements<Spreadsheet.Cell>().Select(c => CellText(c, strings)).ToList()).ToList();
            Assert.Contains(rows, r => r.Count > 1 && r[0].StartsWith("行政许可", StringComparison.Ordinal) && r.Contains("128"));
        }
    }

    private static async Task<IDownload> DownloadAsync(IPage page, string link) =>
        await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());

    private static async Task<byte[]> ReadAsync(IDownload download)
    {
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string CellText(Spreadsheet.Cell cell, List<string> strings) =>
        cell.DataType?.Value == Spreadsheet.CellValues.SharedString && int.TryParse(cell.InnerText, out var i) && i < strings.Count
            ? strings[i]
            : cell.InnerText;
}
