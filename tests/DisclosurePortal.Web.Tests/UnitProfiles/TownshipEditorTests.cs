using System.Globalization;
using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.ManageItems;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.UnitProfiles;

/// <summary>
/// Township editors (issue 20 §7), through the forms as a browser posts them: a township's editor keeps its 乡级
/// catalogue, drafts and submits its records and edits its 机构概况, as a department's editor does; a village has no
/// accounts, so the editors of its township choose it as the publishing unit (UnitKeeping); another township's editor
/// is refused the village's items and does not see its records.
/// </summary>
public abstract class TownshipEditorTests(PortalFactory factory)
{
    private const string Qiaozhuang = "11511099MB0012345K";
    private const string Qingxi = "11511099MB0023456T";

    private async Task<(int Unit, CatalogueItem Item)> UnitAndItemAsync(string? code = null, bool village = false)
    {
        await using var db = factory.NewDbContext();
        var unit = village
            ? await db.Departments.Where(d => d.Level == UnitLevel.Village && db.Departments.Any(t => t.Id == d.ParentId && t.OrganisationCode == Qingxi)).Select(d => d.Id).FirstAsync()
            : await db.Departments.Where(d => d.OrganisationCode == code).Select(d => d.Id).SingleAsync();
        var item = await db.CatalogueItems.AsNoTracking().Where(i => i.DepartmentId == unit && i.Status == CatalogueItemStatus.Active).OrderBy(i => i.Id).FirstAsync();
        return (unit, item);
    }

    private Dictionary<string, string> RecordFields(int itemId, string title, string organ) => new()
    {
        ["CatalogueItemId"] = itemId.ToString(CultureInfo.InvariantCulture),
        ["Kind"] = "8",
        ["Title"] = title,
        ["IssuingOrgan"] = organ,
        ["WrittenOn"] = factory.Clock.Today().ToString("yyyy-MM-dd"),
        ["Validity"] = "1",
        ["DisclosureAttribute"] = "1",
        ["Body"] = "一、公示内容。",
        ["Intent"] = "save",
    };

