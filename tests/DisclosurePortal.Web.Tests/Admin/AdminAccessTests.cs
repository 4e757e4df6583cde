using System.Net;
using DisclosurePortal.Web.Infrastructure.Security;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DisclosurePortal.Web.Tests.Admin.AdminTestData;

namespace DisclosurePortal.Web.Tests.Admin;

/// <summary>Only the Admin policy reaches the admin pages; everyone else is turned away before anything changes.</summary>
public abstract class AdminAccessTests(PortalFactory factory)
{
    private static string[] Pages(int departmentId, string userId) =>
    [
        "/admin/departments",
        "/admin/departments/new",
        $"/admin/departments/{departmentId}/edit",
        "/admin/users",
        "/admin/users/new",
        $"/admin/users/{userId}/edit",
        $"/admin/users/{userId}/password",
    ];

    private static (string Url, Dictionary<string, string> Fields)[] Posts(int departmentId, string userId) =>
    [
        ("/admin/departments/new", DepartmentFields()),
        ($"/admin/departments/{departmentId}/edit", DepartmentFields()),
        ($"/admin/departments/{departmentId}/deactivate", []),
        ($"/admin/departments/{departmentId}/reactivate", []),
        ("/admin/users/new", new() { ["UserName"] = Unique("intruder."), ["DisplayName"] = "入侵者", ["Role"] = Roles.Admin, ["Password"] = StrongPassword }),
        ($"/admin/users/{userId}/edit", new() { ["DisplayName"] = "改名", ["Role"] = Roles.Admin }),
        ($"/admin/users/{userId}/password", new() { ["NewPassword"] = "Hijacked#Pass2026" }),
        ($"/admin/users/{userId}/unlock", []),
        ($"/admin/users/{userId}/disable", []),
        ($"/admin/users/{userId}/enable", []),
    ];

    [Theory]
    [InlineData("editor.housing")]
    [InlineData("reviewer")]
    public async Task OtherStaff_AreForbiddenEveryAdminPageAndPost_AndNothingChanges(string userName)
    {
        var department = await DepartmentAsync(factory);
        var target = await UserAsync(factory, Roles.Editor, department.Id);
        var client = await Browserish.SignedInAsync(factory, userName);
        int departments, users, audits;
        await using (var db = factory.NewDbContext())
            (departments, users, audits) = (await db.Departments.CountAsync(), await db.Users.CountAsync(), await db.AuditEvents.CountAsync());

        foreach (var page in Pages(department.Id, target.Id))
            await AssertForbiddenAsync(await client.GetAsync(page), page);
        var token = await ForgedRequests.TokenAsync(client, "/manage"); // a real token: the refusal is the policy's, not antiforgery's
        foreach (var (url, fields) in Posts(department.Id, target.Id))
        {
            var body = new List<KeyValuePair<string, string>>(fields) { new(Browserish.TokenField, token) };
            await AssertForbiddenAsync(await client.PostAsync(url, new FormUrlEncodedContent(body)), url);
        }

        await using (var db = factory.NewDbContext())
        {
            Assert.Equal((departments, users, audits), (await db.Departments.CountAsync(), await db.Users.CountAsync(), await db.AuditEvents.CountAsync()));
            var unchanged = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id);
            Assert.Equal((department.Name, department.OrganisationCode, true), (unchanged.Name, unchanged.OrganisationCode, unchanged.IsActive));
        }
        var user = await ReloadUserAsync(factory, target.Id);
        Assert.Equal((target.DisplayName, target.PasswordHash, target.SecurityStamp, target.LockoutEnd), (user.DisplayName, user.PasswordHash, user.SecurityStamp, user.LockoutEnd));
        Assert.Equal(Roles.Editor, await RoleOfAsync(factory, target.Id));
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToTheLoginPage()
    {
        var department = await DepartmentAsync(factory);
        var target = await UserAsync(factory, Roles.Reviewer);
        var client = Browserish.NewClient(factory);
        foreach (var page in Pages(department.Id, target.Id))
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(page), response.Headers.Location.Query, StringComparison.Ordinal);
        }
        var token = await ForgedRequests.TokenAsync(client, "/account/login");
        foreach (var (url, fields) in Posts(department.Id, target.Id))
        {
            var body = new List<KeyValuePair<string, string>>(fields) { new(Browserish.TokenField, token) };
            var response = await client.PostAsync(url, new FormUrlEncodedContent(body));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
        await using var db = factory.NewDbContext();
        Assert.True((await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id)).IsActive);
        Assert.Null((await ReloadUserAsync(factory, target.Id)).LockoutEnd);
    }

    [Fact]
    public async Task TheStaffBar_OffersTheAdminPagesOnlyToAdmins()
    {
        var (_, asAdmin) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "admin"), "/manage");
        Assert.NotNull(asAdmin.QuerySelector(".staff-bar a[href='/admin/users']"));
        var (_, asEditor) = await Html.GetAsync(await Browserish.SignedInAsync(factory, "editor.finance"), "/manage");
        Assert.Null(asEditor.QuerySelector("a[href^='/admin']"));
    }

    /// <summary>The cookie scheme answers a forbidden request with a plain 403, rendered by the Chinese status page (SecuritySetup).</summary>
    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        Assert.Equal("无权访问", (await Html.ParseAsync(response)).QuerySelector("h1").Text());
    }
}

public sealed class AdminAccessOnSqlite(SqlitePortal factory) : AdminAccessTests(factory), IClassFixture<SqlitePortal>;

public sealed class AdminAccessOnPostgres(PostgresPortal factory) : AdminAccessTests(factory), IClassFixture<PostgresPortal>;
