using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.ManageItems;

/// <summary>Only an editor of the item's own department may change it; other staff are refused, visitors sent to sign in.</summary>
public abstract class ItemPermissionTests(PortalFactory factory)
{
    [Fact]
    public async Task AnotherDepartmentsEditor_IsForbidden_AndTheDatabaseIsUnchanged()
    {
        var housing = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(housing);

        var finance = await Browserish.SignedInAsync(factory, "editor.finance");
        var (edit, editPage) = await Html.GetAsync(finance, $"/manage/items/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("您只能管理本部门的公开事项。", editPage.QuerySelector(".problem p:not(.problem-code)").Text());
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/manage/items/{id}/history")).StatusCode);

        // A token from a page finance may open, as a forged cross-department form would carry.
        var token = await ForgedRequests.TokenAsync(finance, "/manage/items/new");
        post.Values.Remove("DomainId");
        post.Values.Remove("StageId");
        var revise = await ForgedRequests.PostAsync(finance, $"/manage/items/{id}/edit", token,
            post.With("Content", "财政局改的").Fields().Append(new("Version", "0")));
        Assert.Equal(HttpStatusCode.Forbidden, revise.StatusCode);
        var retire = await ForgedRequests.PostAsync(finance, $"/manage/items/{id}/retire", token, [new("Reason", "财政局停用"), new("Version", "0")]);
        Assert.Equal(HttpStatusCode.Forbidden, retire.StatusCode);

        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
        Assert.Equal((CatalogueItemStatus.Active, 0, "补助对象、补助标准、资金拨付进度。"), (item.Status, item.Version, item.Content));
        Assert.Equal(1, await db.CatalogueItemRevisions.CountAsync(r => r.CatalogueItemId == id));
    }

    [Fact]
    public async Task NonexistentItem_IsNotFound()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/manage/items/99999999/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/manage/items/99999999/history")).StatusCode);
        var token = await ForgedRequests.TokenAsync(client, "/manage/items/new");
        var retire = await ForgedRequests.PostAsync(client, "/manage/items/99999999/retire", token, [new("Reason", "无"), new("Version", "0")]);
        Assert.Equal(HttpStatusCode.NotFound, retire.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/manage/items/abc/edit")).StatusCode);
    }

    [Theory]
    [InlineData("reviewer")]
    [InlineData("admin")]
    public async Task ReviewersAndAdmins_AreForbidden(string userName)
    {
        var client = await Browserish.SignedInAsync(factory, userName);
        await using var db = factory.NewDbContext();
        var someItem = await db.CatalogueItems.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        foreach (var url in new[] { "/manage/items", "/manage/items/new", $"/manage/items/{someItem}/edit", $"/manage/items/{someItem}/history" })
        {
            // The policy refuses with a plain 403, rendered by the Chinese status page.
            var (denied, page) = await Html.GetAsync(client, url);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Equal("无权访问", page.QuerySelector("h1").Text());
        }

        var token = await ForgedRequests.TokenAsync(client, "/manage");
        var post = await ItemFormPost.ForAsync(factory);
        var create = await ForgedRequests.PostAsync(client, "/manage/items/new", token, post.Fields());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var retire = await ForgedRequests.PostAsync(client, $"/manage/items/{someItem}/retire", token, [new("Reason", "审核员停用"), new("Version", "0")]);
        Assert.Equal(HttpStatusCode.Forbidden, retire.StatusCode);
        Assert.False(await db.CatalogueItems.AnyAsync(i => i.NameLevel2 == post.Values["NameLevel2"]));
        Assert.Equal(CatalogueItemStatus.Active, (await db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == someItem)).Status);
    }

    [Theory]
    [InlineData("/manage/items")]
    [InlineData("/manage/items/new")]
    [InlineData("/manage/items/1/edit")]
    [InlineData("/manage/items/1/history")]
    public async Task AnonymousVisitors_AreSentToSignIn(string url)
    {
        var response = await Browserish.NewClient(factory).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/account/login?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPosts_AreRefused_AndChangeNothing()
    {
        var client = Browserish.NewClient(factory);
        var token = await ForgedRequests.TokenAsync(client, "/account/login");
        var post = await ItemFormPost.ForAsync(factory);
        var create = await ForgedRequests.PostAsync(client, "/manage/items/new", token, post.Fields());
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.StartsWith("/account/login", create.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var retire = await ForgedRequests.PostAsync(client, "/manage/items/1/retire", token, [new("Reason", "匿名"), new("Version", "0")]);
        Assert.StartsWith("/account/login", retire.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.CatalogueItems.AnyAsync(i => i.NameLevel2 == post.Values["NameLevel2"]));
        Assert.Equal(CatalogueItemStatus.Active, (await db.CatalogueItems.SingleAsync(i => i.Id == 1)).Status);
    }
}

public sealed class ItemPermissionOnSqlite(SqlitePortal factory) : ItemPermissionTests(factory), IClassFixture<SqlitePortal>;

public sealed class ItemPermissionOnPostgres(PostgresPortal factory) : ItemPermissionTests(factory), IClassFixture<PostgresPortal>;
