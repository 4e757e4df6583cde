using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Columns;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Columns;

/// <summary>
/// 栏目 (issue 20 §3): the seeded tree of 条例 Art. 20 and local columns on /disclosure; each column's records (and its
/// children's) as the usual table, by year; column-only records from the editor's form with their 索引号; the
/// administrator's tree, where a column with records is retired, not deleted. Each test files its records in a year
/// of its own, so the tests sharing the app do not see each other's.
/// </summary>
public abstract class ColumnsTests(PortalFactory factory)
{
    [Fact]
    public async Task Disclosure_ShowsTheSectionsAndTheFifteenItemsOfArticle20()
    {
        var (response, doc) = await Html.GetAsync(Browserish.NewClient(factory), "/disclosure");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = doc.Body!.TextContent;
        foreach (var section in new[] { "公开指南", "公开制度", "法定主动公开内容", "基层政务公开标准目录", "依申请公开", "年度报告", "建议提案办理复文" })
            Assert.Contains(section, text, StringComparison.Ordinal);
        foreach (var item in StatutoryColumns.Article20) Assert.Contains(item.NameZh, text, StringComparison.Ordinal);
        Assert.Contains("条例第二十条第（十五）项", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_ListsItsAndItsChildrensRecords_ByYear_WithTheSummaryBadge()
    {
        var (parent, child) = await ColumnsAsync("建议提案办理复文", "人大代表建议复文");
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var own = await PublishedAsync(housing, parent, new DateOnly(2002, 3, 1), "青住建建复〔2002〕1号", summary: false);
        var childs = await PublishedAsync(housing, child, new DateOnly(2002, 4, 1), "青住建建复〔2002〕2号", summary: true);
        var client = Browserish.NewClient(factory);

        var (response, doc) = await Html.GetAsync(client, $"/columns/{parent}?year=2002");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([childs, own], Ids(doc)); // newest first, the child column's record included
        Assert.Contains("青住建建复〔2002〕2号", Row(doc, childs).TextContent, StringComparison.Ordinal);
        Assert.Equal("摘要公开", Row(doc, childs).QuerySelector(".summary-badge")!.TextContent.Trim());
        Assert.Null(Row(doc, own).QuerySelector(".summary-badge"));
        Assert.Equal([childs], Ids((await Html.GetAsync(client, $"/columns/{child}?year=2002")).Document));

        // The record page: its column in the trail and the metadata, the badge, and the 索引号 of its department.
        var (_, page) = await Html.GetAsync(client, $"/records/{childs}");
        Assert.Contains("人大代表建议复文", page.QuerySelector("nav.breadcrumbs")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".record .summary-badge"));
    }

    [Fact]
    public async Task RetiredColumn_Is404_AndLeavesTheTree()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var added = await Browserish.PostFormAsync(admin, "/admin/columns", "/admin/columns", new() { ["NameZh"] = "临时栏目" + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var db = factory.NewDbContext();
        var column = await db.Columns.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.OK, (await Browserish.NewClient(factory).GetAsync($"/columns/{column.Id}")).StatusCode);

        var retired = await Browserish.PostFormAsync(admin, "/admin/columns", $"/admin/columns/{column.Id}/retire", []);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Browserish.NewClient(factory).GetAsync($"/columns/{column.Id}")).StatusCode);
        var (_, tree) = await Html.GetAsync(Browserish.NewClient(factory), "/disclosure");
        Assert.DoesNotContain(column.NameZh, tree.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEvents.Where(e => e.EntityType == "DisclosureColumn" && e.EntityId == column.Id.ToString()).Select(e => e.Action).ToListAsync(),
            a => a == "column.retire");
    }

    [Fact]
    public async Task ColumnWithRecords_CannotBeDeleted_OnlyRetired_AnEmptyOneCan()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var (parent, _) = await ColumnsAsync("审计", null);
        await PublishedAsync(await DepartmentIdAsync(factory, HousingCode), parent, new DateOnly(2001, 5, 1), null, summary: false);

        // The page offers no delete button for a column with records: the request is forged with the retire form's token.
        var retireForm = await PageForm.FindAsync(admin, "/admin/columns", $"/admin/columns/{parent}/retire");
        var refused = await admin.PostAsync($"/admin/columns/{parent}/delete", new FormUrlEncodedContent(retireForm.Fill([])));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("栏目下已有信息，不能删除，只能停用。", (await Html.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);

        var name = "空栏目" + Guid.NewGuid().ToString("N")[..6];
        await Browserish.PostFormAsync(admin, "/admin/columns", "/admin/columns", new() { ["NameZh"] = name });
        await using var db = factory.NewDbContext();
        var empty = await db.Columns.SingleAsync(c => c.NameZh == name);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, "/admin/columns", $"/admin/columns/{empty.Id}/delete", [])).StatusCode);
        Assert.False(await db.Columns.AnyAsync(c => c.Id == empty.Id));
    }

    [Fact]
    public async Task AdminForm_BlankOrTooDeep_IsRefusedBesideTheField_KeepingWhatWasTyped()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var blank = await Browserish.PostFormAsync(admin, "/admin/columns", "/admin/columns", new() { ["NameZh"] = "", ["Citation"] = "依据甲" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var doc = await Html.ParseAsync(blank);
        Assert.Equal("请填写栏目名称。", doc.QuerySelector("#NameZh-error")!.TextContent.Trim());
        Assert.Equal("依据甲", doc.QuerySelector("#Citation")!.GetAttribute("value"));

        var (parent, child) = await ColumnsAsync("建议提案办理复文", "人大代表建议复文");
        await using var db = factory.NewDbContext();
        var third = DisclosureColumn.Create("第三级" + Guid.NewGuid().ToString("N")[..6], null, null, child, 99);
        db.Columns.Add(third);
        await db.SaveChangesAsync();
        // Forged: the page does not offer a third-level parent.
        var forged = await ForgedRequests.TamperedFormAsync(admin, "/admin/columns", "/admin/columns",
            new Dictionary<string, string> { ["NameZh"] = "第四级", ["ParentId"] = third.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("栏目最多三级。", (await Html.ParseAsync(forged)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_FilesARecordInAColumnOnly_AndItGetsItsDepartmentsIndexNumberOnSubmission()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, column) = await ColumnsAsync("建议提案办理复文", "政协委员提案复文");
        var (_, form) = await Html.GetAsync(editor, "/manage/records/new");
        Assert.NotNull(form.QuerySelector($"#ColumnId optgroup option[value='{column}']"));

        var title = "对政协第" + Guid.NewGuid().ToString("N")[..6] + "号提案的答复";
        var nowhere = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new",
            new() { ["Kind"] = ((int)RecordKind.OtherDocument).ToString(), ["Title"] = title, ["IssuingOrgan"] = "县住建局", ["Body"] = "答复正文" });
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        var refusedDoc = await Html.ParseAsync(nowhere);
        Assert.Equal(RecordPlacement.NowhereMessage, refusedDoc.QuerySelector("#CatalogueItemId-error")!.TextContent.Trim());
        Assert.Equal(title, refusedDoc.QuerySelector("#Title")!.GetAttribute("value"));

        var created = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new",
            new() { ["ColumnId"] = column.ToString(), ["IsSummary"] = "true", ["Kind"] = ((int)RecordKind.OtherDocument).ToString(), ["Title"] = title, ["IssuingOrgan"] = "县住建局", ["Body"] = "答复摘要" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = factory.NewDbContext();
        var record = await db.Records.SingleAsync(r => db.RecordVersions.Any(v => v.RecordId == r.Id && v.Title == title));
        Assert.Equal((null, null, (int?)column), (record.CatalogueItemId, record.DomainId, record.ColumnId));
        Assert.True(await db.RecordVersions.Where(v => v.RecordId == record.Id).Select(v => v.IsSummary).SingleAsync());

        var submitted = await Browserish.PostFormAsync(editor, $"/manage/records/{record.Id}", $"/manage/records/{record.Id}/submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await using var after = factory.NewDbContext();
        Assert.StartsWith(HousingCode + "/", (await after.Records.SingleAsync(r => r.Id == record.Id)).IndexNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnOnlyRecord_IsFoundBySearch_NamedByItsColumn_AndIsInItsDepartmentsFeed_ButNoDomainFilterMatchesIt()
    {
        var (column, _) = await ColumnsAsync("建议提案办理复文", null);
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var marker = "栏目检索" + Guid.NewGuid().ToString("N")[..8];
        var today = ChinaTime.Today(factory.Clock);
        var id = await PublishedAsync(housing, column, today, marker, summary: false);
        var client = Browserish.NewClient(factory);

        var (_, found) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString(marker)}");
        var hit = Assert.Single(found.QuerySelectorAll($"a[href='/records/{id}']")).Closest("li, article, tr")!;
        Assert.Contains("建议提案办理复文", hit.QuerySelector(".hit-domain")!.TextContent, StringComparison.Ordinal);
        var (_, inDomain) = await Html.GetAsync(client, $"/search?q={Uri.EscapeDataString(marker)}&domain=health");
        Assert.Null(inDomain.QuerySelector($"a[href='/records/{id}']"));

        var feed = await client.GetStringAsync($"/feeds/departments/{housing}.atom");
        Assert.Contains($"/records/{id}", feed, StringComparison.Ordinal);
        Assert.Contains("建议提案办理复文", feed, StringComparison.Ordinal);
    }

    private static int[] Ids(IDocument doc) =>
        [.. doc.QuerySelectorAll(".record-table tbody tr a[href^='/records/']").Select(a => int.Parse(a.GetAttribute("href")!["/records/".Length..]))];

    private static IElement Row(IDocument doc, int id) => doc.QuerySelector($".record-table a[href='/records/{id}']")!.Closest("tr")!;

    private async Task<(int Parent, int Child)> ColumnsAsync(string parent, string? child)
    {
        await using var db = factory.NewDbContext();
        var p = await db.Columns.Where(c => c.NameZh == parent).Select(c => c.Id).SingleAsync();
        var c = child is null ? 0 : await db.Columns.Where(x => x.NameZh == child && x.ParentId == p).Select(x => x.Id).SingleAsync();
        return (p, c);
    }

    /// <summary>A published record filed in the column only (past dates are facts the forms cannot produce).</summary>
    private async Task<int> PublishedAsync(int departmentId, int columnId, DateOnly publishedOn, string? documentNumber, bool summary)
    {
        await using var db = factory.NewDbContext();
        var at = ChinaTime.At(publishedOn, new TimeOnly(9, 0));
        var record = Record.Create(departmentId, null, null, null, RecordKind.OtherDocument, at, columnId);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
        {
            Title = $"关于第{Guid.NewGuid():N}号建议的答复",
            DocumentNumber = documentNumber,
            IssuingOrgan = "测试单位",
            Body = "答复正文。",
            IsSummary = summary,
        }, "测试", at);
        version.Submit(at);
        version.Publish(publishedOn, at);
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        return record.Id;
    }
}

public sealed class ColumnsOnSqlite(SqlitePortal factory) : ColumnsTests(factory), IClassFixture<SqlitePortal>;

public sealed class ColumnsOnPostgres(PostgresPortal factory) : ColumnsTests(factory), IClassFixture<PostgresPortal>;
