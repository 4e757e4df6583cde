using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.PublicResponses;

/// <summary>
/// Issue 19: 回应关切 and 新闻发布会 from the editor's draft through review to the public column, the record page and the
/// feeds; their own fields checked by kind, beside each field.
/// </summary>
public abstract class PublicResponsesTests(PortalFactory factory)
{
    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> NewRecord(int itemId, RecordKind kind, string title) => new()
    {
        ["CatalogueItemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Kind"] = ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Title"] = title,
        ["IssuingOrgan"] = "青川县住房和城乡建设局",
        ["WrittenOn"] = Today,
        ["Validity"] = "1",
        ["DisclosureAttribute"] = "1",
        ["Body"] = "经核查，已责令整改。",
        ["Intent"] = "save",
    };

    private async Task<int> PublishAsync(HttpClient editor, HttpClient reviewer, Dictionary<string, string> form)
    {
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString["/manage/records/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        var versionId = await LatestVersionIdAsync(factory, id);
        var (_, review) = await Html.GetAsync(reviewer, $"/review/versions/{versionId}");
        Assert.Contains(form["Title"], review.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, versionId, "approve")).StatusCode);
        return id;
    }

    [Fact]
    public async Task AConcernResponse_GoesFromDraftThroughReview_ToItsColumn_ItsPage_AndTheFeeds()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var title = $"关于小区停水问题的回应 {Guid.NewGuid():N}";
        var form = NewRecord((await HousingItemAsync(factory)).Id, RecordKind.ConcernResponse, title);
        form["ConcernSource"] = ((int)ConcernSource.Hotline12345).ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["ConcernDate"] = Today;
        form["ConcernSummary"] = "市民反映小区连续两天停水。";
        var id = await PublishAsync(editor, reviewer, form);

        var (_, column) = await Html.GetAsync(Browserish.NewClient(factory), "/responses");
        Assert.Contains(column.QuerySelectorAll(".record-list a"), a => a.TextContent == title);
        var (response, page) = await Html.GetAsync(Browserish.NewClient(factory), $"/records/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var concern = page.QuerySelector("section.concern")!.TextContent;
        Assert.Contains("12345热线", concern, StringComparison.Ordinal);
        Assert.Contains("市民反映小区连续两天停水。", concern, StringComparison.Ordinal);
        Assert.Contains(Today, concern, StringComparison.Ordinal);

        foreach (var feed in new[] { "/feeds/responses.atom", "/feeds/all.atom" })
            Assert.Contains(title, await Browserish.NewClient(factory).GetStringAsync(feed), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await Browserish.NewClient(factory).GetStringAsync("/feeds/press-conferences.atom"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APressConference_ShowsDateTimePlaceSpeakersVideoAndTranscript()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var title = $"住房保障政策新闻发布会 {Guid.NewGuid():N}";
        var form = NewRecord((await HousingItemAsync(factory)).Id, RecordKind.PressConference, title);
        form["ConferenceDate"] = Today;
        form["ConferenceTime"] = "10:00";
        form["ConferencePlace"] = "县政府新闻发布厅";
        form["Speakers"] = "王明 县住房城乡建设局局长\n赵芳，县财政局副局长";
        form["VideoUrl"] = "https://video.qingchuan.example/fabuhui/test.mp4";
        form["Body"] = "**王明：** 各位记者朋友，上午好。";
        var id = await PublishAsync(editor, reviewer, form);

        await using (var db = factory.NewDbContext())
        {
            var v = await db.RecordVersions.SingleAsync(x => x.RecordId == id && x.IsPublished);
            Assert.Equal("王明\t县住房城乡建设局局长\n赵芳\t县财政局副局长", v.Speakers);
            Assert.Null(v.ConcernSummary);
        }
        var (_, page) = await Html.GetAsync(Browserish.NewClient(factory), $"/records/{id}");
        var conference = page.QuerySelector("section.conference")!;
        Assert.Contains("县政府新闻发布厅", conference.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Today} 10:00", conference.TextContent, StringComparison.Ordinal);
        Assert.Equal(["王明 县住房城乡建设局局长", "赵芳 县财政局副局长"], conference.QuerySelectorAll(".speakers li").Select(li => li.TextContent.Trim()));
        Assert.Equal("https://video.qingchuan.example/fabuhui/test.mp4", page.QuerySelector(".video-link a")!.GetAttribute("href"));
        Assert.Contains("各位记者朋友", page.QuerySelector(".record-body")!.TextContent, StringComparison.Ordinal);
        var (_, column) = await Html.GetAsync(Browserish.NewClient(factory), "/press-conferences");
        Assert.Contains(column.QuerySelectorAll(".record-list a"), a => a.TextContent == title);
    }

    [Theory]
    [InlineData(RecordKind.ConcernResponse, "ConcernSource", "", "ConcernSource", "请选择关切来源。")]
    [InlineData(RecordKind.ConcernResponse, "ConcernSummary", "", "ConcernSummary", "请简述所回应的关切。")]
    [InlineData(RecordKind.PressConference, "Speakers", "王明", "Speakers", "每位发布人须写明职务：姓名与职务之间用空格分开。")]
    [InlineData(RecordKind.PressConference, "VideoUrl", "http://video.example/x.mp4", "VideoUrl", "https")]
    [InlineData(RecordKind.PressConference, "ConferencePlace", "", "ConferencePlace", "请填写发布会地点。")]
    public async Task AKindsOwnField_IsCheckedBesideIt_AndWhatWasTypedIsKept(RecordKind kind, string changed, string value, string field, string message)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var form = NewRecord((await HousingItemAsync(factory)).Id, kind, $"校验测试 {Guid.NewGuid():N}");
        if (kind == RecordKind.ConcernResponse)
        {
            form["ConcernSource"] = "1";
            form["ConcernDate"] = Today;
            form["ConcernSummary"] = "网民留言反映的问题。";
        }
        else
        {
            form["ConferenceDate"] = Today;
            form["ConferencePlace"] = "县政府新闻发布厅";
            form["Speakers"] = "王明 局长";
        }
        form[changed] = value;
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(form["Title"], doc.QuerySelector("#Title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnotherKind_KeepsNoneOfTheseFields()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var form = NewRecord((await HousingItemAsync(factory)).Id, RecordKind.Notice, $"通知 {Guid.NewGuid():N}");
        form["ConcernSummary"] = "不应保存";
        form["Speakers"] = "王明 局长";
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.NewDbContext();
        var v = await db.RecordVersions.SingleAsync(x => x.Title == form["Title"]);
        Assert.Null(v.ConcernSummary);
        Assert.Null(v.Speakers);
    }
}

public sealed class PublicResponsesOnSqlite(SqlitePortal factory) : PublicResponsesTests(factory), IClassFixture<SqlitePortal>;

public sealed class PublicResponsesOnPostgres(PostgresPortal factory) : PublicResponsesTests(factory), IClassFixture<PostgresPortal>;
