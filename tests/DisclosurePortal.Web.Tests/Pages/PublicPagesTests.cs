using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Pages;

/// <summary>What a citizen sees on each public page, checked against the database, on SQLite and on PostgreSQL.</summary>
public abstract class PublicPagesTests(PortalFactory factory)
{
    public static readonly string[] DomainNames =
    [
        "城乡规划", "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "农村集体土地征收", "国有土地上房屋征收与补偿",
        "保障性住房", "农村危房改造", "生态环境", "公共文化服务", "公共法律服务", "扶贫", "救灾", "食品药品监管", "城市综合执法",
        "就业", "社会保险", "社会救助", "养老服务", "户籍管理", "涉农补贴", "义务教育", "卫生健康", "市政服务",
    ];

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Home_ShowsAll26DomainsInOrder_WithTheirPublishedCounts()
    {
        var (response, doc) = await Html.GetAsync(_client, "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        var tiles = doc.QuerySelectorAll(".domain-grid a").ToList();
        Assert.Equal(DomainNames, tiles.Select(t => t.QuerySelector(".domain-name").Text()));

        await using var db = factory.NewDbContext();
        var housing = await db.Domains.SingleAsync(d => d.Code == "rural-dilapidated-housing");
        var count = await db.RecordVersions.CountAsync(v => v.IsPublished && v.DomainId == housing.Id);
        Assert.True(count > 0);
        var tile = tiles.Single(t => t.GetAttribute("href") == "/domains/rural-dilapidated-housing");
        Assert.Equal($"{count} 条", tile.QuerySelector(".domain-count").Text());
    }

    [Fact]
    public async Task Home_ShowsLatestRecords_SearchBox_GuideAndAnnualReports()
    {
        var (_, doc) = await Html.GetAsync(_client, "/");
        await using var db = factory.NewDbContext();
        var newest = await db.RecordVersions.Where(v => v.IsPublished).OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).FirstAsync();
        var first = doc.QuerySelector("#latest-title + .record-list li a");
        Assert.Equal(newest.Title, first.Text());
        Assert.Equal($"/records/{newest.RecordId}", first!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("form[role=search] input[name=q]"));
        Assert.NotNull(doc.QuerySelector("label[for=home-q]"));
        Assert.NotNull(doc.QuerySelector("a[href='/guide']"));
        Assert.NotNull(doc.QuerySelector("a[href='/annual-reports']"));
    }

