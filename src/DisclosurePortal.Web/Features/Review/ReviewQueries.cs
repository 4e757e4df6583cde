using System.Globalization;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

public static class ReviewQueries
{
    public const int PageSize = 30;

    /// <summary>The submitted versions the filter asks for, oldest first, with their age in working days.</summary>
    public static async Task<List<QueueRow>> QueueAsync(PortalDbContext db, ReviewQueueFilter filter, int? domainId, DateOnly today, CancellationToken ct)
    {
        var submitted = db.RecordVersions.Where(v => v.State == VersionState.Submitted);
        if (filter.Department is { } dep) submitted = submitted.Where(v => v.DepartmentId == dep);
        if (domainId is { } dom) submitted = submitted.Where(v => v.DomainId == dom);
        if (filter.Kind is { } kind) submitted = submitted.Where(v => v.Kind == kind);
        var rows = await (
            from v in submitted
            join r in db.Records on v.RecordId equals r.Id
            join d in db.Departments on v.DepartmentId equals d.Id
            // A record filed in a column only has no domain (issue 20 §3): it is queued all the same.
            join dm0 in db.Domains on v.DomainId equals dm0.Id into domains
            from dm in domains.DefaultIfEmpty()
            select new { v.Id, v.RecordId, v.Title, v.Number, v.Kind, v.SubmittedAt, r.IndexNumber, Department = d.Name, DomainZh = dm == null ? "栏目" : dm.NameZh, DomainEn = dm == null ? "Column" : dm.NameEn }).ToListAsync(ct);

        if (filter.Stage is { } only)
        {
            // The versions still waiting for this review (the latest decision per step counts, as at publication).
            var ids = rows.Select(r => r.Id).ToList();
            var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.RecordVersionId)).ToListAsync(ct);
            rows = rows.Where(r => Reviews.Missing(r.Id, decisions).Contains(only)).ToList();
        }

        // Oldest first. The queue is small (what awaits review now), and SQLite cannot order by an instant, so it is
        // ordered here rather than in SQL.
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        return rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new QueueRow(r.Id, r.RecordId, r.Title, r.Number, r.Kind, r.IndexNumber, r.Department, Localization.Pick(r.DomainZh, r.DomainEn), r.SubmittedAt!.Value,
                calendar.WorkingDaysBetween(DateOnly.FromDateTime(r.SubmittedAt.Value.ToChina().DateTime), today)))
            .ToList();
    }

    public static async Task<(List<Option> Departments, List<Option> Domains)> FilterOptionsAsync(PortalDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new Option(d.Id.ToString(CultureInfo.InvariantCulture), d.Name)).ToListAsync(ct);
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.NameZh, d.NameEn }).ToListAsync(ct);
        return (departments, domains.Select(d => new Option(d.Code, Localization.Pick(d.NameZh, d.NameEn))).ToList());
    }

    /// <summary>A version's review page, with the form as posted (or blank); null when there is no such version.</summary>
    public static async Task<ReviewPageModel?> PageAsync(PortalDbContext db, MarkdownRenderer markdown, int id, ReviewForm form, CancellationToken ct)
    {
        var version = await db.RecordVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return null;
        if (form.Version == 0) form.Version = version.Version;
        var record = await db.Records.AsNoTracking().SingleAsync(r => r.Id == version.RecordId, ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == version.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var item = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == version.CatalogueItemId, ct);
        var published = await db.RecordVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RecordId == version.RecordId && v.IsPublished, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var interpretation = version.Kind == RecordKind.PolicyInterpretation
            ? new InterpretationDetails(await InterpretationQueries.PoliciesOfVersionAsync(db, id, ct), await InterpretationQueries.QuestionsAsync(db, id, ct))
            : null;
        return new ReviewPageModel(version, record, department, item, published, attachments, markdown.Render(version.Body), form)
        {
            Interpretation = interpretation,
        };
    }
}

/// <summary>
/// The review queue's filters: <c>department</c> (an id), <c>domain</c> (a code, checked against the database by the
/// action), <c>kind</c>, <c>stage</c> (a review step's code) and <c>page</c>. A department or kind that does not read is
/// ignored, as the model binder always did; a stage that does not is refused.
/// </summary>
public sealed record ReviewQueueFilter(int? Department, string? Domain, RecordKind? Kind, ReviewStep? Stage, int Page) : IQueryFilter<ReviewQueueFilter>
{
    /// <summary>The query keys, as the queue's filter form and pager write them.</summary>
    public static class Keys
    {
        public const string Department = "department";
        public const string Domain = "domain";
        public const string Kind = "kind";
        public const string Stage = "stage";
    }

    public static ReviewQueueFilter Read(QueryReader query)
    {
        var page = query.Page();
        ReviewStep? stage = null;
        if (query.Text(Keys.Stage) is { } code && (stage = ReviewStages.Parse(code)) is null) query.Refuse("审查环节筛选条件无效。");
        int? department = query.OptionalInt(Keys.Department);
        RecordKind? kind = query.Text(Keys.Kind) is { } k && QueryReader.TryEnum<RecordKind>(k, out var parsed) ? parsed : null;
        return new ReviewQueueFilter(department, query.Text(Keys.Domain), kind, stage, page);
    }
}
