using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data.Security;
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

    /// <summary>The county's review chain: the saved one, or the default while an administrator has saved none.</summary>
    public static async Task<ReviewChain> ChainAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ReviewChains.AsNoTracking().FirstOrDefaultAsync(ct) ?? ReviewChain.Default();

    /// <summary>The signed-in user as the review chain sees them.</summary>
    public static ReviewActor Actor(ClaimsPrincipal user) =>
        new(user.UserId(), user.DisplayName(), user.IsInRole(Roles.Reviewer), user.IsInRole(Roles.Leader));

    /// <summary>
    /// The submitted versions the filter asks for, oldest first, with their age in working days, the step each waits for
    /// and its publication deadline.
    /// </summary>
    public static async Task<List<QueueRow>> QueueAsync(PortalDbContext db, ReviewQueueFilter filter, int? domainId, DateOnly today, ClaimsPrincipal user, CancellationToken ct)
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

        // The queue is small (what awaits review now): the versions, their decisions and items are read once and the
        // chain worked out here. Each version's round counts from its last submission (ReviewRound).
        var ids = rows.Select(r => r.Id).ToList();
        var versions = await db.RecordVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var decisions = (await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.RecordVersionId)).ToListAsync(ct)).ToLookup(d => d.RecordVersionId);
        var itemIds = versions.Values.Where(v => v.CatalogueItemId is not null).Select(v => v.CatalogueItemId!.Value).Distinct().ToList();
        var limits = await db.CatalogueItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.TimeLimit, ct);
        var chain = await ChainAsync(db, ct);
        var actor = Actor(user);
        var calendar = await CalendarLoader.LoadAsync(db, ct);

        var result = new List<QueueRow>();
        foreach (var r in rows)
        {
            var v = versions[r.Id];
            var mine = decisions[r.Id].ToList();
            // The versions still waiting for this review (the current round's latest decision per step counts, as at publication).
            if (filter.Stage is { } only && !ReviewRound.Missing(chain, v, mine).Contains(only)) continue;
            var waiting = ReviewRound.Next(chain, v, mine);
            var isMine = waiting is { } step && ReviewRound.WhyNot(chain, v, mine, step, actor) is null;
            if (filter.Waiting == ReviewQueueFilter.WaitingForMe && !isMine) continue;
            if (filter.Waiting == ReviewQueueFilter.WaitingForLeader && waiting != ReviewStep.Approval) continue;
            // 公开时限: the item's rule from the day the information was written (条例 Art. 26 by default: 20 working days).
            DateOnly? due = v.WrittenOn is { } written
                ? (v.CatalogueItemId is { } item && limits.TryGetValue(item, out var limit) ? limit : Domain.Catalogue.TimeLimitRule.Statutory).DueOn(written, calendar)
                : null;
            result.Add(new QueueRow(r.Id, r.RecordId, r.Title, r.Number, r.Kind, r.IndexNumber, r.Department, Localization.Pick(r.DomainZh, r.DomainEn), r.SubmittedAt!.Value,
                calendar.WorkingDaysBetween(DateOnly.FromDateTime(r.SubmittedAt.Value.ToChina().DateTime), today), waiting, due, isMine));
        }
        // Oldest first; SQLite cannot order by an instant, so it is ordered here rather than in SQL.
        return result.OrderBy(r => r.SubmittedAt).ThenBy(r => r.VersionId).ToList();
    }

    /// <summary>Where a version stands in the chain, and whether <paramref name="user"/> may take its next step.</summary>
    public static async Task<ChainState> ChainStateAsync(PortalDbContext db, RecordVersion version, ClaimsPrincipal user, CancellationToken ct)
    {
        var chain = await ChainAsync(db, ct);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.RecordVersionId == version.Id).ToListAsync(ct);
        var round = version.State == VersionState.Submitted || version.IsPublished ? ReviewRound.Current(version, decisions) : [];
        var next = ReviewRound.Next(chain, version, decisions);
        var steps = chain.StepsFor(version.Kind);
        var why = next is { } step ? ReviewRound.WhyNot(chain, version, decisions, step, Actor(user)) : null;
        var lines = round.Select(d => new ReviewLine(d.Step, d.Outcome, d.ReviewerName, d.Comment, d.DecidedAt)).ToList();
        return new ChainState(steps, lines, next, why, next is not null && ReviewRound.Missing(chain, version, decisions).Count == 1);
    }

    public static async Task<(List<Option> Departments, List<Option> Domains)> FilterOptionsAsync(PortalDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new Option(d.Id.ToString(CultureInfo.InvariantCulture), d.Name)).ToListAsync(ct);
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.NameZh, d.NameEn }).ToListAsync(ct);
        return (departments, domains.Select(d => new Option(d.Code, Localization.Pick(d.NameZh, d.NameEn))).ToList());
    }

    /// <summary>A version's review page, with the form as posted (or blank); null when there is no such version.</summary>
    public static async Task<ReviewPageModel?> PageAsync(PortalDbContext db, MarkdownRenderer markdown, int id, ReviewForm form, ClaimsPrincipal user, CancellationToken ct)
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
        var chain = await ChainStateAsync(db, version, user, ct);
        form.Step ??= chain.Next;
        return new ReviewPageModel(version, record, department, item, published, attachments, markdown.Render(version.Body), form, chain)
        {
            Interpretation = interpretation,
        };
    }
}

/// <summary>
/// The review queue's filters: <c>department</c> (an id), <c>domain</c> (a code, checked against the database by the
/// action), <c>kind</c>, <c>stage</c> (a review step's code), <c>waiting</c> (me or leader) and <c>page</c>. A department or kind that does not read is
/// ignored, as the model binder always did; a stage that does not is refused.
/// </summary>
public sealed record ReviewQueueFilter(int? Department, string? Domain, RecordKind? Kind, ReviewStep? Stage, int Page, string? Waiting = null) : IQueryFilter<ReviewQueueFilter>
{
    /// <summary><c>waiting=me</c>: the versions whose waiting step the signed-in user may take.</summary>
    public const string WaitingForMe = "me";
    /// <summary><c>waiting=leader</c>: the versions waiting for 领导审签.</summary>
    public const string WaitingForLeader = "leader";

    /// <summary>The query keys, as the queue's filter form and pager write them.</summary>
    public static class Keys
    {
        public const string Department = "department";
        public const string Domain = "domain";
        public const string Kind = "kind";
        public const string Stage = "stage";
        public const string Waiting = "waiting";
    }

    public static ReviewQueueFilter Read(QueryReader query)
    {
        var page = query.Page();
        ReviewStep? stage = null;
        if (query.Text(Keys.Stage) is { } code && (stage = ReviewStages.Parse(code)) is null) query.Refuse("审查环节筛选条件无效。");
        int? department = query.OptionalInt(Keys.Department);
        RecordKind? kind = query.Text(Keys.Kind) is { } k && QueryReader.TryEnum<RecordKind>(k, out var parsed) ? parsed : null;
        var waiting = query.Text(Keys.Waiting);
        if (waiting is not (null or WaitingForMe or WaitingForLeader)) { query.Refuse("待办筛选条件无效。"); waiting = null; }
        return new ReviewQueueFilter(department, query.Text(Keys.Domain), kind, stage, page, waiting);
    }
}
