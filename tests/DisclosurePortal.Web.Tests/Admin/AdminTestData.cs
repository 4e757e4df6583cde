using System.Net;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Tests.Admin;

/// <summary>Each admin test makes its own departments and accounts (the class fixture's database is shared).</summary>
internal static class AdminTestData
{
    public const string StrongPassword = "Qingchuan#2026ok";

    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // GB 32100-2015, as Department checks

    /// <summary>A DbContext on the app's database, once the app has started (and so migrated and seeded it).</summary>
    public static PortalDbContext NewDb(PortalFactory factory)
    {
        _ = factory.Services;
        return factory.NewDbContext();
    }

    public static string NewOrganisationCode() => new(Random.Shared.GetItems(CodeAlphabet.AsSpan(), 18));

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 12)];

    /// <summary>The department form's fields, all valid and unique.</summary>
    public static Dictionary<string, string> DepartmentFields() => new()
    {
        ["Name"] = Unique("青川县测试局"),
        ["ShortName"] = Unique("测试局"),
        ["OrganisationCode"] = NewOrganisationCode(),
        ["DocumentPrefix"] = Unique("青测发")[..10],
        ["SortOrder"] = "500",
    };

    public static async Task<Department> DepartmentAsync(PortalFactory factory)
    {
        await using var db = NewDb(factory);
        var department = new Department(Unique("青川县测试局"), Unique("测试局"), NewOrganisationCode(), Unique("青测")[..8], 900);
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department;
    }

    /// <summary>A record of the department with a 索引号 (the first catalogue item stands in for one of its own).</summary>
    public static async Task<string> IssueIndexNumberAsync(PortalFactory factory, Department department)
    {
        await using var db = NewDb(factory);
        var item = await db.CatalogueItems.OrderBy(i => i.Id).FirstAsync();
        var record = Record.Create(department.Id, item.Id, item.DomainId, item.StageId, RecordKind.Notice, factory.Clock.GetUtcNow());
        record.AssignIndexNumber(new IndexNumber(department.OrganisationCode, 2026, 1));
        db.Records.Add(record);
        await db.SaveChangesAsync();
        return record.IndexNumber!;
    }

    /// <summary>An account made directly with Identity (for tests about something other than creating one).</summary>
    public static async Task<PortalUser> UserAsync(PortalFactory factory, string role, int? departmentId = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = Unique("test."), DisplayName = Unique("测试"), DepartmentId = departmentId };
        Assert.True((await users.CreateAsync(user, StrongPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public static async Task<PortalUser> ReloadUserAsync(PortalFactory factory, string id)
    {
        await using var db = NewDb(factory);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public static async Task<string?> RoleOfAsync(PortalFactory factory, string userId)
    {
        await using var db = NewDb(factory);
        return await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).SingleOrDefaultAsync();
    }

    public static async Task<List<Domain.Auditing.AuditEvent>> AuditEventsAsync(PortalFactory factory, string entityType, object entityId)
    {
        await using var db = NewDb(factory);
        var id = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<string> AdminIdAsync(PortalFactory factory)
    {
        await using var db = NewDb(factory);
        return await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
    }

    /// <summary>Signs in on a fresh client; true when the login page redirected (signed in).</summary>
    public static async Task<bool> CanSignInAsync(PortalFactory factory, string userName, string password)
    {
        var client = Browserish.NewClient(factory);
        var response = await Browserish.PostFormAsync(client, "/account/login", "/account/login",
            new() { ["UserName"] = userName, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Follows a POST's redirect and returns the confirmation shown there.</summary>
    public static async Task<string> FlashAfterAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (page, doc) = await Html.GetAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return doc.QuerySelector(".flash").Text();
    }
}
