using System.Globalization;
using System.Net;
using DisclosurePortal.Domain.Powers;
using DisclosurePortal.Web.Tests.Infrastructure;
using DisclosurePortal.Web.Tests.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Tests.Powers;

/// <summary>
/// 权责清单 through its forms, as a browser posts them: a department drafts a power with its flowchart and submits it,
/// the office approves or returns it, the public reads it on /powers; a change keeps the public version until approved
/// and shows its 20-working-day flowchart deadline to the editor and the office.
/// </summary>
public abstract class PowerTests(PortalFactory factory)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Draft(string name, string office = "审批股") => new()
    {
        ["Name"] = name,
        ["Category"] = nameof(PowerCategory.Licensing),
        ["LegalBasis"] = "《中华人民共和国建筑法》第七条",
        ["Office"] = office,
        ["Steps[0].Actor"] = "住建窗口",
        ["Steps[0].Action"] = "受理申请",
        ["Steps[0].TimeLimit"] = "即时",
        ["Steps[1].Actor"] = "审批股",
        ["Steps[1].Action"] = "审查并作出决定",
        ["Steps[1].TimeLimit"] = "5个工作日",
    };

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)];

    private async Task<(int Id, string Page)> CreatedAsync(HttpClient editor, string name)
    {
        var created = await Browserish.PostFormAsync(editor, "/manage/powers/new", "/manage/powers/new", Draft(name));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        return (int.Parse(page.Split('/').Last(), CultureInfo.InvariantCulture), page);
    }

    [Fact]
    public async Task Power_DraftedSubmittedAndApproved_IsPublicWithItsFlowchart()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var name = Unique("施工许可");
        var (id, page) = await CreatedAsync(editor, name);

        // Not public before approval; another department's editor: as if it did not exist (ADR 6).
        Assert.Equal(HttpStatusCode.NotFound, (await Browserish.NewClient(factory).GetAsync($"/powers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Browserish.SignedInAsync(factory, "editor.finance")).GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Browserish.SignedInAsync(factory, "editor.finance")).GetAsync($"{page}/edit")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, page, $"{page}/submit", [])).StatusCode);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var (_, queue) = await Html.GetAsync(reviewer, "/review");
        Assert.NotNull(queue.QuerySelector($"#powers a[href='{page}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", [])).StatusCode);

        var citizen = Browserish.NewClient(factory);
        var (response, shown) = await Html.GetAsync(citizen, $"/powers/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, shown.QuerySelector("h1").Text());
        Assert.Equal("审批股", shown.DefinitionList(".power-facts")["承办机构"]);
        Assert.Equal("行政许可", shown.DefinitionList(".power-facts")["权力类别"]);
        var figure = shown.QuerySelector("figure#power-flow")!;
        Assert.Equal("img", figure.QuerySelector("svg")!.GetAttribute("role"));
        var steps = figure.QuerySelectorAll("ol > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Contains("受理申请", steps[0], StringComparison.Ordinal);
        Assert.Contains("5个工作日", steps[1], StringComparison.Ordinal);

        int housing;
        await using (var db = factory.NewDbContext())
        {
            housing = await db.Powers.Where(p => p.Id == id).Select(p => p.DepartmentId).SingleAsync();
            var codes = await db.AuditEvents.Where(e => e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.EntityType == "Power").Select(e => e.Action).ToListAsync();
            Assert.Equal(["power.approve", "power.create", "power.submit"], codes.Order(StringComparer.Ordinal));
        }
        // Listed under its department and category, not under another category.
        var (_, listed) = await Html.GetAsync(citizen, $"/powers?department={housing}&category={(int)PowerCategory.Licensing}");
        Assert.NotNull(listed.QuerySelector($".power-table a[href='/powers/{id}']"));
        Assert.Equal(housing.ToString(CultureInfo.InvariantCulture), listed.QuerySelector("#power-department option[selected]")!.GetAttribute("value"));
        var (_, other) = await Html.GetAsync(citizen, $"/powers?department={housing}&category={(int)PowerCategory.Reward}");
        Assert.Null(other.QuerySelector($".power-table a[href='/powers/{id}']"));
    }

    [Fact]
    public async Task Change_ToAPublicPower_KeepsThePublicVersion_UntilApproved_AndShowsItsDeadline()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        var name = Unique("变更测试");
        var (id, page) = await CreatedAsync(editor, name);
        await Browserish.PostFormAsync(editor, page, $"{page}/submit", []);
        await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", []);

        // A change needs the day the power changed: refused beside the field, everything typed kept.
        var change = Draft(name, office: "行政审批股");
        change["ChangedOn"] = "";
        var refused = await Browserish.PostFormAsync(editor, $"{page}/edit", $"{page}/edit", change);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await Html.ParseAsync(refused);
        Assert.Contains("请填写权力事项发生变化的日期。", form.QuerySelector("#ChangedOn-error").Text(), StringComparison.Ordinal);
        Assert.Equal("行政审批股", form.QuerySelector("#Office")!.GetAttribute("value"));
        Assert.Equal("审查并作出决定", form.QuerySelector("#Steps_1__Action")!.GetAttribute("value"));

        var today = factory.Clock.Today();
        change["ChangedOn"] = Iso(today);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(editor, $"{page}/edit", $"{page}/edit", change)).StatusCode);

        // The public still reads the approved version; the editor and the office see the deadline.
        var (_, publicPage) = await Html.GetAsync(Browserish.NewClient(factory), $"/powers/{id}");
        Assert.Equal("审批股", publicPage.DefinitionList(".power-facts")["承办机构"]);
        var (_, staff) = await Html.GetAsync(editor, page);
        Assert.Contains(Iso(Domain.Powers.PowerRules.FlowchartDueOn(today, await CalendarAsync())), staff.QuerySelector("#flowchart-due").Text(), StringComparison.Ordinal);
        var (_, office) = await Html.GetAsync(reviewer, "/office");
        Assert.NotNull(office.QuerySelector($"#flowchart-deadlines a[href='{page}']"));

        await Browserish.PostFormAsync(editor, page, $"{page}/submit", []);
        await Browserish.PostFormAsync(reviewer, page, $"{page}/approve", []);
        var (_, revised) = await Html.GetAsync(Browserish.NewClient(factory), $"/powers/{id}");
        Assert.Equal("行政审批股", revised.DefinitionList(".power-facts")["承办机构"]);
        Assert.Equal(2, revised.QuerySelectorAll(".power-versions li").Length);
        var (_, after) = await Html.GetAsync(reviewer, "/office");
        Assert.Null(after.QuerySelector($"#flowchart-deadlines a[href='{page}']"));
    }

    [Fact]
    public async Task Change_NotPublishedWithinTwentyWorkingDays_IsOverdue_OnTheDashboards()
    {
        int id;
        var today = factory.Clock.Today();
        await using (var db = factory.NewDbContext())
        {
            // Past dates are facts the forms cannot produce: published 90 days ago, changed 60 days ago, still a draft.
            var housing = await db.Departments.SingleAsync(d => d.OrganisationCode == WorkflowSupport.HousingOrganisationCode);
            var power = Power.Create(housing.Id, new PowerDraft
            {
                Name = Unique("逾期测试"), Category = PowerCategory.Inspection, LegalBasis = "《建设工程质量管理条例》第四十三条", Office = "监督站",
                Steps = [new("监督站", "检查", null)],
            }, "测试", null, DateTimeOffset.UtcNow);
            power.Submit("测试", null, DateTimeOffset.UtcNow);
            power.Approve(today.AddDays(-90), "测试", null, DateTimeOffset.UtcNow);
            power.Save(new PowerDraft { Name = "逾期测试", Category = PowerCategory.Inspection, LegalBasis = "同上", Office = "质监站", Steps = [new("质监站", "检查", null)] },
                today.AddDays(-60), today, "测试", null, DateTimeOffset.UtcNow);
            db.Powers.Add(power);
            await db.SaveChangesAsync();
            id = power.Id;
        }
        var (_, office) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "reviewer"), "/office");
        var row = office.QuerySelector($"#flowchart-deadlines a[href='/manage/powers/{id}']")!.ParentElement!;
        Assert.Contains("已逾期", row.TextContent, StringComparison.Ordinal);
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, mine) = await Html.GetAsync(editor, "/manage/powers");
        Assert.Contains("已逾期", mine.QuerySelector($"a[href='/manage/powers/{id}']")!.Closest("tr")!.TextContent, StringComparison.Ordinal);
        var (_, dashboard) = await Html.GetAsync(editor, "/manage");
        Assert.True(int.Parse(dashboard.QuerySelector("#powers-title + ul .stat").Text(), CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task Return_NeedsAReason_AndTheDraftCarriesIt()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var (_, page) = await CreatedAsync(editor, Unique("退回测试"));
        await Browserish.PostFormAsync(editor, page, $"{page}/submit", []);
        var reviewer = await Browserish.SignedInAsync(factory, "reviewer");
        Assert.Equal(HttpStatusCode.BadRequest, (await Browserish.PostFormAsync(reviewer, page, $"{page}/return", new() { ["reason"] = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(reviewer, page, $"{page}/return", new() { ["reason"] = "法律依据请写到条款。" })).StatusCode);
        var (_, edit) = await Html.GetAsync(editor, $"{page}/edit");
        Assert.Contains("法律依据请写到条款。", edit.QuerySelector(".notice").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefusedBesideTheField_WithA4xx()
    {
        var editor = await Browserish.SignedInAsync(factory, "editor.housing");
        var draft = Draft(Unique("坏输入"));
        draft["Category"] = "";
        draft["Steps[1].Actor"] = "";
        var response = await Browserish.PostFormAsync(editor, "/manage/powers/new", "/manage/powers/new", draft);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("请选择权力类别。", doc.QuerySelector("#Category-error").Text(), StringComparison.Ordinal);
        Assert.Contains("请填写办理主体。", doc.QuerySelector("#Steps_1__Actor-error").Text(), StringComparison.Ordinal);
        Assert.Equal("审查并作出决定", doc.QuerySelector("#Steps_1__Action")!.GetAttribute("value"));

        var citizen = Browserish.NewClient(factory);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync("/powers?category=99")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync("/powers?department=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.GetAsync("/powers?department=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/powers/999999")).StatusCode);
    }

    private async Task<Domain.Calendar.WorkingCalendar> CalendarAsync()
    {
        await using var db = factory.NewDbContext();
        return await DisclosurePortal.Data.CalendarLoader.LoadAsync(db, CancellationToken.None);
    }
}

public sealed class PowersOnSqlite(SqlitePortal factory) : PowerTests(factory), IClassFixture<SqlitePortal>;

public sealed class PowersOnPostgres(PostgresPortal factory) : PowerTests(factory), IClassFixture<PostgresPortal>;
