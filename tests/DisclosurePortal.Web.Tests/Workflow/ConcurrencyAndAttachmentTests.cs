using DisclosurePortal.Web.Infrastructure;
using System.IO.Compression;
using System.Net;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Workflow;

public abstract class ConcurrencyAndAttachmentTests(PortalFactory factory)
{
    [Fact]
    public async Task SimultaneousFirstSubmissions_GetUniqueConsecutiveIndexNumbers()
    {
        const int count = 8;
        var item = await HousingItemAsync(factory);
        var editors = new List<HttpClient>();
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var editor = await Browserish.SignedInAsync(factory, "editor.housing");
            editors.Add(editor);
            ids.Add(await CreateDraftAsync(editor, item.Id, $"并发提交 {i} {Guid.NewGuid():N}"));
        }
        // Everything a submission needs is fetched first, then all of them go at once.
        var prepared = new List<(HttpClient Client, int Id, FormUrlEncodedContent Body)>();
        for (var i = 0; i < count; i++)
        {
            var page = $"/manage/records/{ids[i]}";
            var form = await PageForm.FindAsync(editors[i], page, $"/manage/records/{ids[i]}/submit");
            prepared.Add((editors[i], ids[i], new FormUrlEncodedContent(form.Fill([]))));
        }
        using var start = new Barrier(count);
        var responses = await Task.WhenAll(prepared.Select(p => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await p.Client.PostAsync($"/manage/records/{p.Id}/submit", p.Body);
        })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        await using var db = factory.NewDbContext();
        var numbers = await db.Records.Where(r => ids.Contains(r.Id)).Select(r => r.IndexNumber!).ToListAsync();
        Assert.Equal(count, numbers.Distinct().Count());
        var serials = numbers.Select(n => { Assert.True(IndexNumber.TryParse(n, out var parsed)); return parsed!.Value.Serial; }).Order().ToList();
        Assert.Equal(Enumerable.Range(serials[0], count), serials);
        var counter = await db.IndexNumberCounters.SingleAsync(c => c.OrganisationCode == HousingOrganisationCode && c.Year == factory.Clock.Today().Year);
        Assert.Equal(serials[^1], counter.LastSerial);
    }

    [Fact]
    public async Task TwoPeopleEditingTheSameDraft_TheSecondIsToldAndKeepsTheirInput()
    {
        var first = await Browserish.SignedInAsync(factory, "editor.housing");
        var second = await Browserish.SignedInAsync(factory, "editor.housing");
        var id = await CreateDraftAsync(first, (await HousingItemAsync(factory)).Id, $"并发修改 {Guid.NewGuid():N}");
        var editPage = $"/manage/records/{id}/edit";
        var versionSeenByBoth = await Browserish.InputValueAsync(first, editPage, "Version");

        Dictionary<string, string> Form(string title, string body) => new()
        {
            ["Title"] = title, ["IssuingOrgan"] = "青川县住房和城乡建设局", ["Validity"] = "1", ["DisclosureAttribute"] = "1",
            ["Body"] = body, ["Version"] = versionSeenByBoth, ["Intent"] = "save",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(first, editPage, editPage, Form("第一人的标题", "第一人的正文"))).StatusCode);
        var conflict = await Browserish.PostFormAsync(second, editPage, editPage, Form("第二人的标题", "第二人花了一小时写的正文"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var doc = await Html.ParseAsync(conflict);
        Assert.Contains("已被他人修改", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("第二人的标题", doc.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal("第二人花了一小时写的正文", doc.QuerySelector("#Body").Text());
        Assert.Contains("第一人的标题", doc.QuerySelector(".conflict").Text(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal("第一人的标题", (await db.RecordVersions.SingleAsync(v => v.RecordId == id && v.IsLatest)).Title);
    }

    [Theory]
    [InlineData("scan.png", "pdf")]        // a PDF named .png
    [InlineData("notice.pdf", "text")]     // text named .pdf
    [InlineData("report.pdf", "exe")]      // a program named .pdf
    [InlineData("table.xlsx", "docx")]     // a Word file named .xlsx
    [InlineData("empty.pdf", "empty")]
    public async Task Attachments_AreCheckedByContent_NotByName(string fileName, string content)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"附件测试 {Guid.NewGuid():N}");
        var response = await Browserish.UploadAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/attachments", fileName, Bytes(content));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await Html.ParseAsync(response)).QuerySelector(".problem h1 + p").Text());
        await using var db = factory.NewDbContext();
        var versionId = await db.RecordVersions.Where(v => v.RecordId == id && v.IsLatest).Select(v => v.Id).SingleAsync();
        Assert.False(await db.Attachments.AnyAsync(a => a.RecordVersionId == versionId));
    }

    [Fact]
    public async Task Attachments_OfEachAcceptedKind_AreStoredOutsideWwwroot_UnderACleanName()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var id = await CreateDraftAsync(editor, (await HousingItemAsync(factory)).Id, $"附件类型 {Guid.NewGuid():N}");
        var files = new (string Name, string Content)[]
        {
            ("../../etc/补助名单‮fdp.exe.pdf", "pdf"), ("照片.JPG", "jpg"), ("示意图.png", "png"), ("方案.docx", "docx"), ("统计表.xlsx", "xlsx"), ("公文.ofd", "ofd"),
        };
        foreach (var (name, content) in files)
        {
            var response = await Browserish.UploadAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/attachments", name, Bytes(content));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name}: {response.StatusCode}");
        }
        await using var db = factory.NewDbContext();
        var versionId = await db.RecordVersions.Where(v => v.RecordId == id && v.IsLatest).Select(v => v.Id).SingleAsync();
        var stored = await db.Attachments.Where(a => a.RecordVersionId == versionId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["补助名单fdp.exe.pdf", "照片.jpg", "示意图.png", "方案.docx", "统计表.xlsx", "公文.ofd"], stored.Select(a => a.FileName));
        Assert.Equal(["application/pdf", "image/jpeg", "image/png"], stored.Take(3).Select(a => a.ContentType));
        Assert.All(stored, a => Assert.True(File.Exists(Path.Combine(factory.AttachmentsFolder, a.StorageKey)), a.StorageKey));
        Assert.All(stored, a => Assert.DoesNotContain("..", a.StorageKey, StringComparison.Ordinal));

        var download = await editor.GetAsync($"/manage/attachments/{stored[0].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("补助名单fdp.exe.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
    }

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => Pdf,
        "text" => "这只是一段文字"u8.ToArray(),
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
        "empty" => [],
        "jpg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46],
        "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
        "docx" => Zip("[Content_Types].xml", "word/document.xml"),
        "xlsx" => Zip("[Content_Types].xml", "xl/workbook.xml"),
        "ofd" => Zip("OFD.xml", "Doc_0/Document.xml"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
                using (var w = new StreamWriter(zip.CreateEntry(e).Open())) w.Write("<x/>");
        return buffer.ToArray();
    }
}

public sealed class ConcurrencyAndAttachmentsOnSqlite(SqlitePortal factory) : ConcurrencyAndAttachmentTests(factory), IClassFixture<SqlitePortal>;

public sealed class ConcurrencyAndAttachmentsOnPostgres(PostgresPortal factory) : ConcurrencyAndAttachmentTests(factory), IClassFixture<PostgresPortal>;
