using System.Net;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;

namespace DisclosurePortal.Web.Tests.Admin;

public abstract class AdminUsersTests(PortalFactory factory)
{
    private static Dictionary<string, string> NewUserFields(string role, int? departmentId) => new()
    {
        ["UserName"] = Unique("staff."),
        ["DisplayName"] = Unique("测试人员"),
        ["Role"] = role,
        ["DepartmentId"] = departmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["Password"] = StrongPassword,
    };

    private Task<HttpResponseMessage> CreateAsync(HttpClient admin, Dictionary<string, string> fields) =>
        Browserish.PostFormAsync(admin, "/admin/users/new", "/admin/users/new", fields);

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, string userId, string action, Dictionary<string, string>? fields = null) =>
        Browserish.PostFormAsync(admin, $"/admin/users/{userId}/edit", $"/admin/users/{userId}/{action}", fields ?? []);

    /// <summary>An action the user's page does not offer, sent by hand with a real token.</summary>
    private static async Task<HttpResponseMessage> ForgedPostAsync(HttpClient admin, string userId, string action) =>
        await ForgedRequests.PostAsync(admin, $"/admin/users/{userId}/{action}", await ForgedRequests.TokenAsync(admin, $"/admin/users/{userId}/edit"), []);

    [Fact]
    public async Task CreateEditor_WithADepartment_IsListed_IsAudited_AndCanSignInToItsDepartment()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var fields = NewUserFields(Roles.Editor, department.Id);

        var response = await CreateAsync(admin, fields);

        Assert.Equal($"已新建账户“{fields["UserName"]}”，可以用初始密码登录。", await FlashAfterAsync(admin, response));
        await using var db = factory.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == fields["UserName"]);
        Assert.Equal((fields["DisplayName"], department.Id), (user.DisplayName, user.DepartmentId));
        Assert.Equal(Roles.Editor, await RoleOfAsync(factory, user.Id));
        var audit = Assert.Single(await AuditEventsAsync(factory, "User", user.Id));
        Assert.Equal("user.create", audit.Action);
        Assert.Contains(department.Name, audit.Summary, StringComparison.Ordinal);

        var (_, list) = await Html.GetAsync(admin, "/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th[scope=row]").Text() == fields["UserName"]);
        Assert.Equal([fields["DisplayName"], "部门编辑", department.Name, "正常"], row.QuerySelectorAll("td").Take(4).Select(td => td.Text()));

        var editor = Browserish.NewClient(factory);
        var signIn = await Browserish.PostFormAsync(editor, "/account/login", "/account/login",
            new() { ["UserName"] = fields["UserName"], ["Password"] = StrongPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var (_, dashboard) = await Html.GetAsync(editor, "/manage");
        Assert.Contains(department.Name, dashboard.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEditor_WithoutADepartment_IsRefused_KeepingWhatWasTyped_ButNotThePassword()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = NewUserFields(Roles.Editor, null);

        var response = await CreateAsync(admin, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("部门编辑必须选择所属部门。", doc.QuerySelector("#DepartmentId-error").Text());
        Assert.Equal(fields["UserName"], doc.QuerySelector("#UserName")!.GetAttribute("value"));
        Assert.Equal(fields["DisplayName"], doc.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Equal(Roles.Editor, doc.QuerySelector("#Role option[selected]")!.GetAttribute("value"));
        Assert.Null(doc.QuerySelector("#Password")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == fields["UserName"]));
    }

    [Theory]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Admin)]
    public async Task CreateReviewerOrAdmin_WithADepartment_IsRefused(string role)
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var fields = NewUserFields(role, department.Id);

        var response = await CreateAsync(admin, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal("只有部门编辑隶属于部门；审核员和系统管理员不能选择部门。", doc.QuerySelector("#DepartmentId-error").Text());
        Assert.Equal(role, doc.QuerySelector("#Role option[selected]")!.GetAttribute("value"));
        Assert.Equal(fields["DepartmentId"], doc.QuerySelector("#DepartmentId option[selected]")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == fields["UserName"]));
    }

    [Fact]
    public async Task CreateReviewer_WithoutADepartment_Works()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = NewUserFields(Roles.Reviewer, null);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(admin, fields)).StatusCode);
        await using var db = factory.NewDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == fields["UserName"]);
        Assert.Null(user.DepartmentId);
        Assert.Equal(Roles.Reviewer, await RoleOfAsync(factory, user.Id));
        Assert.True(await CanSignInAsync(factory, fields["UserName"], StrongPassword));
    }

    [Theory]
    [InlineData("short1!A", "密码至少需要 10 个字符。")]
    [InlineData("nodigits!Abc", "密码须包含至少一个数字。")]
    [InlineData("NoSymbol2026abc", "密码须包含至少一个特殊字符。")]
    [InlineData("alllower#2026", "密码须包含至少一个大写字母。")]
    public async Task Create_WithAWeakPassword_ShowsIdentitysChineseMessageBesideThePassword(string password, string message)
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = NewUserFields(Roles.Reviewer, null);
        fields["Password"] = password;

        var response = await CreateAsync(admin, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(message, doc.QuerySelector("#Password-error").Text());
        Assert.Equal(string.Empty, doc.QuerySelector("#UserName-error").Text());
        Assert.Equal(fields["UserName"], doc.QuerySelector("#UserName")!.GetAttribute("value"));
        Assert.Null(doc.QuerySelector("#Password")!.GetAttribute("value"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == fields["UserName"]));
    }

    [Fact]
    public async Task Create_WithATakenOrMalformedUserName_IsRefusedBesideTheUserName()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var fields = NewUserFields(Roles.Reviewer, null);
        fields["UserName"] = "EDITOR.housing"; // user names compare without case
        var taken = await Html.ParseAsync(await CreateAsync(admin, fields));
        Assert.Equal("该用户名已被使用。", taken.QuerySelector("#UserName-error").Text());

        fields["UserName"] = "张 三";
        var malformed = await CreateAsync(admin, fields);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("用户名只能包含字母、数字和 - . _ @ 符号。", (await Html.ParseAsync(malformed)).QuerySelector("#UserName-error").Text());
    }

    [Fact]
    public async Task Edit_ChangingRoleAndDepartment_SavesThem_RenewsTheSecurityStamp_AndIsAudited()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var from = await DepartmentAsync(factory);
        var to = await DepartmentAsync(factory);
        var user = await UserAsync(factory, Roles.Editor, from.Id);
        var page = $"/admin/users/{user.Id}/edit";
        var (_, form) = await Html.GetAsync(admin, page);
        Assert.Equal(user.DisplayName, form.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Equal(from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#DepartmentId option[selected]")!.GetAttribute("value"));

        var moved = await Browserish.PostFormAsync(admin, page, page, new()
        {
            ["DisplayName"] = "新名字", ["Role"] = Roles.Editor, ["DepartmentId"] = to.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.StartsWith($"已保存账户“{user.UserName}”。新的角色或部门", await FlashAfterAsync(admin, moved), StringComparison.Ordinal);
        var saved = await ReloadUserAsync(factory, user.Id);
        Assert.Equal(("新名字", to.Id), (saved.DisplayName, saved.DepartmentId));
        Assert.NotEqual(user.SecurityStamp, saved.SecurityStamp);

        var promoted = await Browserish.PostFormAsync(admin, page, page, new() { ["DisplayName"] = "新名字", ["Role"] = Roles.Reviewer, ["DepartmentId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(Roles.Reviewer, await RoleOfAsync(factory, user.Id));
        Assert.Null((await ReloadUserAsync(factory, user.Id)).DepartmentId);

        var audit = await AuditEventsAsync(factory, "User", user.Id);
        Assert.Equal(["user.update", "user.update"], audit.Select(e => e.Action));
        Assert.Contains($"部门 {from.Name} → {to.Name}", audit[0].Summary, StringComparison.Ordinal);
        Assert.Contains("角色 部门编辑 → 公开办审核员", audit[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_FollowsTheDepartmentRule()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var department = await DepartmentAsync(factory);
        var reviewer = await UserAsync(factory, Roles.Reviewer);
        var page = $"/admin/users/{reviewer.Id}/edit";
        var id = department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var withDepartment = await Browserish.PostFormAsync(admin, page, page, new() { ["DisplayName"] = "某人", ["Role"] = Roles.Reviewer, ["DepartmentId"] = id });
        Assert.Equal(HttpStatusCode.BadRequest, withDepartment.StatusCode);
        Assert.Equal("只有部门编辑隶属于部门；审核员和系统管理员不能选择部门。", (await Html.ParseAsync(withDepartment)).QuerySelector("#DepartmentId-error").Text());

        var editorWithout = await Browserish.PostFormAsync(admin, page, page, new() { ["DisplayName"] = "某人", ["Role"] = Roles.Editor, ["DepartmentId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, editorWithout.StatusCode);
        var doc = await Html.ParseAsync(editorWithout);
        Assert.Equal("部门编辑必须选择所属部门。", doc.QuerySelector("#DepartmentId-error").Text());
        Assert.Equal("某人", doc.QuerySelector("#DisplayName")!.GetAttribute("value"));

        Assert.Equal((reviewer.DisplayName, (int?)null), ((await ReloadUserAsync(factory, reviewer.Id)).DisplayName, (await ReloadUserAsync(factory, reviewer.Id)).DepartmentId));
        Assert.Equal(Roles.Reviewer, await RoleOfAsync(factory, reviewer.Id));
        Assert.Empty(await AuditEventsAsync(factory, "User", reviewer.Id));
    }

    [Fact]
    public async Task ResetPassword_RetiresTheOldOne_AndTheNewOneSignsIn()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var user = await UserAsync(factory, Roles.Reviewer);
        var page = $"/admin/users/{user.Id}/password";

        var weak = await Browserish.PostFormAsync(admin, page, page, new() { ["NewPassword"] = "weakpass" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var doc = await Html.ParseAsync(weak);
        Assert.Contains("密码至少需要 10 个字符。", doc.QuerySelector("#NewPassword-error").Text(), StringComparison.Ordinal);
        Assert.Contains("密码须包含至少一个大写字母。", doc.QuerySelector("#NewPassword-error").Text(), StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(factory, user.UserName!, StrongPassword));

        const string newPassword = "Another@Pass2027";
        var reset = await Browserish.PostFormAsync(admin, page, page, new() { ["NewPassword"] = newPassword });
        Assert.StartsWith($"已重置账户“{user.UserName}”的密码", await FlashAfterAsync(admin, reset), StringComparison.Ordinal);

        Assert.False(await CanSignInAsync(factory, user.UserName!, StrongPassword));
        Assert.True(await CanSignInAsync(factory, user.UserName!, newPassword));
        Assert.Equal("user.reset-password", Assert.Single(await AuditEventsAsync(factory, "User", user.Id)).Action);
        Assert.NotEqual(user.SecurityStamp, (await ReloadUserAsync(factory, user.Id)).SecurityStamp);
    }

    [Fact]
    public async Task Disable_PreventsSignIn_AndEnable_RestoresIt()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var user = await UserAsync(factory, Roles.Reviewer);
        Assert.True(await CanSignInAsync(factory, user.UserName!, StrongPassword));

        var disabled = await PostAsync(admin, user.Id, "disable");
        Assert.Equal($"已停用账户“{user.UserName}”，它不能再登录。", await FlashAfterAsync(admin, disabled));
        Assert.False(await CanSignInAsync(factory, user.UserName!, StrongPassword));
        var attempt = await Browserish.PostFormAsync(Browserish.NewClient(factory), "/account/login", "/account/login",
            new() { ["UserName"] = user.UserName!, ["Password"] = StrongPassword });
        Assert.Contains("该账户已停用", (await Html.ParseAsync(attempt)).QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        var afterDisable = await ReloadUserAsync(factory, user.Id);
        Assert.True(afterDisable.LockoutEnd > factory.Clock.GetUtcNow().AddYears(1000));
        Assert.NotEqual(user.SecurityStamp, afterDisable.SecurityStamp); // the open session is signed out at its next check
        var (_, list) = await Html.GetAsync(admin, "/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th[scope=row]").Text() == user.UserName);
        Assert.Equal("已停用", row.QuerySelector(".badge").Text());
        Assert.Equal(HttpStatusCode.BadRequest, (await ForgedPostAsync(admin, user.Id, "unlock")).StatusCode); // not offered: not locked

        var enabled = await PostAsync(admin, user.Id, "enable");
        Assert.Equal($"已启用账户“{user.UserName}”，它可以再次登录。", await FlashAfterAsync(admin, enabled));
        Assert.True(await CanSignInAsync(factory, user.UserName!, StrongPassword));
        Assert.Equal(["user.disable", "user.enable"], (await AuditEventsAsync(factory, "User", user.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Unlock_LiftsALockoutAfterWrongPasswords()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var user = await UserAsync(factory, Roles.Reviewer);
        for (var i = 0; i < 5; i++) Assert.False(await CanSignInAsync(factory, user.UserName!, "Wrong#password1"));
        Assert.False(await CanSignInAsync(factory, user.UserName!, StrongPassword));
        var (_, page) = await Html.GetAsync(admin, $"/admin/users/{user.Id}/edit");
        Assert.Equal("已锁定", page.QuerySelector("main .badge").Text());
        Assert.NotNull(page.QuerySelector($"form[action='/admin/users/{user.Id}/unlock']"));

        var unlocked = await PostAsync(admin, user.Id, "unlock");

        Assert.Equal($"已解除账户“{user.UserName}”的登录锁定。", await FlashAfterAsync(admin, unlocked));
        Assert.True(await CanSignInAsync(factory, user.UserName!, StrongPassword));
        Assert.Equal("user.unlock", Assert.Single(await AuditEventsAsync(factory, "User", user.Id)).Action);
    }

    [Fact]
    public async Task AnAdmin_CannotDisableOrDemoteThemselves()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        var adminId = await AdminIdAsync(factory);
        var before = await ReloadUserAsync(factory, adminId);
        var (_, page) = await Html.GetAsync(admin, $"/admin/users/{adminId}/edit");
        Assert.Null(page.QuerySelector($"form[action$='/disable']"));
        Assert.Contains("您自己的账户", page.QuerySelector("main").Text(), StringComparison.Ordinal);

        var disable = await ForgedPostAsync(admin, adminId, "disable"); // the page offers no 停用 for oneself
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Contains("不能停用自己的账户", (await Html.ParseAsync(disable)).QuerySelector("main").Text(), StringComparison.Ordinal);

        var demote = await PostAsync(admin, adminId, "edit", new() { ["DisplayName"] = before.DisplayName, ["Role"] = Roles.Reviewer, ["DepartmentId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Equal("不能更改自己的角色：请由另一位系统管理员操作，以免系统失去管理员。", (await Html.ParseAsync(demote)).QuerySelector("#Role-error").Text());

        var after = await ReloadUserAsync(factory, adminId);
        Assert.Equal((before.LockoutEnd, before.SecurityStamp), (after.LockoutEnd, after.SecurityStamp));
        Assert.Equal(Roles.Admin, await RoleOfAsync(factory, adminId));
        Assert.Empty(await AuditEventsAsync(factory, "User", adminId));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task List_SendsAsManyQueries_HoweverManyAccountsItShows()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        async Task<int> CommandsForTheList()
        {
            factory.Commands.Reset();
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
            return factory.Commands.Count;
        }
        var before = await CommandsForTheList();
        var department = await DepartmentAsync(factory);
        for (var i = 0; i < 3; i++) await UserAsync(factory, Roles.Editor, department.Id);
        Assert.Equal(before, await CommandsForTheList());
    }

    [Fact]
    public async Task UnknownAccount_IsNotFound()
    {
        var admin = await Browserish.SignedInAsync(factory, "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-id/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-id/password")).StatusCode);
    }
}

public sealed class AdminUsersOnSqlite(SqlitePortal factory) : AdminUsersTests(factory), IClassFixture<SqlitePortal>;

public sealed class AdminUsersOnPostgres(PostgresPortal factory) : AdminUsersTests(factory), IClassFixture<PostgresPortal>;
