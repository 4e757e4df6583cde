using System.Globalization;
using System.Net;
using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Guides;

/// <summary>
/// 办事指南 through the staff forms, as a browser posts them: a department drafts a guide with its 办事情形 and materials
/// and submits it, the office approves or returns it from /review, the public reads it; a change to a public guide keeps
/// the public version until approved; bad input comes back beside its field with nothing lost.
/// </summary>
public abstract class ManageGuideTests(PortalFactory factory)
{
    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)];

    private async Task<Dictionary<string, string>> DraftAsync(string name)
    {
        await using var db = factory.NewDbContext();
        var domain = await db.Domains.Where(d => d.Code == "social-assistance").Select(d => d.Id).SingleAsync();
        return new()
        {
            ["Name"] = name,
            ["DomainId"] = domain.ToString(CultureInfo.InvariantCulture),
            ["LegalBasis"] = "《社会救助暂行办法》第九条",
            ["Conditions"] = "持有本县户籍。",
            ["TimeLimit"] = "20个工作日",
            ["Fees"] = "不收费",
            ["PlaceAndHours"] = "县政务服务中心一楼",
            ["ConsultationPhone"] = "0839-1234567",
            ["ComplaintPhone"] = "0839-7654321",
            ["Situations[0].Name"] = "本人申请",
            ["Situations[0].Materials[0].Name"] = "身份证",
            ["Situations[0].Materials[0].Form"] = nameof(MaterialForm.OriginalAndCopy),
            ["Situations[0].Materials[0].Copies"] = "1",
            ["Situations[0].Materials[1].Name"] = "申请书",
            ["Situations[0].Materials[1].Form"] = nameof(MaterialForm.Original),
            ["Situations[0].Materials[1].Copies"] = "2",
            ["Steps[0].Actor"] = "窗口",
            ["Steps[0].Action"] = "受理申请",
            ["Steps[0].TimeLimit"] = "即时",
        };
    }

    private async Task<(int Id, string Page)> CreatedAsync(HttpClient editor, string name)
    {
        var created = await Browserish.PostFormAsync(editor, "/manage/guides/new", "/manage/guides/new", await DraftAsync(name));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        return (int.Parse(page.Split('/').Last(), CultureInfo.InvariantCulture), page);
    }

    [Fact]
    public async Task Guide_DraftedSubmittedAndApproved_IsPublic_AndAnotherDepartmentSeesNothing()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var name = Unique("住房救助申请");
        var (id, page) = await CreatedAsync(editor, name);

        Assert.Equal(HttpStatusCode.NotFound, (await Browserish.NewClient(factory).GetAsync($"/guides/{id}")).StatusCode);
        var other = await Browserish.SignedInAsync(factory, "editor.finance");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{page}/edit")).StatusCode);
        var (_, mine) = await Html.GetAsync(other, "/manage/guides");
        Assert.DoesNotContain(name, mine.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, queue) = await Html.GetAsync(reviewer, "/review");
        Assert.NotNull(queue.QuerySelector($"#guides a[href='{page}']"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Browserish.PostFormAsync(reviewer, page, $"{page}/return", new() { ["reason"] = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/return", new() { ["reason"] = "请补充委托情形。" })).StatusCode);
        var (_, edit) = await Html.GetAsync(editor, $"{page}/edit");
        Assert.Contains("请补充委托情形。", edit.QuerySelector(".notice").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", [])).StatusCode);

        var (response, shown) = await Html.GetAsync(Browserish.NewClient(factory), $"/guides/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, shown.QuerySelector("h1").Text());
        var rows = shown.QuerySelectorAll(".guide-situation table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("原件和复印件", rows[0], StringComparison.Ordinal);

        await using var db = factory.NewDbContext();
        var codes = await db.AuditEvents.Where(e => e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.EntityType == "ServiceGuide").Select(e => e.Action).ToListAsync();
        Assert.Equal(["guide.approve", "guide.create", "guide.return", "guide.submit", "guide.submit"], codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ChangeToAPublicGuide_KeepsThePublicVersion_UntilApproved()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var name = Unique("租赁补贴申请");
        var (id, page) = await CreatedAsync(editor, name);
        await Browserish.PostFormAsync(editor, page, $"{page}/submit", []);
        await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", []);

        var fields = await DraftAsync(name + "（新）");
        fields["Fees"] = "免费办理";
        var changed = await Browserish.PostFormAsync(editor, $"{page}/edit", $"{page}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var changePage = changed.Headers.Location!.OriginalString;
        Assert.NotEqual(page, changePage);

        var citizen = Browserish.NewClient(factory);
        var (_, before) = await Html.GetAsync(citizen, $"/guides/{id}");
        Assert.Equal(name, before.QuerySelector("h1").Text());
        Assert.Equal("不收费", before.DefinitionList(".guide-facts")["收费标准"]);
        var (_, listBefore) = await Html.GetAsync(citizen, "/guides");
        Assert.Contains(name, listBefore.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(name + "（新）", listBefore.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, changePage, $"{changePage}/submit", [])).StatusCode);
        var approved = await Browserish.PostFormAsync(reviewer, changePage, $"{changePage}/approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(page, approved.Headers.Location!.OriginalString);

        // Both pages are output-cached: the approval evicts them (PublicPageChanges).
        var (_, listAfter) = await Html.GetAsync(citizen, "/guides");
        Assert.Contains(name + "（新）", listAfter.Body!.TextContent, StringComparison.Ordinal);
        var (_, after) = await Html.GetAsync(citizen, $"/guides/{id}");
        Assert.Equal(name + "（新）", after.QuerySelector("h1").Text());
        Assert.Equal("免费办理", after.DefinitionList(".guide-facts")["收费标准"]);
        var (_, list) = await Html.GetAsync(editor, "/manage/guides");
        Assert.Null(list.QuerySelector($"a[href='{changePage}']"));
    }

    [Fact]
    public async Task BadInput_ComesBackBesideItsField_WithNothingLost_AndAddButtonsGiveMoreRows()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var fields = await DraftAsync(Unique("公租房申请"));
        fields["Situations[0].Materials[1].Copies"] = "0";
        fields["Fees"] = "";
        var refused = await Browserish.PostFormAsync(editor, "/manage/guides/new", "/manage/guides/new", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await Html.ParseAsync(refused);
        Assert.Contains("请填写收费标准。", form.QuerySelector("#Fees-error").Text(), StringComparison.Ordinal);
        Assert.Contains("份数应为1至99。", form.QuerySelector("#Situations_0__Materials_1__Copies-error").Text(), StringComparison.Ordinal);
        Assert.Equal("申请书", form.QuerySelector("#Situations_0__Materials_1__Name")!.GetAttribute("value"));
        Assert.Equal("受理申请", form.QuerySelector("#Steps_0__Action")!.GetAttribute("value"));

        fields = await DraftAsync(Unique("公租房申请"));
        fields["Intent"] = "add-situation";
        var more = await Browserish.PostFormAsync(editor, "/manage/guides/new", "/manage/guides/new", fields);
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var wider = await Html.ParseAsync(more);
        Assert.NotNull(wider.QuerySelector("#Situations_1__Name"));
        Assert.Equal("身份证", wider.QuerySelector("#Situations_0__Materials_0__Name")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.ServiceGuides.AnyAsync(g => g.Name == fields["Name"]));
    }
}

public sealed class ManageGuidesOnSqlite(SqlitePortal factory) : ManageGuideTests(factory), IClassFixture<SqlitePortal>;

public sealed class ManageGuidesOnPostgres(PostgresPortal factory) : ManageGuideTests(factory), IClassFixture<PostgresPortal>;
