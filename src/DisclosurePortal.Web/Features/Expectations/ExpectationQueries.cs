using DisclosurePortal.Data;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>Reads the facts of expected publications (docs/adr/0033); <see cref="ExpectedPublications"/> decides.</summary>
public static class ExpectationQueries
{
    /// <summary>
    /// Every periodic or event-driven item (of some units, or all), with its expectations as of today. Retired items
    /// keep the expectations that fell before their retirement.
    /// </summary>
    public static async Task<List<ItemExpectations>> ComputeAsync(PortalDbContext db, IReadOnlyCollection<int>? units, int? itemId,
        DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var query = db.CatalogueItems.AsNoTracking()
            .Where(i => i.TimeLimit.Kind == TimeLimitKind.MonthlyByDay || i.TimeLimit.Kind == TimeLimitKind.QuarterlyByDay
                        || i.TimeLimit.Kind == TimeLimitKind.AnnuallyByDay || i.TimeLimit.Kind == TimeLimitKind.DaysAfterCompletion);
        if (units is not null) query = query.Where(i => units.Contains(i.DepartmentId));
        if (itemId is { } only) query = query.Where(i => i.Id == only);
        var items = (await query.ToListAsync(ct)).Select(ToExpectationItem).ToList();
        if (items.Count == 0) return [];
        var ids = items.Select(i => i.ItemId).ToList();
        var records = await (
            from r in db.Records
            where r.CatalogueItemId != null && ids.Contains(r.CatalogueItemId.Value)
                  && db.RecordVersions.Any(v => v.RecordId == r.Id && v.IsLatest
                                                && v.DisclosureAttribute == DisclosureAttribute.Proactive && v.State != VersionState.Withheld)
            let published = db.RecordVersions.Where(v => v.RecordId == r.Id && v.PublishedOn != null).Min(v => v.PublishedOn)
            where published != null
            let coverage = db.RecordCoverages.FirstOrDefault(c => c.RecordId == r.Id)
            select new PublishedRecordFact(r.Id, r.CatalogueItemId!.Value, published!.Value,
                coverage == null ? null : coverage.PeriodStart, coverage == null ? null : coverage.ItemEventId))
            .AsNoTracking().ToListAsync(ct);
        var waivers = await db.PeriodWaivers.AsNoTracking().Where(w => ids.Contains(w.CatalogueItemId))
            .Select(w => new WaiverFact(w.Id, w.CatalogueItemId, w.PeriodStart, w.State, w.Reason)).ToListAsync(ct);
        var events = await db.ItemEvents.AsNoTracking().Where(e => ids.Contains(e.CatalogueItemId))
            .Select(e => new EventFact(e.Id, e.CatalogueItemId, e.OccurredOn, e.Description)).ToListAsync(ct);
        return [.. items.Select(i => ExpectedPublications.For(i, records, waivers, events, today, calendar))];
    }

    public static ExpectationItem ToExpectationItem(CatalogueItem i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new ExpectationItem(i.Id, i.DepartmentId, i.DomainId, i.StageId, i.TimeLimit,
            i.ExpectedFrom ?? DateOnly.FromDateTime(i.CreatedAt.ToChina().DateTime),
            i.RetiredAt is { } retired ? DateOnly.FromDateTime(retired.ToChina().DateTime) : null);
    }

    /// <summary>The expectations as the quarterly report counts them.</summary>
    public static IEnumerable<ExpectationFact> Facts(IEnumerable<ItemExpectations> all) =>
        all.SelectMany(x => x.Expectations.Select(e => new ExpectationFact(x.Item.DepartmentId, x.Item.DomainId, x.Item.StageId, e.DueOn, e.Outcome)));

    /// <summary>Counts of outcomes (waived counts as on time, as in the quarterly report).</summary>
    public static TimelinessCounts Count(IEnumerable<Expectation> expectations) =>
        TimelinessCounts.Of(expectations.Select(e => QuarterlyReport.From(e.Outcome)));
}
