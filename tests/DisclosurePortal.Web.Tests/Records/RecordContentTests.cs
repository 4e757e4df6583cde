using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.AnnualReports;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Records;

/// <summary>
/// What editors type reaching readers (issue 15): bodies nested too deeply for Markdig, images pointing into the portal,
/// braces in attachment names, control characters in a published annual report. Refused at input with a Chinese message
/// beside the field; what is already stored still shows, never a 500.
/// </summary>
public abstract class RecordContentTests(PortalFactory factory)
{
    private const string New = "/manage/records/new";

    /// <summary>A valid draft typed into the record form (PostFormAsync sends the form's other fields as rendered).</summary>
    private async Task<Dictionary<string, string>> DraftFieldsAsync(string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        fields["CatalogueItemId"] = (await HousingItemAsync(factory)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Kind"] = "8";
        fields["Title"] = $"正文测试 {Guid.NewGuid():N}";
        fields["IssuingOrgan"] = "青川县住房和城乡建设局";
        fields["Body"] = body;
        fields["Intent"] = "save";
        return fields;
    }

    public static TheoryData<string, string> RefusedBodies() => new()
    {
        { "33 block quotes", new string('>', 33) + " 深处" },
        { "200 block quotes (Markdig's own limit)", new string('>', 200) + " 深处" },
        { "33 lists in quotes", string.Concat(Enumerable.Repeat("> - ", 17)) + "深处" },
        { "5000 emphasis marks", new string('*', 5000) + "深处" + new string('*', 5000) },
        { "an image on a site path", "见下图：\n\n![](/culture/en)" },
        { "an image switching the reader's mode", "![](/accessibility/mode?value=senior)" },
        { "an image on the portal's own host", "![切换](http://localhost/culture/en)" },
        { "an image on a relative path", "![图](culture/en)" },
        { "a reference-style image on a site path", "![图][r]\n\n[r]: /culture/en" },
    };

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task Save_WithABodyReadersCouldNotBeShownSafely_IsRefusedBesideTheBody_AndKeepsTheText(string what, string body)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = await DraftFieldsAsync(body);
        var records = await CountRecordsAsync();

        var response = await Browserish.PostFormAsync(editor, New, New, fields);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        var doc = await Html.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("#Body-error").Text()), $"{what}: no message beside the body");
        Assert.Equal(body, ((IHtmlTextAreaElement)doc.QuerySelector("#Body")!).Value.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(fields["Title"], doc.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal(records, await CountRecordsAsync());
    }

    [Fact]
    public async Task Save_WithNestingUpTo32Levels_AndImagesOnOtherSites_IsAccepted()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var body = new string('>', 32) + " 引文\n\n![规划图](https://img.example/plan.png)\n\n[本站另一条](/records/1)";
        var response = await Browserish.PostFormAsync(editor, New, New, await DraftFieldsAsync(body));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task StoredBody_TooDeepForMarkdig_StillShowsOnTheRecordPage_InEveryFeed_AndInSearch()
    {
        var word = "深嵌" + Guid.NewGuid().ToString("N")[..8];
        var item = await HousingItemAsync(factory);
        int recordId, departmentId;
        string domainCode;
        await using (var db = factory.NewDbContext())
        {
            var (record, _) = await new RecordBuilder(db, factory.Clock).Under(item).Titled($"嵌套过深的正文 {word}")
                .WithBody(new string('>', 200) + $" {word} 的正文\n\n" + string.Concat(Enumerable.Repeat("- ", 300)) + "列表").Published().SaveAsync();
            recordId = record.Id;
            departmentId = record.DepartmentId;
            domainCode = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.Code).SingleAsync();
        }
        var visitor = Browserish.NewClient(factory);

        var (page, doc) = await Html.GetAsync(visitor, $"/records/{recordId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"{word} 的正文", doc.Body!.TextContent, StringComparison.Ordinal);
        foreach (var feed in new[] { "/feeds/all.atom", $"/feeds/departments/{departmentId}.atom", $"/feeds/domains/{domainCode}.atom" })
        {
            var response = await visitor.GetAsync(feed);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{feed}: {response.StatusCode}");
            Assert.Contains(word, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var (search, results) = await Html.GetAsync(visitor, "/search?q=" + Uri.EscapeDataString(word));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains(results.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/records/{recordId}");
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/manage/records/{recordId}")).StatusCode);
    }

    [Fact]
    public async Task StoredBody_WithScriptLinksAndSameSiteImages_ShowsNoneOfThemOnTheRecordPage()
    {
        await using (var db = factory.NewDbContext())
        {
            var (record, _) = await new RecordBuilder(db, factory.Clock).Under(await HousingItemAsync(factory))
                .WithBody("<javascript:alert(1)> [a][r] ![](/culture/en) ![](/accessibility/mode?value=senior) [好](https://www.gov.cn/)\n\n[r]: vbscript:x")
                .Published().SaveAsync();
            var (page, doc) = await Html.GetAsync(Browserish.NewClient(factory), $"/records/{record.Id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = doc.QuerySelector(".record-body")!;
            Assert.Empty(body.QuerySelectorAll("img"));
            Assert.Equal(["https://www.gov.cn/"], body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        }
    }

    [Theory]
    [InlineData("x.{0}")]
    [InlineData("报告.{0}{1}")]
    [InlineData("报告.pdf}")]
    public async Task Attachment_WithBracesInItsExtension_IsRefusedInChinese_NotA500(string fileName)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var record = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"附件名测试 {Guid.NewGuid():N}");
        var page = $"/manage/records/{record}";

        var response = await Browserish.UploadAsync(editor, page, $"{page}/attachments", fileName, Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Html.ParseAsync(response)).QuerySelector("main").Text();
        Assert.Contains("与文件扩展名", text, StringComparison.Ordinal);
        Assert.Contains(fileName[fileName.IndexOf('.', StringComparison.Ordinal)..], text, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Attachments.AnyAsync(a => db.RecordVersions.Any(v => v.Id == a.RecordVersionId && v.RecordId == record)));
    }

    [Fact]
    public async Task Attachment_WithBracesInItsName_IsStored_AndTheConfirmationShows()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var record = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"附件名测试 {Guid.NewGuid():N}");
        var page = $"/manage/records/{record}";

        var response = await Browserish.UploadAsync(editor, page, $"{page}/attachments", "{0}{1}通知}.pdf", Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (shown, doc) = await Html.GetAsync(editor, page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("{0}{1}通知}.pdf", doc.QuerySelector(".flash").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedAnnualReport_WithControlCharactersInItsText_StillDownloadsAsDocxAndXlsx()
    {
        const int year = 2019;
        await using (var db = factory.NewDbContext())
        {
            var now = factory.Clock.GetUtcNow();
            var report = new AnnualReport(year, now);
            report.SaveDraft("总体情况第一段\v从 Word 粘贴的换行\u0007。\n第二段\u001b。", "问题\f一", "其他\u001f事项", new ManualFigures(), now);
            report.Submit("a", "审核员甲", now);
            report.Publish("b", "审核员乙", await AnnualReportQueries.ComputeAsync(db, year, new ManualFigures(), CancellationToken.None), now);
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
        }
        var visitor = Browserish.NewClient(factory);

        var docx = await visitor.GetAsync($"/annual-reports/{year}.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("总体情况第一段从 Word 粘贴的换行。", text, StringComparison.Ordinal);
            Assert.Contains("第二段。", text, StringComparison.Ordinal);
            Assert.Contains("问题一", text, StringComparison.Ordinal);
        }
        var xlsx = await visitor.GetAsync($"/annual-reports/{year}.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
        }
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/annual-reports/{year}")).StatusCode);
    }

    private async Task<int> CountRecordsAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Records.CountAsync();
    }
}

public sealed class RecordContentOnSqlite(SqlitePortal factory) : RecordContentTests(factory), IClassFixture<SqlitePortal>;

public sealed class RecordContentOnPostgres(PostgresPortal factory) : RecordContentTests(factory), IClassFixture<PostgresPortal>;
