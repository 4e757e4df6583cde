using DisclosurePortal.Domain.Catalogue;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Cases;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>The staff pages' reads of records: the department's list, a record's staff page, an editor's own record.</summary>
public static class ManageRecordsQueries
{
    /// <summary>The record and its latest version when the user edits for its department; otherwise neither (a 404: not theirs to know of).</summary>
    public static async Task<(Record? Record, RecordVersion? Latest)> OwnLatestAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var record = await db.Records.FirstOrDefaultAsync(r => r.Id == id, ct);
        // A village's records are kept by its township's editors (UnitKeeping).
        if (record is null || !await Townships.KeptUnits.KeepsAsync(db, user, record.DepartmentId, ct)) return (null, null);
        return (record, await db.RecordVersions.SingleAsync(v => v.RecordId == id && v.IsLatest, ct));
    }

    /// <summary>The records of the units the editor keeps (their latest versions) in the chosen state, the last changed first (最后修改时间); no rows when the page is past the end.</summary>
    public static async Task<(IReadOnlyList<ManagedRecordRow> Rows, PageInfo Page)> ListAsync(PortalDbContext db, IReadOnlyList<int> units, ManagedRecordsFilter filter, CancellationToken ct)
    {
        var latest = db.RecordVersions.Where(v => v.IsLatest && units.Contains(v.DepartmentId));
        latest = filter.State switch
        {
            "draft" => latest.Where(v => v.State == VersionState.Draft && v.ReturnReason == null),
            "returned" => latest.Where(v => v.State == VersionState.Draft && v.ReturnReason != null),
            "submitted" => latest.Where(v => v.State == VersionState.Submitted),
            "published" => latest.Where(v => v.State == VersionState.Published),
            "withdrawn" => latest.Where(v => v.State == VersionState.Withdrawn),
            "withheld" => latest.Where(v => v.State == VersionState.Withheld),
            _ => latest,
        };
        // 最后修改时间, newest first (issue 18). SQLite cannot order by an instant, so the page is chosen from the
        // department's (id, time) pairs — two columns of one department's records — and then read.
        var keys = await latest.Select(v => new { v.Id, v.RecordId, v.UpdatedAt }).ToListAsync(ct);
        var info = new PageInfo(filter.Page, RecordListing.PageSize, keys.Count);
        if (filter.Page > info.TotalPages) return ([], info);
        var page = keys.OrderByDescending(k => k.UpdatedAt).ThenByDescending(k => k.RecordId).Skip(info.Skip).Take(info.PageSize).Select(k => k.Id).ToList();
        var rows = await (
            from v in db.RecordVersions.Where(v => page.Contains(v.Id))
            join r in db.Records on v.RecordId equals r.Id
            join i0 in db.CatalogueItems on v.CatalogueItemId equals i0.Id into items
            from i in items.DefaultIfEmpty()
            join c0 in db.Columns on v.ColumnId equals c0.Id into columns
            from c in columns.DefaultIfEmpty()
            select new ManagedRecordRow(r.Id, v.Title, r.IndexNumber, i != null ? i.NameLevel1 + " · " + i.NameLevel2 : c != null ? c.NameZh : "—", v.State, v.ReturnReason != null, v.Number, v.UpdatedAt))
            .ToListAsync(ct);
        return ([.. rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.RecordId)], info);
    }

    /// <summary>The record's staff page: its latest version, what is live, attachments, reviews and the audit trail; null when the user may not see it.</summary>
    public static async Task<ManagedRecordModel?> PageAsync(
        PortalDbContext db, MarkdownRenderer markdown, TimeProvider clock, ClaimsPrincipal user, int id, long maxAttachmentBytes, CancellationToken ct,
        InterpretationPlanForm? postedPlan = null)
    {
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var keeps = await Townships.KeptUnits.KeepsAsync(db, user, record?.DepartmentId ?? 0, ct);
        if (record is null || !(user.IsInRole(Roles.Reviewer) || keeps)) return null;
        var versions = await db.RecordVersions.AsNoTracking().Where(v => v.RecordId == id).OrderBy(v => v.Number).ToListAsync(ct);
        var latest = versions.Single(v => v.IsLatest);
        var versionIds = versions.Select(v => v.Id).ToList();
        var item = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == record.CatalogueItemId, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == latest.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var reviews = await db.ReviewDecisions.AsNoTracking().Where(d => versionIds.Contains(d.RecordVersionId)).OrderBy(d => d.Id).ToListAsync(ct);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == DisclosurePortal.Domain.Auditing.AuditActions.RecordEntity && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        DateOnly? dueOn = latest.WrittenOn is { } formed ? (item?.TimeLimit ?? TimeLimitRule.Statutory).DueOn(formed, calendar) : null;
        InterpretationDetails? interpretation = record.Kind == RecordKind.PolicyInterpretation
            ? new InterpretationDetails(await InterpretationQueries.PoliciesOfVersionAsync(db, latest.Id, ct), await InterpretationQueries.QuestionsAsync(db, latest.Id, ct))
            : null;
        var interpretationDue = PolicyInterpretations.IsPolicy(record.Kind)
            ? (await InterpretationQueries.TimelinessAsync(db, null, clock.Today(), calendar, ct, policyRecordId: id)).SingleOrDefault()?.Timeliness
            : null;
        ThreeSyncModel? threeSync = null;
        if (ThreeSync.Applies(record.Kind, latest.Validity, versions.Any(v => v.PublishedOn is not null)))
        {
            var drafted = await (
                from l in db.InterpretationLinks
                join v in db.RecordVersions on l.RecordVersionId equals v.Id
                where l.PolicyRecordId == id && v.IsLatest
                select new { v.RecordId, v.Title, v.State }).AsNoTracking().ToListAsync(ct);
            var plan = await db.InterpretationPlans.AsNoTracking().FirstOrDefaultAsync(p => p.PolicyRecordId == id, ct);
            var departments = await db.ActiveDepartmentsAsync(ct);
            var form = postedPlan ?? (plan is not null ? InterpretationPlanForm.From(plan) : new InterpretationPlanForm
            {
                ResponsibleDepartmentId = record.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                WorkingDays = "0",
            });
            threeSync = new ThreeSyncModel(id, latest.Version, [.. drafted.DistinctBy(d => d.RecordId).Select(d => (d.RecordId, d.Title, d.State))], plan,
                plan is null ? null : departments.FirstOrDefault(d => d.Id == plan.ResponsibleDepartmentId).Name, form, departments);
        }
        return new ManagedRecordModel(record, item, versions, latest, versions.SingleOrDefault(v => v.IsPublished), attachments, reviews, events,
            markdown.Render(latest.Body), dueOn, keeps, maxAttachmentBytes)
        {
            Interpretation = interpretation,
            InterpretationDue = interpretationDue,
            ThreeSync = threeSync,
        };
    }
}

/// <summary>The department's record list: <c>state</c> (draft, returned, submitted, published, withdrawn, withheld; all when absent) and <c>page</c>.</summary>
public sealed record ManagedRecordsFilter(string? State, int Page) : IQueryFilter<ManagedRecordsFilter>
{
    private static readonly string[] States = ["all", "draft", "returned", "submitted", "published", "withdrawn", "withheld"];

    /// <summary>The query keys, as the list's tabs and pager write them.</summary>
    public static class Keys
    {
        public const string State = "state";
    }

    public static ManagedRecordsFilter Read(QueryReader query)
    {
        var page = query.Page();
        var state = query.Text(Keys.State);
        if (state is not null && !States.Contains(state)) query.Refuse("状态筛选条件无效。");
        return new ManagedRecordsFilter(state, page);
    }
}
