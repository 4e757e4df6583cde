using System.Globalization;
using System.Security.Claims;

namespace DisclosurePortal.Data.Security;

/// <summary>The staff roles (domain README §1; the leader, issue 21 §6).</summary>
public static class Roles
{
    /// <summary>部门编辑: keeps their own department's catalogue items and records.</summary>
    public const string Editor = "Editor";

    /// <summary>政务公开办审核员: works the publication queue and the applications.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>系统管理员: departments, users, the calendar.</summary>
    public const string Admin = "Admin";

    /// <summary>领导: 领导审签, the last step of the review chain where the county asks for it (issue 21 §6).</summary>
    public const string Leader = "Leader";

    public static readonly string[] All = [Editor, Reviewer, Admin, Leader];

    public static string Describe(string role) => role switch
    {
        Editor => "部门编辑",
        Reviewer => "公开办审核员",
        Admin => "系统管理员",
        Leader => "领导",
        _ => role,
    };
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string Editor = Roles.Editor;
    public const string Reviewer = Roles.Reviewer;
    public const string Admin = Roles.Admin;
    /// <summary>The review queue: the office's reviewers and the leaders who sign off (issue 21 §6).</summary>
    public const string Reviewing = "Reviewing";
}

public static class PortalClaims
{
    public const string Department = "dp:department";
    public const string Name = "dp:name";

    /// <summary>The editor's department, or null for reviewers and admins.</summary>
    public static int? DepartmentId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Department), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(Name) ?? user.Identity?.Name ?? "未知用户";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Only an editor of that very department may change its items and records.</summary>
    public static bool EditsFor(this ClaimsPrincipal user, int departmentId) =>
        user.IsInRole(Roles.Editor) && user.DepartmentId() == departmentId;
}
