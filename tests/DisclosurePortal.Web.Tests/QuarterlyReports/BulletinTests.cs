using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.QuarterlyReports;

/// <summary>
/// 按季通报 frozen, commented, published and downloaded (issue 21 §3, docs/adr/0036), for a unit of its own in 2025 Q4:
/// one record published on time and one missing at the freeze; the missing one is then published late.
/// </summary>
public abstract class BulletinTests(PortalFactory factory)
{
    private const string Staff = "/reports/quarterly/2025/q4";
    private const string Public = "/reports/quarterly/published/2025/q4";

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Arranged(int Department, string Name, int MissingRecord);

    private async Task<Arranged> ArrangeAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var now = factory.Clock.GetUtcNow();
        var code = "1151107" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = "通报测试局" + code[^4..];
        var department = new Department(name, "通报局", code, "通报发", 997);
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
        var item = CatalogueItem.Create(new CatalogueItemElements
        {
            NameLevel1 = "通报测试", NameLevel2 = "测试事项", Content = "测试内容", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "形成或变更之日起20个工作日内", TimeLimit = TimeLimitRule.Statutory,
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.RealTime,
        }, department.Id, domain, stage, now);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();

        async Task<int> RecordAsync(string formed, string? published)
        {
            var record = Record.Create(department.Id, item.Id, item.DomainId, item.StageId, RecordKind.Notice, now);
            db.Records.Add(record);
            await db.SaveChangesAsync();
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
            {
                Title = $"通报测试{Guid.NewGuid():N}", IssuingOrgan = name, WrittenOn = D(formed), Body = "正文。",
            }, "测试", now);
            if (published is not null)
            {
                version.Submit(now);
                version.Publish(D(published), now);
            }
            db.RecordVersions.Add(version);
            await db.SaveChangesAsync();
            return record.Id;
        }

        await RecordAsync("2025-09-10", "2025-10-13");          // due 14 Oct: on time
        var missing = await RecordAsync("2025-12-01", null);    // due 29 Dec, still a draft: missing
        return new Arranged(department.Id, name, missing);
    }

    /// <summary>The missing record is published today: late, in the live report.</summary>
    private async Task PublishLateAsync(int recordId)
    {
        await using var db = factory.NewDbContext();
        var version = await db.RecordVersions.SingleAsync(v => v.RecordId == recordId);
        version.Submit(factory.Clock.GetUtcNow());
        version.Publish(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private static (string Due, string OnTime, string Late, string Missing) Line(AngleSharp.Dom.IDocument doc, string table, int department)
    {
        var row = doc.QuerySelector($"#{table} tbody tr[data-department='{department}']") ?? throw new InvalidOperationException($"no line for {department} in #{table}");
        string Col(string name) => row.QuerySelector($"[data-col='{name}']").Text();
        return (Col("due"), Col("on-time"), Col("late"), Col("missing"));
    }

    [Fact]
    public async Task AQuarter_IsFrozen_Published_AndDownloaded_WithTheNumbersAsOfTheFreeze()
    {
        var a = await ArrangeAsync();
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var second = await Browserish.SignedInAsync(factory, "reviewer2");
        var visitor = Browserish.NewClient(factory);

        var (_, before) = await Html.GetAsync(reviewer, Staff);
        Assert.Equal("未冻结", before.QuerySelector("#bulletin-state").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Public)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, Staff, $"{Staff}/freeze", [])).StatusCode);

        // An empty comment is refused with a Chinese message; the page is drawn again.
        var empty = await Browserish.PostFormAsync(reviewer, Staff, $"{Staff}/comment", new() { ["Comment"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var emptyPage = await Html.ParseAsync(empty);
        Assert.Contains("请填写通报意见。", emptyPage.QuerySelector("#bulletin").Text(), StringComparison.Ordinal);
        Assert.Equal("已冻结，待发布", emptyPage.QuerySelector("#bulletin-state").Text());
        var comment = "本季度各单位**总体按时**。\n\n通报测试局应补发缺失的信息。";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, Staff, $"{Staff}/comment", new() { ["Comment"] = comment })).StatusCode);

        // The reviewer who froze and wrote is not offered the publish form, and a request made anyway is refused.
        var (_, own) = await Html.GetAsync(reviewer, Staff);
        Assert.Null(own.QuerySelector("#publish-form"));
        var version = own.QuerySelector("#freeze-form input[name=version]")!.GetAttribute("value")!;
        var refused = await ForgedRequests.PostAsync(reviewer, $"{Staff}/publish", ForgedRequests.Token(own)!, [new("version", version)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能自己发布", (await Html.ParseAsync(refused)).QuerySelector("#bulletin .form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(Public)).StatusCode);

        // A record published late after the freeze moves the live page, not the frozen numbers.
        await PublishLateAsync(a.MissingRecord);
        var (_, live) = await Html.GetAsync(second, Staff);
        Assert.Equal(("2", "1", "1", "0"), Line(live, "summary", a.Department));
        var moved = live.QuerySelector($"#bulletin-differences tr[data-department='{a.Department}']")!;
        Assert.Equal("1/2 · 0 · 1", moved.QuerySelector("[data-col=frozen]").Text());
        Assert.Equal("1/2 · 1 · 0", moved.QuerySelector("[data-col=live]").Text());

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(second, Staff, $"{Staff}/publish", [])).StatusCode);
        var (_, staffAfter) = await Html.GetAsync(reviewer, Staff);
        Assert.Equal("已发布", staffAfter.QuerySelector("#bulletin-state").Text());

        var (_, list) = await Html.GetAsync(visitor, "/reports/quarterly/published");
        Assert.NotNull(list.QuerySelector($"#bulletins a[href='{Public}']"));
        var (response, page) = await Html.GetAsync(visitor, Public);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("2", "1", "0", "1"), Line(page, "bulletin-units", a.Department));
        Assert.Equal("总体按时", page.QuerySelector("#bulletin-comment strong").Text());
        Assert.NotNull(page.QuerySelector($"#unit-{a.Department} td.gap[data-due='2'][data-missing='1']"));

        var xlsx = await visitor.GetAsync(page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var sheets = book.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
                .ToDictionary(s => s.Name!.Value!, s => ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.WorkbookPart.GetPartById(s.Id!.Value!)).Worksheet
                    .Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList());
            var unit = sheets["各单位"].Single(r => r[0] == a.Name);
            Assert.Equal(["2", "1", "0", "1", "0", "50.0%"], unit.Skip(2).Take(6));
            Assert.Contains(sheets["明细"], r => r[0] == a.Name && r.Skip(3).SequenceEqual(["2", "1", "0", "1", "0"]));
        }
        var docx = await visitor.GetAsync(page.QuerySelector("#download-docx")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var rows = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal(["2", "1", "0", "1", "0", "50.0%"], rows.First(r => r[0] == a.Name).Skip(2).Take(6));
            Assert.Contains("通报测试局应补发缺失的信息。", body.InnerText, StringComparison.Ordinal);
        }

        // A unit's editor finds its own line marked.
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, edited) = await Html.GetAsync(editor, Public);
        Assert.Contains("own-unit", edited.QuerySelector("#bulletin-units tbody tr[data-department='5']")!.ClassName, StringComparison.Ordinal);

        // A correction: a new edition frozen from today's numbers, published by another reviewer, supersedes the first.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, Staff, $"{Staff}/freeze", [])).StatusCode);
        var (_, stillFirst) = await Html.GetAsync(visitor, Public);
        Assert.Equal(("2", "1", "0", "1"), Line(stillFirst, "bulletin-units", a.Department));
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(second, Staff, $"{Staff}/publish", [])).StatusCode);
        var (_, corrected) = await Html.GetAsync(visitor, Public);
        Assert.Equal(("2", "1", "1", "0"), Line(corrected, "bulletin-units", a.Department));
        Assert.NotNull(corrected.QuerySelector("#bulletin-correction"));
    }

    [Theory]
    [InlineData("/reports/quarterly/published/2025/q5", HttpStatusCode.NotFound, "季度应写作 q1 到 q4")]
    [InlineData("/reports/quarterly/published/1999/q4", HttpStatusCode.BadRequest, "年份应为2000到2100之间的四位数字。")]
    [InlineData("/reports/quarterly/published/2024/q1", HttpStatusCode.NotFound, "2024年第1季度按季通报尚未发布。")]
    [InlineData("/reports/quarterly/published/2024/q1.xlsx", HttpStatusCode.NotFound, "2024年第1季度按季通报尚未发布。")]
    [InlineData("/reports/quarterly/published/2024/q1.pdf", HttpStatusCode.BadRequest, "下载格式应为 .xlsx 或 .docx。")]
    public async Task BadPublicAddress_IsA4xx_WithAChineseMessage(string url, HttpStatusCode status, string message)
    {
        _ = factory.Server;
        var (response, doc) = await Html.GetAsync(Browserish.NewClient(factory), url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, doc.Body.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadQuarterOrYear_InAPost_IsA4xx_AndTheCurrentQuarterCannotBeFrozen()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var token = await ForgedRequests.TokenAsync(reviewer, Staff);
        var q5 = await ForgedRequests.PostAsync(reviewer, "/reports/quarterly/2025/q5/freeze", token, [new("version", "0")]);
        Assert.Equal(HttpStatusCode.NotFound, q5.StatusCode);
        Assert.Contains("季度应写作 q1 到 q4", (await Html.ParseAsync(q5)).Body.Text(), StringComparison.Ordinal);
        var year = await ForgedRequests.PostAsync(reviewer, "/reports/quarterly/1999/q4/comment", token, [new("Version", "0"), new("Comment", "意见")]);
        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.Contains("年份应为2000到2100之间的四位数字。", (await Html.ParseAsync(year)).Body.Text(), StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var current = $"/reports/quarterly/{today.Year}/q{((today.Month - 1) / 3) + 1}";
        var (_, page) = await Html.GetAsync(reviewer, current);
        Assert.Null(page.QuerySelector("#freeze-form"));
        var early = await ForgedRequests.PostAsync(reviewer, $"{current}/freeze", token, [new("version", "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("尚未结束", (await Html.ParseAsync(early)).QuerySelector("#bulletin .form-errors").Text(), StringComparison.Ordinal);
    }
}

public sealed class BulletinTestsOnSqlite(SqlitePortal factory) : BulletinTests(factory), IClassFixture<SqlitePortal>;

public sealed class BulletinTestsOnPostgres(PostgresPortal factory) : BulletinTests(factory), IClassFixture<PostgresPortal>;
