using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Catalogue;

namespace DisclosurePortal.Domain.Expectations;

/// <summary>A catalogue item as the expectations see it: its rule, from when it owes publications, and until when.</summary>
/// <param name="ExpectedFrom">应公开起始日: the first period owed is the one containing it; an item created without one owes from its creation day.</param>
/// <param name="RetiredOn">The China date of its retirement: periods that have not ended before it, and events after it, are owed no more.</param>
public sealed record ExpectationItem(int ItemId, int DepartmentId, int DomainId, int StageId, TimeLimitRule Rule, DateOnly ExpectedFrom, DateOnly? RetiredOn)
{
    public bool IsPeriodic => ReportingPeriod.IsPeriodic(Rule.Kind);

    /// <summary>办结后N日内: owed only when an editor records the event (ADR 33).</summary>
    public bool IsEventDriven => Rule.Kind == TimeLimitKind.DaysAfterCompletion;
}

/// <summary>A published record of an item: its first publication and, when its editor chose one, the period or event it answers.</summary>
public sealed record PublishedRecordFact(int RecordId, int ItemId, DateOnly FirstPublishedOn, DateOnly? PeriodStart, int? EventId);

public sealed record WaiverFact(int WaiverId, int ItemId, DateOnly PeriodStart, WaiverState State, string Reason);

public sealed record EventFact(int EventId, int ItemId, DateOnly OccurredOn, string Description);

/// <summary>One expected publication: a period of a periodic item or an event of an event-driven one, and how it was kept.</summary>
public sealed record Expectation(int ItemId, ReportingPeriod? Period, EventFact? Event, DateOnly DueOn, ExpectationOutcome Outcome,
    int? RecordId, DateOnly? PublishedOn, WaiverFact? Waiver)
{
    /// <summary>Not yet fulfilled: missing or not yet due (what an editor still has to publish or explain).</summary>
    public bool IsOpen => Outcome is ExpectationOutcome.Missing or ExpectationOutcome.NotYetDue;
}

/// <summary>An item's expectations, and the records counted through them (the quarterly report does not count those again).</summary>
public sealed record ItemExpectations(ExpectationItem Item, IReadOnlyList<Expectation> Expectations, IReadOnlySet<int> RecordsCounted);

/// <summary>
/// Expected publications (docs/adr/0033): a periodic item owes one publication per period from its start until today; an
/// event-driven item owes one per recorded event. Pure: the facts come in, the outcomes go out.
/// </summary>
public static class ExpectedPublications
{
    /// <summary>
    /// The deadline: the item's 公开时限 applied to the period's last day (or the event's date), moved to the next working
    /// day when it falls on a day off — 民法典 Art. 203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日.
    /// </summary>
    public static DateOnly DueOn(TimeLimitRule rule, DateOnly from, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = rule.DueOn(from, calendar);
        while (!calendar.IsWorkingDay(due)) due = due.AddDays(1);
        return due;
    }