    [Fact]
    public async Task DomainPage_ShowsFiveStages_ItemsWithLatestRecords_AndPagedRecords()
    {
        await using var db = factory.NewDbContext();
        var domain = await db.Domains.SingleAsync(d => d.Code == "rural-dilapidated-housing");
        var stage = await (from i in db.CatalogueItems
                           join s in db.Stages on i.StageId equals s.Id
                           where i.DomainId == domain.Id
                           group s by new { s.Id, s.Code } into g
                           orderby g.Count() descending
                           select g.Key).FirstAsync();

        var (response, doc) = await Html.GetAsync(_client, $"/domains/{domain.Code}?stage={stage.Code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("农村危房改造", doc.QuerySelector("h1").Text());
        Assert.Equal(["决策", "执行", "管理", "服务", "结果"],
            doc.QuerySelectorAll(".stage-tabs a").Select(a => a.ChildNodes.First().TextContent.Trim()));
        Assert.Equal($"/domains/{domain.Code}?stage={stage.Code}", doc.QuerySelector(".stage-tabs a[aria-current=page]")!.GetAttribute("href"));

        var items = await db.CatalogueItems.Where(i => i.DomainId == domain.Id && i.StageId == stage.Id).OrderBy(i => i.SortOrder).ToListAsync();
        var cards = doc.QuerySelectorAll(".item-card").ToList();
        Assert.Equal(items.Select(i => $"{i.NameLevel1} · {i.NameLevel2}"), cards.Select(c => c.QuerySelector("h3").Text()));
        foreach (var (item, card) in items.Zip(cards))
        {
            var latest = await db.RecordVersions.Where(v => v.IsPublished && v.CatalogueItemId == item.Id)
                .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(3).Select(v => v.Title).ToListAsync();
            Assert.Equal(latest, card.QuerySelectorAll(".latest a").Select(a => a.Text()));
        }

        var total = await db.RecordVersions.CountAsync(v => v.IsPublished && v.DomainId == domain.Id && v.StageId == stage.Id);
        Assert.Equal(Math.Min(total, 20), doc.QuerySelectorAll("#records-title ~ .record-table tbody tr").Length);
    }

    [Fact]
    public async Task ColumnAndItemPages_NarrowToAYear_InTheUsualTable_AndThePagerKeepsTheYear()
    {
        await using var db = factory.NewDbContext();
        var published = db.RecordVersions.Where(v => v.IsPublished);
        // The column (domain · stage) with most records in one year, and its busiest item.
        var busiest = await published.GroupBy(v => new { v.DomainId, v.StageId, v.PublishedOn!.Value.Year })
            .Select(g => new { g.Key.DomainId, g.Key.StageId, g.Key.Year, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
        var code = await db.Domains.Where(d => d.Id == busiest.DomainId).Select(d => d.Code).SingleAsync();
        var stage = await db.Stages.Where(s => s.Id == busiest.StageId).Select(s => s.Code).SingleAsync();
        var (from, to) = (new DateOnly(busiest.Year, 1, 1), new DateOnly(busiest.Year, 12, 31));
        var inYear = published.Where(v => v.DomainId == busiest.DomainId && v.StageId == busiest.StageId && v.PublishedOn >= from && v.PublishedOn <= to);
        var expected = await inYear.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(20)
            .Select(v => new { v.Title, v.DocumentNumber, v.PublishedOn }).ToListAsync();

        var (response, doc) = await Html.GetAsync(_client, $"/domains/{code}?stage={stage}&year={busiest.Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($"（{busiest.Year} 年）", doc.QuerySelector("#records-title").Text(), StringComparison.Ordinal);
        Assert.Equal(["标题", "文号", "发布日期"], doc.QuerySelectorAll(".record-table thead th").Select(th => th.Text()));
        var rows = doc.QuerySelectorAll("#records-title ~ .record-table tbody tr").ToList();
        Assert.Equal(expected.Select(e => e.Title), rows.Select(r => r.QuerySelector("td a").Text()));
        Assert.Equal(expected.Select(e => e.DocumentNumber ?? ""), rows.Select(r => r.QuerySelectorAll("td")[1].Text()));
        Assert.Equal(expected.Select(e => e.PublishedOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Select(r => r.QuerySelector("time")!.GetAttribute("datetime")));
        var links = doc.QuerySelectorAll(".year-filter a").ToList();
        Assert.Equal(["全部", "本年"], links.Take(2).Select(a => a.Text()));
        Assert.Equal($"/domains/{code}?stage={stage}", links[0].GetAttribute("href"));
        Assert.Equal($"/domains/{code}?stage={stage}&year={factory.Clock.Today().Year}", links[1].GetAttribute("href"));
        var current = doc.QuerySelector(".year-filter a[aria-current=page]")!;
        Assert.Equal($"/domains/{code}?stage={stage}&year={busiest.Year}", current.GetAttribute("href"));
        if (busiest.Count > 20)
            Assert.StartsWith($"/domains/{code}?stage={stage}&year={busiest.Year}&page=2&after=", doc.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);

        // The item page: the same filter over one item's records.
        var item = await inYear.GroupBy(v => v.CatalogueItemId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var itemTitles = await inYear.Where(v => v.CatalogueItemId == item).OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id)
            .Take(20).Select(v => v.Title).ToListAsync();
        (response, doc) = await Html.GetAsync(_client, $"/items/{item}?year={busiest.Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(itemTitles, doc.QuerySelectorAll("#records-title ~ .record-table tbody tr td a").Select(a => a.Text()));

        // A year with nothing published says so; a year that is not one is refused with the reason.
        (response, doc) = await Html.GetAsync(_client, $"/items/{item}?year=2001");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2001 年暂无已发布的信息。", doc.QuerySelector("#records-title ~ .empty").Text());
        foreach (var bad in new[] { "1999", "26", "二〇二六", "2026.5" })
        {
            (response, doc) = await Html.GetAsync(_client, $"/items/{item}?year={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(DisclosurePortal.Domain.Calendar.ValidYears.Message, doc.QuerySelector("main").Text(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Listing_PagesThroughEveryRecordOnce_InNewestFirstOrder()
    {
        await using var db = factory.NewDbContext();
        var biggest = await db.RecordVersions.Where(v => v.IsPublished)
            .GroupBy(v => v.DepartmentId).OrderByDescending(g => g.Count()).Select(g => new { DepartmentId = g.Key, Count = g.Count() }).FirstAsync();
        Assert.True(biggest.Count > 40, "the demo data should fill several pages");
        var expected = await db.RecordVersions.Where(v => v.IsPublished && v.DepartmentId == biggest.DepartmentId)
            .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Select(v => $"/records/{v.RecordId}").ToListAsync();

        var pages = (biggest.Count + 19) / 20;
        var path = $"/departments/{biggest.DepartmentId}";

        // By page number (the numbered links): each page skips over the index from the nearer end.
        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var (response, doc) = await Html.GetAsync(_client, $"{path}?page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(RecordLinks(doc));
            Assert.Equal($"第 {page} / {pages} 页", doc.QuerySelector(".pager-summary").Text().Split('，')[1]);
        }
        Assert.Equal(expected, seen);

        // By 下一页 (keyset: each link carries the last row's key), then back by 上一页 (the first row's key).
        var forward = new List<string>();
        var url = path;
        for (var page = 1; ; page++)
        {
            var (response, doc) = await Html.GetAsync(_client, url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            forward.AddRange(RecordLinks(doc));
            Assert.Equal($"第 {page} / {pages} 页", doc.QuerySelector(".pager-summary").Text().Split('，')[1]);
            var next = doc.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
            if (next is null) { Assert.Equal(pages, page); break; }
            Assert.StartsWith($"{path}?page={page + 1}&after=", next, StringComparison.Ordinal);
            url = next;
        }
        Assert.Equal(expected, forward);
        var backward = new List<string>();
        for (var page = pages; ; page--)
        {
            var (_, doc) = await Html.GetAsync(_client, url);
            backward.InsertRange(0, RecordLinks(doc));
            var previous = doc.QuerySelector(".pager a[rel=prev]")?.GetAttribute("href");
            if (previous is null) { Assert.Equal(1, page); break; }
            if (page == 2) Assert.Equal(path, previous); // back to page 1 is the plain address
            else Assert.StartsWith($"{path}?page={page - 1}&before=", previous, StringComparison.Ordinal);
            url = previous;
        }
        Assert.Equal(expected, backward);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{path}?page={pages + 1}")).StatusCode);

        static IEnumerable<string> RecordLinks(AngleSharp.Dom.IDocument doc) =>
            doc.QuerySelectorAll("#records-title ~ .record-list li > a").Select(a => a.GetAttribute("href")!);
    }

    /// <summary>
    /// A page reached by its number seeks from a keyset anchor (issue 23; the tests put one every 40 rows). When a record
    /// moves to the top of the listing, every row's position moves by one: the anchors go with the cached pages, and
    /// page 3 is page 3 of the listing as it is now, not one row off.
    /// </summary>
    [Fact]
    public async Task DeepPageByNumber_SeeksFromAnAnchor_ThatAChangeOfTheListingForgets()
    {
        await using var db = factory.NewDbContext();
        var biggest = await db.RecordVersions.Where(v => v.IsPublished)
            .GroupBy(v => v.DepartmentId).OrderByDescending(g => g.Count()).Select(g => new { DepartmentId = g.Key, Count = g.Count() }).FirstAsync();
        Assert.True(biggest.Count >= 80, "page 3 must be in the newer half of the listing");
        var path = $"/departments/{biggest.DepartmentId}?page=3";
        Task<List<string>> ExpectedAsync() => db.RecordVersions.Where(v => v.IsPublished && v.DepartmentId == biggest.DepartmentId)
            .OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Skip(40).Take(20).Select(v => $"/records/{v.RecordId}").ToListAsync();
        async Task<List<string>> PageAsync()
        {
            var (response, doc) = await Html.GetAsync(_client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. doc.QuerySelectorAll("#records-title ~ .record-list li > a").Select(a => a.GetAttribute("href")!)];
        }

        Assert.Equal(await ExpectedAsync(), await PageAsync());

        // The oldest record of the department becomes its newest.
        var oldest = await db.RecordVersions.Where(v => v.IsPublished && v.DepartmentId == biggest.DepartmentId)
            .OrderBy(v => v.PublishedOn).ThenBy(v => v.Id).FirstAsync();
        var newest = await db.RecordVersions.Where(v => v.IsPublished && v.DepartmentId == biggest.DepartmentId).MaxAsync(v => v.PublishedOn);
        var was = oldest.PublishedOn;
        try
        {
            db.Entry(oldest).Property(v => v.PublishedOn).CurrentValue = newest!.Value.AddDays(1);
            await db.SaveChangesAsync();
            Assert.Equal(await ExpectedAsync(), await PageAsync());
        }
        finally
        {
            db.Entry(oldest).Property(v => v.PublishedOn).CurrentValue = was;
            await db.SaveChangesAsync();
        }
        Assert.Equal(await ExpectedAsync(), await PageAsync());
    }

    [Fact]
    public async Task DomainPage_QueryCountDoesNotGrowWithItems()
    {
        await using var db = factory.NewDbContext();
        var perStage = await db.CatalogueItems.GroupBy(i => new { i.DomainId, i.StageId }).Select(g => new { g.Key.DomainId, g.Key.StageId, Count = g.Count() }).ToListAsync();
        var many = perStage.OrderByDescending(x => x.Count).First();
        var few = perStage.OrderBy(x => x.Count).First();
        Assert.True(many.Count > few.Count);

        async Task<int> CommandsFor(int domainId, int stageId)
        {
            var code = await db.Domains.Where(d => d.Id == domainId).Select(d => d.Code).SingleAsync();
            var stage = await db.Stages.Where(s => s.Id == stageId).Select(s => s.Code).SingleAsync();
            await _client.GetAsync($"/domains/{code}?stage={stage}"); // warm
            factory.Commands.Reset();
            var response = await _client.GetAsync($"/domains/{code}?stage={stage}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return factory.Commands.Count;
        }

        Assert.Equal(await CommandsFor(few.DomainId, few.StageId), await CommandsFor(many.DomainId, many.StageId));
    }

    [Theory]
    [InlineData("/domains/no-such-domain", HttpStatusCode.NotFound)]
    [InlineData("/domains/health?stage=nonsense", HttpStatusCode.BadRequest)]
    [InlineData("/domains/health?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/domains/health?page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/domains/health?page=99999", HttpStatusCode.NotFound)]
    [InlineData("/domains/health?after=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/domains/health?page=2&after=20250101-1&before=20250101-9", HttpStatusCode.BadRequest)]
    [InlineData("/departments/3?before=20251399-1", HttpStatusCode.BadRequest)]
    [InlineData("/items/5?after=20250101-99999999999", HttpStatusCode.BadRequest)]
    [InlineData("/items/999999", HttpStatusCode.NotFound)]
    [InlineData("/records/999999", HttpStatusCode.NotFound)]
    [InlineData("/departments/999999", HttpStatusCode.NotFound)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/search?q=", HttpStatusCode.BadRequest)]
    [InlineData("/culture/fr", HttpStatusCode.BadRequest)]
    public async Task BadOrMissing_AnswersWithAChinesePage_NeverAStackTrace(string url, HttpStatusCode expected)
    {
        var (response, doc) = await Html.GetAsync(_client, url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        var text = doc.Body.Text();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", doc.QuerySelector("h1").Text());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", doc.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemPage_ShowsEveryRequiredElement_AndItsRecords()
    {
        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.OrderBy(i => i.Id).Skip(7).FirstAsync();
        var department = await db.Departments.SingleAsync(d => d.Id == item.DepartmentId);

        var (response, doc) = await Html.GetAsync(_client, $"/items/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var elements = doc.DefinitionList(".elements");
        Assert.Equal(item.NameLevel1, elements["事项名称（一级）"]);
        Assert.Equal(item.NameLevel2, elements["事项名称（二级）"]);
        Assert.Equal(item.Content, elements["公开内容（要素）"]);
        Assert.Equal(item.Basis, elements["公开依据"]);
        Assert.Equal(item.TimeLimitText, elements["公开时限"]);
        Assert.Equal(department.Name, elements["公开主体"]);
        Assert.Equal(item.Method == DisclosureMethod.Proactive ? "主动公开" : "依申请公开", elements["公开方式"]);
        Assert.Equal(item.Audience == Audience.Public ? "全社会" : "特定群众", elements["公开对象"]);
        Assert.Contains("政府网站", elements["公开渠道和载体"], StringComparison.Ordinal);
        Assert.Equal(item.Level == AdministrativeLevel.County ? "县级" : "乡级", elements["公开层级"]);
        Assert.False(string.IsNullOrWhiteSpace(elements["更新频次"]));

        var count = await db.RecordVersions.CountAsync(v => v.IsPublished && v.CatalogueItemId == item.Id);
        Assert.Equal(Math.Min(count, 20), doc.QuerySelectorAll("#records-title ~ .record-table tbody tr").Length);
    }

    [Fact]
    public async Task RecordPage_ShowsTheStandardMetadataBlock_BodyAndBreadcrumbs()
    {
        await using var db = factory.NewDbContext();
        var version = await db.RecordVersions.Where(v => v.IsPublished && v.DocumentNumber != null).OrderBy(v => v.Id).Skip(3).FirstAsync();
        var record = await db.Records.SingleAsync(r => r.Id == version.RecordId);
        var domain = await db.Domains.SingleAsync(d => d.Id == version.DomainId);
        var stage = await db.Stages.SingleAsync(s => s.Id == version.StageId);

        var (response, doc) = await Html.GetAsync(_client, $"/records/{record.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var meta = doc.DefinitionList(".metadata");
        Assert.Equal(["索引号", "分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "有效性", "公开属性"], meta.Keys);
        Assert.Equal(record.IndexNumber, meta["索引号"]);
        Assert.Matches(@"^[0-9A-HJ-NPQRTUWXY]{18}/\d{4}-\d{5}$", meta["索引号"]);
        Assert.StartsWith($"{domain.NameZh} \\ {stage.NameZh}", meta["分类"], StringComparison.Ordinal);
        Assert.Equal(version.IssuingOrgan, meta["发文机关"]);
        Assert.Equal(version.WrittenOn!.Value.ToString("yyyy-MM-dd"), meta["成文日期"]);
        Assert.Equal(version.Title, meta["标题"]);
        Assert.Equal(version.DocumentNumber, meta["发文字号"]);
        Assert.Matches(@"〔\d{4}〕\d+号$", meta["发文字号"]);
        Assert.Equal(version.PublishedOn!.Value.ToString("yyyy-MM-dd"), meta["发布日期"]);
        Assert.Contains(meta["有效性"], new[] { "有效", "失效", "废止" });
        Assert.Equal(version.Title, doc.QuerySelector("h1").Text());
        Assert.NotEmpty(doc.QuerySelectorAll(".record-body p"));
        var crumbs = doc.QuerySelectorAll(".breadcrumbs a").Select(a => a.GetAttribute("href")).ToList();
        // Issue 18: the trail passes through 信息公开目录 like the column page's.
        Assert.Equal(["/", "/#catalogue", $"/domains/{domain.Code}", $"/domains/{domain.Code}?stage={stage.Code}", $"/items/{version.CatalogueItemId}"], crumbs);
    }

    [Fact]
    public async Task PolicyAndInterpretation_LinkToEachOther()
    {
        await using var db = factory.NewDbContext();
        var link = await db.InterpretationLinks.OrderBy(l => l.Id).FirstAsync();
        var interpretationTitle = await db.RecordVersions.Where(v => v.IsPublished && v.RecordId == link.InterpretationRecordId).Select(v => v.Title).SingleAsync();

        var (_, policyPage) = await Html.GetAsync(_client, $"/records/{link.PolicyRecordId}");
        var listed = policyPage.QuerySelectorAll("#interp-title ~ ul a").ToList();
        Assert.Contains(listed, a => a.GetAttribute("href") == $"/records/{link.InterpretationRecordId}" && a.Text() == interpretationTitle);

        var (_, interpretationPage) = await Html.GetAsync(_client, $"/records/{link.InterpretationRecordId}");
        Assert.Contains(interpretationPage.QuerySelectorAll("#policy-title ~ ul a"), a => a.GetAttribute("href") == $"/records/{link.PolicyRecordId}");
    }

    [Fact]
    public async Task Drafts_AreNeverShown_AndBodiesRenderNoRawHtml()
    {
        await using var db = factory.NewDbContext();
        var (draftRecord, _) = await new RecordBuilder(db, factory.Clock).Titled("草稿：尚未审核的通知").SaveAsync();
        var (hostile, _) = await new RecordBuilder(db, factory.Clock).Published().Titled("含有脚本的测试正文")
            .WithBody("<script>alert('x')</script>\n\n[点我](javascript:alert(1))\n\n<img src=x onerror=alert(1)>").SaveAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/records/{draftRecord.Id}")).StatusCode);
        var (_, search) = await Html.GetAsync(_client, "/search?q=" + Uri.EscapeDataString("尚未审核"));
        Assert.NotNull(search.QuerySelector("#results-title"));
        Assert.Empty(search.QuerySelectorAll(".search-results li")); // the full search is tested in Search/SearchTests

        var (response, doc) = await Html.GetAsync(_client, $"/records/{hostile.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = doc.QuerySelector(".record-body")!;
        Assert.Empty(body.QuerySelectorAll("script, img"));
        Assert.All(body.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href") ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>", body.TextContent, StringComparison.Ordinal); // shown as text, not run
    }

    [Fact]
    public async Task DepartmentPage_ShowsItsCatalogueAndRecords()
    {
        await using var db = factory.NewDbContext();
        var department = await db.Departments.OrderBy(d => d.SortOrder).FirstAsync();
        var items = await db.CatalogueItems.CountAsync(i => i.DepartmentId == department.Id);
        var (response, doc) = await Html.GetAsync(_client, $"/departments/{department.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(department.Name, doc.QuerySelector("h1").Text());
        Assert.Equal(items, doc.QuerySelectorAll(".catalogue-table tbody tr").Length);

        var (_, list) = await Html.GetAsync(_client, "/departments");
        Assert.Contains(list.QuerySelectorAll(".department-name"), e => e.Text() == department.Name);
    }

    [Fact]
    public async Task English_IsChosenWithTheSwitch_AndRemembered()
    {
        var switched = await _client.GetAsync("/culture/en?returnUrl=%2Fdomains%2Fhealth");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/domains/health", switched.Headers.Location!.OriginalString);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var doc = await Html.ParseAsync(await _client.SendAsync(request));
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains(doc.QuerySelectorAll(".domain-name"), e => e.Text() == "Renovation of dilapidated rural housing");

        var offsite = await _client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// WCAG 3.1.2 (language of parts): on an English page every piece of Chinese content in the main area (titles, 文号,
    /// bodies, names of departments and items) sits in an element marked lang="zh-CN", so a screen reader reads it with a
    /// Chinese voice; on a Chinese page nothing in the main area needs marking, and nothing is.
    /// </summary>
    [Fact]
    public async Task EnglishPages_MarkEveryChineseTextInTheMainArea_AsChinese()
    {
        await using var db = factory.NewDbContext();
        var link = await db.InterpretationLinks.OrderBy(l => l.Id).FirstAsync();
        var item = await db.RecordVersions.Where(v => v.IsPublished && v.RecordId == link.PolicyRecordId).Select(v => v.CatalogueItemId).FirstAsync();
        var department = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var year = await db.AnnualReports.Where(r => r.PublishedAt != null).Select(r => (int?)r.Year).MaxAsync();
        string[] urls =
        [
            "/", "/domains/health", "/departments", $"/departments/{department}", $"/items/{item}",
            $"/records/{link.PolicyRecordId}", $"/records/{link.InterpretationRecordId}", "/search?q=%E9%80%9A%E7%9F%A5",
            .. year is { } y ? [$"/annual-reports/{y}"] : Array.Empty<string>(),
        ];
        var han = new System.Text.RegularExpressions.Regex(@"\p{IsCJKUnifiedIdeographs}");
        foreach (var url in urls)
        {
            using var english = new HttpRequestMessage(HttpMethod.Get, url);
            english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
            var doc = await Html.ParseAsync(await _client.SendAsync(english));
            Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
            var main = doc.GetElementById("main")!;
            var unmarked = AngleSharp.Dom.ParentNodeExtensions.Descendants<AngleSharp.Dom.IText>(main)
                .Where(t => han.IsMatch(t.Data))
                .Where(t => t.ParentElement!.Closest("[lang]")?.GetAttribute("lang") != "zh-CN")
                .Select(t => $"<{t.ParentElement!.LocalName} class=\"{t.ParentElement.ClassName}\">{t.Data.Trim()}")
                .ToList();
            Assert.True(unmarked.Count == 0, $"{url} in English has Chinese text not marked lang=\"zh-CN\":\n  " + string.Join("\n  ", unmarked.Take(20)));
            Assert.Contains(main.QuerySelectorAll("[lang='zh-CN']"), e => han.IsMatch(e.TextContent));

            var (_, chinese) = await Html.GetAsync(_client, url);
            Assert.Empty(chinese.GetElementById("main")!.QuerySelectorAll("[lang]"));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/domains/health")]
    [InlineData("/departments")]
    [InlineData("/guide")]
    [InlineData("/annual-reports")]
    [InlineData("/search?q=%E9%80%9A%E7%9F%A5")]
    [InlineData("/open-data")]
    public async Task EveryPage_HasASkipLink_OneH1_AndHeadingsInOrder(string url)
    {
        var (response, doc) = await Html.GetAsync(_client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var skip = doc.QuerySelector("a.skip-link");
        Assert.Equal("#main", skip!.GetAttribute("href"));
        Assert.NotNull(doc.GetElementById("main"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        var levels = doc.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"heading h{levels[i]} follows h{levels[i - 1]} on {url}");
        Assert.All(doc.QuerySelectorAll("input:not([type=hidden])"), input =>
            Assert.True(doc.QuerySelector($"label[for='{input.Id}']") is not null || input.HasAttribute("aria-label"), $"unlabelled input on {url}"));
        Assert.Empty(doc.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task Healthz_ReportsTheDatabase()
    {
        var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Live_TouchesNothing_Ready_ChecksTheDatabase_NeitherIsCached()
    {
        var live = await _client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using (var json = System.Text.Json.JsonDocument.Parse(await live.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
        }
        var ready = await _client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("no-store", ready.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
            Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}

public sealed class PublicPagesOnSqlite(SqlitePortal factory) : PublicPagesTests(factory), IClassFixture<SqlitePortal>;

public sealed class PublicPagesOnPostgres(PostgresPortal factory) : PublicPagesTests(factory), IClassFixture<PostgresPortal>;
