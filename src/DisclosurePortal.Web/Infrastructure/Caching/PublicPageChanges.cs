using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Infrastructure.Caching;

/// <summary>
/// Evicts the cached pages that show what a SaveChanges changed: the tags follow the data, not the call sites, so
/// every workflow path (approve, withdraw, replace, catalogue and department changes, the annual report's publication)
/// is covered, and a new one cannot forget. The tags are worked out before the save (while the change tracker still
/// knows the old values) and evicted after it: within a request, when the response starts (after the action has
/// committed its transaction, before the staff member sees the result); outside a request, at once.
/// </summary>
public sealed class PublicPageChanges(Cluster.PageEvictions evictions, IHttpContextAccessor http) : SaveChangesInterceptor
{
    private const string PendingKey = "DisclosurePortal.PendingEvictions";
    private const int BulkChange = 500;

    // Properties a published row may change without changing what the public sees: the draft pointer, the
    // optimistic-concurrency counter and the edit stamp (a new draft of a published record touches exactly these).
    private static readonly HashSet<string> InvisibleVersionProperties = [nameof(RecordVersion.IsLatest), nameof(RecordVersion.Version), nameof(RecordVersion.UpdatedAt)];

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<string>> _saving = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            var tags = await TagsOfAsync(db, cancellationToken);
            if (tags.Count > 0) _saving.AddOrUpdate(db, tags);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _saving.TryGetValue(db, out var tags))
        {
            _saving.Remove(db);
            await EvictAsync(tags);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) _saving.Remove(db);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>Evicts what the request saved, if the response has not done it yet (a client that went away, say).</summary>
    public async Task FlushAsync(HttpContext context)
    {
        if (context.Items[PendingKey] is HashSet<string> pending)
        {
            context.Items.Remove(PendingKey);
            await EvictNowAsync(pending);
        }
    }

    private async Task EvictAsync(HashSet<string> tags)
    {
        var context = http.HttpContext;
        if (context is null || context.Response.HasStarted)
        {
            await EvictNowAsync(tags);
            return;
        }
        if (context.Items[PendingKey] is HashSet<string> pending)
        {
            pending.UnionWith(tags);
            return;
        }
        context.Items[PendingKey] = tags;
        context.Response.OnStarting(state => FlushAsync((HttpContext)state), context);
    }

    /// <summary>Evicts the pages and the data held in memory under the same tags, here and on the other nodes (issue 24).</summary>
    private Task EvictNowAsync(HashSet<string> tags) => evictions.EvictAsync(tags);

    /// <summary>The tags of the pages that show what is about to be saved (<see cref="PublicPageTags"/>).</summary>
    internal static async Task<HashSet<string>> TagsOfAsync(PortalDbContext db, CancellationToken ct)
    {
        // The interceptor runs before SaveChanges detects changes made through the entities' methods.
        db.ChangeTracker.DetectChanges();
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<(int RecordId, int? ItemId, int? DomainId, int DepartmentId)>();
        var items = new List<(int ItemId, int[] DomainIds, int[] DepartmentIds)>();
        var interpretationVersions = new HashSet<int>();
        var policies = new HashSet<int>();
        var consultationDomains = new HashSet<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case RecordVersion v when ChangesWhatThePublicSees(entry):
                    foreach (var (item, domain, department) in Placements(entry))
                        records.Add((v.RecordId, item, domain, department));
                    if (v.Kind == RecordKind.PolicyInterpretation) interpretationVersions.Add(v.Id);
                    if (PolicyInterpretations.IsPolicy(v.Kind)) policies.Add(v.RecordId);
                    break;
                case Record r when entry.State == EntityState.Modified:
                    tags.Add(PublicPageTags.Record(r.Id)); // its 索引号 shows on its page once published
                    break;
                case CatalogueItem i:
                    items.Add((i.Id, Both<int>(entry, nameof(CatalogueItem.DomainId)), Both<int>(entry, nameof(CatalogueItem.DepartmentId))));
                    break;
                case Domain.Columns.DisclosureColumn:
                    tags.UnionWith(PublicPageTags.WhenColumnChanges());
                    break;
                case Department:
                    tags.UnionWith(PublicPageTags.WhenDepartmentChanges());
                    break;
                case Domain.Site.SiteIdentity:
                    tags.Add(PublicPageTags.Site); // every page shows the site's name and particulars (issue 20)
                    break;
                case Domain.Search.SynonymGroup:
                    tags.Add(PublicPageTags.Search); // a group widens or narrows searches at once (issue 22)
                    break;
                case DisclosureDomain or DisclosureStage:
                    tags.UnionWith(PublicPageTags.WhenReferenceDataChanges());
                    break;
                case Domain.Consultations.Consultation consultation:
                    // Its domain's 决策 stage lists it (issue 19). Open → closed follows the clock, within the cache's duration.
                    consultationDomains.Add(consultation.DomainId);
                    tags.Add(PublicPageTags.Search); // and the search finds it (issue 22)
                    break;
                case Domain.Participation.Message when Both<bool>(entry, nameof(Domain.Participation.Message.Published)).Contains(true):
                    tags.Add(PublicPageTags.Search); // a published message is found by the search (issue 22)
                    break;
                case Domain.Units.UnitProfile profile when Both<Domain.Units.ProfileState>(entry, nameof(Domain.Units.UnitProfile.State)).Contains(Domain.Units.ProfileState.Published):
                    tags.UnionWith(PublicPageTags.WhenUnitProfileChanges(profile.DepartmentId));
                    break;
                case DisclosurePortal.Domain.Powers.Power or DisclosurePortal.Domain.Powers.PowerRevision:
                    tags.Add(PublicPageTags.Powers);
                    break;
                case DisclosurePortal.Domain.Guides.ServiceGuide:
                    tags.Add(PublicPageTags.Guides);
                    tags.Add(PublicPageTags.Search); // a published guide is found by the search (issue 22)
                    break;
                case DisclosurePortal.Domain.Guides.GuideTemplate:
                    tags.Add(PublicPageTags.Guides);
                    break;
                case Domain.PolicyCleanups.PolicyCleanup cleanup when Both<Domain.PolicyCleanups.CleanupState>(entry, nameof(Domain.PolicyCleanups.PolicyCleanup.State)).Contains(Domain.PolicyCleanups.CleanupState.Published):
                    // 规范性文件清理 (issue 20 §4): its notice lives under /policies; the changed documents evict their own pages.
                    tags.Add(PublicPageTags.Policies);
                    break;
                case Domain.Assessments.AssessmentRun run when entry.State != EntityState.Added
                                                              || run.State == Domain.Assessments.RunState.Published:
                    // 考核结果: its public page shows a published computation; publishing, withdrawing or deleting it changes the page.
                    tags.Add(PublicPageTags.Assessments);
                    break;
                case AnnualReport when Both<ReportState>(entry, nameof(AnnualReport.State)).Contains(ReportState.Published):
                    tags.UnionWith(PublicPageTags.WhenAnnualReportChanges());
                    break;
                case QuarterlyBulletin when Both<BulletinState>(entry, nameof(QuarterlyBulletin.State)).Any(s => s != BulletinState.Frozen):
                    tags.UnionWith(PublicPageTags.WhenQuarterlyBulletinChanges());
                    break;
            }
        }
        if (consultationDomains.Count > 0)
            tags.UnionWith((await db.Domains.AsNoTracking().Where(d => consultationDomains.Contains(d.Id)).Select(d => d.Code).ToListAsync(ct)).Select(PublicPageTags.Domain));
        if (records.Count == 0 && items.Count == 0) return tags;
        if (records.Count + items.Count > BulkChange) return [.. PublicPageTags.WhenBulkChanges()];

        var domainIds = records.Select(r => r.DomainId).OfType<int>().Concat(items.SelectMany(i => i.DomainIds)).ToHashSet();
        var codes = await db.Domains.AsNoTracking().Where(d => domainIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        foreach (var (recordId, itemId, domainId, departmentId) in records)
            tags.UnionWith(PublicPageTags.WhenPublishedRecordChanges(recordId, itemId, domainId is { } d ? codes.GetValueOrDefault(d) : null, departmentId));
        foreach (var (itemId, domains, departments) in items)
            tags.UnionWith(PublicPageTags.WhenCatalogueItemChanges(itemId, domains.Select(d => codes.GetValueOrDefault(d)).OfType<string>(), departments));

        // 政策解读 ↔ policy: each record's page lists the published ones on the other side.
        if (interpretationVersions.Count > 0)
        {
            var named = await db.InterpretationLinks.AsNoTracking().Where(l => interpretationVersions.Contains(l.RecordVersionId)).Select(l => l.PolicyRecordId).ToListAsync(ct);
            tags.UnionWith(named.Select(PublicPageTags.Record));
        }
        if (policies.Count > 0)
        {
            var naming = await db.InterpretationLinks.AsNoTracking().Where(l => policies.Contains(l.PolicyRecordId)).Select(l => l.InterpretationRecordId).ToListAsync(ct);
            tags.UnionWith(naming.Select(PublicPageTags.Record));
        }
        return tags;
    }

    /// <summary>A version that is or was published, whose change the public can see (not just its draft bookkeeping).</summary>
    private static bool ChangesWhatThePublicSees(EntityEntry entry)
    {
        var published = Both<bool>(entry, nameof(RecordVersion.IsPublished));
        if (!published.Contains(true)) return false;
        return entry.State != EntityState.Modified
            || entry.Properties.Any(p => p.IsModified && !InvisibleVersionProperties.Contains(p.Metadata.Name));
    }

    /// <summary>Where the version is listed, before and after the change (a version does not move, but if it did both lists change).</summary>
    private static IEnumerable<(int? Item, int? Domain, int Department)> Placements(EntityEntry entry)
    {
        // A record filed in a column only has no item or domain (issue 20 §3).
        (int?, int?, int) At(Func<string, int?> value) =>
            (value(nameof(RecordVersion.CatalogueItemId)), value(nameof(RecordVersion.DomainId)), value(nameof(RecordVersion.DepartmentId))!.Value);
        var current = At(name => (int?)entry.Property(name).CurrentValue);
        yield return current;
        if (entry.State == EntityState.Modified)
        {
            var original = At(name => (int?)entry.Property(name).OriginalValue);
            if (original != current) yield return original;
        }
    }

    /// <summary>A property's current value and, for a modified row, its original one.</summary>
    private static T[] Both<T>(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        return entry.State switch
        {
            EntityState.Modified => [(T)p.OriginalValue!, (T)p.CurrentValue!],
            EntityState.Deleted => [(T)p.OriginalValue!],
            _ => [(T)p.CurrentValue!],
        };
    }
}
