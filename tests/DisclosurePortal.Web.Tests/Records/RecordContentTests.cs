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
            var now = DateTimeOffset.UtcNow;
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
}

public sealed class RecordContentOnSqlite(SqlitePortal factory) : RecordContentTests(factory), IClassFixture<SqlitePortal>;

public sealed class RecordContentOnPostgres(PostgresPortal factory) : RecordContentTests(factory), IClassFixture<PostgresPortal>;
