using DisclosurePortal.Data;
using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.QuarterlyReports;
using DisclosurePortal.Web.Features.Ratings;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>
/// Reads what 考核 counts (docs/adr/0037): for each unit, how many obligations of each kind were kept of those that fell due
/// in the year by <c>asOf</c>. The counting is the 按季通报's (ADR 13, ADR 33), summed over the year's quarters, so that a
/// unit sees the same numbers in both; <see cref="AssessmentScoring"/> turns them into points.
/// </summary>
public static class AssessmentQueries
{
    public static async Task<Dictionary<(int Unit, IndicatorKind Kind), Measurement>> MeasureAsync(PortalDbContext db, int year,
        IReadOnlySet<IndicatorKind> kinds, IReadOnlyList<int> units, DateOnly asOf, WorkingCalendar calendar, CancellationToken ct)
    {
        var result = new Dictionary<(int, IndicatorKind), Measurement>();
        void Put(int unit, IndicatorKind kind, TimelinessCounts c)
        {
            var before = result.GetValueOrDefault((unit, kind));
            result[(unit, kind)] = new Measurement(before.Good + c.OnTime, before.Total + c.Assessed);
        }

        // 主动公开、政策解读、依申请公开: the quarterly report's lines, for each quarter of the year begun by asOf.
        if (kinds.Overlaps([IndicatorKind.DisclosureTimeliness, IndicatorKind.InterpretationTimeliness, IndicatorKind.ApplicationTimeliness]))
        {
            for (var q = 1; q <= 4; q++)
            {
                var quarter = new Quarter(year, q);
                if (quarter.Start > asOf) break;
                var report = await QuarterlyReportQueries.ComputeAsync(db, quarter, units, asOf, calendar, ct);
                foreach (var line in report.Ranking)
                {
                    Put(line.DepartmentId, IndicatorKind.DisclosureTimeliness, line.Records);
                    Put(line.DepartmentId, IndicatorKind.InterpretationTimeliness, line.Interpretations);
                    // Cases not assigned to any unit (answered by the office itself) belong to no unit's score.
                    Put(line.DepartmentId, IndicatorKind.ApplicationTimeliness, line.Applications);
                }
            }
        }

        if (kinds.Contains(IndicatorKind.MessageTimeliness))
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var messages = await db.Messages.AsNoTracking()
                .Where(m => m.AssignedDepartmentId != null && m.ReplyDueOn != null && m.ReplyDueOn >= from && m.ReplyDueOn <= to)
                .Select(m => new { Unit = m.AssignedDepartmentId!.Value, DueOn = m.ReplyDueOn!.Value, Done = m.AnsweredOn ?? m.ClosedOn })
                .ToListAsync(ct);
            foreach (var m in messages)
            {
                var t = QuarterlyReport.Assess(m.DueOn, m.Done, asOf);
                if (t != QuarterTimeliness.NotYetDue) Put(m.Unit, IndicatorKind.MessageTimeliness, TimelinessCounts.Zero.Add(t));
            }
        }

        if (kinds.Contains(IndicatorKind.CatalogueCompleteness))
        {
            // The unit's active items as they are on the day of the computation.
            var items = await db.CatalogueItems.AsNoTracking().Where(i => i.Status == CatalogueItemStatus.Active && units.Contains(i.DepartmentId)).ToListAsync(ct);
            foreach (var byUnit in items.GroupBy(i => i.DepartmentId))
                result[(byUnit.Key, IndicatorKind.CatalogueCompleteness)] =
                    new Measurement(byUnit.Count(i => i.ToElements().MissingRequiredElements().Count == 0), byUnit.Count());
        }

        if (kinds.Contains(IndicatorKind.Satisfaction))
        {
            foreach (var u in await RatingQueries.ByUnitAsync(db, new DateOnly(year, 1, 1), Min(new DateOnly(year + 1, 1, 1), asOf.AddDays(1)), ct))
                if (u.UnitId is { } unit)
                    result[(unit, IndicatorKind.Satisfaction)] = new Measurement(u.Counts.Satisfied + u.Counts.FairlySatisfied, u.Counts.Total);
        }
        return result;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The scheme of a year with its indicators in order, or null.</summary>
    public static Task<AssessmentScheme?> SchemeAsync(PortalDbContext db, int year, CancellationToken ct, bool tracked = false)
    {
        var q = db.AssessmentSchemes.Include(s => s.Indicators).Where(s => s.Year == year);
        return (tracked ? q : q.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    /// <summary>The computation of a year with its scores, or null.</summary>
    public static Task<AssessmentRun?> RunAsync(PortalDbContext db, int year, CancellationToken ct) =>
        db.AssessmentRuns.AsNoTracking().Include(r => r.Scores).SingleOrDefaultAsync(r => r.Year == year, ct);

    /// <summary>The units' lines of a computation, ranked by total.</summary>
    public static IReadOnlyList<UnitResult> Results(AssessmentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var lines = run.Scores.GroupBy(s => (s.DepartmentId, s.UnitName))
            .Select(g => new UnitResult(g.Key.DepartmentId, g.Key.UnitName, [.. g.OrderBy(s => s.SortOrder)], g.Sum(s => s.Score), g.Sum(s => s.Points)));
        return [.. AssessmentScoring.Rank(lines, l => l.Total).Select(x => x.Item with { Rank = x.Rank })];
    }
}

public sealed record UnitResult(int UnitId, string UnitName, IReadOnlyList<AssessmentScore> Scores, decimal Total, decimal Points)
{
    public int Rank { get; init; }
}
