using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Workflow.WorkflowSupport;

namespace DisclosurePortal.Web.Tests.Workflow;

public abstract class RecordFormAndDashboardTests(PortalFactory factory)
{
    private Dictionary<string, string> Valid(int itemId) => new()
    {
        ["CatalogueItemId"] = itemId.ToString(),
        ["Kind"] = "8",
        ["Title"] = $"表单测试 {Guid.NewGuid():N}",
        ["DocumentNumber"] = "青住建发〔2026〕88号",
        ["IssuingOrgan"] = "青川县住房和城乡建设局",
        ["TopicCategory"] = "城乡建设",
        ["WrittenOn"] = factory.Clock.Today().ToString("yyyy-MM-dd"),
        ["Validity"] = "1",
        ["DisclosureAttribute"] = "1",
        ["Body"] = "正文第一段。",
        ["Intent"] = "save",
    };

    [Theory]
    [InlineData("Title", "", "请填写标题。")]
    [InlineData("IssuingOrgan", "", "请填写发文机关。")]
    [InlineData("Kind", "", "请选择信息类别。")]
    [InlineData("Kind", "99", "不是有效的值")] // not offered by the list: sent tampered
    [InlineData("Validity", "abc", "不是有效的值")] // likewise
    [InlineData("WrittenOn", "2999-01-01", "成文日期不能晚于今天。")]
    [InlineData("WrittenOn", "not-a-date", "不是有效的值")]
    [InlineData("DisclosureAttribute", "3", "不予公开的信息须说明理由。")]
    [InlineData("CatalogueItemId", "999999", "请选择本部门的公开事项。")]
    public async Task InvalidField_IsExplainedBesideIt_AndEverythingTypedIsKept(string field, string value, string message)
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var form = Valid(item.Id);
        form[field] = value;
        await using var before = factory.NewDbContext();
        var records = await before.Records.CountAsync();

        var offered = (field, value) is not (("Kind", "99") or ("Validity", "abc") or ("CatalogueItemId", "999999"));
        var response = offered
            ? await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", form)
            : await ForgedRequests.TamperedFormAsync(editor, "/manage/records/new", "/manage/records/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        var errorFor = field == "DisclosureAttribute" ? "NonDisclosureReason" : field;
        Assert.Contains(message, doc.QuerySelector($"#{errorFor}-error").Text(), StringComparison.Ordinal);
        Assert.Equal("true", doc.QuerySelector($"#{errorFor}")!.GetAttribute("aria-invalid"));
        if (field != "Title") Assert.Equal(form["Title"], doc.QuerySelector("#Title")!.GetAttribute("value"));
        Assert.Equal(form["DocumentNumber"], doc.QuerySelector("#DocumentNumber")!.GetAttribute("value"));
        Assert.Equal(form["Body"], doc.QuerySelector("#Body").Text());
        Assert.Contains("您已填写的内容均已保留", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        await using var after = factory.NewDbContext();
        Assert.Equal(records, await after.Records.CountAsync());
    }

    /// <summary>A date that does not bind does not keep the validator from judging the other fields (ADR 25).</summary>
    [Fact]
    public async Task ADateThatDoesNotBind_AndAnEmptyTitle_AreBothExplained_AtOnce()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        var form = Valid(item.Id);
        form["WrittenOn"] = "not-a-date";
        form["Title"] = "";

        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("不是有效的值", doc.QuerySelector("#WrittenOn-error").Text(), StringComparison.Ordinal);
        Assert.Equal("请填写标题。", doc.QuerySelector("#Title-error").Text());
    }

    [Fact]
    public async Task HostileValues_Are400s_NeverA500()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var item = await HousingItemAsync(factory);
        foreach (var (field, value) in new[]
                 {
                     ("Title", new string('长', 10_000)), ("Title", "标题\u0000\u0007"), ("DocumentNumber", new string('号', 500)),
                     ("Body", new string('文', 200_001)), ("InterpretationForm", "77"), ("CatalogueItemId", "-5"), ("Version", "x"),
                 })
        {
            var form = Valid(item.Id);
            form[field] = value;
            var response = await ForgedRequests.TamperedFormAsync(editor, "/manage/records/new", "/manage/records/new", form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}={value[..Math.Min(12, value.Length)]}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Preview_RendersTheMarkdown_WithoutSaving()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var form = Valid((await HousingItemAsync(factory)).Id);
        form["Body"] = "### 小标题\n\n<script>alert(1)</script>";
        form["Intent"] = "preview";
        var response = await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("小标题", doc.QuerySelector(".preview h3").Text());
        Assert.Empty(doc.QuerySelectorAll(".preview script"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.RecordVersions.AnyAsync(v => v.Title == form["Title"]));
    }

    [Fact]
    public async Task Dashboard_ListsUnpublishedRecordsPastOrNearTheirItemsTimeLimit_OnTheWorkingDayCalendar()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        CatalogueItem item;
        await using (var db = factory.NewDbContext())
        {
            var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == HousingOrganisationCode);
            item = (await db.CatalogueItems.Where(i => i.DepartmentId == housing.Id).ToListAsync())
                .First(i => i.TimeLimit.Kind == TimeLimitKind.WorkingDaysAfterFormed && i.TimeLimit.Amount >= 5);
        }
        var today = factory.Clock.Today();
        var overdueForm = Valid(item.Id);
        overdueForm["WrittenOn"] = today.AddDays(-90).ToString("yyyy-MM-dd");
        var freshForm = Valid(item.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", overdueForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, "/manage/records/new", "/manage/records/new", freshForm)).StatusCode);

        var (_, doc) = await Html.GetAsync(editor, "/manage");
        var rows = doc.QuerySelectorAll(".staff-table tbody tr").ToList();
        var overdue = rows.Single(r => r.QuerySelector("a").Text() == overdueForm["Title"]);
        await using var db2 = factory.NewDbContext();
        var calendar = await CalendarLoader.LoadAsync(db2);
        var due = calendar.AddWorkingDays(today.AddDays(-90), item.TimeLimit.Amount);
        Assert.Contains($"{due:yyyy-MM-dd} 已超期", overdue.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.QuerySelector("a").Text() == freshForm["Title"]);
    }
}

public sealed class RecordFormAndDashboardOnSqlite(SqlitePortal factory) : RecordFormAndDashboardTests(factory), IClassFixture<SqlitePortal>;

public sealed class RecordFormAndDashboardOnPostgres(PostgresPortal factory) : RecordFormAndDashboardTests(factory), IClassFixture<PostgresPortal>;
