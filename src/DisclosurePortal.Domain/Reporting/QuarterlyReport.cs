using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Reporting;

/// <summary>A calendar quarter: 1 = January–March … 4 = October–December.</summary>
public readonly record struct Quarter
{
    public Quarter(int year, int number)
    {
        ValidYears.Check(year);
        if (number is < 1 or > 4) throw new DomainException("季度应为1到4。");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }
    public DateOnly Start => new(Year, ((Number - 1) * 3) + 1, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);
}

/// <summary>How one obligation with a deadline in the quarter was kept, as of the day the report is read.</summary>
public enum QuarterTimeliness
{
    /// <summary>按时: published (answered) on or before the deadline.</summary>
    OnTime = 1,
    /// <summary>逾期: published (answered) after the deadline, within or after the quarter.</summary>
    Late = 2,
    /// <summary>缺失: the deadline has passed and nothing is published (answered) yet.</summary>
    Missing = 3,
    /// <summary>未到期: the deadline is today or later (only in the current quarter) and nothing is published yet.</summary>
    NotYetDue = 4,
}

/// <summary>A record owed under a catalogue item: formed (成文) on a date, first published on a date or not yet.</summary>
/// <summary>A record's due fact; DomainId and StageId are null for a record filed in a column only (issue 20 §3): it counts in its department's total.</summary>
public sealed record RecordDueFact(int DepartmentId, int? DomainId, int? StageId, DateOnly FormedOn, TimeLimitRule Rule, DateOnly? FirstPublishedOn);

/// <summary>A published policy in force: the day it was first published and the day its first interpretation was.</summary>
public sealed record PolicyFact(int DepartmentId, DateOnly PolicyPublishedOn, DateOnly? InterpretedOn);

/// <summary>
/// An expected publication of a periodic or event-driven item (docs/adr/0033), already assessed: it counts in the quarter of
/// its deadline instead of the item's records. An approved 本期无信息 counts as on time.
/// </summary>
public sealed record ExpectationFact(int DepartmentId, int DomainId, int StageId, DateOnly DueOn, Expectations.ExpectationOutcome Outcome);

/// <summary>An application case with a reply deadline: answered = replied, or closed without a reply.</summary>
public sealed record CaseFact(int? DepartmentId, DateOnly DueOn, DateOnly? AnsweredOn);

/// <summary>Counts of obligations whose deadline falls in the quarter.</summary>
public sealed record TimelinessCounts(int OnTime, int Late, int Missing, int NotYetDue)
{
    public static TimelinessCounts Zero { get; } = new(0, 0, 0, 0);

    /// <summary>应发: every obligation whose deadline falls in the quarter.</summary>
    public int Due => OnTime + Late + Missing + NotYetDue;

    /// <summary>Those whose deadline has passed (the denominator of the on-time rate).</summary>
    public int Assessed => OnTime + Late + Missing;

    /// <summary>按时率, or null when nothing has fallen due yet.</summary>
    public decimal? OnTimeRate => Assessed == 0 ? null : Math.Round(100m * OnTime / Assessed, 1);

    public GapLevel Level => Assessed == 0 ? GapLevel.NothingDue : Missing > 0 ? GapLevel.Missing : Late > 0 ? GapLevel.Late : GapLevel.AllOnTime;

    public TimelinessCounts Add(QuarterTimeliness t) => t switch
    {
        QuarterTimeliness.OnTime => this with { OnTime = OnTime + 1 },
        QuarterTimeliness.Late => this with { Late = Late + 1 },
        QuarterTimeliness.Missing => this with { Missing = Missing + 1 },
        _ => this with { NotYetDue = NotYetDue + 1 },
    };

    public static TimelinessCounts Of(IEnumerable<QuarterTimeliness> outcomes) => outcomes.Aggregate(Zero, (c, t) => c.Add(t));

    public static TimelinessCounts operator +(TimelinessCounts a, TimelinessCounts b) =>
        new(a.OnTime + b.OnTime, a.Late + b.Late, a.Missing + b.Missing, a.NotYetDue + b.NotYetDue);
}

/// <summary>The worst thing in a cell of the department × domain table (shown as colour, symbol and words).</summary>
public enum GapLevel
{
    NothingDue = 0,
    AllOnTime = 1,
    Late = 2,
    Missing = 3,
}

