using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Interpretations;

/// <summary>A policy as an editor chooses it and a reviewer checks it: null <see cref="PublishedOn"/> = no longer public.</summary>
public sealed record PolicyOption(int RecordId, string Title, string? DocumentNumber, string Department, DateOnly? PublishedOn)
{
    public bool IsPublished => PublishedOn is not null;

    /// <summary>Not yet published: one of the editor's own unit's policies, drafted or in review with its interpretation (三同步).</summary>
    public bool IsDraft { get; init; }
}

/// <summary>What an interpretation's version holds besides its text: the policies it names and its questions and answers.</summary>
public sealed record InterpretationDetails(IReadOnlyList<PolicyOption> Policies, IReadOnlyList<InterpretationQuestion> Questions);

/// <summary>A published policy whose interpretation is missing or was late (the due lists).</summary>
public sealed record DueRow(int PolicyRecordId, string Title, string? DocumentNumber, int DepartmentId, string Department, DateOnly PublishedOn,
    InterpretationTimeliness Timeliness);

/// <summary>The interpretation facts the staff and public pages read (the rules are in <see cref="PolicyInterpretations"/>).</summary>
public static class InterpretationQueries
{
    public const int MaxFound = 20;

    /// <summary>
    /// The policies a version of an interpretation names, for the staff pages: as published (or last published), and
    /// those not yet published (三同步: drafted with it, <see cref="PolicyOption.IsDraft"/>) by their latest title.
    /// </summary>
    public static async Task<List<PolicyOption>> PoliciesOfVersionAsync(PortalDbContext db, int versionId, CancellationToken ct)
    {
        var ids = await db.InterpretationLinks.Where(l => l.RecordVersionId == versionId).OrderBy(l => l.Id).Select(l => l.PolicyRecordId).ToListAsync(ct);
        var shown = await PoliciesAsync(db, ids, ct);
        var missing = ids.Where(id => shown.All(p => p.RecordId != id)).ToList();
        if (missing.Count == 0) return shown;
        var units = await db.Records.Where(r => missing.Contains(r.Id)).Select(r => r.DepartmentId).Distinct().ToListAsync(ct);
        return [.. shown, .. await UnpublishedPoliciesAsync(db, units, missing, ct)];
    }

