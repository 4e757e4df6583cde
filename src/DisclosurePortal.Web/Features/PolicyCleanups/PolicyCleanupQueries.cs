using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.PolicyCleanups;

public static class PolicyCleanupQueries
{
    public const int PageSize = 20;

    /// <summary>At most this many documents are offered on the form at once; the filters narrow the library.</summary>
    public const int MaxChoices = 300;

    /// <summary>The clean-up with its entries and history, tracked.</summary>
    public static Task<PolicyCleanup?> TrackedAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.PolicyCleanups.Include(c => c.Entries).Include(c => c.Events).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The given records that are published policies now, as the clean-up rules see them.</summary>
    public static async Task<Dictionary<int, CleanupCandidate>> CandidatesAsync(PortalDbContext db, IEnumerable<int> recordIds, CancellationToken ct)
    {
        var ids = recordIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.PublishedVersions.AsNoTracking()
            .Where(v => ids.Contains(v.RecordId) && PolicyInterpretations.PolicyKinds.Contains(v.Kind))
            .Select(v => new CleanupCandidate(v.RecordId, v.Kind, v.Title, v.DocumentNumber, v.Validity))
            .ToDictionaryAsync(c => c.RecordId, ct);
    }

    /// <summary>Which of the given records have a version being drafted or reviewed.</summary>
    public static async Task<HashSet<int>> OpenVersionsAsync(PortalDbContext db, IEnumerable<int> recordIds, CancellationToken ct)
    {
        var ids = recordIds.Distinct().ToList();
        return [.. await db.RecordVersions.AsNoTracking()
            .Where(v => ids.Contains(v.RecordId) && (v.State == VersionState.Draft || v.State == VersionState.Submitted))
            .Select(v => v.RecordId).Distinct().ToListAsync(ct)];
    }

    /// <summary>
    /// The library's policies that may still be listed (有效 or 失效), narrowed by the filter, oldest first, and the
    /// documents already chosen (whatever the filter), so that narrowing never drops a chosen one.
    /// </summary>
    public static async Task<List<CleanupChoice>> ChoicesAsync(PortalDbContext db, CleanupChoiceFilter filter, IReadOnlyCollection<int> chosen, CancellationToken ct)
    {
        var policies = db.PublishedVersions.AsNoTracking().Where(v => PolicyInterpretations.PolicyKinds.Contains(v.Kind));
        var offered = policies.Where(v => v.Validity != Validity.Repealed);
        if (filter.Department is { } department) offered = offered.Where(v => v.DepartmentId == department);
        if (filter.Kind is { } kind) offered = offered.Where(v => v.Kind == kind);
        if (filter.Validity is { } validity) offered = offered.Where(v => v.Validity == validity);
        // Oldest first: the documents longest in force are the ones a clean-up reviews first.
        var ids = await offered.OrderBy(v => v.PublishedOn).ThenBy(v => v.RecordId).Select(v => v.RecordId).Take(MaxChoices).ToListAsync(ct);
        var all = chosen.Concat(ids.Where(id => !chosen.Contains(id))).ToList();
        var rows = await (from v in policies
                          join d in db.Departments on v.DepartmentId equals d.Id
                          where all.Contains(v.RecordId)
                          select new CleanupChoice(v.RecordId, v.Title, v.DocumentNumber, d.Name, v.Kind, v.Validity, v.PublishedOn!.Value)).ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.RecordId);
        return [.. all.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    public static async Task<IReadOnlyList<PendingCleanup>> PendingReviewAsync(PortalDbContext db, CancellationToken ct) =>
        await db.PolicyCleanups.AsNoTracking().Where(c => c.State == CleanupState.Submitted).OrderBy(c => c.Id)
            .Select(c => new PendingCleanup(c.Id, c.Title, c.IssuingBody, c.Entries.Count, c.UpdatedAt)).Take(100).ToListAsync(ct);

    /// <summary>The latest published clean-up that changed this record's validity, for its public page.</summary>
    public static Task<CleanupNote?> NoteForRecordAsync(PortalDbContext db, int recordId, CancellationToken ct) =>
        (from e in db.PolicyCleanupEntries.AsNoTracking()
         join c in db.PolicyCleanups on e.CleanupId equals c.Id
         where e.RecordId == recordId && c.State == CleanupState.Published && e.NewValidity != e.PreviousValidity
         orderby c.PublishedOn descending, c.Id descending
         select new CleanupNote(c.Id, c.Title, c.PublishedOn!.Value, e.NewValidity)).FirstOrDefaultAsync(ct);
}

/// <summary>A policy offered on the clean-up form.</summary>
public sealed record CleanupChoice(int RecordId, string Title, string? DocumentNumber, string Department, RecordKind Kind, Validity Validity, DateOnly PublishedOn);

public sealed record PendingCleanup(int Id, string Title, string IssuingBody, int Entries, DateTimeOffset SubmittedAt);

/// <summary>On a record's page: the clean-up that last changed its validity.</summary>
public sealed record CleanupNote(int CleanupId, string Title, DateOnly PublishedOn, Validity Validity);

/// <summary>The public list's page number.</summary>
public sealed record CleanupPageQuery(int Page) : IQueryFilter<CleanupPageQuery>
{
    public static CleanupPageQuery Read(QueryReader query) => new(query.Page());
}

/// <summary>The words the pages use for a clean-up's states and events (localizer keys).</summary>
public static class CleanupNames
{
    public static string Describe(CleanupState state) => state switch
    {
        CleanupState.Draft => "草稿",
        CleanupState.Submitted => "待审核",
        CleanupState.Published => "已公布",
        _ => state.ToString(),
    };

    public static string Describe(CleanupEventKind kind) => kind switch
    {
        CleanupEventKind.Created => "新建",
        CleanupEventKind.Edited => "修改",
        CleanupEventKind.Submitted => "提交审核",
        CleanupEventKind.Returned => "退回修改",
        CleanupEventKind.Published => "审核通过并公布",
        _ => kind.ToString(),
    };

    /// <summary>The heading of each list of the notice.</summary>
    public static string ListHeading(Validity conclusion) => conclusion switch
    {
        Validity.Valid => "继续有效的文件",
        Validity.Expired => "宣布失效的文件",
        Validity.Repealed => "宣布废止的文件",
        _ => conclusion.ToString(),
    };

    /// <summary>On a record's page: “2026年12月6日经规范性文件清理宣布失效” (year, month, day as arguments).</summary>
    public static string RecordNote(Validity validity) => validity == Validity.Repealed ? "{0}年{1}月{2}日经规范性文件清理宣布废止" : "{0}年{1}月{2}日经规范性文件清理宣布失效";
}
