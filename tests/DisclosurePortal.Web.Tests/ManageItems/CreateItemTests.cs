using System.Net;
using AngleSharp.Dom;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.ManageItems;

/// <summary>An editor adds an item to their department's catalogue; bad input is explained beside its field and nothing typed is lost.</summary>
public abstract class CreateItemTests(PortalFactory factory)
{
    private const string Housing = "青川县住房和城乡建设局";

    [Fact]
    public async Task Create_WithEveryElement_AppearsOnTheEditorsList_AndOnThePublicItemPage()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var (formPage, form) = await Html.GetAsync(client, "/manage/items/new");
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        Assert.Equal("新增公开事项", form.QuerySelector("h1").Text());
        Assert.Single(form.QuerySelectorAll("h1"));
        Assert.Equal(26, form.QuerySelectorAll("#DomainId option[value]:not([value=''])").Length);
        Assert.Equal(["决策", "执行", "管理", "服务", "结果"], form.QuerySelectorAll("#StageId option:not([value=''])").Select(o => o.Text()));
        Assert.Equal(14, form.QuerySelectorAll("fieldset input[type=checkbox][name=Channels]").Length);
        Assert.Equal("公开渠道和载体", form.QuerySelector("input[name=Channels]")!.Closest("fieldset")!.QuerySelector("legend").Text());
        Assert.Equal("公开时限计算规则", form.QuerySelector("#TimeLimitKind")!.Closest("fieldset")!.QuerySelector("legend").Text());
        Assert.Equal(6, form.QuerySelectorAll("#TimeLimitKind option:not([value=''])").Length);
        Assert.Contains("实时公开", form.QuerySelectorAll("#TimeLimitKind option").Select(o => o.Text()));
        Assert.Null(form.QuerySelector("[name=DepartmentId]")); // the department is never a form field
        foreach (var input in form.QuerySelectorAll("form[action='/manage/items/new'] input:not([type=hidden]), form[action='/manage/items/new'] select, form[action='/manage/items/new'] textarea")
                     .Where(e => e.GetAttribute("type") != "checkbox"))
            Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));

        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);

        var (list, listDoc) = await Html.GetAsync(client, "/manage/items");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("已新增公开事项", listDoc.QuerySelector(".flash").Text(), StringComparison.Ordinal);
        var row = listDoc.QuerySelector($"#item-{id}")!;
        Assert.Equal(post.Name, row.QuerySelector("th a").Text());
        Assert.Equal("在用", row.QuerySelector(".badge").Text());
        Assert.Contains("新增 · 李编辑（县住建局）", row.Text(), StringComparison.Ordinal);
        Assert.Equal("0 条", row.QuerySelectorAll("td")[2].Text());
        // Grouped by domain, then stage.
        var section = row.Closest("section")!;
        Assert.Equal(ItemFormPost.DomainName, section.QuerySelector("h2").Text());
        Assert.Contains(ItemFormPost.StageName, section.QuerySelectorAll("h3").Select(h => h.Text()));

        // The public page, to anyone, with every element.
        var (page, doc) = await Html.GetAsync(Browserish.NewClient(factory), $"/items/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var elements = doc.DefinitionList(".elements");
        Assert.Equal(post.Values["NameLevel1"], elements["事项名称（一级）"]);
        Assert.Equal(post.Values["NameLevel2"], elements["事项名称（二级）"]);
        Assert.Equal(post.Values["Content"], elements["公开内容（要素）"]);
        Assert.Equal(post.Values["Basis"], elements["公开依据"]);
        Assert.Equal("办结后10日内", elements["公开时限"]);
        Assert.Equal(Housing, elements["公开主体"]);
        Assert.Equal("政府网站、政务服务中心、社区/村公示栏", elements["公开渠道和载体"]);
        Assert.Equal("特定群众", elements["公开对象"]);
        Assert.Equal("依申请公开", elements["公开方式"]);
        Assert.Equal("乡级", elements["公开层级"]);
        Assert.Equal("每季度", elements["更新频次"]);
        Assert.Equal($"{ItemFormPost.DomainName} · {ItemFormPost.StageName}", elements["所属领域"]);

        // And on the public domain page, under its stage.
        var (_, domainPage) = await Html.GetAsync(Browserish.NewClient(factory), $"/domains/{ItemFormPost.DomainCode}?stage={ItemFormPost.StageCode}");
        Assert.Contains(post.Name, domainPage.QuerySelectorAll(".item-card h3").Select(h => h.Text()));

        await using var db = factory.NewDbContext();
        var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
        Assert.Equal(await db.Departments.Where(d => d.Name == Housing).Select(d => d.Id).SingleAsync(), item.DepartmentId);
        Assert.Equal(new TimeLimitRule(TimeLimitKind.DaysAfterCompletion, 10), item.TimeLimit);
        Assert.Equal(DisclosureChannels.GovernmentWebsite | DisclosureChannels.ServiceCentre | DisclosureChannels.NoticeBoard, item.Channels);
        var revision = await db.CatalogueItemRevisions.SingleAsync(r => r.CatalogueItemId == id);
        Assert.Equal((1, CatalogueItemChange.Added), (revision.RevisionNumber, revision.Change));
        Assert.Equal(await ItemFormPost.UserIdAsync(db, "editor.housing"), revision.ActorId);
        Assert.Equal("李编辑（县住建局）", revision.ActorName);
        Assert.Contains(post.Values["Content"], revision.SnapshotJson, StringComparison.Ordinal);
        var audit = await db.AuditEvents.SingleAsync(a => a.EntityType == "CatalogueItem" && a.EntityId == id.ToString());
        Assert.Equal("catalogue-item.add", audit.Action);
        Assert.Equal(revision.ActorId, audit.ActorId);
    }

    [Fact]
    public async Task List_ShowsOnlyTheEditorsDepartment_WithPublishedCounts()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var id = await post.CreateAsync(client);
        await using (var db = factory.NewDbContext())
        {
            var item = await db.CatalogueItems.SingleAsync(i => i.Id == id);
            var record = DisclosurePortal.Domain.Publishing.Record.Create(item.DepartmentId, item.Id, item.DomainId, item.StageId, RecordKind.Notice, factory.Clock.GetUtcNow());
            db.Records.Add(record);
            await db.SaveChangesAsync();
            var version = RecordVersion.CreateDraft(record, 1, new RecordMetadata { Title = $"测试信息 {Guid.NewGuid():N}", IssuingOrgan = Housing, Body = "正文。" }, "测试", factory.Clock.GetUtcNow());
            version.Submit(factory.Clock.GetUtcNow());
            version.Publish(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), factory.Clock.GetUtcNow());
            db.RecordVersions.Add(version);
            await db.SaveChangesAsync();
        }

        var (_, doc) = await Html.GetAsync(client, "/manage/items");
        Assert.Equal("青川县住房和城乡建设局公开事项目录", doc.QuerySelector("h1").Text());
        Assert.Equal("1 条", doc.QuerySelector($"#item-{id}")!.QuerySelectorAll("td")[2].Text());

        await using var check = factory.NewDbContext();
        var housingId = await check.Departments.Where(d => d.Name == Housing).Select(d => d.Id).SingleAsync();
        var mine = await check.CatalogueItems.Where(i => i.DepartmentId == housingId).Select(i => i.Id).ToListAsync();
        var shown = doc.QuerySelectorAll("tr[id^=item-]").Select(tr => int.Parse(tr.Id!["item-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(mine.Order(), shown.Order());

        // Another department's editor sees their own catalogue, not this item.
        var (_, finance) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "editor.finance"), "/manage/items");
        Assert.Equal("青川县财政局公开事项目录", finance.QuerySelector("h1").Text());
        Assert.Null(finance.QuerySelector($"#item-{id}"));
    }

    [Theory]
    [InlineData("DomainId", "请选择领域。")]
    [InlineData("StageId", "请选择环节。")]
    [InlineData("NameLevel1", "请填写事项名称（一级）。")]
    [InlineData("NameLevel2", "请填写事项名称（二级）。")]
    [InlineData("Content", "请填写公开内容。")]
    [InlineData("Basis", "请填写公开依据。")]
    [InlineData("TimeLimitText", "请填写公开时限。")]
    [InlineData("TimeLimitKind", "请选择公开时限的计算方式。")]
    [InlineData("TimeLimitAmount", "请填写天数（实时公开填 0）。")]
    [InlineData("Method", "请选择公开方式。")]
    [InlineData("Channels", "请至少选择一个公开渠道和载体。")]
    [InlineData("Audience", "请选择公开对象。")]
    [InlineData("Level", "请选择公开层级。")]
    [InlineData("Frequency", "请选择更新频次。")]
    public async Task MissingElement_Is400_WithItsMessageBesideTheField_AndEveryOtherValueKept(string field, string message)
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var full = new ItemFormPost(int.Parse(post.Values["DomainId"]), int.Parse(post.Values["StageId"]));
        foreach (var (k, v) in post.Values) full.Values[k] = v;
        post.Without(field);

        var response = await post.PostAsync(client, "/manage/items/new", "/manage/items/new");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector($"#{field}-error").Text());
        Assert.NotNull(doc.QuerySelector(".form-errors"));
        // Exactly one field is wrong.
        Assert.Single(doc.QuerySelectorAll(".field-error"), e => e.Text().Length > 0);
        var control = field == "Channels" ? doc.QuerySelector("input[name=Channels]")! : doc.QuerySelector($"#{field}")!;
        Assert.Equal("true", control.GetAttribute("aria-invalid"));
        var describedBy = (field == "Channels" ? control.Closest("fieldset")! : control).GetAttribute("aria-describedby")!;
        Assert.Contains($"{field}-error", describedBy.Split(' '));

        AssertKept(doc, full, except: field);
        await using var db = factory.NewDbContext();
        Assert.False(await db.CatalogueItems.AnyAsync(i => i.NameLevel2 == full.Values["NameLevel2"]));
    }

    [Theory]
    [InlineData("NameLevel1", "10000", "事项名称（一级）不能超过 200 个字。")]
    [InlineData("NameLevel2", "201", "事项名称（二级）不能超过 200 个字。")]
    [InlineData("Content", "10000", "公开内容不能超过 2000 个字。")]
    [InlineData("Basis", "2001", "公开依据不能超过 2000 个字。")]
    [InlineData("TimeLimitText", "10000", "公开时限不能超过 200 个字。")]
    [InlineData("Method", "99", "公开方式的选项无效，请从列表中选择。")]
    [InlineData("Audience", "-1", "公开对象的选项无效，请从列表中选择。")]
    [InlineData("Level", "县级", "公开层级的选项无效，请从列表中选择。")]
    [InlineData("Frequency", "3.5", "更新频次的选项无效，请从列表中选择。")]
    [InlineData("TimeLimitKind", "99", "公开时限的计算方式无效，请从列表中选择。")]
    [InlineData("TimeLimitAmount", "abc", "天数应为整数，例如 20。")]
    [InlineData("TimeLimitAmount", "99999999999999", "天数应为整数，例如 20。")]
    [InlineData("TimeLimitAmount", "0", "按办结后日数计算时，天数应为 1 到 365 之间的整数。")]
    [InlineData("TimeLimitAmount", "366", "按办结后日数计算时，天数应为 1 到 365 之间的整数。")]
    [InlineData("DomainId", "abc", "所选领域不存在，请从列表中选择。")]
    [InlineData("DomainId", "999999", "所选领域不存在，请从列表中选择。")]
    [InlineData("StageId", "0", "所选环节不存在，请从列表中选择。")]
    public async Task HostileValue_Is400_WithAChineseMessage_NotAServerError(string field, string value, string message)
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var name = post.Values["NameLevel2"];
        // "10000" etc. stand for a string of that many characters.
        var posted = int.TryParse(value, out var length) && field is "NameLevel1" or "NameLevel2" or "Content" or "Basis" or "TimeLimitText"
            ? new string('长', length) : value;
        post.With(field, posted);

        // Choices the lists do not offer ("abc" as a domain) can only be sent by editing the page: a tampered form.
        var response = await post.PostTamperedAsync(client, "/manage/items/new", "/manage/items/new");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector($"#{field}-error").Text());
        if (field is "TimeLimitAmount" or "NameLevel1" or "NameLevel2" or "TimeLimitText")
            Assert.Equal(posted, doc.QuerySelector($"#{field}")!.GetAttribute("value")); // shown back as typed
        await using var db = factory.NewDbContext();
        Assert.False(await db.CatalogueItems.AnyAsync(i => i.NameLevel2 == name));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("3")]          // two flags at once: not one checkbox
    [InlineData("16384")]      // 1 << 14: past the last channel
    [InlineData("网站")]
    public async Task UnknownChannel_Is400_WithAChineseMessage(string channel)
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        post.Channels = ["1", channel];
        var response = await post.PostTamperedAsync(client, "/manage/items/new", "/manage/items/new");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("公开渠道和载体中有无效的选项，请从列表中勾选。", doc.QuerySelector("#Channels-error").Text());
        Assert.Equal(["1"], doc.QuerySelectorAll("input[name=Channels][checked]").Select(c => c.GetAttribute("value")));
    }

    [Theory]
    [InlineData("3", "0", "定期公开的截止日应为当月第 1 到 28 日之间的整数。")]   // MonthlyByDay
    [InlineData("4", "29", "定期公开的截止日应为当月第 1 到 28 日之间的整数。")]  // QuarterlyByDay
    [InlineData("5", "31", "定期公开的截止日应为当月第 1 到 28 日之间的整数。")]  // AnnuallyByDay
    [InlineData("6", "3", "实时公开不计天数，请填 0。")]                          // RealTime
    [InlineData("1", "0", "按工作日计算时，天数应为 1 到 365 之间的整数。")]      // WorkingDaysAfterFormed
    public async Task AmountThatDoesNotSuitItsKind_IsExplained(string kind, string amount, string message)
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = (await ItemFormPost.ForAsync(factory)).With("TimeLimitKind", kind).With("TimeLimitAmount", amount);
        var response = await post.PostAsync(client, "/manage/items/new", "/manage/items/new");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector("#TimeLimitAmount-error").Text());
        Assert.Equal(kind, doc.QuerySelector("#TimeLimitKind option[selected]")!.GetAttribute("value"));
        Assert.Equal(amount, doc.QuerySelector("#TimeLimitAmount")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RealTime_WithZero_IsAccepted()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = (await ItemFormPost.ForAsync(factory)).With("TimeLimitKind", "6").With("TimeLimitAmount", " 0 ");
        var id = await post.CreateAsync(client);
        await using var db = factory.NewDbContext();
        Assert.Equal(new TimeLimitRule(TimeLimitKind.RealTime, 0), (await db.CatalogueItems.SingleAsync(i => i.Id == id)).TimeLimit);
    }

    [Fact]
    public async Task PostedDepartment_IsIgnored_TheItemIsTheEditorsOwn()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        await using var db = factory.NewDbContext();
        var finance = await db.Departments.Where(d => d.Name == "青川县财政局").Select(d => d.Id).SingleAsync();
        var post = (await ItemFormPost.ForAsync(factory)).With("DepartmentId", finance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The form has no department field: one added to it by hand is ignored.
        var response = await post.PostTamperedAsync(client, "/manage/items/new", "/manage/items/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString["/manage/items#item-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(finance, (await db.CatalogueItems.SingleAsync(i => i.Id == id)).DepartmentId);
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefused()
    {
        var client = await Browserish.SignedInAsync(factory, "editor.housing");
        var post = await ItemFormPost.ForAsync(factory);
        var response = await client.PostAsync("/manage/items/new", new FormUrlEncodedContent(post.Fields()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = factory.NewDbContext();
        Assert.False(await db.CatalogueItems.AnyAsync(i => i.NameLevel2 == post.Values["NameLevel2"]));
    }

    /// <summary>Every value of <paramref name="expected"/> except <paramref name="except"/> is in the re-rendered form.</summary>
    internal static void AssertKept(IDocument doc, ItemFormPost expected, string? except = null)
    {
        foreach (var (field, value) in expected.Values.Where(kv => kv.Key != except))
        {
            var control = doc.QuerySelector($"#{field}")!;
            var shown = control.LocalName switch
            {
                "select" => control.QuerySelector("option[selected]")?.GetAttribute("value"),
                "textarea" => control.TextContent,
                _ => control.GetAttribute("value"),
            };
            Assert.True(value == shown, $"{field}: expected “{value}”, shown “{shown}”");
        }
        if (except != "Channels")
            Assert.Equal(expected.Channels.Order(), doc.QuerySelectorAll("input[name=Channels][checked]").Select(c => c.GetAttribute("value")!).Order());
    }
}

public sealed class CreateItemOnSqlite(SqlitePortal factory) : CreateItemTests(factory), IClassFixture<SqlitePortal>;

public sealed class CreateItemOnPostgres(PostgresPortal factory) : CreateItemTests(factory), IClassFixture<PostgresPortal>;
