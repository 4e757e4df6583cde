using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// The demo staff accounts listed in the README. Seeded only with the demo data (never on a real deployment, where
/// the first administrator is created with the command in the README), and only while no account exists.
/// </summary>
public sealed class DemoAccountsSeeder(PortalDbContext db, UserManager<PortalUser> users)
{
    public const string Password = "Demo@2026pass";

    public static readonly (string UserName, string DisplayName, string Role, string? DepartmentCode)[] Accounts =
    [
        ("admin", "系统管理员", Roles.Admin, null),
        ("reviewer", "王审核（县政务公开办）", Roles.Reviewer, null),
        // A second reviewer: the annual report is published by another reviewer than the one who submitted it (ADR 12).
        ("reviewer2", "周审核（县政务公开办）", Roles.Reviewer, null),
        // The default review chain has each review taken by a different person, and a leader's 审签 for policy documents (issue 21 §6).
        ("reviewer3", "吴审核（县政务公开办）", Roles.Reviewer, null),
        ("leader", "赵领导（县政府办公室分管领导）", Roles.Leader, null),
        ("editor.housing", "李编辑（县住建局）", Roles.Editor, "11511099022152793X"),
        ("editor.finance", "张编辑（县财政局）", Roles.Editor, "11511099076240393N"),
        ("editor.health", "陈编辑（县卫健局）", Roles.Editor, "11511099016290727W"),
        // The demo townships' editors (issue 20 §7); 青溪镇's also keeps its village 阴平村's 村务公开 (UnitKeeping).
        ("editor.qiaozhuang", "何编辑（乔庄镇）", Roles.Editor, "11511099MB0012345K"),
        ("editor.qingxi", "罗编辑（青溪镇）", Roles.Editor, "11511099MB0023456T"),
    ];

    public async Task SeedAsync()
    {
        if (await db.Users.AnyAsync()) return;
        foreach (var (userName, displayName, role, departmentCode) in Accounts)
        {
            int? departmentId = departmentCode is null ? null
                : await db.Departments.Where(d => d.OrganisationCode == departmentCode).Select(d => (int?)d.Id).SingleAsync();
            var user = new PortalUser { UserName = userName, DisplayName = displayName, DepartmentId = departmentId };
            ReferenceDataSeeder.Check(await users.CreateAsync(user, Password));
            ReferenceDataSeeder.Check(await users.AddToRoleAsync(user, role));
        }
    }
}
