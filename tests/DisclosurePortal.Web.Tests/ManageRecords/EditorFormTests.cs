using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.ManageRecords;

/// <summary>
/// Where first-time editors stumbled (issue 18): attachments on the first save, a Word file as the body, the 落款 in the
/// preview and not doubled, the item choice grouped, the list by 最后修改时间, publishing confirmed and linked.
/// </summary>
public abstract class EditorFormTests(PortalFactory factory)
{
    private const string NewPage = "/manage/records/new";
    private const string Organ = "青川县住房和城乡建设局";

    private Dictionary<string, string> Valid(int itemId, string intent = "save") => new()
    {
        ["CatalogueItemId"] = itemId.ToString(),
        ["Kind"] = "8",
        ["Title"] = $"编辑表单 {Guid.NewGuid():N}",
        ["IssuingOrgan"] = Organ,
        ["WrittenOn"] = factory.Clock.Today().ToString("yyyy-MM-dd"),
        ["Validity"] = "1",
        ["DisclosureAttribute"] = "1",
        ["Body"] = "正文第一段。",
        ["Intent"] = intent,
    };

    [Theory]
    [InlineData("青住建发[2026]17号", "青住建发〔2026〕17号")]
    [InlineData("青住建发（２０２６）第017号", "青住建发〔2026〕17号")]
    [InlineData("青住建函〔2026〕3号", "青住建函〔2026〕3号")]
    [InlineData("川办发明电〔2026〕1号附件", "川办发明电〔2026〕1号附件")] // not a 文号 as a whole: kept as typed
    public async Task ADocumentNumber_IsStoredInTheStandardForm_HoweverItWasTyped(string typed, string stored)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", new()
        {
            ["CatalogueItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kind"] = "8",
            ["Title"] = $"文号写法测试 {Guid.NewGuid():N}",
            ["DocumentNumber"] = typed,
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["WrittenOn"] = factory.Clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Body"] = "测试正文。",
            ["Intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString["/manage/records/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = factory.NewDbContext();
        Assert.Equal(stored, await db.RecordVersions.Where(v => v.RecordId == id).Select(v => v.DocumentNumber).SingleAsync());
    }

    [Fact]
    public async Task TheFirstSave_CarriesTheAttachmentsChosenOnTheForm()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = Valid((await HousingItemAsync(factory)).Id);
        var (_, page) = await Html.GetAsync(editor, NewPage);

        var response = await PostWithFilesAsync(editor, page, NewPage, NewPage, fields, ("Attachments", "通知.pdf", Pdf), ("Attachments", "现场.png", WordFiles.Png));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await AttachmentsOfAsync(fields["Title"]);
        Assert.Equal(["通知.pdf", "现场.png"], stored.Select(a => a.FileName));
        Assert.All(stored, a => Assert.True(File.Exists(Path.Combine(factory.AttachmentsFolder, a.StorageKey)), a.StorageKey));
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(factory.AttachmentsFolder, stored[0].StorageKey)));
    }

    [Fact]
    public async Task AFileAnUploadWouldRefuse_IsExplainedBesideTheField_AndTheGoodOnesWaitForTheCorrectedSave()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = Valid((await HousingItemAsync(factory)).Id);
        fields["Title"] = "";
        var (_, page) = await Html.GetAsync(editor, NewPage);

        var refused = await PostWithFilesAsync(editor, page, NewPage, NewPage, fields,
            ("Attachments", "名单.pdf", Pdf), ("Attachments", "程序.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Contains("“程序.pdf”未能添加", again.QuerySelector("#Attachments-error").Text(), StringComparison.Ordinal);
        Assert.Contains("请填写标题。", again.QuerySelector("#Title-error").Text(), StringComparison.Ordinal);
        Assert.Contains("名单.pdf", again.QuerySelector(".pending-files").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("程序.pdf", again.QuerySelector(".pending-files").Text(), StringComparison.Ordinal);

        // The editor corrects the title and saves the form as it came back: the file chosen before is not chosen again.
        var title = $"更正后保存 {Guid.NewGuid():N}";
        var saved = await PostWithFilesAsync(editor, again, NewPage, NewPage, new() { ["Title"] = title, ["Intent"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["名单.pdf"], (await AttachmentsOfAsync(title)).Select(a => a.FileName));
    }

    [Fact]
    public async Task AWordFile_BecomesTheBodyInTheTextArea_ShownInThePreview_AndItsPicturesAreAttachedOnSave()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = Valid((await HousingItemAsync(factory)).Id, intent: "import");
        fields["Body"] = "将被替换的文字";
        var (_, page) = await Html.GetAsync(editor, NewPage);
        await using var before = factory.NewDbContext();
        var records = await before.Records.CountAsync();

        var imported = await PostWithFilesAsync(editor, page, NewPage, NewPage, fields, ("WordFile", "补贴通知.docx", WordFiles.AllKinds()));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var form = await Html.ParseAsync(imported);
        Assert.True(WordBodyReader.TryRead(new MemoryStream(WordFiles.AllKinds()), out var expected, out _));
        Assert.Equal(expected.Markdown, form.QuerySelector("#Body")!.TextContent);
        Assert.Equal("一、补贴对象", form.QuerySelector(".preview .record-body h1").Text());
        Assert.Equal("乡镇", form.QuerySelector(".preview .record-body table th").Text());
        Assert.Contains("图片1.png", form.QuerySelector(".pending-files").Text(), StringComparison.Ordinal);
        Assert.Equal(fields["Title"], form.QuerySelector("#Title")!.GetAttribute("value"));
        await using (var during = factory.NewDbContext()) Assert.Equal(records, await during.Records.CountAsync()); // nothing saved yet

        var saved = await PostWithFilesAsync(editor, form, NewPage, NewPage, new() { ["Intent"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var picture = Assert.Single(await AttachmentsOfAsync(fields["Title"]));
        Assert.Equal(("图片1.png", "image/png"), (picture.FileName, picture.ContentType));
        Assert.Equal(WordFiles.Png, await File.ReadAllBytesAsync(Path.Combine(factory.AttachmentsFolder, picture.StorageKey)));
        await using var db = factory.NewDbContext();
        Assert.Equal(expected.Markdown, await db.RecordVersions.Where(v => v.Title == fields["Title"]).Select(v => v.Body).SingleAsync());
    }

    [Fact]
    public async Task AWordFile_CanBeImportedIntoADraftBeingEdited()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"修改时导入 {Guid.NewGuid():N}");
        var editPage = $"/manage/records/{id}/edit";
        var (_, page) = await Html.GetAsync(editor, editPage);

        var imported = await PostWithFilesAsync(editor, page, editPage, editPage, new() { ["Intent"] = "import" }, ("WordFile", "a.docx", WordFiles.AllKinds()));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var saved = await PostWithFilesAsync(editor, await Html.ParseAsync(imported), editPage, editPage, new() { ["Intent"] = "save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = factory.NewDbContext();
        var version = await db.RecordVersions.SingleAsync(v => v.RecordId == id && v.IsLatest);
        Assert.StartsWith("# 一、补贴对象", version.Body, StringComparison.Ordinal);
        Assert.Equal(["图片1.png"], await db.Attachments.Where(a => a.RecordVersionId == version.Id).Select(a => a.FileName).ToListAsync());
    }

    [Theory]
    [InlineData("notice.docx", "not a zip", "无法读取该文件")]
    [InlineData(null, null, "请选择要导入的 Word 文件")]
    public async Task AWordFileThatCannotBeRead_IsExplainedBesideIt_AndTheBodyTypedIsKept(string? name, string? content, string message)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = Valid((await HousingItemAsync(factory)).Id, intent: "import");
        fields["Body"] = "编辑已经写好的正文";
        var (_, page) = await Html.GetAsync(editor, NewPage);

        var response = name is null
            ? await PostWithFilesAsync(editor, page, NewPage, NewPage, fields)
            : await PostWithFilesAsync(editor, page, NewPage, NewPage, fields, ("WordFile", name, System.Text.Encoding.UTF8.GetBytes(content!)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(message, doc.QuerySelector("#WordFile-error").Text(), StringComparison.Ordinal);
        Assert.Equal("true", doc.QuerySelector("#WordFile")!.GetAttribute("aria-invalid"));
        Assert.Equal("编辑已经写好的正文", doc.QuerySelector("#Body")!.TextContent);
    }

    [Fact]
    public async Task ThePreview_ShowsTheSignatureThePageWillAdd_AndNoneWhenTheBodyEndsWithOne()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = Valid((await HousingItemAsync(factory)).Id, intent: "preview");
        fields["DocumentNumber"] = "青住建发〔2026〕7号";
        fields["WrittenOn"] = "2026-03-05";
        var (_, page) = await Html.GetAsync(editor, NewPage);

        var plain = await Html.ParseAsync(await PostWithFilesAsync(editor, page, NewPage, NewPage, fields));
        Assert.Equal([Organ, "2026年3月5日"], plain.QuerySelectorAll(".preview .record-signature p").Select(p => p.Text()));

        fields["Body"] = $"正文第一段。\n\n{Organ}\n\n2026年3月5日";
        var signed = await Html.ParseAsync(await PostWithFilesAsync(editor, page, NewPage, NewPage, fields));
        Assert.Null(signed.QuerySelector(".preview .record-signature"));
        Assert.Contains("不再另加落款", signed.QuerySelector(".preview").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublishedBodyEndingWithItsSignature_IsNotGivenASecond()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var fields = Valid((await HousingItemAsync(factory)).Id);
        fields["DocumentNumber"] = "青住建发〔2026〕8号";
        fields["Body"] = $"正文第一段。\n\n{Organ}\n\n二〇二六年三月五日";
        var (_, page) = await Html.GetAsync(editor, NewPage);
        var created = await PostWithFilesAsync(editor, page, NewPage, NewPage, fields);
        var id = int.Parse(created.Headers.Location!.OriginalString["/manage/records/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve")).StatusCode);

        var (_, record) = await Html.GetAsync(Browserish.NewClient(factory), $"/records/{id}");
        Assert.Null(record.QuerySelector(".record-signature"));
        Assert.Contains("二〇二六年三月五日", record.QuerySelector(".record-body").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheItemChoice_IsGroupedByDomainAndStage()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, page) = await Html.GetAsync(editor, NewPage);

        var select = page.QuerySelector("select#CatalogueItemId")!;
        var groups = select.QuerySelectorAll("optgroup").ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Matches(@"^\S+ · \S+$", g.GetAttribute("label")!));
        Assert.Equal(groups.Count, groups.Select(g => g.GetAttribute("label")).Distinct().Count());
        // Every item sits in its group; only the "choose" prompt stands outside.
        Assert.Equal([""], select.Children.Where(c => c.LocalName == "option").Select(o => o.GetAttribute("value")));
        await using var db = factory.NewDbContext();
        var item = await HousingItemAsync(factory);
        var domain = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.NameZh).SingleAsync();
        var stage = await db.Stages.Where(s => s.Id == item.StageId).Select(s => s.NameZh).SingleAsync();
        Assert.Equal($"{domain} · {stage}", select.QuerySelector($"option[value='{item.Id}']")!.ParentElement!.GetAttribute("label"));
    }

    [Fact]
    public async Task TheRecordList_ShowsTheLastChangedFirst()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var older = await CreateDraftAsync(editor, item.Id, $"先建的 {Guid.NewGuid():N}");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await CreateDraftAsync(editor, item.Id, $"后建的 {Guid.NewGuid():N}");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var editPage = $"/manage/records/{older}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, editPage, editPage, new() { ["Body"] = "改过的正文", ["Intent"] = "save" })).StatusCode);

        var (listed, list) = await Html.GetAsync(editor, "/manage/records");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("最后修改时间", list.QuerySelectorAll(".staff-table th").Last().Text());
        Assert.Equal($"/manage/records/{older}", list.QuerySelector(".staff-table tbody tr a")!.GetAttribute("href"));
        var times = list.QuerySelectorAll(".staff-table tbody time").Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Approving_AsksForConfirmation_AndThenLinksToThePublishedPage()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"确认发布 {Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        var versionId = await LatestVersionIdAsync(factory, id);
        var page = $"/review/versions/{versionId}";
        var decision = new Dictionary<string, string> { ["Outcome"] = "1", ["Comment"] = "" };
        // The default chain (issue 21 §6): the first two reviews by two other reviewers; the last one publishes.
        foreach (var other in new[] { "reviewer2", "reviewer3" })
            Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(await Browserish.SignedInAsync(factory, other), page, page, decision)).StatusCode);

        var unconfirmed = await Browserish.PostFormAsync(reviewer, page, page, decision);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var form = await Html.ParseAsync(unconfirmed);
        Assert.Contains("请勾选“确认发布”", form.QuerySelector("#ConfirmPublish-error").Text(), StringComparison.Ordinal);
        Assert.Equal("true", form.QuerySelector("#ConfirmPublish")!.GetAttribute("aria-invalid"));
        Assert.NotNull(form.QuerySelector("input[name=Outcome][value='1'][checked]"));
        await using (var db = factory.NewDbContext())
            Assert.Equal(VersionState.Submitted, await db.RecordVersions.Where(v => v.Id == versionId).Select(v => v.State).SingleAsync());

        decision["ConfirmPublish"] = "true";
        var approved = await Browserish.PostFormAsync(reviewer, page, page, decision);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (_, queue) = await Html.GetAsync(reviewer, approved.Headers.Location!.OriginalString);
        var flash = queue.QuerySelector(".flash")!;
        Assert.Contains("已审核通过并发布", flash.Text(), StringComparison.Ordinal);
        Assert.Equal($"/records/{id}", flash.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await Browserish.NewClient(factory).GetAsync($"/records/{id}")).StatusCode);
    }

    private async Task<List<Domain.Publishing.Attachment>> AttachmentsOfAsync(string title)
    {
        await using var db = factory.NewDbContext();
        var versionId = await db.RecordVersions.Where(v => v.Title == title && v.IsLatest).Select(v => v.Id).SingleAsync();
        return await db.Attachments.Where(a => a.RecordVersionId == versionId).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>
    /// Submits the multipart form the page rendered (posting to <paramref name="action"/>), with <paramref name="typed"/>
    /// typed into it and files chosen in its file inputs (each must be one the form renders).
    /// </summary>
    private static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, IDocument page, string pageUrl, string action,
        Dictionary<string, string> typed, params (string Field, string Name, byte[] Content)[] files)
    {
        var form = PageForm.Find(page, pageUrl, action);
        Assert.True(form.IsMultipart, $"the form {action} must be multipart to carry files");
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fill(typed)) body.Add(new StringContent(value), name);
        foreach (var (field, name, content) in files)
        {
            Assert.NotNull(page.QuerySelector($"form[action='{action}'] input[type=file][name={field}]"));
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new("application/octet-stream");
            body.Add(file, field, name);
        }
        return await client.PostAsync(action, body);
    }
}

public sealed class EditorFormOnSqlite(SqlitePortal factory) : EditorFormTests(factory), IClassFixture<SqlitePortal>;

public sealed class EditorFormOnPostgres(PostgresPortal factory) : EditorFormTests(factory), IClassFixture<PostgresPortal>;
