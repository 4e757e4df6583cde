using Microsoft.AspNetCore.Identity;

namespace DisclosurePortal.Data;

/// <summary>A staff account. An editor belongs to exactly one department; reviewers and admins to none.</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>姓名, shown in queues, reviews and the audit trail.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public int? DepartmentId { get; set; }
}