    /// <summary>
    /// The given policy records with their published title, or, once no longer public, the title they last had in public.
    /// Ids that are not policies, or were never published, are left out (nobody sees another department's drafts).
    /// </summary>
    public static async Task<List<PolicyOption>> PoliciesAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var records = await (
            from r in db.Records
            join d in db.Departments on r.DepartmentId equals d.Id
            where ids.Contains(r.Id) && PolicyInterpretations.PolicyKinds.Contains(r.Kind)
            select new { r.Id, Department = d.Name }).AsNoTracking().ToListAsync(ct);
        var versions = await db.RecordVersions.Where(v => ids.Contains(v.RecordId) && v.PublishedOn != null)
            .Select(v => new { v.RecordId, v.Number, v.Title, v.DocumentNumber, v.PublishedOn, v.IsPublished }).AsNoTracking().ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).DistinctBy(x => x.id).ToDictionary(x => x.id, x => x.i);
        return [.. records.OrderBy(r => order[r.Id])
            .Select(r => (r.Department, Shown: versions.Where(v => v.RecordId == r.Id).OrderByDescending(v => v.IsPublished).ThenByDescending(v => v.Number).FirstOrDefault()))
            .Where(x => x.Shown is not null)
            .Select(x => new PolicyOption(x.Shown!.RecordId, x.Shown.Title, x.Shown.DocumentNumber, x.Department, x.Shown.IsPublished ? x.Shown.PublishedOn : null))];
    }

    /// <summary>
    /// Published policies to choose from: by words in the title or 文号 from any department, or, with no words, the
    /// department's own latest ones; newest first, those already chosen left out.
    /// </summary>
    public static async Task<List<PolicyOption>> FindPoliciesAsync(PortalDbContext db, string? query, int department, IReadOnlyCollection<int> chosen, CancellationToken ct)
    {
        var policies = db.PublishedVersions.Where(v => PolicyInterpretations.PolicyKinds.Contains(v.Kind) && !chosen.Contains(v.RecordId));
        var words = query?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            policies = policies.Where(v => v.DepartmentId == department);
        }
        else
        {
            var pattern = $"%{EscapeLike(words)}%";
            policies = policies.Where(v => EF.Functions.Like(v.Title, pattern, "\\") || (v.DocumentNumber != null && EF.Functions.Like(v.DocumentNumber, pattern, "\\")));
        }
        return await (
            from v in policies
            join d in db.Departments on v.DepartmentId equals d.Id
            orderby v.PublishedOn descending, v.Id descending
            select new PolicyOption(v.RecordId, v.Title, v.DocumentNumber, d.Name, v.PublishedOn)).Take(MaxFound).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// How many of the policies a version names it may go to review with (三同步, issue 21 §6): published ones, and its own
    /// unit's policies not yet published (drafted and submitted together; the interpretation is published after them).
    /// </summary>
    public static Task<int> NamedPolicyCountAsync(PortalDbContext db, int versionId, int department, CancellationToken ct) =>
        db.InterpretationLinks.CountAsync(l => l.RecordVersionId == versionId
            && (db.PublishedVersions.Any(v => v.RecordId == l.PolicyRecordId)
                || db.Records.Any(r => r.Id == l.PolicyRecordId && r.DepartmentId == department && PolicyInterpretations.PolicyKinds.Contains(r.Kind))), ct);

    /// <summary>Whether an interpretation naming the policy is in review or published (its latest version): 三同步 kept by the interpretation.</summary>
    public static Task<bool> InterpretationInReviewAsync(PortalDbContext db, int policyRecordId, CancellationToken ct) =>
        db.InterpretationLinks.AnyAsync(l => l.PolicyRecordId == policyRecordId
            && db.RecordVersions.Any(v => v.Id == l.RecordVersionId && v.IsLatest && (v.State == VersionState.Submitted || v.State == VersionState.Published)), ct);

    /// <summary>
    /// The units' policies not yet published (drafts and those in review), newest first: an interpretation may name them
    /// while both are drafted (三同步). Shown to the units' own editors only.
    /// </summary>
    public static async Task<List<PolicyOption>> UnpublishedPoliciesAsync(PortalDbContext db, IReadOnlyCollection<int> units, IReadOnlyCollection<int> only, CancellationToken ct)
    {
        var query = from v in db.RecordVersions
                    join r in db.Records on v.RecordId equals r.Id
                    join d in db.Departments on r.DepartmentId equals d.Id
                    where v.IsLatest && units.Contains(r.DepartmentId) && PolicyInterpretations.PolicyKinds.Contains(r.Kind)
                          && !db.RecordVersions.Any(p => p.RecordId == r.Id && p.PublishedOn != null)
                          && (v.State == VersionState.Draft || v.State == VersionState.Submitted)
                    select new { r.Id, v.Title, v.DocumentNumber, Department = d.Name };
        if (only.Count > 0) query = query.Where(x => only.Contains(x.Id));
        var rows = await query.OrderByDescending(x => x.Id).Take(MaxFound).AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(x => new PolicyOption(x.Id, x.Title, x.DocumentNumber, x.Department, null) { IsDraft = true })];
    }

    /// <summary>How many of the policies a version names are published now.</summary>
    public static Task<int> PublishedPolicyCountAsync(PortalDbContext db, int versionId, CancellationToken ct) =>
        db.InterpretationLinks.CountAsync(l => l.RecordVersionId == versionId && db.PublishedVersions.Any(v => v.RecordId == l.PolicyRecordId), ct);

    public static Task<List<InterpretationQuestion>> QuestionsAsync(PortalDbContext db, int versionId, CancellationToken ct) =>
        db.InterpretationQuestions.AsNoTracking().Where(q => q.RecordVersionId == versionId).OrderBy(q => q.Position).ToListAsync(ct);

    /// <summary>
    /// Every published policy in force (of one department, or all) with its interpretation's timeliness, oldest due
    /// date first. A policy counts as interpreted from the day a version of a still-published interpretation naming it
    /// was first published; the policy's own clock starts on its first publication (a later revision does not restart it).
    /// The due date depends on the working-day calendar, so the status is computed here rather than in SQL; the rows
    /// are the county's policy documents in force, a few hundred, read in one query. A policy with a 解读方案 is due by
    /// the plan's date and belongs to the plan's responsible unit (三同步, issue 21 §6).
    /// </summary>
    public static async Task<List<DueRow>> TimelinessAsync(PortalDbContext db, int? department, DateOnly today, WorkingCalendar calendar, CancellationToken ct,
        int? policyRecordId = null)
    {
        var policies = db.PublishedVersions.Where(v => PolicyInterpretations.PolicyKinds.Contains(v.Kind) && v.Validity == Validity.Valid);
        // A 解读方案 (三同步) names the unit that interprets: the policy is on that unit's list, not (only) its own.
        if (department is { } only)
            policies = policies.Where(v => db.InterpretationPlans.Any(p => p.PolicyRecordId == v.RecordId)
                ? db.InterpretationPlans.Any(p => p.PolicyRecordId == v.RecordId && p.ResponsibleDepartmentId == only)
                : v.DepartmentId == only);
        if (policyRecordId is { } one) policies = policies.Where(v => v.RecordId == one);
        var facts = await (
            from v in policies
            join p0 in db.InterpretationPlans on v.RecordId equals p0.PolicyRecordId into plans
            from p in plans.DefaultIfEmpty()
            join d in db.Departments on (p != null ? p.ResponsibleDepartmentId : v.DepartmentId) equals d.Id
            select new
            {
                v.RecordId,
                v.Title,
                v.DocumentNumber,
                DepartmentId = p != null ? p.ResponsibleDepartmentId : v.DepartmentId,
                Department = d.Name,
                PlannedDays = p != null ? (int?)p.WorkingDaysAfterPublication : null,
                CurrentPublishedOn = v.PublishedOn,
                FirstPublishedOn = db.RecordVersions.Where(x => x.RecordId == v.RecordId && x.PublishedOn != null).Min(x => x.PublishedOn),
                InterpretedOn = (
                    from l in db.InterpretationLinks
                    join iv in db.RecordVersions on l.RecordVersionId equals iv.Id
                    where l.PolicyRecordId == v.RecordId && iv.PublishedOn != null
                          && db.InterpretationLinks.Any(live => live.PolicyRecordId == v.RecordId && live.InterpretationRecordId == l.InterpretationRecordId
                                                                && db.RecordVersions.Any(lv => lv.Id == live.RecordVersionId && lv.IsPublished))
                    select iv.PublishedOn).Min(),
            }).AsNoTracking().ToListAsync(ct);
        return [.. facts
            .Select(f =>
            {
                var publishedOn = f.FirstPublishedOn ?? f.CurrentPublishedOn!.Value;
                DateOnly? planned = f.PlannedDays is { } days ? calendar.AddWorkingDays(publishedOn, days) : null;
                return new DueRow(f.RecordId, f.Title, f.DocumentNumber, f.DepartmentId, f.Department, publishedOn,
                    PolicyInterpretations.Assess(publishedOn, f.InterpretedOn, today, calendar, planned));
            })
            .OrderBy(r => r.Timeliness.DueOn).ThenBy(r => r.PolicyRecordId)];
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
