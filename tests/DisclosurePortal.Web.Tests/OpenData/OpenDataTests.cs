using System.Net;
using System.Text;
using System.Text.Json;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.OpenData;

/// <summary>The CSV and JSON exports and the open-data page, against the database, on SQLite and PostgreSQL.</summary>
public abstract class OpenDataTests(PortalFactory factory)
{
    private static readonly string[] RecordHeaders =
        ["信息编号", "索引号", "标题", "文号", "发布机构", "公开主体", "发布日期", "成文日期", "有效性", "领域", "领域代码", "环节", "信息类别", "主题分类", "公开事项", "栏目", "网址"];

    private static readonly string[] CatalogueHeaders =
        ["事项编号", "领域", "领域代码", "环节", "事项名称（一级）", "事项名称（二级）", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开方式", "公开渠道和载体", "公开对象", "公开层级", "更新频次", "更新时间", "网址"];

    private readonly HttpClient _client = Browserish.NewClient(factory);

    [Fact]
    public async Task RecordsCsv_ForADepartment_IsUtf8WithABom_Rfc4180_AndExactlyItsPublishedRecords()
    {
        await using var db = factory.NewDbContext();
        var department = await db.Departments.OrderBy(d => d.SortOrder).FirstAsync();
        var response = await _client.GetAsync($"/open-data/records.csv?department={department.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"records-department-{department.Id}.csv", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = Rfc4180.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(RecordHeaders, rows[0]);
        var expected = await (
            from v in db.RecordVersions
            join r in db.Records on v.RecordId equals r.Id
            where v.IsPublished && v.DepartmentId == department.Id
            orderby v.PublishedOn, v.Id
            select new
            {
                v.RecordId, r.IndexNumber, v.Title, v.DocumentNumber, v.IssuingOrgan, v.PublishedOn, v.WrittenOn, v.Validity, v.Kind, v.DomainId,
                Column = db.Columns.Where(c => c.Id == v.ColumnId).Select(c => c.NameZh).FirstOrDefault(),
            }).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(RecordHeaders.Length, r.Length));
        foreach (var (e, row) in expected.Zip(rows.Skip(1)))
        {
            Assert.Equal(e.IndexNumber ?? "", row[1]);
            Assert.Equal(e.Title, row[2].TrimStart('\''));
            Assert.Equal(e.DocumentNumber ?? "", row[3]);
            Assert.Equal(e.IssuingOrgan, row[4]);
            Assert.Equal(department.Name, row[5]);
            Assert.Equal(e.PublishedOn!.Value.ToString("yyyy-MM-dd"), row[6]);
            Assert.Equal(e.WrittenOn?.ToString("yyyy-MM-dd") ?? "", row[7]);
            Assert.Equal(Labels.Of(e.Validity), row[8]);
            Assert.Equal(Labels.Of(e.Kind), row[12]);
            Assert.Equal(e.DomainId is null, row[9].Length == 0); // filed in a column only: no domain (ADR 32)
            Assert.Equal(e.Column ?? "", row[15]);
            Assert.Equal($"http://localhost/records/{e.RecordId}", row[16]);
        }
    }

    [Fact]
    public async Task RecordsCsv_QuotesCommasQuotesAndLineBreaks_DisarmsFormulas_AndLeavesOutDraftsAndWithdrawn()
    {
        await using var db = factory.NewDbContext();
        var tricky = $"=HYPERLINK(\"http://evil.example\",\"点我\"),第二行\n{Guid.NewGuid():N}";
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled(tricky).Published().SaveAsync();
        var (draft, _) = await new RecordBuilder(db, factory.Clock).Titled($"草稿不导出 {Guid.NewGuid():N}").SaveAsync();
        var (withdrawn, withdrawnVersion) = await new RecordBuilder(db, factory.Clock).Titled($"撤回后不导出 {Guid.NewGuid():N}").Published().SaveAsync();
        withdrawnVersion.Withdraw("测试撤回", factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();

        var text = await _client.GetStringAsync($"/open-data/records.csv?department={record.DepartmentId}");
        var quoted = "\"'" + tricky.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        Assert.Contains($",{quoted},", text, StringComparison.Ordinal);
        var rows = Rfc4180.Parse(text.TrimStart('\uFEFF'));
        var row = rows.Single(r => r[0] == record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("'" + tricky, row[2]);
        Assert.DoesNotContain(rows, r => r[0] == draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rows, r => r[0] == withdrawn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every cell a spreadsheet could run as a formula starts with the quote.
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@', cell));
    }

    [Fact]
    public async Task RecordsJson_ForADomain_AndForTheSite_ParseAndMatchTheDatabase()
    {
        await using var db = factory.NewDbContext();
        var health = await db.Domains.SingleAsync(d => d.Code == "health");
        var response = await _client.GetAsync("/open-data/records.json?domain=health");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Equal("health", json.RootElement.GetProperty("domain").GetString());
        var records = json.RootElement.GetProperty("records").EnumerateArray().ToList();
        var expected = await db.RecordVersions.Where(v => v.IsPublished && v.DomainId == health.Id)
            .OrderBy(v => v.PublishedOn).ThenBy(v => v.Id).Select(v => new { v.RecordId, v.Title, v.PublishedOn }).ToListAsync();
        Assert.Equal(expected.Select(e => e.RecordId), records.Select(r => r.GetProperty("recordId").GetInt32()));
        Assert.Equal(expected.Select(e => e.Title), records.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(expected.Select(e => e.PublishedOn!.Value.ToString("yyyy-MM-dd")), records.Select(r => r.GetProperty("publishedOn").GetString()));
        Assert.All(records, r =>
        {
            Assert.Equal("卫生健康", r.GetProperty("domain").GetString());
            Assert.Equal($"http://localhost/records/{r.GetProperty("recordId").GetInt32()}", r.GetProperty("url").GetString());
        });

        using var site = JsonDocument.Parse(await _client.GetStreamAsync("/open-data/records.json"));
        Assert.Equal(await db.RecordVersions.CountAsync(v => v.IsPublished), site.RootElement.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task CatalogueCsvAndJson_ForADepartment_CarryEveryElementOfItsActiveItems()
    {
        await using var db = factory.NewDbContext();
        var department = await db.Departments.OrderBy(d => d.SortOrder).FirstAsync();
        var items = await (
            from i in db.CatalogueItems
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            where i.DepartmentId == department.Id && i.Status == CatalogueItemStatus.Active
            orderby dom.SortOrder, s.SortOrder, i.SortOrder, i.Id
            select new { Item = i, Domain = dom.NameZh, DomainCode = dom.Code, Stage = s.NameZh }).ToListAsync();
        Assert.NotEmpty(items);

        var rows = Rfc4180.Parse((await _client.GetStringAsync($"/open-data/catalogue.csv?department={department.Id}")).TrimStart('\uFEFF'));
        Assert.Equal(CatalogueHeaders, rows[0]);
        Assert.Equal(items.Count, rows.Count - 1);
        foreach (var (x, row) in items.Zip(rows.Skip(1)))
        {
            var i = x.Item;
            Assert.Equal(
                [i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Domain, x.DomainCode, x.Stage, i.NameLevel1, i.NameLevel2, i.Content, i.Basis, i.TimeLimitText,
                 department.Name, Labels.Of(i.Method), string.Join("、", Labels.Of(i.Channels)), Labels.Of(i.Audience), Labels.Of(i.Level), Labels.Of(i.Frequency)],
                row[..15]);
            Assert.Equal(i.UpdatedAt.ToUnixTimeSeconds(), DateTimeOffset.Parse(row[15], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
            Assert.EndsWith("+08:00", row[15], StringComparison.Ordinal);
            Assert.Equal($"http://localhost/items/{i.Id}", row[16]);
        }

        using var json = JsonDocument.Parse(await _client.GetStreamAsync($"/open-data/catalogue.json?department={department.Id}"));
        Assert.Equal(department.Name, json.RootElement.GetProperty("department").GetString());
        var jsonItems = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Select(x => x.Item.Id), jsonItems.Select(j => j.GetProperty("itemId").GetInt32()));
        Assert.Equal(items.Select(x => x.Item.Basis), jsonItems.Select(j => j.GetProperty("basis").GetString()));

        var retired = await db.CatalogueItems.CountAsync(i => i.Status == CatalogueItemStatus.Retired);
        using var all = JsonDocument.Parse(await _client.GetStreamAsync("/open-data/catalogue.json"));
        Assert.Equal(await db.CatalogueItems.CountAsync() - retired, all.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/open-data/records.csv?domain=no-such-domain", 404, "没有找到该公开领域。")]
    [InlineData("/open-data/catalogue.json?department=99999", 404, "没有找到该部门。")]
    [InlineData("/open-data/records.json?department=abc", 400, "部门编号应为正整数。")]
    [InlineData("/open-data/records.csv?department=0", 400, "部门编号应为正整数。")]
    [InlineData("/open-data/records.csv?department=-3", 400, "部门编号应为正整数。")]
    [InlineData("/open-data/records.csv?department=99999999999999999999", 400, "部门编号应为正整数。")]
    [InlineData("/open-data/records.csv?stage=decision", 400, "不支持的参数“stage”。可用的筛选条件是 domain（领域代码）和 department（部门编号）。")]
    [InlineData("/open-data/catalogue.csv?domain=health&domain=tax", 400, "参数“domain”只能填写一次。")]
    [InlineData("/open-data/records.xml", 404, "开放数据只提供 CSV 和 JSON 两种格式。")]
    [InlineData("/open-data/standard-directory.xlsx", 400, "请指定部门，例如 ?department=3：标准目录按部门编制。")]
    [InlineData("/open-data/standard-directory.xlsx?department=3&domain=health", 400, "标准目录包含部门的全部领域，不能按领域筛选。")]
    [InlineData("/open-data/standard-directory.xlsx?department=99999", 404, "没有找到该部门。")]
    public async Task BadFiltersAndFormats_Are400Or404_WithAChineseMessage(string url, int status, string message)
    {
        var (response, doc) = await Html.GetAsync(_client, url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(message, doc.QuerySelector(".problem p:not(.problem-code)").Text());
    }

    [Fact]
    public async Task OpenDataPage_ListsEveryDomainAndDepartment_AndItsDownloadsAnswer()
    {
        var (response, doc) = await Html.GetAsync(_client, "/open-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("开放数据", doc.QuerySelector("h1").Text());
        await using var db = factory.NewDbContext();
        var domains = await db.Domains.OrderBy(d => d.SortOrder).ToListAsync();
        var departments = await db.Departments.Where(d => d.IsActive).OrderBy(d => d.SortOrder).ToListAsync();
        var tables = doc.QuerySelectorAll("table.open-data-table").ToList();
        Assert.Equal(domains.Select(d => d.NameZh), tables[0].QuerySelectorAll("tbody th").Select(th => th.Text()));
        Assert.Equal(departments.Select(d => d.Name), tables[1].QuerySelectorAll("tbody th").Select(th => th.Text()));
        Assert.Equal($"/open-data/standard-directory.xlsx?department={departments[0].Id}", tables[1].QuerySelector("tbody tr a[href*=xlsx]")!.GetAttribute("href"));
        // Every link names what it downloads for a screen reader, not just "CSV".
        Assert.All(doc.QuerySelectorAll("main a[download]"), a => Assert.NotEmpty(a.QuerySelector(".visually-hidden").Text()));

        var links = doc.QuerySelectorAll("#all-title ~ ul a").Concat(tables.SelectMany(t => t.QuerySelectorAll("tbody tr:first-child a")))
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(4 + 2 + 5 + 6, links.Count);
        foreach (var href in links)
        {
            var download = await _client.GetAsync(href);
            Assert.True(download.StatusCode == HttpStatusCode.OK, $"{href}: {download.StatusCode}");
        }
    }
}

public sealed class OpenDataOnSqlite(SqlitePortal factory) : OpenDataTests(factory), IClassFixture<SqlitePortal>;

public sealed class OpenDataOnPostgres(PostgresPortal factory) : OpenDataTests(factory), IClassFixture<PostgresPortal>;
