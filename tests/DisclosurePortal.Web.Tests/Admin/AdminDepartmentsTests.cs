using System.Net;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;

namespace DisclosurePortal.Web.Tests.Admin;

public abstract class AdminDepartmentsTests(PortalFactory factory)
{
    private static readonly string[] Fields = ["Name", "ShortName", "OrganisationCode", "DocumentPrefix", "SortOrder"];

    [Fact]
    public async Task Create_WithValidData_AppearsInTheListAndTheDatabase_WithAnAuditEvent()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = DepartmentFields();

        var response = await Browserish.PostFormAsync(admin, "/admin/departments/new", "/admin/departments/new", fields);

        Assert.Equal("/admin/departments", response.Headers.Location?.OriginalString);
        Assert.Equal($"已新建部门“{fields["Name"]}”。", await FlashAfterAsync(admin, response));
        await using var db = factory.NewDbContext();
        var saved = await db.Departments.AsNoTracking().SingleAsync(d => d.Name == fields["Name"]);
        Assert.Equal((fields["ShortName"], fields["OrganisationCode"], fields["DocumentPrefix"], 500, true),
            (saved.ShortName, saved.OrganisationCode, saved.DocumentPrefix, saved.SortOrder, saved.IsActive));

        var (_, list) = await Html.GetAsync(admin, "/admin/departments?page=1");
        var row = list.QuerySelectorAll("tbody tr").SingleOrDefault(r => r.QuerySelector("th[scope=row]").Text() == fields["Name"]);
        Assert.NotNull(row);
        var cells = row.QuerySelectorAll("td").Select(td => td.Text()).ToList();
        Assert.Equal([fields["ShortName"], fields["OrganisationCode"], fields["DocumentPrefix"], "使用中", "0", "0"], cells.Take(6));

