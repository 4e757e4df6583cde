using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Interpretations.InterpretationSupport;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.PolicyLibrary;

/// <summary>
/// 政策文件库 (/policies): the published 规章 and 行政规范性文件, narrowed by 发文机关, 发布 year, kind and validity, newest
/// first or by 文号 in natural order, paged, each with its published interpretations. Each test arranges its policies in
/// a year of its own (the demo records are recent), so the tests sharing the app do not see each other's.
/// </summary>
public abstract class PolicyLibraryTests(PortalFactory factory)
{
    [Fact]
    public async Task Filters_NarrowByDepartmentYearKindAndValidity_AndOnlyPoliciesAreListed()
    {
        var (housing, finance) = (await DepartmentIdAsync(factory, HousingCode), await DepartmentIdAsync(factory, FinanceCode));
        var normative = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2003, 3, 1), "青住建规〔2003〕1号");
        var regulation = await PolicyAsync(housing, RecordKind.Regulation, new DateOnly(2003, 4, 1), "青住建规〔2003〕2号");
        var repealed = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2003, 5, 1), "青住建规〔2003〕3号", Validity.Repealed);
        var otherDepartment = await PolicyAsync(finance, RecordKind.NormativeDocument, new DateOnly(2003, 6, 1), "青财规〔2003〕1号");
        var notice = await PolicyAsync(housing, RecordKind.Notice, new DateOnly(2003, 7, 1), null);
        var client = Browserish.NewClient(factory);

        var (response, all) = await Html.GetAsync(client, "/policies?year=2003");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([otherDepartment, repealed, regulation, normative], Ids(all)); // newest first
        Assert.DoesNotContain(notice, Ids(all));
        var row = Row(all, repealed);
        Assert.Contains("青住建规〔2003〕3号", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2003-05-01", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("青川县住房和城乡建设局", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("废止", row.QuerySelector(".policy-validity")!.TextContent.Trim());
        Assert.Equal("有效", Row(all, normative).QuerySelector(".policy-validity")!.TextContent.Trim());
        Assert.Equal($"/records/{repealed}", row.QuerySelector("h2 a")!.GetAttribute("href"));

        Assert.Equal([repealed, regulation, normative], Ids((await Html.GetAsync(client, $"/policies?year=2003&department={housing}")).Document));
        Assert.Equal([regulation], Ids((await Html.GetAsync(client, $"/policies?year=2003&kind={(int)RecordKind.Regulation}")).Document));
        Assert.Equal([repealed], Ids((await Html.GetAsync(client, $"/policies?year=2003&validity={(int)Validity.Repealed}")).Document));
        Assert.Equal([normative], Ids((await Html.GetAsync(client, $"/policies?year=2003&department={housing}&kind={(int)RecordKind.NormativeDocument}&validity={(int)Validity.Valid}")).Document));
        var (_, none) = await Html.GetAsync(client, $"/policies?year=2003&department={finance}&kind={(int)RecordKind.Regulation}");
        Assert.Empty(Ids(none));
        Assert.Contains("没有符合条件的政策文件。", none.Body!.TextContent, StringComparison.Ordinal);

        // The form keeps what was chosen, and the year links keep the other filters.
        var (_, chosen) = await Html.GetAsync(client, $"/policies?year=2003&department={housing}&validity={(int)Validity.Repealed}&sort=number");
        Assert.Equal(housing.ToString(), chosen.QuerySelector("#policy-department option[selected]")!.GetAttribute("value"));
        Assert.Equal("number", chosen.QuerySelector("#policy-sort option[selected]")!.GetAttribute("value"));
        var allYears = chosen.QuerySelector(".year-filter a")!.GetAttribute("href")!;
        Assert.Equal($"/policies?department={housing}&validity={(int)Validity.Repealed}&sort=number", allYears);
    }

    [Fact]
    public async Task SortByNumber_IsNatural_ByPrefixYearAndNumber_ThoseWithoutLast()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var ten = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2004, 1, 5), "青住建规〔2004〕10号");
        var nine = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2004, 1, 4), "青住建规〔2004〕9号");
        var none = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2004, 1, 6), null);
        var one = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2004, 1, 3), "青住建规〔2004〕1号");
        var earlier = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2004, 1, 7), "青住建规〔2003〕30号");
        var client = Browserish.NewClient(factory);

        Assert.Equal([earlier, one, nine, ten, none], Ids((await Html.GetAsync(client, "/policies?year=2004&sort=number")).Document));
        Assert.Equal([earlier, none, ten, nine, one], Ids((await Html.GetAsync(client, "/policies?year=2004")).Document));
        Assert.Equal([earlier, none, ten, nine, one], Ids((await Html.GetAsync(client, "/policies?year=2004&sort=date")).Document));
    }

    [Fact]
    public async Task EachPolicy_ShowsItsPublishedInterpretations()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var interpreted = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2005, 3, 1), "青住建规〔2005〕1号");
        var interpretation = await InterpretedAsync(factory, interpreted, new DateOnly(2005, 3, 2));
        var bare = await PolicyAsync(housing, RecordKind.NormativeDocument, new DateOnly(2005, 4, 1), "青住建规〔2005〕2号");

        var (_, doc) = await Html.GetAsync(Browserish.NewClient(factory), "/policies?year=2005");
        var links = Row(doc, interpreted).QuerySelectorAll(".policy-interpretations a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/records/{interpretation}"], links);
        Assert.Contains("文字解读", Row(doc, interpreted).QuerySelector(".policy-interpretations")!.TextContent, StringComparison.Ordinal);
        Assert.Null(Row(doc, bare).QuerySelector(".policy-interpretations"));
        Assert.DoesNotContain(interpretation, Ids(doc)); // an interpretation is not itself a policy
    }

    [Fact]
    public async Task Paging_ByDate_FollowsTheCursor_AndByNumber_ByPage()
    {
        var finance = await DepartmentIdAsync(factory, FinanceCode);
        var made = new List<int>();
        for (var i = 1; i <= 23; i++)
            made.Add(await PolicyAsync(finance, RecordKind.NormativeDocument, new DateOnly(2006, 1, 1).AddDays(i), $"青财规〔2006〕{i}号"));
        var client = Browserish.NewClient(factory);

        var (_, first) = await Html.GetAsync(client, "/policies?year=2006");
        Assert.Equal(Enumerable.Reverse(made).Take(20), Ids(first));
        Assert.Contains("共 23 件政策文件", first.Body!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("year=2006", next, StringComparison.Ordinal);
        Assert.Contains("after=", next, StringComparison.Ordinal);
        var (_, second) = await Html.GetAsync(client, next);
        Assert.Equal(made.Take(3).Reverse(), Ids(second));
        Assert.Equal(made.Take(3).Reverse(), Ids((await Html.GetAsync(client, "/policies?year=2006&page=2")).Document));

        var (_, byNumber) = await Html.GetAsync(client, "/policies?year=2006&sort=number&page=2");
        Assert.Equal(made.Skip(20), Ids(byNumber));
        var previous = byNumber.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href")!;
        Assert.Equal("/policies?year=2006&sort=number", previous);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/policies?year=2006&page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/policies?year=2006&sort=number&page=3")).StatusCode);
    }

    [Theory]
    [InlineData("/policies?department=abc", "发文机关筛选条件无效。")]
    [InlineData("/policies?department=999999", "发文机关筛选条件无效。")]
    [InlineData("/policies?year=99", "年份应为2000到2100之间的四位数字。")]
    [InlineData("/policies?kind=8", "文件类型筛选条件无效。")]
    [InlineData("/policies?kind=Regulation", "文件类型筛选条件无效。")]
    [InlineData("/policies?validity=9", "效力状态应为 有效、失效 或 废止。")]
    [InlineData("/policies?sort=title", "排序方式应为 按发布日期 或 按文号。")]
    [InlineData("/policies?sort=number&after=20260101-5", "翻页参数有误，请从第 1 页重新翻页。")]
    [InlineData("/policies?after=bogus", "翻页参数有误，请从第 1 页重新翻页。")]
    [InlineData("/policies?page=0", "页码应为")]
    public async Task BadFilters_AreA400_WithAChineseMessage(string url, string message)
    {
        var (response, doc) = await Html.GetAsync(Browserish.NewClient(factory), url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, doc.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// The permission matrix's hostile GET run reads an action's simple parameters only, not the keys of a filter record:
    /// the library's keys are tried here with the same kind of values.
    /// </summary>
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("' OR 1=1 --")]
    [InlineData("%00")]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    [InlineData("１２")]
    public async Task HostileValues_InEveryKey_AreA400_NeverA5xx_AndNeverReflected(string value)
    {
        var client = Browserish.NewClient(factory);
        string[] keys = ["department", "year", "kind", "validity", "sort", "page", "after", "before"];
        foreach (var key in keys)
        {
            var (response, doc) = await Html.GetAsync(client, $"/policies?{key}={Uri.EscapeDataString(value)}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{key}={value}: {(int)response.StatusCode}");
            Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
            Assert.DoesNotContain("<script>alert", doc.Body!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheCachedPage_IsEvicted_WhenAPolicyIsPublished()
    {
        var housing = await DepartmentIdAsync(factory, HousingCode);
        var client = Browserish.NewClient(factory);
        var (first, before) = await Html.GetAsync(client, "/policies?year=2007");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty(Ids(before));
        var (_, again) = await Html.GetAsync(client, "/policies?year=2007"); // from the output cache now
        Assert.Empty(Ids(again));

        var published = await PolicyAsync(housing, RecordKind.Regulation, new DateOnly(2007, 2, 1), "青住建规〔2007〕1号");
        Assert.Equal([published], Ids((await Html.GetAsync(client, "/policies?year=2007")).Document));
    }

    [Fact]
    public async Task TheLibrary_IsLinkedFromTheNavigationAndTheHomePage()
    {
        var (_, home) = await Html.GetAsync(Browserish.NewClient(factory), "/");
        Assert.NotNull(home.QuerySelector(".main-nav a[href='/policies']"));
        Assert.NotNull(home.QuerySelector(".quick-links a[href='/policies']"));
        var (_, library) = await Html.GetAsync(Browserish.NewClient(factory), "/policies");
        Assert.Equal("page", library.QuerySelector(".main-nav a[href='/policies']")!.GetAttribute("aria-current"));
        Assert.NotEmpty(Ids(library)); // the demo policies
    }

    private static List<int> Ids(IDocument doc) => [.. doc.QuerySelectorAll(".policy-item").Select(li => int.Parse(li.GetAttribute("data-policy")!))];

    private static IElement Row(IDocument doc, int id) => doc.QuerySelector($".policy-item[data-policy='{id}']")!;

    /// <summary>A published record of the department with the given 文号 (past dates are facts the forms cannot produce).</summary>
    private async Task<int> PolicyAsync(int departmentId, RecordKind kind, DateOnly publishedOn, string? documentNumber, Validity validity = Validity.Valid)
    {
        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.Where(i => i.DepartmentId == departmentId).OrderBy(i => i.Id).FirstAsync();
        var at = ChinaTime.At(publishedOn, new TimeOnly(9, 0));
        var record = Record.Create(departmentId, item.Id, item.DomainId, item.StageId, kind, at);
        db.Records.Add(record);
        await db.SaveChangesAsync();
        var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata
        {
            Title = $"关于印发《测试政策{Guid.NewGuid():N}》的通知",
            DocumentNumber = documentNumber,
            IssuingOrgan = "测试单位",
            Validity = validity,
            Body = "政策正文。",
        }, "测试", at);
        version.Submit(at);
        version.Publish(publishedOn, at);
        db.RecordVersions.Add(version);
        await db.SaveChangesAsync();
        return record.Id;
    }
}

public sealed class PolicyLibraryOnSqlite(SqlitePortal factory) : PolicyLibraryTests(factory), IClassFixture<SqlitePortal>;

public sealed class PolicyLibraryOnPostgres(PostgresPortal factory) : PolicyLibraryTests(factory), IClassFixture<PostgresPortal>;
