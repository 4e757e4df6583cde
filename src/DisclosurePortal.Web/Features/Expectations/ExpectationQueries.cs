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

    /// <summary>
    /// Every expectation whose deadline falls in <paramref name="year"/> (of some units, or all), with the unit's and the
    /// item's names, the record that kept it and the 本期无信息 state: the lists behind the dashboards' counts.
    /// </summary>
    public static async Task<List<Web.Features.Expectations.ExpectationListRow>> ListAsync(PortalDbContext db, IReadOnlyCollection<int>? units,
        int year, DateOnly today, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var all = await ComputeAsync(db, units, null, today, calendar, ct);
        var inYear = all.SelectMany(x => x.Expectations.Where(e => e.DueOn.Year == year).Select(e => (x.Item, e))).ToList();
        if (inYear.Count == 0) return [];
        var itemIds = inYear.Select(x => x.Item.ItemId).Distinct().ToList();
        var items = await db.CatalogueItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.NameLevel1, i.NameLevel2, i.TimeLimitText }).ToDictionaryAsync(i => i.Id, ct);
        var unitIds = inYear.Select(x => x.Item.DepartmentId).Distinct().ToList();
        var names = await db.Departments.AsNoTracking().Where(d => unitIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Name, d.Level, d.SortOrder }).ToDictionaryAsync(d => d.Id, ct);
        var recordIds = inYear.Select(x => x.e.RecordId).OfType<int>().Distinct().ToList();
        var titles = recordIds.Count == 0 ? [] : await db.RecordVersions.AsNoTracking().Where(v => recordIds.Contains(v.RecordId) && v.IsLatest)
            .ToDictionaryAsync(v => v.RecordId, v => v.Title, ct);
        var waivers = await db.PeriodWaivers.AsNoTracking().Where(w => itemIds.Contains(w.CatalogueItemId))
            .Select(w => new { w.CatalogueItemId, w.PeriodStart, w.State }).ToListAsync(ct);
        return [.. inYear
            .OrderBy(x => Rank(x.e.Outcome)).ThenBy(x => x.e.DueOn)
            .ThenBy(x => names[x.Item.DepartmentId].Level).ThenBy(x => names[x.Item.DepartmentId].SortOrder).ThenBy(x => x.Item.ItemId)
            .Select(x => new Web.Features.Expectations.ExpectationListRow(x.Item.DepartmentId, names[x.Item.DepartmentId].Name, x.Item.ItemId,
                $"{items[x.Item.ItemId].NameLevel1} · {items[x.Item.ItemId].NameLevel2}", items[x.Item.ItemId].TimeLimitText, x.e,
                x.e.RecordId is { } r ? titles.GetValueOrDefault(r) : null,
                x.e.Period is { } p ? waivers.FirstOrDefault(w => w.CatalogueItemId == x.Item.ItemId && w.PeriodStart == p.Start)?.State : null))];
    }

    /// <summary>The expectations of a year counted, for a dashboard (of some units, or all).</summary>
    public static async Task<TimelinessCounts> YearCountsAsync(PortalDbContext db, IReadOnlyCollection<int>? units, int year, DateOnly today,
        WorkingCalendar calendar, CancellationToken ct) =>
        Count((await ComputeAsync(db, units, null, today, calendar, ct)).SelectMany(x => x.Expectations).Where(e => e.DueOn.Year == year));

    /// <summary>What needs doing first: missing, then not yet due, then late, then kept.</summary>
    private static int Rank(ExpectationOutcome outcome) => outcome switch
    {
        ExpectationOutcome.Missing => 0,
        ExpectationOutcome.NotYetDue => 1,
        ExpectationOutcome.Late => 2,
        _ => 3,
    };

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