        var audit = Assert.Single(await AuditEventsAsync(factory, "Department", saved.Id));
        Assert.Equal("department.create", audit.Action);
        Assert.Equal("系统管理员", audit.ActorName);
        Assert.Equal(await AdminIdAsync(factory), audit.ActorId);
        Assert.Contains(fields["OrganisationCode"], audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_CountsEachDepartmentsCatalogueItemsAndEditors()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        await using var db = factory.NewDbContext();
        var housing = await db.Departments.AsNoTracking().SingleAsync(d => d.OrganisationCode == "11511099022152793X");
        var items = await db.CatalogueItems.CountAsync(i => i.DepartmentId == housing.Id && i.Status == Domain.Catalogue.CatalogueItemStatus.Active);
        var editors = await db.Users.CountAsync(u => u.DepartmentId == housing.Id);

        var (response, list) = await Html.GetAsync(admin, "/admin/departments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("部门管理", list.QuerySelector("h1").Text());
        Assert.Single(list.QuerySelectorAll("h1"));
        Assert.All(list.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th[scope=row]").Text() == housing.Name);
        var cells = row.QuerySelectorAll("td").Select(td => td.Text()).ToList();
        Assert.True(items > 0 && editors > 0);
        Assert.Equal(items.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[4]);
        Assert.Equal(editors.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[5]);
        Assert.All(list.QuerySelectorAll("main form"), f => Assert.Equal("post", f.GetAttribute("method")));
        Assert.All(list.QuerySelectorAll("main form"), f => Assert.NotNull(f.QuerySelector($"input[name={Browserish.TokenField}]")));
    }

    [Fact]
    public async Task Edit_WithValidData_UpdatesTheDatabase_AndRecordsWhatChanged()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var page = $"/admin/departments/{department.Id}/edit";
        var (form, doc) = await Html.GetAsync(admin, page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(department.Name, doc.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Null(doc.QuerySelector("#OrganisationCode")!.GetAttribute("readonly"));
        foreach (var field in Fields) Assert.NotNull(doc.QuerySelector($"label[for={field}]"));

        var fields = DepartmentFields();
        fields["OrganisationCode"] = fields["OrganisationCode"].ToLowerInvariant(); // written in capitals when saved
        var response = await Browserish.PostFormAsync(admin, page, page, fields);

        Assert.Equal($"已保存部门“{fields["Name"]}”。", await FlashAfterAsync(admin, response));
        await using var db = factory.NewDbContext();
        var saved = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id);
        Assert.Equal((fields["Name"], fields["ShortName"], fields["OrganisationCode"].ToUpperInvariant(), fields["DocumentPrefix"], 500),
            (saved.Name, saved.ShortName, saved.OrganisationCode, saved.DocumentPrefix, saved.SortOrder));
        var audit = Assert.Single(await AuditEventsAsync(factory, "Department", department.Id));
        Assert.Equal("department.update", audit.Action);
        Assert.Contains($"名称 {department.Name} → {fields["Name"]}", audit.Summary, StringComparison.Ordinal);
        Assert.Contains($"统一社会信用代码 {department.OrganisationCode} → {saved.OrganisationCode}", audit.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name", "", "请输入部门名称。")]
    [InlineData("Name", "101", "部门名称不能超过 100 个字。")]
    [InlineData("ShortName", " ", "请输入部门简称。")]
    [InlineData("ShortName", "51", "部门简称不能超过 50 个字。")]
    [InlineData("OrganisationCode", "", "请输入统一社会信用代码。")]
    [InlineData("OrganisationCode", "1151109907624039", "统一社会信用代码应为 18 位数字和大写字母（不含 I、O、Z、S、V）。")]
    [InlineData("OrganisationCode", "1151109907624039IO", "统一社会信用代码应为 18 位数字和大写字母（不含 I、O、Z、S、V）。")]
    [InlineData("DocumentPrefix", "", "请输入文号前缀。")]
    [InlineData("DocumentPrefix", "21", "文号前缀不能超过 20 个字。")]
    [InlineData("SortOrder", "", "排序号应为 0 到 9999 之间的整数。")]
    [InlineData("SortOrder", "10000", "排序号应为 0 到 9999 之间的整数。")]
    [InlineData("SortOrder", "-1", "排序号应为 0 到 9999 之间的整数。")]
    [InlineData("SortOrder", "12a", "排序号应为 0 到 9999 之间的整数。")]
    public async Task Create_WithOneInvalidField_Is400_WithTheMessageBesideIt_AndEveryTypedValueKept(string field, string value, string message)
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = DepartmentFields();
        // "101" stands for a value one character too long (the digits name the length).
        fields[field] = int.TryParse(value, out var length) && length > 20 && field != "SortOrder" ? new string('局', length) : value;

        var response = await Browserish.PostFormAsync(admin, "/admin/departments/new", "/admin/departments/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector($"#{field}-error").Text());
        Assert.Equal("true", doc.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Contains("您已填写的内容均已保留", doc.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        foreach (var other in Fields.Where(f => f != field))
        {
            Assert.Equal(fields[other], doc.QuerySelector($"#{other}")!.GetAttribute("value"));
            Assert.Equal(string.Empty, doc.QuerySelector($"#{other}-error").Text());
        }
        if (fields[field].Trim().Length > 0) Assert.Equal(fields[field].Trim(), doc.QuerySelector($"#{field}")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Departments.AnyAsync(d => d.OrganisationCode == fields["OrganisationCode"] || d.ShortName == fields["ShortName"]));
    }

    [Fact]
    public async Task Create_WithAnotherDepartmentsCodeOrName_IsRefused()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var existing = await DepartmentAsync(factory);
        var fields = DepartmentFields();
        fields["OrganisationCode"] = existing.OrganisationCode;
        fields["Name"] = existing.Name;

        var response = await Browserish.PostFormAsync(admin, "/admin/departments/new", "/admin/departments/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("该统一社会信用代码已被其他部门使用。", doc.QuerySelector("#OrganisationCode-error").Text());
        Assert.Equal("已有同名的部门。", doc.QuerySelector("#Name-error").Text());
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.Departments.CountAsync(d => d.OrganisationCode == existing.OrganisationCode));
    }

    [Fact]
    public async Task Edit_KeepingItsOwnCodeAndName_IsNotADuplicate_ButTakingAnothersCodeIs()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var other = await DepartmentAsync(factory);
        var page = $"/admin/departments/{department.Id}/edit";
        var fields = new Dictionary<string, string>
        {
            ["Name"] = department.Name,
            ["ShortName"] = "改过的简称",
            ["OrganisationCode"] = department.OrganisationCode,
            ["DocumentPrefix"] = department.DocumentPrefix,
            ["SortOrder"] = "0",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, page, page, fields)).StatusCode);

        fields["OrganisationCode"] = other.OrganisationCode;
        var refused = await Browserish.PostFormAsync(admin, page, page, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("该统一社会信用代码已被其他部门使用。", (await Html.ParseAsync(refused)).QuerySelector("#OrganisationCode-error").Text());
        await using var db = factory.NewDbContext();
        var saved = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id);
        Assert.Equal(("改过的简称", department.OrganisationCode, 0), (saved.ShortName, saved.OrganisationCode, saved.SortOrder));
    }

    [Fact]
    public async Task ChangingTheCode_OnceIndexNumbersAreIssued_IsRefused_AndOtherFieldsCannotSlipThrough()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var indexNumber = await IssueIndexNumberAsync(factory, department);
        var page = $"/admin/departments/{department.Id}/edit";
        var (_, form) = await Html.GetAsync(admin, page);
        Assert.NotNull(form.QuerySelector("#OrganisationCode")!.GetAttribute("readonly"));
        Assert.Contains("索引号", form.QuerySelector("#OrganisationCode-hint").Text(), StringComparison.Ordinal);

        var fields = DepartmentFields();
        var response = await Browserish.PostFormAsync(admin, page, page, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("该部门已有信息生成了索引号，统一社会信用代码是索引号的组成部分，不能再修改；已生成的索引号保持不变。",
            doc.QuerySelector("#OrganisationCode-error").Text());
        Assert.Equal(fields["OrganisationCode"], doc.QuerySelector("#OrganisationCode")!.GetAttribute("value"));
        Assert.Equal(fields["Name"], doc.QuerySelector("#Name")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        var saved = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id);
        Assert.Equal((department.Name, department.OrganisationCode), (saved.Name, saved.OrganisationCode));
        Assert.True(await db.Records.AnyAsync(r => r.IndexNumber == indexNumber));
        Assert.Empty(await AuditEventsAsync(factory, "Department", department.Id));

        // The other particulars can still be corrected while the code stays.
        fields["OrganisationCode"] = department.OrganisationCode;
        Assert.Equal(HttpStatusCode.Redirect, (await Browserish.PostFormAsync(admin, page, page, fields)).StatusCode);
        Assert.Equal(fields["Name"], (await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id)).Name);
    }

    [Fact]
    public async Task Deactivate_ThenReactivate_ConfirmsEach_LeavesThePublicList_AndIsAudited()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);

