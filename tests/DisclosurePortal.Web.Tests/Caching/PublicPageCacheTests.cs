using System.Globalization;
using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.ManageItems;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Caching.CacheSupport;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Caching;

/// <summary>
/// The output cache (ADR 16) against the real workflow: pages are warmed until they come from the cache, then a staff
/// action through the forms changes what they show, and the very next anonymous request must show the change.
/// </summary>
public abstract class PublicPageCacheTests(PortalFactory factory)
{
    [Fact]
    public async Task PublishReplaceWithdraw_EveryCachedPageShowingTheRecord_IsFreshAtOnce()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var anonymous = Browserish.NewClient(factory);
        var item = await HousingItemAsync(factory);
        string domain, stage;
        await using (var db = factory.NewDbContext())
        {
            domain = await db.Domains.Where(d => d.Id == item.DomainId).Select(d => d.Code).SingleAsync();
            stage = await db.Stages.Where(s => s.Id == item.StageId).Select(s => s.Code).SingleAsync();
        }
        var department = item.DepartmentId.ToString(CultureInfo.InvariantCulture);
        string[] lists =
        [
            "/", $"/domains/{domain}?stage={stage}", $"/items/{item.Id}", $"/departments/{department}",
            "/feeds/all.atom", $"/feeds/domains/{domain}.atom", $"/feeds/departments/{department}.atom",
        ];
        string[] counts = ["/departments", "/open-data"]; // records per department and domain
        var title = $"缓存发布测试 {Guid.NewGuid():N}";
        var id = await CreateDraftAsync(editor, item.Id, title);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        var record = $"/records/{id}";