    private static async Task RedirectedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
            Assert.Fail($"{response.StatusCode}: " + string.Join(" ", ((await Html.ParseAsync(response)).Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    private static async Task<int> RecordIdOfAsync(HttpResponseMessage redirect)
    {
        if (redirect.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Html.ParseAsync(redirect);
            Assert.Fail($"{redirect.StatusCode}: " + string.Join(" | ", page.QuerySelectorAll(".field-error, .error-summary, [id$='-error']").Select(e => e.TextContent.Trim())));
        }
        return int.Parse(redirect.Headers.Location!.OriginalString["/manage/records/".Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ATownshipEditor_KeepsItsCatalogue_DraftsAndSubmitsRecords_AndEditsItsProfile()
    {
        var (town, item) = await UnitAndItemAsync(code: Qiaozhuang);
        var editor = await Browserish.SignedInAsync(factory, "editor.qiaozhuang");

        // Its 乡级 catalogue: listed, and a new item is the township's.
        var (list, items) = await Html.GetAsync(editor, "/manage/items");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(item.NameLevel2, items.Body!.TextContent, StringComparison.Ordinal);
        var post = await ItemFormPost.ForAsync(factory);
        var itemId = await post.CreateAsync(editor);
        await using (var db = factory.NewDbContext())
            Assert.Equal(town, await db.CatalogueItems.Where(i => i.Id == itemId).Select(i => i.DepartmentId).SingleAsync());

        // A record: the new form names the township as issuing organ; saved, then submitted into the office's queue.
        var (_, form) = await Html.GetAsync(editor, $"/manage/records/new?itemId={item.Id}");
        Assert.Equal("青川县乔庄镇人民政府", form.QuerySelector("input[name=IssuingOrgan]")!.GetAttribute("value"));
        var title = $"乔庄镇公示 {Guid.NewGuid():N}";
        var saved = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", RecordFields(item.Id, title, "青川县乔庄镇人民政府"));
        var recordId = await RecordIdOfAsync(saved);
        await RedirectedAsync(await SubmitAsync(editor, recordId));
        var (_, queue) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "reviewer"), "/review");
        Assert.Contains(title, queue.Body!.TextContent, StringComparison.Ordinal);

        // Its 机构概况: the form starts from the published version (the demo's 镇长).
        var (profile, profileForm) = await Html.GetAsync(editor, "/manage/profile/edit");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("何建军", profileForm.QuerySelector("input[name='Leaders[0].Name']")!.GetAttribute("value"));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var draft = await Browserish.PostFormAsync(editor, "/manage/profile/edit", "/manage/profile/edit", new Dictionary<string, string> { ["Functions"] = $"负责全镇经济社会发展。{tag}" });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        await using var after = factory.NewDbContext();
        Assert.True(await after.UnitProfiles.AnyAsync(p => p.DepartmentId == town && p.Functions.Contains(tag)));
    }

    [Fact]
    public async Task AVillagesRecords_AreKeptByItsTownshipsEditors_AndRefusedToAnotherTownships()
    {
        var (village, villageItem) = await UnitAndItemAsync(village: true);
        var qingxi = await Browserish.SignedInAsync(factory, "editor.qingxi");

        // The village's items are offered under its name; choosing one makes the village the publishing unit.
        var (_, form) = await Html.GetAsync(qingxi, "/manage/records/new");
        var option = form.QuerySelector($"select[name=CatalogueItemId] option[value='{villageItem.Id}']")
            ?? form.QuerySelector($"input[name=CatalogueItemId][value='{villageItem.Id}']");
        Assert.NotNull(option);
        Assert.StartsWith("阴平村 · ", option!.ParentElement!.GetAttribute("label"), StringComparison.Ordinal);
        var (_, linked) = await Html.GetAsync(qingxi, $"/manage/records/new?itemId={villageItem.Id}");
        Assert.Equal("青川县青溪镇阴平村民委员会", linked.QuerySelector("input[name=IssuingOrgan]")!.GetAttribute("value"));
        var title = $"阴平村村务公开 {Guid.NewGuid():N}";
        var saved = await Browserish.PostFormAsync(qingxi, "/manage/records/new", "/manage/records/new", RecordFields(villageItem.Id, title, "青川县青溪镇阴平村民委员会"));
        var recordId = await RecordIdOfAsync(saved);
        await using (var db = factory.NewDbContext())
            Assert.Equal(village, await db.Records.Where(r => r.Id == recordId).Select(r => r.DepartmentId).SingleAsync());
        var (_, mine) = await Html.GetAsync(qingxi, "/manage/records");
        Assert.Contains(title, mine.Body!.TextContent, StringComparison.Ordinal);
        await RedirectedAsync(await SubmitAsync(qingxi, recordId));

        // Returned by the office: the township's editors are told (the village has no accounts to tell).
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(reviewer, await LatestVersionIdAsync(factory, recordId), "return", "请补充公示期限。")).StatusCode);
        var (_, notes) = await Html.GetAsync(qingxi, "/notifications");
        Assert.Contains(title, notes.Body!.TextContent, StringComparison.Ordinal);

        // Another township's editor: the village's item is refused beside the field, nothing typed is lost; its record is not theirs to know of.
        var qiaozhuang = await Browserish.SignedInAsync(factory, "editor.qiaozhuang");
        var (_, theirs) = await Html.GetAsync(qiaozhuang, "/manage/records/new");
        Assert.Null(theirs.QuerySelector($"select[name=CatalogueItemId] option[value='{villageItem.Id}']"));
        var other = $"越权 {Guid.NewGuid():N}";
        var refused = await ForgedRequests.TamperedFormAsync(qiaozhuang, "/manage/records/new", "/manage/records/new", RecordFields(villageItem.Id, other, "青川县乔庄镇人民政府"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Contains("请选择本部门的公开事项。", again.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(other, again.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await qiaozhuang.GetAsync($"/manage/records/{recordId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qiaozhuang.GetAsync($"/manage/records/{recordId}/edit")).StatusCode);
        await using var end = factory.NewDbContext();
        Assert.False(await end.RecordVersions.AnyAsync(v => v.Title == other));
    }

    [Fact]
    public async Task AVillagesCatalogue_IsKeptByItsTownshipsEditors_AndRefusedToOthers()
    {
        var (village, villageItem) = await UnitAndItemAsync(village: true);
        var qingxi = await Browserish.SignedInAsync(factory, "editor.qingxi");

        // The township's catalogue page switches to the village's, which lists the village's items.
        var (_, own) = await Html.GetAsync(qingxi, "/manage/items");
        var link = own.QuerySelectorAll(".filter-tabs a").Single(a => a.TextContent.Contains("阴平村", StringComparison.Ordinal));
        Assert.Equal($"/manage/items?unit={village}", link.GetAttribute("href"));
        var (list, items) = await Html.GetAsync(qingxi, link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(villageItem.NameLevel2, items.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/manage/items/new?unit={village}", items.QuerySelector("a.button[href^='/manage/items/new']")!.GetAttribute("href"));

        // A new item added there is the village's, and the editor is taken back to the village's list.
        var post = await ItemFormPost.ForAsync(factory);
        var created = await post.PostAsync(qingxi, $"/manage/items/new?unit={village}", $"/manage/items/new?unit={village}");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith($"/manage/items?unit={village}#item-", location, StringComparison.Ordinal);
        var itemId = int.Parse(location[(location.IndexOf('-', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        await using (var db = factory.NewDbContext())
            Assert.Equal(village, await db.CatalogueItems.Where(i => i.Id == itemId).Select(i => i.DepartmentId).SingleAsync());
        var (edit, editPage) = await Html.GetAsync(qingxi, $"/manage/items/{itemId}/edit");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.NotNull(editPage.QuerySelector($"nav a[href='/manage/items?unit={village}']"));
        Assert.Equal(HttpStatusCode.OK, (await qingxi.GetAsync($"/manage/items/{itemId}/history")).StatusCode);

        // Another township's editor and a county department's editor keep neither the list nor the item.
        foreach (var other in new[] { "editor.qiaozhuang", "editor.housing" })
        {
            var client = await Browserish.SignedInAsync(factory, other);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/manage/items?unit={village}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/manage/items/new?unit={village}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/manage/items/{itemId}/edit")).StatusCode);
        }
        var (bad, badPage) = await Html.GetAsync(qingxi, "/manage/items?unit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("单位编号应为数字。", badPage.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class TownshipEditorsOnSqlite(SqlitePortal factory) : TownshipEditorTests(factory), IClassFixture<SqlitePortal>;

public sealed class TownshipEditorsOnPostgres(PostgresPortal factory) : TownshipEditorTests(factory), IClassFixture<PostgresPortal>;
