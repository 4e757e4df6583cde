using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.OpenData;

/// <summary>A department's 标准目录 read back with OpenXml and checked against the database, on SQLite and PostgreSQL.</summary>
public abstract class StandardDirectoryTests(PortalFactory factory)
{
    private static readonly string[] Headers =
    [
        "序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
        "公开对象（全社会/特定群体）", "公开方式（主动/依申请）", "公开层级（县级/乡级）",
    ];

    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];

    private readonly HttpClient _client = Browserish.NewClient(factory); // starts the app, which creates the database

    [Fact]
    public async Task StandardDirectory_OpensWithOpenXml_WithTheGuidelineColumns_AndOneRowPerItemGroupedByDomain()
    {
        await using var db = factory.NewDbContext();
        // The department whose catalogue spans the most domains, so that the grouping is exercised.
        var departmentId = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active)
            .GroupBy(i => i.DepartmentId).OrderByDescending(g => g.Select(i => i.DomainId).Distinct().Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstAsync();
        var department = await db.Departments.SingleAsync(d => d.Id == departmentId);
        var items = await (
            from i in db.CatalogueItems
            join dom in db.Domains on i.DomainId equals dom.Id
            join s in db.Stages on i.StageId equals s.Id
            where i.DepartmentId == departmentId && i.Status == CatalogueItemStatus.Active
            orderby dom.SortOrder, s.SortOrder, i.SortOrder, i.Id
            select new { Item = i, Domain = dom.NameZh }).ToListAsync();
        Assert.True(items.Select(i => i.Domain).Distinct().Count() > 1);

        var response = await _client.GetAsync($"/open-data/standard-directory.xlsx?department={departmentId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"standard-directory-department-{departmentId}.xlsx", response.Content.Headers.ContentDisposition!.FileName);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("标准目录", sheet.Name!.Value);
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        var cells = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        var merges = worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToHashSet();
        string At(string column, int row) => cells.GetValueOrDefault($"{column}{row}", "");

        Assert.Equal($"{department.Name}政务公开标准目录", At("A", 1));
        Assert.Contains("A1:K1", merges);
        Assert.Equal(Headers, Columns.Select(c => At(c, 2)));
        Assert.Equal(["一级事项", "二级事项"], [At("B", 3), At("C", 3)]);
        Assert.Contains("B2:C2", merges); // 公开事项 over its two levels
        Assert.Contains("A2:A3", merges);
        Assert.Contains("K2:K3", merges);

        // 一级事项 is merged down the rows of its 二级事项: read each row's value from the top of its merge.
        var levelOneTops = merges.Where(m => m.StartsWith('B') && m != "B2:C2")
            .Select(m => m.Split(':')).SelectMany(p => Enumerable.Range(Row(p[0]), Row(p[1]) - Row(p[0]) + 1).Select(r => (Row: r, Top: Row(p[0]))))
            .ToDictionary(x => x.Row, x => x.Top);
        var row = 4;
        var section = 0;
        foreach (var domain in items.GroupBy(i => i.Domain))
        {
            Assert.Equal($"{Numeral(++section)}、{domain.Key}领域", At("A", row));
            Assert.Contains($"A{row}:K{row}", merges);
            row++;
            var number = 0;
            foreach (var x in domain)
            {
                var i = x.Item;
                Assert.Equal(
                    [(++number).ToString(System.Globalization.CultureInfo.InvariantCulture), i.NameLevel1, i.NameLevel2, i.Content, i.Basis, i.TimeLimitText, department.Name,
                     string.Join("、", Labels.Of(i.Channels)), Labels.Of(i.Audience), Labels.Of(i.Method), Labels.Of(i.Level)],
                    Columns.Select(c => c == "B" ? At("B", levelOneTops.GetValueOrDefault(row, row)) : At(c, row)));
                row++;
            }
        }
        Assert.Equal(row - 1, worksheet.Descendants<Row>().Max(r => (int)r.RowIndex!.Value));
    }

    private static string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static int Row(string reference) => int.Parse(reference.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'), System.Globalization.CultureInfo.InvariantCulture);

    private static string Numeral(int n) => n switch
    {
        <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        < 20 => "十" + "一二三四五六七八九"[n - 11],
        _ => throw new ArgumentOutOfRangeException(nameof(n)),
    };
}

public sealed class StandardDirectoryOnSqlite(SqlitePortal factory) : StandardDirectoryTests(factory), IClassFixture<SqlitePortal>;

public sealed class StandardDirectoryOnPostgres(PostgresPortal factory) : StandardDirectoryTests(factory), IClassFixture<PostgresPortal>;
