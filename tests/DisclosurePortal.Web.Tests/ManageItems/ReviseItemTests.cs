using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Seed;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.ManageItems;

/// <summary>动态调整: revising and retiring keep a history, and a stale form never overwrites someone else's change.</summary>
public abstract class ReviseItemTests(PortalFactory factory)
{
    private const string ConflictMessage = "该事项已被他人修改";

    [Fact]
    public async Task Edit_ShowsTheSavedValues_WithDomainAndStageReadOnly()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);

        var (response, doc) = await Html.GetAsync(client, $"/manage/items/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(doc.QuerySelectorAll("h1"));
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        CreateItemTests.AssertKept(doc, post);
        Assert.Null(doc.QuerySelector("[name=DomainId]"));
        Assert.Null(doc.QuerySelector("[name=StageId]"));
        var facts = doc.DefinitionList(".item-facts");
        Assert.Equal(ItemFormPost.DomainName, facts["领域"]);
        Assert.Equal(ItemFormPost.StageName, facts["环节"]);
        Assert.Equal("0", ItemFormPost.Version(doc));
        Assert.Equal(2, doc.QuerySelectorAll($"form[action^='/manage/items/{id}/'] input[name=__RequestVerificationToken]").Length);
    }

    [Fact]
    public async Task Edit_AppendsRevisionTwo_AndTheHistoryShowsWhatChanged()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        var oldBasis = post.Values["Basis"];
        post.With("Basis", "《中华人民共和国政府信息公开条例》；建村〔2024〕9号").With("TimeLimitAmount", "15");
        post.Channels = [.. post.Channels, "4"]; // + 两微一端
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");

        var response = await post.PostAsync(client, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit",
            ("Version", await ItemFormPost.VersionAsync(client, id)), ("ChangeNote", "依据新文件更新公开依据"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
            Assert.Equal(1, item.Version);
            Assert.Equal(new TimeLimitRule(TimeLimitKind.DaysAfterCompletion, 15), item.TimeLimit);
            var revisions = await db.CatalogueItemRevisions.Where(r => r.CatalogueItemId == id).OrderBy(r => r.RevisionNumber).ToListAsync();
            Assert.Equal([1, 2], revisions.Select(r => r.RevisionNumber));
            var revised = revisions[1];
            Assert.Equal(CatalogueItemChange.Revised, revised.Change);
            Assert.Equal("依据新文件更新公开依据", revised.Reason);
            Assert.Equal(await ItemFormPost.UserIdAsync(db, "editor.housing"), revised.ActorId);
            Assert.Contains("建村〔2024〕9号", revised.SnapshotJson, StringComparison.Ordinal);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "catalogue-item.revise" && a.EntityId == id.ToString()));
        }

        var (history, doc) = await Html.GetAsync(client, $"/manage/items/{id}/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal($"修改历史：{post.Name}", doc.QuerySelector("h1").Text());
        Assert.Equal(["第 2 版 · 修订", "第 1 版 · 新增"], doc.QuerySelectorAll("h2").Select(h => h.Text()));
        var latest = doc.QuerySelector("#revision-2")!.Closest("section")!;
        Assert.Contains("李编辑（县住建局）", latest.Text(), StringComparison.Ordinal);
        Assert.Contains("依据新文件更新公开依据", latest.Text(), StringComparison.Ordinal);
        var rows = latest.QuerySelectorAll("table.changes tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th").Text(), tr => (Before: tr.QuerySelector("td del").Text(), After: tr.QuerySelector("td ins").Text()));
        Assert.Equal(["公开依据", "公开时限计算规则", "公开渠道和载体"], rows.Keys);
        Assert.Equal((oldBasis, post.Values["Basis"]), rows["公开依据"]);
        Assert.Equal(("办结后 10 日内", "办结后 15 日内"), rows["公开时限计算规则"]);
        Assert.Equal(("政府网站、政务服务中心、社区/村公示栏", "政府网站、两微一端、政务服务中心、社区/村公示栏"), rows["公开渠道和载体"]);
        Assert.Equal("增加：两微一端", latest.QuerySelector("table.changes .channel-note").Text());
        Assert.DoesNotContain("{", latest.Text(), StringComparison.Ordinal); // a readable diff, not JSON
        var first = doc.QuerySelector("#revision-1")!.Closest("section")!.DefinitionsIn("dl.elements");
        Assert.Equal(oldBasis, first["公开依据"]);

        var (_, publicPage) = await Html.GetAsync(Browserish.NewClient(factory), $"/items/{id}");
        Assert.Equal(post.Values["Basis"], publicPage.DefinitionList(".elements")["公开依据"]);
    }

    [Fact]
    public async Task Edit_WithNothingChanged_RecordsNoRevision()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        post.With("Content", $"  {post.Values["Content"]}  "); // only whitespace, which is trimmed anyway
        var response = await post.PostAsync(client, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit", ("Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, list) = await Html.GetAsync(client, "/manage/items");
        Assert.Contains("内容没有变化", list.QuerySelector(".flash").Text(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(0, (await db.CatalogueItems.SingleAsync(i => i.Id == id)).Version);
        Assert.Equal(1, await db.CatalogueItemRevisions.CountAsync(r => r.CatalogueItemId == id));
    }

    [Fact]
    public async Task History_OfASeededItem_ReadsTheSeedsSnapshot()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.Where(d => d.Name == "青川县住房和城乡建设局").Select(d => d.Id).SingleAsync();
        var seeded = await db.CatalogueItems.Where(i => i.DepartmentId == housing).OrderBy(i => i.Id).FirstAsync();
        var (response, doc) = await Html.GetAsync(client, $"/manage/items/{seeded.Id}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = doc.QuerySelector("#revision-1")!.Closest("section")!;
        Assert.Contains("系统初始化", first.Text(), StringComparison.Ordinal);
        Assert.Contains("说明：初始目录", first.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("修改说明", first.Text(), StringComparison.Ordinal); // an addition is not a change
        Assert.Equal(seeded.Basis, first.DefinitionsIn("dl.elements")["公开依据"]);
    }

    [Fact]
    public async Task StaleVersion_IsRefused_WithTheMessage_KeepsTheInput_ShowsTheSavedValues_AndChangesNothing()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(editor);
        var opened = await ItemFormPost.VersionAsync(editor, id);

        // A colleague saves first.
        var colleague = await Browserish.SignedInAsync(factory, "editor.housing");
        var theirs = (await ItemFormPost.ForAsync(factory)).With("NameLevel1", post.Values["NameLevel1"]).With("NameLevel2", post.Values["NameLevel2"])
            .With("Content", "同事保存的公开内容。");
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.PostAsync(colleague, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit", ("Version", opened))).StatusCode);

        // Then the editor submits the form opened before.
        post.With("Content", "我填写的公开内容。").With("Basis", "我填写的公开依据。");
        post.Channels = ["2", "8192"];
        var response = await post.PostAsync(editor, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit", ("Version", opened), ("ChangeNote", "我的说明"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(ConflictMessage, doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("我填写的公开内容。", doc.QuerySelector("#Content").Text());
        Assert.Equal("我的说明", doc.QuerySelector("#ChangeNote").Text());
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        CreateItemTests.AssertKept(doc, post);
        Assert.Equal("同事保存的公开内容。", doc.QuerySelector(".saved-values")!.DefinitionsIn("dl")["公开内容（要素）"]);
        Assert.Equal("1", ItemFormPost.Version(doc)); // a deliberate second submit may now overwrite

        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
        Assert.Equal("同事保存的公开内容。", item.Content);
        Assert.Equal(1, item.Version);
        Assert.Equal(2, await db.CatalogueItemRevisions.CountAsync(r => r.CatalogueItemId == id));
    }

    [Fact]
    public async Task ARaceBetweenTwoSaves_IsCaughtByTheDatabase()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        var opened = await ItemFormPost.VersionAsync(client, id);

        // Another save lands after the app has checked the version and before its UPDATE runs.
        var racer = new ConcurrentSave(factory, id);
        await using var racing = factory.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(racer))));
        var racingClient = racing.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await Browserish.PostFormAsync(racingClient, "/account/login", "/account/login",
            new() { ["UserName"] = "editor.housing", ["Password"] = DemoAccountsSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        post.With("Content", "输掉竞争的修改。");
        var response = await post.PostAsync(racingClient, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit", ("Version", opened));

        Assert.True(racer.Fired);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains(ConflictMessage, doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("输掉竞争的修改。", doc.QuerySelector("#Content").Text());
        Assert.Equal(ConcurrentSave.Content, doc.QuerySelector(".saved-values")!.DefinitionsIn("dl")["公开内容（要素）"]);

        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
        Assert.Equal(ConcurrentSave.Content, item.Content);
        Assert.Equal(1, await db.CatalogueItemRevisions.CountAsync(r => r.CatalogueItemId == id));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "catalogue-item.revise" && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Retire_RequiresAReason_AndTakesTheItemOffThePublicDomainPage()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        var domainPage = $"/domains/{ItemFormPost.DomainCode}?stage={ItemFormPost.StageCode}";
        var (_, before) = await Html.GetAsync(Browserish.NewClient(factory), domainPage);
        Assert.Contains(post.Name, before.QuerySelectorAll(".item-card h3").Select(h => h.Text()));

        var token = await ForgedRequests.TokenAsync(client, $"/manage/items/{id}/edit");
        var version = await ItemFormPost.VersionAsync(client, id);
        var refused = await ForgedRequests.PostAsync(client, $"/manage/items/{id}/retire", token, [new("Reason", "   "), new("Version", version)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await Html.ParseAsync(refused);
        Assert.Equal("请填写停用理由。", form.QuerySelector("#Reason-error").Text());
        Assert.Equal("true", form.QuerySelector("#Reason")!.GetAttribute("aria-invalid"));
        await using (var db = factory.NewDbContext())
            Assert.Equal(CatalogueItemStatus.Active, (await db.CatalogueItems.SingleAsync(i => i.Id == id)).Status);

        var retired = await ForgedRequests.PostAsync(client, $"/manage/items/{id}/retire", token, [new("Reason", "职能划转"), new("Version", version)]);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        await using (var db = factory.NewDbContext())
        {
            var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
            Assert.Equal((CatalogueItemStatus.Retired, "职能划转"), (item.Status, item.RetiredReason));
            var revision = await db.CatalogueItemRevisions.SingleAsync(r => r.CatalogueItemId == id && r.RevisionNumber == 2);
            Assert.Equal((CatalogueItemChange.Retired, "职能划转"), (revision.Change, revision.Reason));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "catalogue-item.retire" && a.EntityId == id.ToString()));
        }
        var (_, after) = await Html.GetAsync(Browserish.NewClient(factory), domainPage);
        Assert.DoesNotContain(post.Name, after.QuerySelectorAll(".item-card h3").Select(h => h.Text()));
        var (_, itemPage) = await Html.GetAsync(Browserish.NewClient(factory), $"/items/{id}");
        Assert.Equal("该公开事项已停用：职能划转", itemPage.QuerySelector(".notice").Text());

        var (_, list) = await Html.GetAsync(client, "/manage/items");
        var row = list.QuerySelector($"#item-{id}")!;
        Assert.Equal("已停用", row.QuerySelector(".badge").Text());
        Assert.Null(row.QuerySelector($"a[href='/manage/items/{id}/edit']"));
        var (_, history) = await Html.GetAsync(client, $"/manage/items/{id}/history");
        Assert.Contains("停用理由：职能划转", history.QuerySelector("#revision-2")!.Closest("section").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingARetiredItem_IsA400_WithTheDomainsMessage()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        var token = await ForgedRequests.TokenAsync(client, $"/manage/items/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await ForgedRequests.PostAsync(client, $"/manage/items/{id}/retire", token, [new("Reason", "撤并"), new("Version", "0")])).StatusCode);

        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        var response = await ForgedRequests.PostAsync(client, $"/manage/items/{id}/edit", token, post.With("Content", "停用后再改").Fields().Append(new("Version", "1")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("已停用的公开事项不能修改。", (await Html.ParseAsync(response)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        var again = await ForgedRequests.PostAsync(client, $"/manage/items/{id}/retire", token, [new("Reason", "再停一次"), new("Version", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该公开事项已停用。", (await Html.ParseAsync(again)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);

        await using var db = factory.NewDbContext();
        Assert.Equal(2, await db.CatalogueItemRevisions.CountAsync(r => r.CatalogueItemId == id));
        Assert.NotEqual("停用后再改", (await db.CatalogueItems.SingleAsync(i => i.Id == id)).Content);
    }

    [Fact]
    public async Task Edit_WithHostileValues_Is400_AndChangesNothing()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        post.With("Method", "99").With("TimeLimitAmount", "abc").With("Content", new string('长', 10_000));
        post.Channels = ["999999"];
        var response = await post.PostTamperedAsync(client, $"/manage/items/{id}/edit", $"/manage/items/{id}/edit",
            ("Version", "0"), ("ChangeNote", new string('长', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("公开方式的选项无效，请从列表中选择。", doc.QuerySelector("#Method-error").Text());
        Assert.Equal("天数应为整数，例如 20。", doc.QuerySelector("#TimeLimitAmount-error").Text());
        Assert.Equal("公开内容不能超过 2000 个字。", doc.QuerySelector("#Content-error").Text());
        Assert.Equal("公开渠道和载体中有无效的选项，请从列表中勾选。", doc.QuerySelector("#Channels-error").Text());
        Assert.Equal("修改说明不能超过 500 个字。", doc.QuerySelector("#ChangeNote-error").Text());
        await using var db = factory.NewDbContext();
        Assert.Equal(0, (await db.CatalogueItems.SingleAsync(i => i.Id == id)).Version);
    }

    /// <summary>Saves a change to the item through another connection just before the app's own SaveChanges.</summary>
    /// <summary>
    /// Saves a competing revision when the app reads the item's next revision number: after its version check, before
    /// its own save. (Not from inside the app's SaveChanges: there the audit chain already holds the write lock, ADR 23,
    /// and on SQLite the competing save would wait for the very save it races.)
    /// </summary>
    private sealed class ConcurrentSave(PortalFactory factory, int itemId) : DbCommandInterceptor
    {
        public const string Content = "另一个请求抢先保存的公开内容。";

        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var nextRevisionNumber = command.CommandText.Contains("\"CatalogueItemRevisions\"", StringComparison.Ordinal)
                && command.CommandText.Contains("max(", StringComparison.OrdinalIgnoreCase);
            if (nextRevisionNumber && !Fired)
            {
                Fired = true;
                await using var other = factory.NewDbContext();
                var item = await other.CatalogueItems.SingleAsync(i => i.Id == itemId, cancellationToken);
                item.Revise(item.ToElements() with { Content = Content }, factory.Clock.GetUtcNow());
                await other.SaveChangesAsync(cancellationToken);
            }
            return result;
        }
    }
}

public sealed class ReviseItemOnSqlite(SqlitePortal factory) : ReviseItemTests(factory), IClassFixture<SqlitePortal>;

public sealed class ReviseItemOnPostgres(PostgresPortal factory) : ReviseItemTests(factory), IClassFixture<PostgresPortal>;
