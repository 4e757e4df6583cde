using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Expectations;
using DisclosurePortal.Web.Features.Interpretations;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>Reads the facts of the 按季通报 from the database; <see cref="QuarterlyReport"/> does the counting.</summary>
public static class QuarterlyReportQueries
{
    /// <summary>The whole county's report as of <paramref name="today"/>, with the names of the units, domains and stages.</summary>
    public static async Task<LoadedQuarter> LoadAsync(PortalDbContext db, Quarter q, DateOnly today, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name, d.IsActive }).ToListAsync(ct);
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new NamedRow(d.Id, d.NameZh, d.NameEn, d.SortOrder)).ToListAsync(ct);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new NamedRow(s.Id, s.NameZh, s.NameEn, s.SortOrder)).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var report = await ComputeAsync(db, q, [.. departments.Where(d => d.IsActive).Select(d => d.Id)], today, calendar, ct);
        return new LoadedQuarter(report, departments.ToDictionary(d => d.Id, d => d.Name), domains, stages);
    }

    public static async Task<QuarterlyReportResult> ComputeAsync(PortalDbContext db, Quarter quarter, IReadOnlyList<int> departmentIds,
        DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        // Periodic and event-driven items are counted by their expected publications (ADR 33), not by the records drafted.
        var expectations = await ExpectationQueries.ComputeAsync(db, null, null, today, calendar, ct);
        var countedThere = expectations.SelectMany(e => e.RecordsCounted).ToHashSet();
        var records = (await RecordFactsAsync(db, quarter, ct)).Where(r => !countedThere.Contains(r.RecordId)).Select(r => r.Fact);
        var policies = (await InterpretationQueries.TimelinessAsync(db, null, today, calendar, ct))
            .Select(r => new PolicyFact(r.DepartmentId, r.PublishedOn, r.Timeliness.InterpretedOn));
        var cases = await db.ApplicationCases.AsNoTracking()
            .Where(c => c.DueOn != null && c.DueOn >= quarter.Start && c.DueOn <= quarter.End)
            .Select(c => new { c.AssignedDepartmentId, DueOn = c.DueOn!.Value, AnsweredOn = c.RepliedOn ?? c.ClosedOn })
            .ToListAsync(ct);
        return QuarterlyReport.Compute(quarter, records, policies, cases.Select(c => new CaseFact(c.AssignedDepartmentId, c.DueOn, c.AnsweredOn)),
            departmentIds, today, calendar, ExpectationQueries.Facts(expectations));
    }

    /// <summary>
    /// Records owed proactively (主动公开, not 不予公开): formed on the 成文日期 of their first version that has one, published on
    /// their first 发布日期. Any time limit is at most a year and a month, so records formed long before the quarter are skipped.
    /// </summary>
    private static async Task<List<(int RecordId, RecordDueFact Fact)>> RecordFactsAsync(PortalDbContext db, Quarter quarter, CancellationToken ct)
    {
        var earliest = quarter.Start.AddYears(-2);
        var rows = await (
            from r in db.Records
            let formedOn = db.RecordVersions.Where(v => v.RecordId == r.Id && v.WrittenOn != null).OrderBy(v => v.Number).Select(v => v.WrittenOn).FirstOrDefault()
            where formedOn != null && formedOn >= earliest && formedOn <= quarter.End
                  && db.RecordVersions.Any(v => v.RecordId == r.Id && v.IsLatest
                                                && v.DisclosureAttribute == DisclosureAttribute.Proactive && v.State != VersionState.Withheld)
            select new
            {
                r.Id, r.DepartmentId, r.DomainId, r.StageId, r.CatalogueItemId,
                FormedOn = formedOn!.Value,
                FirstPublishedOn = db.RecordVersions.Where(v => v.RecordId == r.Id && v.PublishedOn != null).Min(v => v.PublishedOn),
            }).AsNoTracking().ToListAsync(ct);
        var itemIds = rows.Select(r => r.CatalogueItemId).OfType<int>().Distinct().ToList();
        var rules = (await db.CatalogueItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => i.Id, i => i.TimeLimit);
        return [.. rows.Select(r => (r.Id, new RecordDueFact(r.DepartmentId, r.DomainId, r.StageId, r.FormedOn, r.CatalogueItemId is { } item ? rules[item] : TimeLimitRule.Statutory, r.FirstPublishedOn)))];
    }
}

/// <summary>A computed report with the names it is shown with.</summary>
public sealed record LoadedQuarter(QuarterlyReportResult Report, Dictionary<int, string> Departments, List<NamedRow> Domains, List<NamedRow> Stages)
{
    /// <summary>The report as numbers to keep (docs/adr/0036): the names as they are today go with them.</summary>
    public QuarterSnapshot Snapshot() => QuarterSnapshot.From(Report, Departments,
        Domains.ToDictionary(d => d.Id, d => (d.NameZh, d.NameEn, d.SortOrder)), Stages.ToDictionary(s => s.Id, s => (s.NameZh, s.NameEn, s.SortOrder)));
}