        var off = await Browserish.PostFormAsync(admin, "/admin/departments", $"/admin/departments/{department.Id}/deactivate", []);
        Assert.StartsWith($"已停用部门“{department.Name}”", await FlashAfterAsync(admin, off), StringComparison.Ordinal);
        await using (var db = factory.NewDbContext())
            Assert.False((await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id)).IsActive);
        var (_, publicList) = await Html.GetAsync(Browserish.NewClient(factory), "/departments");
        Assert.DoesNotContain(publicList.QuerySelectorAll(".department-name"), n => n.Text() == department.Name);
        // The list offers 启用 now, not 停用: a second deactivation can only be sent by hand (or from a stale page).
        var again = await ForgedRequests.PostAsync(admin, $"/admin/departments/{department.Id}/deactivate", await ForgedRequests.TokenAsync(admin, "/admin/departments"), []);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("该部门已停用。", (await Html.ParseAsync(again)).QuerySelector("main").Text(), StringComparison.Ordinal);

        var on = await Browserish.PostFormAsync(admin, "/admin/departments", $"/admin/departments/{department.Id}/reactivate", []);
        Assert.StartsWith($"已启用部门“{department.Name}”", await FlashAfterAsync(admin, on), StringComparison.Ordinal);
        await using (var db = factory.NewDbContext())
            Assert.True((await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id)).IsActive);

        Assert.Equal(["department.deactivate", "department.activate"], (await AuditEventsAsync(factory, "Department", department.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task List_SendsAsManyQueries_HoweverManyDepartmentsItShows()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        async Task<int> CommandsForTheList()
        {
            factory.Commands.Reset();
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/departments")).StatusCode);
            return factory.Commands.Count;
        }
        var before = await CommandsForTheList();
        for (var i = 0; i < 3; i++) await DepartmentAsync(factory);
        Assert.Equal(before, await CommandsForTheList());
    }

    [Fact]
    public async Task UnknownDepartment_IsNotFound()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/departments/987654/edit")).StatusCode);
        var post = await ForgedRequests.PostAsync(admin, "/admin/departments/987654/deactivate", await ForgedRequests.TokenAsync(admin, "/admin/departments"), []);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}

public sealed class AdminDepartmentsOnSqlite(SqlitePortal factory) : AdminDepartmentsTests(factory), IClassFixture<SqlitePortal>;

public sealed class AdminDepartmentsOnPostgres(PostgresPortal factory) : AdminDepartmentsTests(factory), IClassFixture<PostgresPortal>;
