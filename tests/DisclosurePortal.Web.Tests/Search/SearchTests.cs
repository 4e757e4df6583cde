using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Search.SearchSupport;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Search;

/// <summary>
/// The full-text search (issue 5, 22) as a citizen uses it, on the demo county, on SQLite (FTS5) and on PostgreSQL
/// (tsvector): Chinese words of any length, every filter, both orders, paging, marked snippets, nothing unpublished, and no
/// query that can break it.
/// </summary>
public abstract class SearchTests(PortalFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task FindsChineseSubstrings_InTitle_Body_DocumentNumber_AndIndexNumber()
    {
        var body = Marker(6);
        var serial = Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        await using var db = factory.NewDbContext();
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"{Marker()}镇农村危房改造补助对象公示")
            .WithBody($"## 一、公示对象\n\n经村民会议评议，**{body}**等农户符合补助条件。")
            .WithDocumentNumber($"青建发〔2031〕{serial}号").WithIndexNumber().Published().SaveAsync();
        var url = $"/records/{record.Id}";
        var indexNumber = (await db.Records.SingleAsync(r => r.Id == record.Id)).IndexNumber!;

        // 危房 inside 农村危房改造: two characters, shorter than a trigram, still found (newest first, so on page 1).
        var (response, twoChars) = await SearchAsync(_client, "危房", "&sort=date");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(url, HitUrls(twoChars).First());
        Assert.Contains("<mark>危房</mark>", twoChars.QuerySelector(".search-hit .hit-title a")!.InnerHtml, StringComparison.Ordinal);

        // A three-character run from the middle of a word in the body (the Markdown emphasis does not hide it).
        var (_, inBody) = await SearchAsync(_client, body[1..4]);
        Assert.Equal([url], HitUrls(inBody));
        Assert.Equal(1, Total(inBody));
        Assert.Contains($"<mark>{body[1..4]}</mark>", inBody.QuerySelector(".hit-snippet")!.InnerHtml, StringComparison.Ordinal);

        // A 文号 fragment, brackets included.
        var (_, byDocumentNumber) = await SearchAsync(_client, $"〔2031〕{serial}");
        Assert.Equal([url], HitUrls(byDocumentNumber));
        Assert.Equal($"青建发〔2031〕{serial}号", byDocumentNumber.QuerySelector(".hit-meta .docno").Text());

        // The 文号 as people type it (issue 22): other brackets, none, 年/第, full-width digits — the same record, and the
        // page says how it searched.
        var fullWidth = new string([.. $"2031{serial}".Select(c => (char)(c - '0' + '０'))]);
        foreach (var typed in new[] { $"青建发[2031]{serial}号", $"青建发（2031）{serial}", $"青建发【2031】第{serial}号", $"青建发2031年{serial}号",
                     $"青建发2031 {serial}", $"青建发{fullWidth[..4]} {fullWidth[4..]}" })
        {
            var (_, asTyped) = await SearchAsync(_client, typed);
            Assert.Equal([url], HitUrls(asTyped));
            Assert.Contains($"青建发〔2031〕{serial}号", asTyped.QuerySelector(".standardised-hint").Text(), StringComparison.Ordinal);
        }
        // Typed 索引号 loosely: lower case, spaces for the separators.
        var loose = indexNumber.Replace("/", " ", StringComparison.Ordinal).Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();
        var (_, byLooseIndex) = await SearchAsync(_client, loose);
        Assert.Equal([url], HitUrls(byLooseIndex));

        // The 索引号, assigned after the version was published (the index follows the record).
        var (_, byIndexNumber) = await SearchAsync(_client, indexNumber);
        Assert.Equal([url], HitUrls(byIndexNumber));
        Assert.Contains(indexNumber, byIndexNumber.QuerySelector(".hit-meta .hit-index").Text(), StringComparison.Ordinal);

        // And a demo record by its 索引号: the migration's backfill and the seeder's triggers indexed it.
        var demo = await (from v in db.RecordVersions
                          join r in db.Records on v.RecordId equals r.Id
                          where v.IsPublished && r.IndexNumber != null
                          orderby v.Id
                          select new { v.RecordId, r.IndexNumber }).Skip(17).FirstAsync();
        var (_, demoHit) = await SearchAsync(_client, demo.IndexNumber!);
        Assert.Equal([$"/records/{demo.RecordId}"], HitUrls(demoHit));
    }

    [Fact]
    public async Task SeveralWords_MustAllBeFound_AnywhereInTheEntry()
    {
        var a = Marker();
        var b = Marker();
        await using var db = factory.NewDbContext();
        var (both, _) = await new RecordBuilder(db, factory.Clock).Titled($"{a}的通知").WithBody($"正文提到{b}。").Published().SaveAsync();
        await new RecordBuilder(db, factory.Clock).Titled($"{a}的另一则通知").WithBody("正文没有第二个词。").Published().SaveAsync();

        var (_, doc) = await SearchAsync(_client, $"{a} {b}");
        Assert.Equal([$"/records/{both.Id}"], HitUrls(doc));
        var (_, shortAndLong) = await SearchAsync(_client, $"{a} 提到");
        Assert.Equal([$"/records/{both.Id}"], HitUrls(shortAndLong));
    }

    [Fact]
    public async Task ShortWords_AreFoundInEveryColumn_IgnoringCase()
    {
        // Words of one or two characters are answered by the index like any other (issue 22): a pair of 汉字 is a token,
        // one 汉字 a prefix of one, letters are matched ignoring their case. Newest first, the record just published is the first hit.
        var serial = Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        await using var db = factory.NewDbContext();
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"{Marker()}关于Qz标准的说明")
            .WithBody("本段提到甴曱两字。").WithDocumentNumber($"青建发〔2032〕{serial}号").Published().SaveAsync();
        var url = $"/records/{record.Id}";
        foreach (var q in new[] { "Qz", "qZ", "QZ", "ＱＺ", "甴曱", "曱", "号" })
        {
            var (response, doc) = await SearchAsync(_client, q, "&sort=date");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(url, HitUrls(doc).First());
        }
    }

    [Fact]
    public async Task AShortWord_FindsOldRecords_BehindManyNewerOnes()
    {
        // The old short-word window (only the newest 10,000 entries were read) is gone: an index answers every word.
        var word = Marker(2);
        await using var db = factory.NewDbContext();
        var (old, _) = await new RecordBuilder(db, factory.Clock).Titled($"{word}旧公告").Published().SaveAsync();
        for (var i = 0; i < 6; i++) await new RecordBuilder(db, factory.Clock).Titled($"{Marker()}较新的信息{i}").Published().SaveAsync();
        var (response, found) = await SearchAsync(_client, word);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"/records/{old.Id}"], HitUrls(found));
        Assert.Equal(1, Total(found));
        Assert.Null(found.QuerySelector(".window-hint"));
    }

    [Fact]
    public async Task ManyMatches_AreCountedInFull_TheNewestListed_AndThePageSaysSo()
    {
        await using var db = factory.NewDbContext();
        var all = await db.SearchEntries.CountAsync(e => e.Title.Contains("通知") || e.Body.Contains("通知") || (e.DocumentNumber != null && e.DocumentNumber.Contains("通知")));
        Assert.True(all > 3);
        // Too many for the facets to count every match (Search:FacetedResults), as at a million records: the total comes
        // from the index (Facets_BeyondTheListed… covers the count the facets make when they are fewer).
        await using var bounded = factory.WithWebHostBuilder(b => b.UseSetting("Search:ListedResults", "3").UseSetting("Search:FacetedResults", "2").UseSetting("OutputCache:Enabled", "false"));
        var client = bounded.CreateClient(new() { AllowAutoRedirect = false });
        var (_, doc) = await SearchAsync(client, "通知", "&sort=date");
        if (factory.Db == TestDb.Sqlite) Assert.Equal(all, Total(doc)); // counted from the index
        else
        {
            // PostgreSQL estimates beyond the listed (counting would read every matching row): "约 N 条", N at least 4.
            var estimate = System.Text.RegularExpressions.Regex.Match(doc.QuerySelector("#results-title").Text(), @"约 (\d+) 条");
            Assert.True(estimate.Success && int.Parse(estimate.Groups[1].Value, CultureInfo.InvariantCulture) >= 4, doc.QuerySelector("#results-title").Text());
        }
        Assert.Equal(3, HitUrls(doc).Count);
        Assert.Contains("只列出最新的 3 条", doc.QuerySelector("#results-title + .hint, .panel .hint")!.Text(), StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task Facets_CountEveryMatchByEachFilter_AndEachLinkNarrowsToItsCount()
    {
        const string word = "补助";
        var entries = await MatchingEntriesAsync(word);
        Assert.True(entries.Select(e => e.DomainId).Distinct().Count() > 1, "the word should span several domains");
        var expected = await ExpectedFacetsAsync(entries);

        var (_, doc) = await SearchAsync(_client, word);
        Assert.Equal(entries.Count, Total(doc));
        var shown = Facets(doc);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
        AssertFacets(expected, shown);
        Assert.Null(doc.QuerySelector(".search-facets .hint")); // counted over every match: no "newest N" note

        // Each group's first value narrows the search to exactly its count; the value is then marked chosen, and its
        // link takes the filter off again, back to the whole set.
        foreach (var (group, values) in shown)
        {
            var first = values[0];
            var (response, narrowed) = await Html.GetAsync(_client, first.Url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(first.Count, Total(narrowed));
            var chosen = Facets(narrowed)[group].Single(v => v.Selected);
            Assert.Equal(first.Label, chosen.Label);
            Assert.Equal(first.Count, chosen.Count);
            var (_, back) = await Html.GetAsync(_client, chosen.Url);
            Assert.Equal(entries.Count, Total(back));
        }
    }

    [Fact]
    public async Task Facets_BeyondTheListed_CountEveryMatchUpToTheLimit_ThenOnlyTheListed()
    {
        const string word = "通知";
        var entries = await MatchingEntriesAsync(word);
        Assert.True(entries.Count > 3);
        var expected = await ExpectedFacetsAsync(entries);

        // Three listed, a hundred thousand counted: every match is counted (and the total is exact, on PostgreSQL too).
        await using (var counted = factory.WithWebHostBuilder(b => b.UseSetting("Search:ListedResults", "3").UseSetting("Search:FacetedResults", "100000").UseSetting("OutputCache:Enabled", "false")))
        {
            var (_, doc) = await SearchAsync(counted.CreateClient(new() { AllowAutoRedirect = false }), word);
            Assert.Equal(3, HitUrls(doc).Count);
            Assert.Equal(entries.Count, Total(doc));
            Assert.Null(doc.QuerySelector(".search-facets .hint"));
            var shown = Facets(doc);
            AssertFacets(expected, shown);
        }

        // Three listed, two counted: the facets count the three listed (the newest), and say so.
        await using (var listed = factory.WithWebHostBuilder(b => b.UseSetting("Search:ListedResults", "3").UseSetting("Search:FacetedResults", "2").UseSetting("OutputCache:Enabled", "false")))
        {
            var (_, doc) = await SearchAsync(listed.CreateClient(new() { AllowAutoRedirect = false }), word, "&sort=date");
            Assert.Contains("按最新的 3 条结果统计", doc.QuerySelector(".search-facets .hint")!.Text(), StringComparison.Ordinal);
            var newest = await ExpectedFacetsAsync([.. entries.OrderByDescending(e => e.PublishedOn).ThenByDescending(e => e.VersionId).Take(3)]);
            var shown = Facets(doc);
            Assert.Equal(newest.Keys.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
            AssertFacets(newest, shown);
        }
    }

    [Fact]
    public async Task ConsultationsAndGuides_AreFoundWithTheirKind_OnlyWhilePublic_AndTheKindFilterKeepsThem()
    {
        var tag = Marker();
        var today = factory.Clock.Today();
        var now = factory.Clock.GetUtcNow();
        int guideId, consultationId, futureId, draftGuideId;
        await using (var db = factory.NewDbContext())
        {
            var item = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active).OrderBy(i => i.Id).FirstAsync();
            GuideDraft Guide(string name) => new()
            {
                DomainId = item.DomainId, Name = name, LegalBasis = "《社会救助暂行办法》", Conditions = $"{tag}户籍居民",
                Situations = [new("本人申请", [new("身份证", MaterialForm.Original, 1)])], Steps = [new("窗口", "受理", null)],
                TimeLimit = "5个工作日", Fees = "不收费", PlaceAndHours = "政务服务中心", ConsultationPhone = "1", ComplaintPhone = "2",
            };
            var guide = ServiceGuide.Create(item.DepartmentId, Guide($"{tag}补助申领"), "测试", null, now);
            guide.Submit("测试", null, now);
            guide.Approve(today, "审核", null, now);
            var draft = ServiceGuide.Create(item.DepartmentId, Guide($"{tag}草稿指南"), "测试", null, now);
            draft.Submit("测试", null, now);
            Consultation Approved(DateOnly starts, string title)
            {
                var c = Consultation.Create(item.DepartmentId, ConsultationSamples.Draft(item.Id, item.DomainId, starts, starts.AddDays(30), title), "编辑", null, now);
                c.Submit(today.AddDays(-10), "编辑", null, now);
                c.Approve(today.AddDays(-9), "审核", null, now);
                return c;
            }
            var open = Approved(today.AddDays(-3), $"关于{tag}的征求意见");
            var future = Approved(today.AddDays(3), $"{tag}下月开始的征集");
            db.AddRange(guide, draft, open, future);
            await db.SaveChangesAsync();
            (guideId, consultationId, futureId, draftGuideId) = (guide.Id, open.Id, future.Id, draft.Id);

            // A change to the public guide, awaiting review: the public one stays the only entry.
            db.ServiceGuides.Add(ServiceGuide.Revise(guide, Guide($"{tag}补助申领（变更）"), "测试", null, now));
            await db.SaveChangesAsync();
        }

        var (_, doc) = await SearchAsync(_client, tag);
        Assert.Equal([$"/consultations/{consultationId}", $"/guides/{guideId}"], HitUrls(doc).Order(StringComparer.Ordinal));
        var badges = doc.QuerySelectorAll(".search-hit").ToDictionary(h => h.QuerySelector(".hit-title a")!.GetAttribute("href")!, h => h.QuerySelector(".badge")!.Text());
        Assert.Equal("民意征集", badges[$"/consultations/{consultationId}"]);
        Assert.Equal("办事指南", badges[$"/guides/{guideId}"]);
        Assert.Equal(
            [KeyValuePair.Create("consultation", 1), KeyValuePair.Create("guide", 1)],
            CountsOf(Facets(doc)["kind"]));

        var (_, guides) = await SearchAsync(_client, tag, "&kind=guide");
        Assert.Equal([$"/guides/{guideId}"], HitUrls(guides));
        var (_, consultations) = await SearchAsync(_client, tag, "&kind=consultation");
        Assert.Equal([$"/consultations/{consultationId}"], HitUrls(consultations));
        var (response, records) = await SearchAsync(_client, tag, $"&kind={(int)RecordKind.Notice}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(HitUrls(records));

        // Each link opens the public page; the draft guide and the consultation not yet open are not public.
        foreach (var url in HitUrls(doc)) Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/guides/{draftGuideId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/consultations/{futureId}")).StatusCode);

        // The change approved: the public guide is found as changed, still once; the change itself is not public.
        await using (var db = factory.NewDbContext())
        {
            var change = await db.ServiceGuides.SingleAsync(g => g.RevisionOfId == guideId);
            var published = await db.ServiceGuides.SingleAsync(g => g.Id == guideId);
            change.Submit("测试", null, now);
            change.ApproveChange(published, today, "审核", null, now);
            await db.SaveChangesAsync();
        }
        var (_, after) = await SearchAsync(_client, tag, "&kind=guide");
        Assert.Equal([$"/guides/{guideId}"], HitUrls(after));
        Assert.Contains("（变更）", after.QuerySelector(".search-hit .hit-title")!.Text(), StringComparison.Ordinal);
    }

    /// <summary>The facets a set of entries should show: group → the value its link sets → how many entries have it.</summary>
    private async Task<Dictionary<string, Dictionary<string, int>>> ExpectedFacetsAsync(List<Entry> entries)
    {
        await using var db = factory.NewDbContext();
        var domains = await db.Domains.ToDictionaryAsync(d => d.Id, d => d.Code);
        var stages = await db.Stages.ToDictionaryAsync(s => s.Id, s => s.Code);
        static Dictionary<string, int> Count(IEnumerable<string> values) => values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        static string Code(int n) => n.ToString(CultureInfo.InvariantCulture);
        var all = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal)
        {
            ["domain"] = Count(entries.Where(e => e.DomainId != 0).Select(e => domains[e.DomainId])),
            ["stage"] = Count(entries.Where(e => e.StageId != 0).Select(e => stages[e.StageId])),
            ["department"] = Count(entries.Where(e => e.DepartmentId != 0).Select(e => Code(e.DepartmentId))),
            ["kind"] = Count(entries.Select(e => e.Kind is { } k ? Code((int)k) : e.Other!)),
            ["year"] = Count(entries.Where(e => e.PublishedOn is not null).Select(e => Code(e.PublishedOn!.Value.Year))),
            ["validity"] = Count(entries.Where(e => e.Validity is not null).Select(e => Code((int)e.Validity!.Value))),
        };
        return all.Where(g => g.Value.Count > 0).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
    }

    private sealed record FacetLink(string? Value, string Label, int Count, string Url, bool Selected);

    /// <summary>Every group expected is shown with exactly the expected count for each value.</summary>
    private static void AssertFacets(Dictionary<string, Dictionary<string, int>> expected, Dictionary<string, List<FacetLink>> shown)
    {
        foreach (var (group, counts) in expected)
            Assert.Equal(counts.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(), CountsOf(shown[group]));
    }

    private static List<KeyValuePair<string, int>> CountsOf(List<FacetLink> values) =>
        [.. values.Select(v => KeyValuePair.Create(v.Value ?? v.Label, v.Count)).OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>The facets shown: group → its values, each the value its link sets (a year: its from date's year), its count and link.</summary>
    private static Dictionary<string, List<FacetLink>> Facets(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll(".search-facets .facet-group").ToDictionary(
            g => g.QuerySelector("h3")!.Id!["facet-".Length..],
            g => g.QuerySelectorAll("li").Select(li =>
            {
                var href = li.QuerySelector("a")!.GetAttribute("href")!;
                var count = int.Parse(li.QuerySelector(".facet-count")!.Text(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var key = g.QuerySelector("h3")!.Id!["facet-".Length..];
                var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), href).Query);
                var selected = li.ClassList.Contains("facet-selected");
                // A chosen value's link takes its filter off: the value is the one set on the page's own URL instead.
                string? Set(string k) => query.TryGetValue(k, out var v) ? v.ToString() : null;
                var value = selected ? null : key == "year" ? Set("from")?[..4] : Set(key);
                var label = li.QuerySelector(selected ? "strong" : "a > span:first-child")!.Text();
                return new FacetLink(value, label, count, href, selected);
            }).ToList(),
            StringComparer.Ordinal);

    [Fact]
    public async Task NothingFound_SuggestsFewerWords_NoFilters_OrTwoWords_AndEachSuggestionFinds()
    {
        var a = Marker();
        var b = Marker();
        await using var db = factory.NewDbContext();
        var (first, _) = await new RecordBuilder(db, factory.Clock).Titled($"关于{a}的通知").WithBody("正文。").Published().SaveAsync();
        await new RecordBuilder(db, factory.Clock).Titled($"关于{b}的公告").WithBody("正文。").Published().SaveAsync();

        // Two words never in one entry: each alone is suggested, and following the first finds its record.
        var (response, none) = await SearchAsync(_client, $"{a} {b}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(HitUrls(none));
        var links = none.QuerySelectorAll(".search-suggestions a").Select(l => (Text: l.Text(), Href: l.GetAttribute("href")!)).ToList();
        Assert.Equal([$"只搜索“{a}”", $"只搜索“{b}”"], links.Select(l => l.Text));
        var (_, followed) = await Html.GetAsync(_client, links[0].Href);
        Assert.Equal([$"/records/{first.Id}"], HitUrls(followed));

        // A filter that leaves nothing: the same words without it, which finds the record.
        var (_, filtered) = await SearchAsync(_client, a, "&kind=item");
        var drop = filtered.QuerySelectorAll(".search-suggestions a").Single(l => l.Text().StartsWith("去掉筛选条件", StringComparison.Ordinal));
        var (_, unfiltered) = await Html.GetAsync(_client, drop.GetAttribute("href")!);
        Assert.Equal([$"/records/{first.Id}"], HitUrls(unfiltered));

        // A long word that stands nowhere as typed: in two halves (the halves need not stand together).
        var (_, halves) = await SearchAsync(_client, a + b);
        Assert.Equal($"分成两个词搜索：“{a} {b}”", halves.QuerySelector(".search-suggestions a").Text());
    }

    public static TheoryData<string> Filters => ["domain", "stage", "department", "kind", "interpretation", "item", "validity", "dates"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilter_ListsExactlyTheMatchingEntries(string filter)
    {
        // Both ways of matching: 危房改造 through the full-text index, 通知 (two characters) through the fallback.
        foreach (var word in new[] { "危房改造", "通知", "补助" })
        {
            var entries = await MatchingEntriesAsync(word);
            Assert.NotEmpty(entries);
            var (query, keep) = await FilterAsync(filter, entries);
            var expected = entries.Where(keep).Select(e => e.Url).Order(StringComparer.Ordinal).ToList();
            if (expected.Count == 0) continue;
            var found = await AllHitUrlsAsync(_client, "/search?q=" + Uri.EscapeDataString(word) + query);
            Assert.Equal(expected, found.Order(StringComparer.Ordinal).ToList());
            Assert.Equal(found.Count, found.Distinct().Count());
            var (_, first) = await Html.GetAsync(_client, "/search?q=" + Uri.EscapeDataString(word) + query);
            Assert.Equal(expected.Count, Total(first));
            return;
        }
        Assert.Fail($"no demo entry fits the {filter} filter");
    }

    [Fact]
    public async Task Relevance_PutsTitleMatchesFirst_DateSort_NewestFirst()
    {
        var m = Marker();
        await using var db = factory.NewDbContext();
        var (inTitle, _) = await new RecordBuilder(db, factory.Clock).Titled($"关于{m}的通知").WithBody("正文。").PublishedOn(new DateOnly(2025, 3, 3)).SaveAsync();
        var (inBody, _) = await new RecordBuilder(db, factory.Clock).Titled("一则较新的通知").WithBody($"正文提到{m}。").PublishedOn(new DateOnly(2026, 3, 3)).SaveAsync();
        var (inBodyOld, _) = await new RecordBuilder(db, factory.Clock).Titled("一则较旧的通知").WithBody($"正文也提到{m}。").PublishedOn(new DateOnly(2024, 3, 4)).SaveAsync();

        var (_, relevance) = await SearchAsync(_client, m);
        Assert.Equal([$"/records/{inTitle.Id}", $"/records/{inBody.Id}", $"/records/{inBodyOld.Id}"], HitUrls(relevance));
        var (_, byDate) = await SearchAsync(_client, m, "&sort=date");
        Assert.Equal([$"/records/{inBody.Id}", $"/records/{inTitle.Id}", $"/records/{inBodyOld.Id}"], HitUrls(byDate));

        var (_, many) = await SearchAsync(_client, "通知", "&sort=date");
        var dates = many.QuerySelectorAll(".search-hit .hit-meta time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.True(dates.Count >= 10);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Relevance_FixesTheOrderOfAKnownSet_ItemsRankedWithRecords_PhrasesFirst()
    {
        // Issue 22: BM25 (SQLite) and ts_rank_cd (PostgreSQL) with the title above 文号 above the body, the catalogue
        // ranked with the records, and the words standing together as typed above the same words scattered.
        var m = Marker();
        var serial = Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture);
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == HousingOrganisationCode);
        var domain = await db.Domains.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
        var stage = await db.Stages.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
        var item = CatalogueItem.Create(new CatalogueItemElements
        {
            NameLevel1 = "排序测试", NameLevel2 = $"{m}补助", Content = "事项内容。", Basis = "《中华人民共和国政府信息公开条例》",
            TimeLimitText = "信息形成之日起20个工作日内", TimeLimit = new TimeLimitRule(TimeLimitKind.WorkingDaysAfterFormed, 20),
            Method = DisclosureMethod.Proactive, Channels = DisclosureChannels.GovernmentWebsite, Audience = Audience.Public,
            Level = AdministrativeLevel.County, Frequency = UpdateFrequency.RealTime,
        }, housing.Id, domain, stage, factory.Clock.GetUtcNow());
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        var filler = string.Concat(Enumerable.Repeat("本通知自发布之日起施行，有关单位应当认真贯彻落实。", 30));
        // Oldest first, so that date order is the reverse of the relevance order below (except the item, which has no date).
        var (bodyOnce, _) = await new RecordBuilder(db, factory.Clock).Titled("关于做好年度工作的通知").WithBody($"{filler}{m}。{filler}")
            .PublishedOn(new DateOnly(2024, 1, 5)).SaveAsync();
        var (bodyOften, _) = await new RecordBuilder(db, factory.Clock).Titled("关于加强管理的意见").WithBody($"{m}的范围。{m}的标准。{m}的程序。")
            .PublishedOn(new DateOnly(2024, 6, 5)).SaveAsync();
        var (docNo, _) = await new RecordBuilder(db, factory.Clock).Titled("关于印发实施办法的通知").WithBody("正文。")
            .WithDocumentNumber($"{m}发〔2031〕{serial}号").PublishedOn(new DateOnly(2025, 1, 5)).SaveAsync();
        var (title, _) = await new RecordBuilder(db, factory.Clock).Titled($"{m}实施方案").WithBody("正文。")
            .PublishedOn(new DateOnly(2025, 6, 5)).SaveAsync();
        static string R(DisclosurePortal.Domain.Publishing.Record r) => $"/records/{r.Id}";
        var itemUrl = $"/items/{item.Id}";

        var (_, relevance) = await SearchAsync(_client, m);
        var order = HitUrls(relevance);
        Assert.Equal(5, order.Count);
        Assert.Equal(new[] { R(title), itemUrl }.Order(StringComparer.Ordinal), order.Take(2).Order(StringComparer.Ordinal)); // both in the title
        Assert.Equal([R(docNo), R(bodyOften), R(bodyOnce)], order.Skip(2));

        var (_, byDate) = await SearchAsync(_client, m, "&sort=date");
        Assert.Equal([R(title), R(docNo), R(bodyOften), R(bodyOnce), itemUrl], HitUrls(byDate));

        // Two words: the entry where they stand together (in its body) before the one with both in its title, apart.
        var n = Marker();
        var (apart, _) = await new RecordBuilder(db, factory.Clock).Titled($"{n}与{m}的说明").WithBody("正文。").PublishedOn(new DateOnly(2025, 9, 1)).SaveAsync();
        var (together, _) = await new RecordBuilder(db, factory.Clock).Titled("关于有关事项的说明").WithBody($"正文提到{n}{m}。").PublishedOn(new DateOnly(2024, 9, 1)).SaveAsync();
        var (_, phrase) = await SearchAsync(_client, $"{n} {m}");
        Assert.Equal([R(together), R(apart)], HitUrls(phrase));
    }

    [Fact]
    public async Task Pages_AreStable_AndThePagerKeepsTheQueryAndFilters()
    {
        const string more = "&domain=rural-dilapidated-housing&sort=date";
        var (_, first) = await SearchAsync(_client, "危房", more);
        var total = Total(first)!.Value;
        Assert.True(total > 20, $"{total} results: not enough for two pages");
        Assert.Equal(20, HitUrls(first).Count);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("q=%E5%8D%B1%E6%88%BF", next, StringComparison.Ordinal);
        Assert.Contains("domain=rural-dilapidated-housing", next, StringComparison.Ordinal);
        Assert.Contains("sort=date", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);

        var all = await AllHitUrlsAsync(_client, "/search?q=" + Uri.EscapeDataString("危房") + more);
        Assert.Equal(total, all.Count);
        Assert.Equal(total, all.Distinct().Count());
        Assert.Equal(all, await AllHitUrlsAsync(_client, "/search?q=" + Uri.EscapeDataString("危房") + more)); // the same order again

        var relevance = await AllHitUrlsAsync(_client, "/search?q=" + Uri.EscapeDataString("危房") + "&domain=rural-dilapidated-housing");
        Assert.Equal(all.Order(StringComparer.Ordinal), relevance.Order(StringComparer.Ordinal));

        var pastTheEnd = await _client.GetAsync("/search?q=" + Uri.EscapeDataString("危房") + more + "&page=99");
        Assert.Equal(HttpStatusCode.NotFound, pastTheEnd.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/search?q=x&page=abc")).StatusCode);
    }

    [Fact]
    public async Task Snippets_MarkTheWords_AndShowMarkupFromTheDataAsText()
    {
        var m = Marker();
        await using var db = factory.NewDbContext();
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"<b>{m}</b> 测试 <i>标题</i>")
            .WithBody($"<script>alert('x')</script> 开头。{new string('甲', 300)}其中写到{m}和<img src=x onerror=alert(1)>。").Published().SaveAsync();

        var (_, doc) = await SearchAsync(_client, m);
        var hit = doc.QuerySelector(".search-hit")!;
        Assert.Equal($"/records/{record.Id}", hit.QuerySelector(".hit-title a")!.GetAttribute("href"));
        Assert.Empty(hit.QuerySelectorAll("b, i, script, img"));
        Assert.Equal(m, hit.QuerySelector(".hit-title mark").Text());
        Assert.Equal($"<b>{m}</b> 测试 <i>标题</i>", hit.QuerySelector(".hit-title a").Text());
        var snippet = hit.QuerySelector(".hit-snippet")!;
        Assert.Equal(m, snippet.QuerySelector("mark").Text());
        Assert.Contains("<img src=x", snippet.TextContent, StringComparison.Ordinal); // shown as text
        Assert.StartsWith("…", snippet.Text(), StringComparison.Ordinal); // the window around the word, not the opening
        Assert.True(snippet.Text().Length < 200);
    }

    [Fact]
    public async Task Drafts_Submitted_Withheld_Withdrawn_AndReplacedVersions_AreNeverFound()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var item = await HousingItemAsync(factory);

        // A draft (test helper) and a draft through the form.
        var m = Marker();
        long helperDraft;
        await using (var db = factory.NewDbContext())
            helperDraft = (await new RecordBuilder(db, factory.Clock).Titled($"草稿{m}").WithBody($"草稿正文{m}").SaveAsync()).Record.Id;
        var draft = await CreateDraftAsync(editor, item.Id, $"表单草稿{m}", $"正文{m}");
        Assert.Empty(HitUrls((await SearchAsync(_client, m)).Document));

        // Submitted, then 不予公开.
        await SubmitAsync(editor, draft);
        Assert.Empty(HitUrls((await SearchAsync(_client, m)).Document));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, draft), "withhold", "涉及第三方商业秘密", attribute: "2")).StatusCode);
        Assert.Empty(HitUrls((await SearchAsync(_client, m)).Document));
        // The fallback reads the same index. Its two characters may begin another test's marker, so only these records must be absent.
        var byPrefix = HitUrls((await SearchAsync(_client, m[..2])).Document);
        Assert.DoesNotContain($"/records/{draft}", byPrefix);
        Assert.DoesNotContain($"/records/{helperDraft}", byPrefix);

        // Published, then withdrawn: gone from the results at once.
        var w = Marker();
        var published = await CreateDraftAsync(editor, item.Id, $"将被撤回的通知{w}", $"正文{w}");
        await SubmitAsync(editor, published);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, published), "approve")).StatusCode);
        Assert.Equal([$"/records/{published}"], HitUrls((await SearchAsync(_client, w)).Document));
        var withdraw = await Browserish.PostFormAsync(reviewer, $"/manage/records/{published}", $"/review/records/{published}/withdraw", new() { ["reason"] = "内容有误" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Empty(HitUrls((await SearchAsync(_client, w)).Document));
        Assert.DoesNotContain($"/records/{published}", HitUrls((await SearchAsync(_client, w[..2])).Document));

        // Replaced by a newer published version: the old text is no longer found, the new one is.
        var oldWord = Marker();
        var newWord = Marker();
        var revised = await CreateDraftAsync(editor, item.Id, $"将被修订的通知{oldWord}", $"旧正文{oldWord}");
        await SubmitAsync(editor, revised);
        await DecideAsync(reviewer, await LatestVersionIdAsync(factory, revised), "approve");
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, $"/manage/records/{revised}", $"/manage/records/{revised}/new-version", [])).StatusCode);
        var edit = await Browserish.PostFormAsync(editor, $"/manage/records/{revised}/edit", $"/manage/records/{revised}/edit", new()
        {
            ["Title"] = $"修订后的通知{newWord}",
            ["IssuingOrgan"] = "青川县住房和城乡建设局",
            ["Validity"] = "1",
            ["DisclosureAttribute"] = "1",
            ["Body"] = $"新正文{newWord}",
            ["Version"] = await Browserish.InputValueAsync(editor, $"/manage/records/{revised}/edit", "Version"),
            ["Intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await SubmitAsync(editor, revised);
        Assert.Equal([$"/records/{revised}"], HitUrls((await SearchAsync(_client, oldWord)).Document)); // still the live version
        Assert.Empty(HitUrls((await SearchAsync(_client, newWord)).Document)); // the edit awaits review
        await DecideAsync(reviewer, await LatestVersionIdAsync(factory, revised), "approve");
        Assert.Empty(HitUrls((await SearchAsync(_client, oldWord)).Document));
        Assert.Equal([$"/records/{revised}"], HitUrls((await SearchAsync(_client, newWord)).Document));
    }

    [Fact]
    public async Task CatalogueItems_AreFound_LinkToTheirPage_AndFollowRevisionAndRetirement()
    {
        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active).OrderBy(i => i.Id).Skip(11).FirstAsync();
        var (_, byName) = await SearchAsync(_client, item.NameLevel2, "&kind=item");
        Assert.Contains($"/items/{item.Id}", HitUrls(byName));
        Assert.Equal("公开事项", byName.QuerySelector(".search-hit .hit-meta .badge").Text());

        var m = Marker();
        item.Revise(item.ToElements() with { Content = item.Content + $"（含{m}）" }, factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Equal([$"/items/{item.Id}"], HitUrls((await SearchAsync(_client, m)).Document));

        item.Retire("事项已合并", factory.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Empty(HitUrls((await SearchAsync(_client, m)).Document));
    }

    private static readonly string[] Hostile =
    [
        "", " ", "　", new string('a', 10_000), new string('危', 10_000), "\"", "*", "NEAR", "OR", "-", "'; DROP TABLE \"Records\"; --",
        "%_", "%", "_", "\\", "危房%", "危_改造", "\"危房\" OR *", "危房 NEAR/3 改造", "NEAR(危房 改造)", "危房 -改造", "^危房", "危房*",
        "Title:危房", "{Title Body}:危房", "(", ")", "危房)", "AND", "NOT 危房", "危房\u0000", "危房\n改造", "𠀀𠀁", "a b c d e f g h i j k",
        "；：，。！？", "<script>alert(1)</script>", "' OR '1'='1", "1; SELECT pg_sleep(5)",
    ];

    /// <summary>By position: some of the queries (control characters, 10,000 characters) do not belong in a test name.</summary>
    public static TheoryData<int> HostileQueries => [.. Enumerable.Range(0, Hostile.Length)];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task HostileQueries_GetAChineseMessageOrAPage_NeverA500(int index)
    {
        var q = Hostile[index];
        var (response, doc) = await SearchAsync(_client, q);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {q[..Math.Min(q.Length, 30)]}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", doc.QuerySelector(".field-error").Text());
        else
            Assert.NotNull(doc.QuerySelector("#results-title"));
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/search?q=%ED%A0%80%E5%8D%B1%E6%88%BF")] // a lone surrogate, as UTF-8 bytes
    [InlineData("/search?q=%FF%FE")]
    [InlineData("/search?q=%E5%8D%B1&q=%E6%88%BF")]
    [InlineData("/search?q[]=x")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF&page=0")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF&page=100001")]
    [InlineData("/search?q=%E5%8D%B1%E6%88%BF&domain=%27%3B--&kind=%25")]
    public async Task MalformedRequests_GetAChineseAnswer_NeverA500(string url)
    {
        var (response, doc) = await Html.GetAsync(_client, url);
        Assert.True((int)response.StatusCode is 200 or 400 or 404, $"{(int)response.StatusCode} for {url}");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", doc.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task QuerySyntaxAndWildcards_AreLiteralText()
    {
        // Wildcards and operators are only separators, as every other symbol (issue 22): 危房% and 危房改造* find what
        // 危房 and 危房改造 find, no more; OR is a word like any other.
        var plain = Total((await SearchAsync(_client, "危房")).Document);
        Assert.True(plain > 0);
        Assert.Equal(plain, Total((await SearchAsync(_client, "危房%")).Document));
        Assert.Equal(plain, Total((await SearchAsync(_client, "%危房_")).Document));
        Assert.Equal(Total((await SearchAsync(_client, "危房改造")).Document), Total((await SearchAsync(_client, "危房改造*")).Document));
        Assert.Equal(0, Total((await SearchAsync(_client, "\"危房改造\" OR")).Document));

        // Text that looks like syntax is found as text.
        var m = Marker();
        await using var db = factory.NewDbContext();
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"{m} NEAR \"引号\" 100%_达标 a*b").Published().SaveAsync();
        foreach (var q in new[] { $"{m} NEAR", "100%_达标", "a*b", $"{m} \"引号\"" })
            Assert.Equal([$"/records/{record.Id}"], HitUrls((await SearchAsync(_client, q)).Document));
    }

    [Fact]
    public async Task BadFilters_AreExplainedBesideTheirField()
    {
        foreach (var (more, field) in new[]
                 {
                     ("&domain=nowhere", "domain"), ("&stage=x", "stage"), ("&department=abc", "department"), ("&department=99999", "department"),
                     ("&kind=99", "kind"), ("&kind=-1", "kind"), ("&validity=0", "validity"), ("&from=2026-02-30", "from"),
                     ("&to=yesterday", "to"), ("&from=2026-05-01&to=2026-01-01", "to"), ("&sort=random", "sort"),
                 })
        {
            var (response, doc) = await SearchAsync(_client, "危房", more);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", doc.GetElementById($"error-{field}").Text());
            Assert.Equal("true", doc.QuerySelector($"[name={field}]")!.GetAttribute("aria-invalid"));
        }
    }

    [Fact]
    public async Task SearchPage_HasLabelledFilters_WithoutScripts_AndKeepsWhatWasChosen()
    {
        var (response, doc) = await SearchAsync(_client, "危房", "&domain=rural-dilapidated-housing&kind=2&validity=1&sort=date&from=2025-01-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(doc.QuerySelectorAll("script"));
        var form = doc.QuerySelector("main form.search-form[role=search][method=get][action='/search']")!;
        foreach (var name in new[] { "q", "domain", "stage", "department", "kind", "validity", "sort", "from", "to" })
        {
            var control = form.QuerySelector($"[name={name}]")!;
            Assert.NotNull(doc.QuerySelector($"label[for='{control.Id}']"));
        }
        Assert.Equal("rural-dilapidated-housing", form.QuerySelector("[name=domain] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2", form.QuerySelector("[name=kind] option[selected]")!.GetAttribute("value"));
        Assert.Equal("date", form.QuerySelector("[name=sort] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2025-01-01", form.QuerySelector("[name=from]")!.GetAttribute("value"));
        Assert.True(form.QuerySelector("details")!.HasAttribute("open"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/search")).StatusCode);
    }

    // ── what the search should find, worked out from the source tables ─────────────────────────────────────────

    private sealed record Entry(string Url, int DomainId, int StageId, int DepartmentId, RecordKind? Kind, Validity? Validity, DateOnly? PublishedOn)
    {
        /// <summary>The published version (records), which orders entries of one day.</summary>
        public int VersionId { get; init; }

        /// <summary>The kind's code in the URL when the entry is not a record (item, message, consultation, guide).</summary>
        public string? Other { get; init; }
    }

    private async Task<List<Entry>> MatchingEntriesAsync(string word)
    {
        await using var db = factory.NewDbContext();
        var records = await (from v in db.RecordVersions
                             join r in db.Records on v.RecordId equals r.Id
                             where v.IsPublished
                             select new { v.Id, v.RecordId, v.Title, v.DocumentNumber, r.IndexNumber, v.Body, v.DomainId, v.StageId, v.DepartmentId, v.Kind, v.Validity, v.PublishedOn })
            .ToListAsync();
        var items = await db.CatalogueItems.Where(i => i.Status == CatalogueItemStatus.Active).ToListAsync();
        return
        [
            .. records.Where(r => $"{r.Title} {r.DocumentNumber} {r.IndexNumber} {r.Body}".Contains(word, StringComparison.OrdinalIgnoreCase))
                .Where(r => r.DomainId != null) // column-only records are not indexed (issue 20 §3)
                .Select(r => new Entry($"/records/{r.RecordId}", r.DomainId!.Value, r.StageId!.Value, r.DepartmentId, r.Kind, r.Validity, r.PublishedOn) { VersionId = r.Id }),
            .. items.Where(i => $"{i.NameLevel1} · {i.NameLevel2} {i.Content} {i.Basis}".Contains(word, StringComparison.OrdinalIgnoreCase))
                .Select(i => new Entry($"/items/{i.Id}", i.DomainId, i.StageId, i.DepartmentId, null, null, null) { Other = "item" }),
            // The other public content (issue 22): published messages, consultations open or closed, published guides.
            .. (await db.Messages.Where(m => m.Published && m.PublicationConsent && m.State == Domain.Participation.MessageState.Answered).ToListAsync())
                .Where(m => $"{m.Subject} {m.Body} {m.Reply}".Contains(word, StringComparison.OrdinalIgnoreCase))
                .Select(m => new Entry($"/messages/{m.Id}", 0, 0, m.AssignedDepartmentId ?? 0, null, null, m.AnsweredOn) { Other = "message" }),
            .. (await db.Consultations.Where(c => c.State == ConsultationState.Approved || c.State == ConsultationState.FeedbackPublished).ToListAsync())
                .Where(c => c.StartsOn <= factory.Clock.Today() && $"{c.Title} {c.DraftingExplanation} {c.DraftBody}".Contains(word, StringComparison.OrdinalIgnoreCase))
                .Select(c => new Entry($"/consultations/{c.Id}", c.DomainId, 0, c.DepartmentId, null, null, c.StartsOn) { Other = "consultation" }),
            .. (await db.ServiceGuides.Where(g => g.State == GuideState.Published && g.RevisionOfId == null).ToListAsync())
                .Where(g => $"{g.Name} {g.Conditions} {g.LegalBasis} {g.TimeLimit} {g.Fees} {g.PlaceAndHours}".Contains(word, StringComparison.OrdinalIgnoreCase))
                .Select(g => new Entry($"/guides/{g.Id}", g.DomainId, 0, g.DepartmentId, null, null, g.PublishedOn) { Other = "guide" }),
        ];
    }

    /// <summary>The query string for a filter, with a value taken from the entries so that it keeps some and drops others.</summary>
    private async Task<(string Query, Func<Entry, bool> Keep)> FilterAsync(string filter, List<Entry> entries)
    {
        await using var db = factory.NewDbContext();
        static T MostCommon<T>(IEnumerable<T> values) => values.GroupBy(v => v).OrderByDescending(g => g.Count()).First().Key;
        switch (filter)
        {
            case "domain":
                var domainId = MostCommon(entries.Select(e => e.DomainId));
                var domain = await db.Domains.Where(d => d.Id == domainId).Select(d => d.Code).SingleAsync();
                return ($"&domain={domain}", e => e.DomainId == domainId);
            case "stage":
                var stageId = MostCommon(entries.Select(e => e.StageId));
                var stage = await db.Stages.Where(s => s.Id == stageId).Select(s => s.Code).SingleAsync();
                return ($"&stage={stage}", e => e.StageId == stageId);
            case "department":
                var departmentId = MostCommon(entries.Select(e => e.DepartmentId));
                return ($"&department={departmentId}", e => e.DepartmentId == departmentId);
            case "kind":
                var kind = MostCommon(entries.Where(e => e.Kind is not null).Select(e => e.Kind!.Value));
                return ($"&kind={(int)kind}", e => e.Kind == kind);
            case "interpretation":
                return ($"&kind={(int)RecordKind.PolicyInterpretation}", e => e.Kind == RecordKind.PolicyInterpretation);
            case "item":
                return ("&kind=item", e => e.Url.StartsWith("/items/", StringComparison.Ordinal));
            case "validity":
                return ($"&validity={(int)Validity.Expired}", e => e.Validity == Validity.Expired);
            default:
                var dates = entries.Where(e => e.PublishedOn is not null).Select(e => e.PublishedOn!.Value).Order().ToList();
                var (from, to) = (dates[dates.Count / 4], dates[dates.Count * 3 / 4]);
                return ($"&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", e => e.PublishedOn >= from && e.PublishedOn <= to);
        }
    }
}

public sealed class SearchOnSqlite(SqlitePortal factory) : SearchTests(factory), IClassFixture<SqlitePortal>;

public sealed class SearchOnPostgres(PostgresPortal factory) : SearchTests(factory), IClassFixture<PostgresPortal>;
