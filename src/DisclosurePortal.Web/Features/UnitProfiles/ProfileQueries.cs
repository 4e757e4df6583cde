using System.Security.Claims;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>The 机构概况 queries used by more than one page.</summary>
public static class ProfileQueries
{
    /// <summary>The unit's version being drafted or in review (tracked), if any: a unit has at most one.</summary>
    public static Task<UnitProfile?> OpenAsync(PortalDbContext db, int departmentId, CancellationToken ct) =>
        db.UnitProfiles.Where(p => p.DepartmentId == departmentId && (p.State == ProfileState.Draft || p.State == ProfileState.Submitted))
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);

    /// <summary>The version (tracked) if the user edits for its unit; others (reviewers included) get null.</summary>
    public static async Task<UnitProfile?> OwnAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var p = await db.UnitProfiles.FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is not null && user.EditsFor(p.DepartmentId) ? p : null;
    }

    /// <summary>A version with its rows, for its unit's editors and for reviewers; null for anyone else.</summary>
    public static async Task<UnitProfile?> StaffVisibleAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var p = await WithRows(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is not null && (user.EditsFor(p.DepartmentId) || user.IsInRole(Roles.Reviewer)) ? p : null;
    }

    /// <summary>The unit's published version with its rows, or null when it has none yet.</summary>
    public static Task<UnitProfile?> PublishedAsync(PortalDbContext db, int departmentId, CancellationToken ct) =>
        WithRows(db).FirstOrDefaultAsync(p => p.DepartmentId == departmentId && p.State == ProfileState.Published, ct);

    public static async Task<IReadOnlyList<ProfileVersionRow>> HistoryAsync(PortalDbContext db, int departmentId, CancellationToken ct) =>
        await db.UnitProfiles.AsNoTracking().Where(p => p.DepartmentId == departmentId).OrderByDescending(p => p.Number)
            .Select(p => new ProfileVersionRow(p.Id, p.Number, p.State, p.CreatedBy, p.UpdatedAt, p.PublishedAt, p.SupersededAt)).Take(100).ToListAsync(ct);

    public static async Task<IReadOnlyList<PendingProfile>> PendingReviewAsync(PortalDbContext db, CancellationToken ct) =>
        await (from p in db.UnitProfiles.AsNoTracking()
               join d in db.Departments on p.DepartmentId equals d.Id
               where p.State == ProfileState.Submitted
               orderby p.Id
               select new PendingProfile(p.Id, p.Number, d.Name, p.SubmittedAt ?? p.UpdatedAt)).Take(100).ToListAsync(ct);

    /// <summary>Every active unit with its published profile's summary (two queries, whatever the number of units).</summary>
    public static async Task<IReadOnlyList<OrganisationRow>> OrganisationsAsync(PortalDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name, d.Level }).ToListAsync(ct);
        var profiles = await db.UnitProfiles.AsNoTracking().Where(p => p.State == ProfileState.Published)
            .Select(p => new { p.Id, p.DepartmentId, p.Functions, p.Phone, p.ComplaintPhone, p.Address }).ToListAsync(ct);
        var ids = profiles.Select(p => p.Id).ToList();
        var leaders = (await db.UnitLeaders.AsNoTracking().Where(l => ids.Contains(l.ProfileId)).OrderBy(l => l.ProfileId).ThenBy(l => l.Position)
            .Select(l => new { l.ProfileId, l.Name, l.Post, l.PhotoId, Sha = l.Photo == null ? null : l.Photo.Sha256 }).ToListAsync(ct)).ToLookup(l => l.ProfileId);
        var byDepartment = profiles.ToDictionary(p => p.DepartmentId);
        return departments.Select(d => byDepartment.TryGetValue(d.Id, out var p)
            ? new OrganisationRow(d.Id, d.Name, Summary(p.Functions), p.Phone, p.ComplaintPhone, p.Address, leaders[p.Id].Select(l => new LeaderName(l.Name, l.Post) { Photo = l.PhotoId is { } photo ? new PhotoLink(photo, l.Sha!) : null }).ToList()) { Level = d.Level }
            : new OrganisationRow(d.Id, d.Name, null, null, null, null, []) { Level = d.Level }).ToList();
    }

    /// <summary>The first paragraph of the 职能, cut at <see cref="SummaryLength"/> characters.</summary>
    public static string Summary(string functions)
    {
        var first = functions.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return first.Length <= SummaryLength ? first : first[..SummaryLength] + "…";
    }

    public const int SummaryLength = 120;

    private static IQueryable<UnitProfile> WithRows(PortalDbContext db) =>
        db.UnitProfiles.AsNoTracking().Include(p => p.Offices).Include(p => p.Leaders).ThenInclude(l => l.Photo).AsSplitQuery();
}

public sealed record ProfileVersionRow(int Id, int Number, ProfileState State, string CreatedBy, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? SupersededAt);

public sealed record PendingProfile(int Id, int Number, string DepartmentName, DateTimeOffset SubmittedAt);

public sealed record LeaderName(string Name, string Post)
{
    public PhotoLink? Photo { get; init; }
}

/// <summary>What a leader photo's URL is made of (<see cref="LeaderPhotosController.Photo"/>): its id and the start of its SHA-256.</summary>
public sealed record PhotoLink(int Id, string Sha256)
{
    public string Hash => Sha256[..LeaderPhotosController.HashLength];

    public static PhotoLink? Of(UnitLeader leader) => leader.Photo is { } p ? new PhotoLink(p.Id, p.Sha256) : null;
}

public sealed record OrganisationRow(int Id, string Name, string? FunctionsSummary, string? Phone, string? ComplaintPhone, string? Address, IReadOnlyList<LeaderName> Leaders)
{
    public UnitLevel Level { get; init; } = UnitLevel.County;
}

/// <summary>The editor's page of their unit's 机构概况: what the public sees, the open version, the history.</summary>
public sealed record ManageProfileModel(string DepartmentName, UnitProfile? Published, ProfileVersionRow? Open, IReadOnlyList<ProfileVersionRow> History);

/// <summary>One version on the staff page.</summary>
public sealed record ProfileVersionModel(UnitProfile Profile, string DepartmentName, bool CanEdit, bool CanReview);

/// <summary>The edit page: the form, the unit, and the reason the office gave when it sent the draft back.</summary>
/// <param name="Photos">The leaders' photos the form shows, by id (only the unit's own).</param>
public sealed record ProfileEditModel(ProfileForm Form, string DepartmentName, string? ReturnReason, IReadOnlyDictionary<int, PhotoLink> Photos);

public static class UnitNames
{
    public static string Describe(UnitLevel level) => level switch
    {
        UnitLevel.County => "县级部门",
        UnitLevel.Township => "乡镇（街道）",
        UnitLevel.Village => "村（社区）",
        _ => level.ToString(),
    };
}

public static class ProfileNames
{
    public static string Describe(ProfileState state) => state switch
    {
        ProfileState.Draft => "草稿",
        ProfileState.Submitted => "待审核",
        ProfileState.Published => "已发布",
        ProfileState.Superseded => "历史版本",
        _ => state.ToString(),
    };
}