/// <summary>One department's line: its records, its policies' interpretations and its applications.</summary>
public sealed record DepartmentQuarter(int DepartmentId, TimelinessCounts Records, TimelinessCounts Interpretations, TimelinessCounts Applications)
{
    public int Rank { get; init; }
}

public sealed record QuarterlyReportResult(
    Quarter Quarter,
    DateOnly AsOf,
    IReadOnlyDictionary<(int DepartmentId, int DomainId), TimelinessCounts> DomainCells,
    IReadOnlyDictionary<(int DepartmentId, int DomainId, int StageId), TimelinessCounts> StageCells,
    IReadOnlyList<DepartmentQuarter> Ranking,
    TimelinessCounts UnassignedApplications)
{
    public TimelinessCounts TotalRecords => Ranking.Aggregate(TimelinessCounts.Zero, (s, d) => s + d.Records);
    public TimelinessCounts TotalInterpretations => Ranking.Aggregate(TimelinessCounts.Zero, (s, d) => s + d.Interpretations);
    public TimelinessCounts TotalApplications => Ranking.Aggregate(UnassignedApplications, (s, d) => s + d.Applications);

    /// <summary>
    /// The report drawn for some units only (issue 20 §7: one township, or every unit of a level): their lines, ranked
    /// among themselves, and their cells. Applications not yet assigned to any unit belong to none of them.
    /// </summary>
    public QuarterlyReportResult ForUnits(IReadOnlyCollection<int> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var keep = units as IReadOnlySet<int> ?? units.ToHashSet();
        return this with
        {
            DomainCells = DomainCells.Where(c => keep.Contains(c.Key.DepartmentId)).ToDictionary(),
            StageCells = StageCells.Where(c => keep.Contains(c.Key.DepartmentId)).ToDictionary(),
            Ranking = QuarterlyReport.Rank(Ranking.Where(l => keep.Contains(l.DepartmentId))),
            UnassignedApplications = TimelinessCounts.Zero,
        };
    }
}

/// <summary>
/// 按季通报 (docs/adr/0013): per department, domain and stage, the obligations whose deadline falls in the quarter and how
/// they were kept, read on the working-day calendar as of <c>today</c>. Pure: the facts come in, the counts go out.
/// </summary>
public static class QuarterlyReport
{
    /// <summary>The same deadline rule as the editors' dashboard: the item's 公开时限 counted from the formed date (条例 Art. 26).</summary>
    public static DateOnly RecordDueOn(RecordDueFact fact, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Rule.DueOn(fact.FormedOn, calendar);
    }

    /// <summary>Done on or before the deadline is on time; later is late; not done is missing once the deadline has passed.</summary>
    public static QuarterTimeliness Assess(DateOnly dueOn, DateOnly? doneOn, DateOnly today) =>
        doneOn is { } done ? (done <= dueOn ? QuarterTimeliness.OnTime : QuarterTimeliness.Late)
        : dueOn < today ? QuarterTimeliness.Missing : QuarterTimeliness.NotYetDue;