    /// <summary>The periods an item owes as of today: from the one containing its start, while begun and not ended by its retirement.</summary>
    public static IReadOnlyList<ReportingPeriod> Periods(ExpectationItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsPeriodic) return [];
        var list = new List<ReportingPeriod>();
        for (var p = ReportingPeriod.Of(item.Rule.Kind, item.ExpectedFrom); p.Start <= today; p = p.Next)
        {
            if (item.RetiredOn is { } retired && p.End >= retired) break;
            list.Add(p);
        }
        return list;
    }

    /// <summary>
    /// The period a record without a chosen period is taken to cover: the period before the one in which it was first
    /// published (a report on September published in October). An editor who publishes later chooses the period.
    /// </summary>
    public static ReportingPeriod InferredPeriod(TimeLimitKind kind, DateOnly firstPublishedOn) => ReportingPeriod.Of(kind, firstPublishedOn).Previous;

    public static ItemExpectations For(ExpectationItem item, IEnumerable<PublishedRecordFact> records, IEnumerable<WaiverFact> waivers,
        IEnumerable<EventFact> events, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        var mine = records.Where(r => r.ItemId == item.ItemId).OrderBy(r => r.FirstPublishedOn).ThenBy(r => r.RecordId).ToList();
        if (item.IsPeriodic) return ForPeriods(item, mine, waivers.Where(w => w.ItemId == item.ItemId), today, calendar);
        if (item.IsEventDriven) return ForEvents(item, mine, events.Where(e => e.ItemId == item.ItemId), today, calendar);
        return new ItemExpectations(item, [], new HashSet<int>());
    }

    private static ItemExpectations ForPeriods(ExpectationItem item, List<PublishedRecordFact> records, IEnumerable<WaiverFact> waivers,
        DateOnly today, WorkingCalendar calendar)
    {
        var kind = item.Rule.Kind;
        var periods = Periods(item, today);
        var owed = periods.Select(p => p.Start).ToHashSet();
        var cover = new Dictionary<DateOnly, PublishedRecordFact>();
        // A chosen period first (the earliest publication answers it), then the inferred ones in publication order.
        foreach (var r in records.Where(r => r.PeriodStart is not null))
            if (owed.Contains(r.PeriodStart!.Value)) cover.TryAdd(r.PeriodStart.Value, r);
        foreach (var r in records.Where(r => r.PeriodStart is null))
        {
            var p = InferredPeriod(kind, r.FirstPublishedOn).Start;
            if (owed.Contains(p)) cover.TryAdd(p, r);
        }
        var approved = waivers.Where(w => w.State == WaiverState.Approved).GroupBy(w => w.PeriodStart).ToDictionary(g => g.Key, g => g.First());
        var list = periods.Select(p =>
        {
            var due = DueOn(item.Rule, p.End, calendar);
            var record = cover.GetValueOrDefault(p.Start);
            var waiver = record is null ? approved.GetValueOrDefault(p.Start) : null;
            return new Expectation(item.ItemId, p, null, due, Assess(due, record?.FirstPublishedOn, waiver is not null, today),
                record?.RecordId, record?.FirstPublishedOn, waiver);
        }).ToList();
        // Every record of a periodic item is counted through its periods, never by its own 成文日期.
        return new ItemExpectations(item, list, records.Select(r => r.RecordId).ToHashSet());
    }

    private static ItemExpectations ForEvents(ExpectationItem item, List<PublishedRecordFact> records, IEnumerable<EventFact> events,
        DateOnly today, WorkingCalendar calendar)
    {
        var owed = events.Where(e => item.RetiredOn is not { } retired || e.OccurredOn < retired)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.EventId).ToList();
        var owedIds = owed.Select(e => e.EventId).ToHashSet();
        var answer = new Dictionary<int, PublishedRecordFact>();
        foreach (var r in records.Where(r => r.EventId is { } e && owedIds.Contains(e)))
            answer.TryAdd(r.EventId!.Value, r);
        var used = answer.Values.Select(r => r.RecordId).ToHashSet();
        // An event nobody linked is answered by the first record published on or after it that answers nothing else.
        foreach (var e in owed.Where(e => !answer.ContainsKey(e.EventId)))
        {
            var r = records.FirstOrDefault(r => r.EventId is null && !used.Contains(r.RecordId) && r.FirstPublishedOn >= e.OccurredOn);
            if (r is null) continue;
            answer[e.EventId] = r;
            used.Add(r.RecordId);
        }
        var list = owed.Select(e =>
        {
            var due = DueOn(item.Rule, e.OccurredOn, calendar);
            var record = answer.GetValueOrDefault(e.EventId);
            return new Expectation(item.ItemId, null, e, due, Assess(due, record?.FirstPublishedOn, false, today),
                record?.RecordId, record?.FirstPublishedOn, null);
        }).ToList();
        return new ItemExpectations(item, list, used);
    }

    /// <summary>Published by the deadline is on time, later is late; else an approved 本期无信息; else missing once the deadline has passed.</summary>
    public static ExpectationOutcome Assess(DateOnly dueOn, DateOnly? publishedOn, bool waived, DateOnly today) =>
        publishedOn is { } p ? (p <= dueOn ? ExpectationOutcome.OnTime : ExpectationOutcome.Late)
        : waived ? ExpectationOutcome.Waived
        : dueOn < today ? ExpectationOutcome.Missing : ExpectationOutcome.NotYetDue;

    /// <summary>The period the record form proposes: the latest owed period not yet covered or waived, else the latest one.</summary>
    public static ReportingPeriod? DefaultPeriod(ItemExpectations expectations)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        var periodic = expectations.Expectations.Where(e => e.Period is not null).ToList();
        return (periodic.LastOrDefault(e => e.IsOpen) ?? periodic.LastOrDefault())?.Period;
    }
}