        foreach (var url in lists) Assert.DoesNotContain(title, await WarmAsync(anonymous, url), StringComparison.Ordinal);
        var before = new Dictionary<string, string>();
        foreach (var url in counts) before[url] = await WarmAsync(anonymous, url);
        var unpublished = await FetchAsync(anonymous, record);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.Status);
        Assert.False((await FetchAsync(anonymous, record)).FromCache, "a 404 must never be cached");

        // Published at the last review: the very next anonymous request of every page shows it.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve")).StatusCode);
        Assert.Empty(await PagesWhereAsync(anonymous, lists, page => page.FromCache || !page.Body.Contains(title, StringComparison.Ordinal)));
        Assert.Empty(await PagesWhereAsync(anonymous, counts, (url, page) => page.FromCache || page.Body == before[url]));
        foreach (var url in counts) await WarmAsync(anonymous, url);
        Assert.Contains(title, await WarmAsync(anonymous, record), StringComparison.Ordinal);

        // A new version replaces the published one when it is approved: the cached record page and lists follow.
        var replaced = $"缓存替换测试 {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, $"/manage/records/{id}", $"/manage/records/{id}/new-version", [])).StatusCode);
        Assert.Contains(title, await WarmAsync(anonymous, record), StringComparison.Ordinal); // a draft changes nothing public
        var edit = $"/manage/records/{id}/edit";
        var (_, editPage) = await Html.GetAsync(editor, edit);
        var fields = FormFields(editPage, $"form[action='{edit}']");
        fields["Title"] = replaced;
        fields["Intent"] = "save";
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, edit, edit, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(editor, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, id), "approve")).StatusCode);
        var current = await FetchAsync(anonymous, record);
        Assert.Contains(replaced, current.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(title, current.Body, StringComparison.Ordinal);
        Assert.Empty(await PagesWhereAsync(anonymous, lists, page => !page.Body.Contains(replaced, StringComparison.Ordinal) || page.Body.Contains(title, StringComparison.Ordinal)));
        foreach (var url in lists.Append(record)) await WarmAsync(anonymous, url);

        // Withdrawn: the record page is a 404 and no list shows it, at once.
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, $"/manage/records/{id}", $"/review/records/{id}/withdraw",
            new() { ["reason"] = "缓存测试撤回" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(anonymous, record)).Status);
        Assert.Empty(await PagesWhereAsync(anonymous, lists, page => page.Body.Contains(replaced, StringComparison.Ordinal)));
        Assert.Empty(await PagesWhereAsync(anonymous, counts, (url, page) => page.Body != before[url]));
    }

    [Fact]
    public async Task CatalogueItemCreateReviseRetire_AndADepartmentRename_AreShownAtOnce()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var anonymous = Browserish.NewClient(factory);
        var domainPage = $"/domains/{ItemFormPost.DomainCode}?stage={ItemFormPost.StageCode}";
        int housing;
        await using (var db = factory.NewDbContext())
            housing = await db.Departments.Where(d => d.OrganisationCode == HousingOrganisationCode).Select(d => d.Id).SingleAsync();
        var departmentPage = $"/departments/{housing}";
        await WarmAsync(anonymous, domainPage);
        await WarmAsync(anonymous, departmentPage);

        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(editor);
        Assert.Contains(post.Values["NameLevel2"], (await FetchAsync(anonymous, domainPage)).Body, StringComparison.Ordinal);
        Assert.Contains(post.Values["NameLevel2"], (await FetchAsync(anonymous, departmentPage)).Body, StringComparison.Ordinal);

        var itemPage = $"/items/{id}";
        await WarmAsync(anonymous, itemPage);
        await WarmAsync(anonymous, domainPage);
        var oldName = post.Values["NameLevel2"];
        var newName = $"补助资金发放（修订）{Guid.NewGuid():N}";
        post.With("NameLevel2", newName);
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        Assert.Equal(HttpStatusCode.Redirect, (await post.PostAsync(editor, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit",
            ("Version", await ItemFormPost.VersionAsync(editor, id)), ("ChangeNote", "更名"))).StatusCode);
        foreach (var url in new[] { itemPage, domainPage, departmentPage })
        {
            var page = await FetchAsync(anonymous, url);
            Assert.Contains(newName, page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(oldName, page.Body, StringComparison.Ordinal);
        }

        await WarmAsync(anonymous, domainPage);
        var token = await ForgedRequests.TokenAsync(editor, $"/manage/items/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await ForgedRequests.PostAsync(editor, $"/manage/items/{id}/retire", token,
            [new("Reason", "缓存测试停用"), new("Version", await ItemFormPost.VersionAsync(editor, id))])).StatusCode);
        Assert.DoesNotContain(newName, (await FetchAsync(anonymous, domainPage)).Body, StringComparison.Ordinal);

        // A department's new name shows wherever its name did: its page, the index, the records' lists.
        var admin = await Browserish.SignedInAsync(factory, "admin");
        await WarmAsync(anonymous, "/departments");
        await WarmAsync(anonymous, departmentPage);
        var editDepartment = $"/admin/departments/{housing}/edit";
        var (_, form) = await Html.GetAsync(admin, editDepartment);
        var fields = FormFields(form, "form.stacked-form");
        var renamed = $"青川县住房和城乡建设局（更名测试{Guid.NewGuid().ToString("N")[..6]}）";
        fields["Name"] = renamed;
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, editDepartment, editDepartment, fields)).StatusCode);
        Assert.Contains(renamed, (await FetchAsync(anonymous, "/departments")).Body, StringComparison.Ordinal);
        Assert.Contains(renamed, (await FetchAsync(anonymous, departmentPage)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInStaff_AreNeitherServedFromTheCache_NorFillIt()
    {
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var anonymous = Browserish.NewClient(factory);
        var url = $"/departments?t={Guid.NewGuid():N}"; // a page no one has asked for yet

        // Staff first: their page (with the staff bar) is not kept, and it is private.
        var staff = await reviewer.GetAsync(url);
        var staffBody = await staff.Content.ReadAsStringAsync();
        Assert.Contains("staff-bar", staffBody, StringComparison.Ordinal);
        Assert.True(staff.Headers.CacheControl!.NoStore);
        Assert.False(staff.Headers.CacheControl.Public);
        Assert.Null(staff.Headers.ETag);
        var visitor = await FetchAsync(anonymous, url);
        Assert.False(visitor.FromCache, "the staff member's request filled the cache");
        Assert.DoesNotContain("staff-bar", visitor.Body, StringComparison.Ordinal);

        // Cached for visitors now; staff still get their own page, computed for them.
        Assert.DoesNotContain("staff-bar", await WarmAsync(anonymous, url), StringComparison.Ordinal);
        var again = await reviewer.GetAsync(url);
        Assert.Null(again.Headers.Age);
        Assert.Contains("staff-bar", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("staff-bar", (await FetchAsync(anonymous, url)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseAndEnglish_AreCachedSeparately()
    {
        var chinese = Browserish.NewClient(factory);
        var english = Browserish.NewClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await english.GetAsync("/culture/en?returnUrl=/")).StatusCode); // sets the culture cookie
        var url = $"/guide?t={Guid.NewGuid():N}";

        Assert.Contains("<html lang=\"zh-CN\">", await WarmAsync(chinese, url), StringComparison.Ordinal);
        var first = await FetchAsync(english, url);
        Assert.False(first.FromCache, "the English visitor was given the Chinese page");
        Assert.Contains("<html lang=\"en\">", first.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", await WarmAsync(english, url), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", (await FetchAsync(chinese, url)).Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", (await FetchAsync(chinese, url + "&culture=en")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADomainCode_InAnotherCase_IsNotServedTheCachedPage()
    {
        var anonymous = Browserish.NewClient(factory);
        await WarmAsync(anonymous, "/domains/health");
        Assert.Equal(HttpStatusCode.NotFound, (await FetchAsync(anonymous, "/domains/HEALTH")).Status);
    }

    /// <summary>The pages (of <paramref name="urls"/>) for which <paramref name="wrong"/> holds, fetched anonymously now.</summary>
    private static Task<List<string>> PagesWhereAsync(HttpClient client, IEnumerable<string> urls, Func<(HttpStatusCode Status, string Body, bool FromCache), bool> wrong) =>
        PagesWhereAsync(client, urls, (_, page) => wrong(page));

    private static async Task<List<string>> PagesWhereAsync(HttpClient client, IEnumerable<string> urls, Func<string, (HttpStatusCode Status, string Body, bool FromCache), bool> wrong)
    {
        var pages = new List<string>();
        foreach (var url in urls)
            if (wrong(url, await FetchAsync(client, url))) pages.Add(url);
        return pages;
    }
}

public sealed class PublicPageCacheOnSqlite(SqlitePortal factory) : PublicPageCacheTests(factory), IClassFixture<SqlitePortal>;

public sealed class PublicPageCacheOnPostgres(PostgresPortal factory) : PublicPageCacheTests(factory), IClassFixture<PostgresPortal>;