    public static QuarterlyReportResult Compute(Quarter quarter, IEnumerable<RecordDueFact> records, IEnumerable<PolicyFact> policies,
        IEnumerable<CaseFact> cases, IEnumerable<int> departmentIds, DateOnly today, WorkingCalendar calendar,
        IEnumerable<ExpectationFact>? expectations = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var stageCells = new Dictionary<(int, int, int), TimelinessCounts>();
        var domainCells = new Dictionary<(int, int), TimelinessCounts>();
        var recordTotals = new Dictionary<int, TimelinessCounts>();
        foreach (var r in records)
        {
            var due = RecordDueOn(r, calendar);
            if (!quarter.Contains(due)) continue;
            var t = Assess(due, r.FirstPublishedOn, today);
            if (r is { DomainId: { } domain, StageId: { } stage })
            {
                Bump(stageCells, (r.DepartmentId, domain, stage), t);
                Bump(domainCells, (r.DepartmentId, domain), t);
            }
            Bump(recordTotals, r.DepartmentId, t);
        }
        foreach (var e in expectations ?? [])
        {
            if (!quarter.Contains(e.DueOn)) continue;
            var t = From(e.Outcome);
            Bump(stageCells, (e.DepartmentId, e.DomainId, e.StageId), t);
            Bump(domainCells, (e.DepartmentId, e.DomainId), t);
            Bump(recordTotals, e.DepartmentId, t);
        }

        var interpretationTotals = new Dictionary<int, TimelinessCounts>();
        foreach (var p in policies)
        {
            // 三同步: the rule of /review/interpretations (3 working days after the policy).
            var assessed = PolicyInterpretations.Assess(p.PolicyPublishedOn, p.InterpretedOn, today, calendar);
            if (quarter.Contains(assessed.DueOn)) Bump(interpretationTotals, p.DepartmentId, From(assessed.Status));
        }

        var caseTotals = new Dictionary<int, TimelinessCounts>();
        var unassigned = TimelinessCounts.Zero;
        foreach (var c in cases)
        {
            if (!quarter.Contains(c.DueOn)) continue;
            var t = Assess(c.DueOn, c.AnsweredOn, today);
            if (c.DepartmentId is { } d) Bump(caseTotals, d, t);
            else unassigned = unassigned.Add(t);
        }

        var lines = departmentIds.Concat(recordTotals.Keys).Concat(interpretationTotals.Keys).Concat(caseTotals.Keys).Distinct()
            .Select(d => new DepartmentQuarter(d, Get(recordTotals, d), Get(interpretationTotals, d), Get(caseTotals, d)))
            .ToList();
        var ranked = Rank(lines);
        return new QuarterlyReportResult(quarter, today, domainCells, stageCells, ranked, unassigned);
    }

    /// <summary>
    /// The ranking: departments with something assessed first, by the on-time rate of all their obligations (records,
    /// interpretations and applications together), then fewer missing, then fewer late; equal departments share a rank.
    /// Departments with nothing due are listed last, unranked (rank 0).
    /// </summary>
    public static IReadOnlyList<DepartmentQuarter> Rank(IEnumerable<DepartmentQuarter> lines)
    {
        var ordered = lines
            .Select(l => (Line: l, All: l.Records + l.Interpretations + l.Applications))
            .OrderBy(x => x.All.Assessed == 0)
            .ThenByDescending(x => x.All.OnTimeRate ?? -1)
            .ThenBy(x => x.All.Missing)
            .ThenBy(x => x.All.Late)
            .ThenBy(x => x.Line.DepartmentId)
            .ToList();
        var result = new List<DepartmentQuarter>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (line, all) = ordered[i];
            int rank;
            if (all.Assessed == 0) rank = 0;
            else if (i > 0 && result[i - 1].Rank > 0 && SameStanding(all, ordered[i - 1].All)) rank = result[i - 1].Rank;
            else rank = i + 1;
            result.Add(line with { Rank = rank });
        }
        return result;
    }

    private static QuarterTimeliness From(InterpretationStatus status) => status switch
    {
        InterpretationStatus.OnTime => QuarterTimeliness.OnTime,
        InterpretationStatus.Late => QuarterTimeliness.Late,
        InterpretationStatus.MissingOverdue => QuarterTimeliness.Missing,
        _ => QuarterTimeliness.NotYetDue,
    };

    /// <summary>本期无信息 approved by the office counts as on time (ADR 33).</summary>
    public static QuarterTimeliness From(Expectations.ExpectationOutcome outcome) => outcome switch
    {
        Expectations.ExpectationOutcome.OnTime or Expectations.ExpectationOutcome.Waived => QuarterTimeliness.OnTime,
        Expectations.ExpectationOutcome.Late => QuarterTimeliness.Late,
        Expectations.ExpectationOutcome.Missing => QuarterTimeliness.Missing,
        _ => QuarterTimeliness.NotYetDue,
    };

    private static bool SameStanding(TimelinessCounts a, TimelinessCounts b) =>
        a.OnTimeRate == b.OnTimeRate && a.Missing == b.Missing && a.Late == b.Late;

    private static void Bump<TKey>(Dictionary<TKey, TimelinessCounts> map, TKey key, QuarterTimeliness t) where TKey : notnull =>
        map[key] = Get(map, key).Add(t);

    private static TimelinessCounts Get<TKey>(Dictionary<TKey, TimelinessCounts> map, TKey key) where TKey : notnull =>
        map.TryGetValue(key, out var c) ? c : TimelinessCounts.Zero;
}
