using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Search.SearchSupport;

namespace DisclosurePortal.Web.Tests.Search;

/// <summary>
/// 同义词 (issue 22): the seeded groups and the ones an administrator adds widen a search to the other words of the
/// group, the page says which, the results mark them; a word belongs to one group; bad input is explained, kept, 4xx.
/// </summary>
public abstract class SynonymTests(PortalFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task ASeededSynonym_FindsThePolicyInItsFullName_AndThePageSaysSo()
    {
        var m = Marker();
        await using var db = factory.NewDbContext();
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"{m}最低生活保障对象名单公示").WithBody("正文。").Published().SaveAsync();

        var (response, doc) = await SearchAsync(_client, $"{m} 低保");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"/records/{record.Id}"], HitUrls(doc));
        Assert.Equal("同时搜索了：最低生活保障", doc.QuerySelector(".synonyms-hint").Text());
        Assert.Contains("最低生活保障</mark>对象", doc.QuerySelector(".search-hit .hit-title a")!.InnerHtml, StringComparison.Ordinal); // marked like the words typed

        // And the other way round: the full name finds the record that says 低保.
        var (other, _) = await new RecordBuilder(db, factory.Clock).Titled($"{m}低保资金发放情况").WithBody("正文。").Published().SaveAsync();
        var (_, reverse) = await SearchAsync(_client, $"{m} 最低生活保障", "&sort=date");
        Assert.Equal([$"/records/{other.Id}", $"/records/{record.Id}"], HitUrls(reverse));
        Assert.Equal("同时搜索了：低保", reverse.QuerySelector(".synonyms-hint").Text());
    }

    [Fact]
    public async Task AnAdministrator_AddsAndDeletesAGroup_ASharedWordIsRefused_BadInputIsKept()
    {
        var a = Marker(2);
        var b = Marker(6);
        await using var db = factory.NewDbContext();
        var (record, _) = await new RecordBuilder(db, factory.Clock).Titled($"关于{b}的通知").WithBody("正文。").Published().SaveAsync();
        Assert.Empty(HitUrls((await SearchAsync(_client, a)).Document));

        var admin = await Browserish.SignedInAsync(factory, "admin");
        var added = await Browserish.PostFormAsync(admin, "/admin/search-synonyms", "/admin/search-synonyms", new() { ["Words"] = $"{a}，{b}" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, list) = await Html.GetAsync(admin, "/admin/search-synonyms");
        Assert.Contains($"{a} {b}", list.QuerySelector("table.staff-table").Text(), StringComparison.Ordinal);
        var (_, found) = await SearchAsync(_client, a);
        Assert.Equal([$"/records/{record.Id}"], HitUrls(found));
        Assert.Equal($"同时搜索了：{b}", found.QuerySelector(".synonyms-hint").Text());

        // A word already in a group: 409, the reason beside the field, what was typed kept.
        var shared = await Browserish.PostFormAsync(admin, "/admin/search-synonyms", "/admin/search-synonyms", new() { ["Words"] = $"{b} 另一个词" });
        Assert.Equal(HttpStatusCode.Conflict, shared.StatusCode);
        var sharedPage = await Html.ParseAsync(shared);
        Assert.Contains("已在另一组同义词中", sharedPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{b} 另一个词", sharedPage.QuerySelector("input[name=Words]")!.GetAttribute("value"));
        // One word only, or symbols: 400 with a Chinese message.
        foreach (var bad in new[] { "低保", "☆ ★", new string('长', 25) + " 短" })
        {
            var refused = await Browserish.PostFormAsync(admin, "/admin/search-synonyms", "/admin/search-synonyms", new() { ["Words"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await Html.ParseAsync(refused);
            Assert.Equal(bad, page.QuerySelector("input[name=Words]")!.GetAttribute("value"));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", page.QuerySelector(".field-error, .error-summary").Text());
        }

        // Deleted: the word stands for itself again. Both changes are in the audit trail.
        var group = await db.SearchSynonyms.AsNoTracking().SingleAsync(g => g.Terms == $"{a} {b}");
        var removed = await Browserish.PostFormAsync(admin, "/admin/search-synonyms", $"/admin/search-synonyms/{group.Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(HitUrls((await SearchAsync(_client, a + " ")).Document)); // the trailing space: another URL than the search cached above
        var actions = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "SynonymGroup" && e.EntityId == group.Id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Equal(["search-synonym.add", "search-synonym.remove"], actions.Order());
    }
}

public sealed class SynonymsOnSqlite(SqlitePortal factory) : SynonymTests(factory), IClassFixture<SqlitePortal>;

public sealed class SynonymsOnPostgres(PostgresPortal factory) : SynonymTests(factory), IClassFixture<PostgresPortal>;
