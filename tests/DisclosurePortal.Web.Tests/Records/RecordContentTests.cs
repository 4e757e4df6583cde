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
}

public sealed class RecordContentOnSqlite(SqlitePortal factory) : RecordContentTests(factory), IClassFixture<SqlitePortal>;

public sealed class RecordContentOnPostgres(PostgresPortal factory) : RecordContentTests(factory), IClassFixture<PostgresPortal>;
