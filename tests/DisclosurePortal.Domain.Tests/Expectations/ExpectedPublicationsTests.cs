using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Expectations;

public class ExpectedPublicationsTests
{
    private static readonly DisclosurePortal.Domain.Calendar.WorkingCalendar Calendar = China2025To2026;

    private static ExpectationItem Item(TimeLimitKind kind, int amount, string from, string? retired = null) =>
        new(1, 10, 20, 30, new TimeLimitRule(kind, amount), D(from), retired is null ? null : D(retired));

    private static PublishedRecordFact Published(int id, string on, string? period = null, int? eventId = null) =>
        new(id, 1, D(on), period is null ? null : D(period), eventId);

    private static ItemExpectations Compute(ExpectationItem item, string today, PublishedRecordFact[]? records = null,
        WaiverFact[]? waivers = null, EventFact[]? events = null) =>
        ExpectedPublications.For(item, records ?? [], waivers ?? [], events ?? [], D(today), Calendar);

    [Fact]
    public void Periods_Monthly_RunFromThePeriodContainingTheStart_UntilTheCurrentOne()
    {
        var periods = ExpectedPublications.Periods(Item(TimeLimitKind.MonthlyByDay, 10, "2025-07-15"), D("2025-10-03"));
        Assert.Equal(["2025年7月", "2025年8月", "2025年9月", "2025年10月"], periods.Select(p => p.Label));
    }

    [Fact]
    public void Periods_QuarterlyAndAnnual_HaveTheirOwnLengths()
    {
        var quarters = ExpectedPublications.Periods(Item(TimeLimitKind.QuarterlyByDay, 10, "2025-02-01"), D("2025-12-31"));
        Assert.Equal(["2025年第1季度", "2025年第2季度", "2025年第3季度", "2025年第4季度"], quarters.Select(p => p.Label));
        Assert.Equal(D("2025-09-30"), quarters[2].End);
        var years = ExpectedPublications.Periods(Item(TimeLimitKind.AnnuallyByDay, 20, "2025-06-01"), D("2026-12-06"));
        Assert.Equal(["2025年", "2026年"], years.Select(p => p.Label));
    }

    [Fact]
    public void Periods_NonPeriodicItem_HasNone() =>
        Assert.Empty(ExpectedPublications.Periods(Item(TimeLimitKind.WorkingDaysAfterFormed, 20, "2025-01-01"), D("2026-12-06")));

    [Theory]
    // 每月10日前: September 2025 is due on Friday 10 October, a working day after the National Day holiday (1–8 October).
    [InlineData(TimeLimitKind.MonthlyByDay, 10, "2025-09-30", "2025-10-10")]
    // 每月5日前: 5 October 2025 is a holiday; the deadline moves to the first working day after it (民法典 Art. 203).
    [InlineData(TimeLimitKind.MonthlyByDay, 5, "2025-09-30", "2025-10-09")]
    // 2026: 1–7 October off; the 8th is a Thursday and a working day.
    [InlineData(TimeLimitKind.MonthlyByDay, 5, "2026-09-30", "2026-10-08")]
    // 每季度首月10日前: Saturday 10 October 2026 is an adjusted working day (调休上班), so it stays.
    [InlineData(TimeLimitKind.QuarterlyByDay, 10, "2026-09-30", "2026-10-10")]
    // Sunday 11 October 2026 is an ordinary weekend: the deadline moves to Monday the 12th.
    [InlineData(TimeLimitKind.QuarterlyByDay, 11, "2026-09-30", "2026-10-12")]
    // 办结后10日内 from 25 September 2025 is 5 October, a holiday: 9 October.
    [InlineData(TimeLimitKind.DaysAfterCompletion, 10, "2025-09-25", "2025-10-09")]
    // 每年1月20日前 for 2025: Tuesday 20 January 2026.
    [InlineData(TimeLimitKind.AnnuallyByDay, 20, "2025-12-31", "2026-01-20")]
    public void DueOn_FollowsTheRule_AndMovesOffDaysOffToTheNextWorkingDay(TimeLimitKind kind, int amount, string from, string due) =>
        Assert.Equal(D(due), ExpectedPublications.DueOn(new TimeLimitRule(kind, amount), D(from), Calendar));

    [Fact]
    public void Monthly_OverNationalDay2025_OnTimeLateMissingAndNotYetDue()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 5, "2025-08-01");
        var result = Compute(item, "2025-11-25",
        [
            Published(1, "2025-09-05"),              // August, by Friday 5 September: on time (inferred from the publication month)
            Published(2, "2025-10-09"),              // September, due 9 October (5th is a holiday): on time
            Published(3, "2025-11-20", "2025-10-01"), // October, chosen in the form, due Wednesday 5 November: late
        ]);
        var byLabel = result.Expectations.ToDictionary(e => e.Period!.Value.Label);
        Assert.Equal(ExpectationOutcome.OnTime, byLabel["2025年8月"].Outcome);
        Assert.Equal(ExpectationOutcome.OnTime, byLabel["2025年9月"].Outcome);
        Assert.Equal(D("2025-10-09"), byLabel["2025年9月"].DueOn);
        Assert.Equal(ExpectationOutcome.Late, byLabel["2025年10月"].Outcome);
        Assert.Equal(ExpectationOutcome.NotYetDue, byLabel["2025年11月"].Outcome); // due 5 December
        Assert.Equal([1, 2, 3], result.RecordsCounted.Order());
    }

    [Fact]
    public void Monthly_WithoutARecord_IsMissingOnceTheDeadlineHasPassed_NotOnTheDeadline()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 10, "2025-09-01");
        Assert.Equal(ExpectationOutcome.NotYetDue, Compute(item, "2025-10-10").Expectations[0].Outcome);
        Assert.Equal(ExpectationOutcome.Missing, Compute(item, "2025-10-11").Expectations[0].Outcome);
    }

    [Fact]
    public void InferredPeriod_IsThePeriodBeforeThePublication_AndASecondRecordDoesNotFillAnOlderGap()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 10, "2025-07-01");
        var result = Compute(item, "2025-10-20", [Published(1, "2025-10-03"), Published(2, "2025-10-04")]);
        var byLabel = result.Expectations.ToDictionary(e => e.Period!.Value.Label);
        Assert.Equal(1, byLabel["2025年9月"].RecordId);
        Assert.Equal(ExpectationOutcome.Missing, byLabel["2025年7月"].Outcome);
        Assert.Equal(ExpectationOutcome.Missing, byLabel["2025年8月"].Outcome);
    }

    [Fact]
    public void ChosenPeriod_WinsOverInference_AndALatePublicationForAnOldPeriodIsLate()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 10, "2025-07-01");
        var result = Compute(item, "2025-10-20", [Published(1, "2025-10-03"), Published(2, "2025-10-04", "2025-07-01")]);
        var byLabel = result.Expectations.ToDictionary(e => e.Period!.Value.Label);
        Assert.Equal(ExpectationOutcome.Late, byLabel["2025年7月"].Outcome);
        Assert.Equal(2, byLabel["2025年7月"].RecordId);
        Assert.Equal(ExpectationOutcome.OnTime, byLabel["2025年9月"].Outcome);
    }

    [Fact]
    public void ApprovedWaiver_CountsAsWaived_PendingOrReturnedDoNot_AndARecordWins()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 10, "2025-07-01");
        var result = Compute(item, "2025-10-20", [Published(1, "2025-10-03")],
        [
            new WaiverFact(1, 1, D("2025-07-01"), WaiverState.Approved, "本月无监测数据"),
            new WaiverFact(2, 1, D("2025-08-01"), WaiverState.Pending, "设备检修"),
            new WaiverFact(3, 1, D("2025-09-01"), WaiverState.Approved, "已发布仍然申报"),
        ]);
        var byLabel = result.Expectations.ToDictionary(e => e.Period!.Value.Label);
        Assert.Equal(ExpectationOutcome.Waived, byLabel["2025年7月"].Outcome);
        Assert.Equal("本月无监测数据", byLabel["2025年7月"].Waiver!.Reason);
        Assert.Equal(ExpectationOutcome.Missing, byLabel["2025年8月"].Outcome);
        Assert.Equal(ExpectationOutcome.OnTime, byLabel["2025年9月"].Outcome);
        Assert.Null(byLabel["2025年9月"].Waiver);
    }

    [Fact]
    public void RetiredItem_OwesOnlyThePeriodsEndedBeforeItsRetirement_AndKeepsThem()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 10, "2025-07-01", retired: "2025-09-15");
        var result = Compute(item, "2026-03-01");
        Assert.Equal(["2025年7月", "2025年8月"], result.Expectations.Select(e => e.Period!.Value.Label));
        Assert.All(result.Expectations, e => Assert.Equal(ExpectationOutcome.Missing, e.Outcome));
    }

    [Fact]
    public void Events_AreAnsweredByTheFirstRecordPublishedOnOrAfterThem_OrByTheOneLinked()
    {
        var item = Item(TimeLimitKind.DaysAfterCompletion, 10, "2025-01-01");
        EventFact[] events =
        [
            new(1, 1, D("2025-09-25"), "甲项目办结"),  // due 9 October (5 October is a holiday)
            new(2, 1, D("2025-10-20"), "乙项目办结"),  // due 30 October
            new(3, 1, D("2025-11-10"), "丙项目办结"),  // due 20 November
        ];
        var result = Compute(item, "2025-11-25",
            [Published(7, "2025-09-20"), Published(8, "2025-10-09"), Published(9, "2025-11-05", eventId: 2)], events: events);
        var byEvent = result.Expectations.ToDictionary(e => e.Event!.EventId);
        Assert.Equal((8, ExpectationOutcome.OnTime), (byEvent[1].RecordId!.Value, byEvent[1].Outcome));
        Assert.Equal((9, ExpectationOutcome.Late), (byEvent[2].RecordId!.Value, byEvent[2].Outcome));
        Assert.Equal(ExpectationOutcome.Missing, byEvent[3].Outcome);
        // The record published before any event answers none and stays counted by its own 成文日期.
        Assert.Equal([8, 9], result.RecordsCounted.Order());
    }

    [Fact]
    public void Events_AfterRetirement_AreNotOwed()
    {
        var item = Item(TimeLimitKind.DaysAfterCompletion, 10, "2025-01-01", retired: "2025-10-01");
        var result = Compute(item, "2025-12-01", events: [new(1, 1, D("2025-09-01"), "办结"), new(2, 1, D("2025-10-20"), "办结")]);
        Assert.Equal([1], result.Expectations.Select(e => e.Event!.EventId));
    }

    [Fact]
    public void OtherItems_OweNothing_AndCountNoRecords()
    {
        var result = Compute(Item(TimeLimitKind.WorkingDaysAfterFormed, 20, "2025-01-01"), "2025-12-01", [Published(1, "2025-10-03")]);
        Assert.Empty(result.Expectations);
        Assert.Empty(result.RecordsCounted);
    }

    [Fact]
    public void DefaultPeriod_IsTheLatestOpenPeriod()
    {
        var item = Item(TimeLimitKind.MonthlyByDay, 10, "2025-07-01");
        var result = Compute(item, "2025-10-20", [Published(1, "2025-10-03")]);
        Assert.Equal("2025年10月", ExpectedPublications.DefaultPeriod(result)!.Value.Label);
        var full = Compute(item, "2025-08-20", [Published(1, "2025-08-03", "2025-08-01"), Published(2, "2025-08-04")]);
        Assert.Equal("2025年8月", ExpectedPublications.DefaultPeriod(full)!.Value.Label);
    }

    [Fact]
    public void ReportingPeriod_FromStart_RefusesADayThatIsNotAPeriodsFirst()
    {
        Assert.Equal(D("2025-07-01"), ReportingPeriod.FromStart(TimeLimitKind.QuarterlyByDay, D("2025-07-01")).Start);
        Assert.Throws<DomainException>(() => ReportingPeriod.FromStart(TimeLimitKind.QuarterlyByDay, D("2025-08-01")));
        Assert.Throws<DomainException>(() => ReportingPeriod.Of(TimeLimitKind.RealTime, D("2025-08-01")));
    }
}

public class PeriodWaiverTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 20, 2, 0, 0, TimeSpan.Zero);
    private static ReportingPeriod September => ReportingPeriod.Of(TimeLimitKind.MonthlyByDay, D("2025-09-01"));

    [Fact]
    public void Approve_ByAnotherReviewer_Approves()
    {
        var w = PeriodWaiver.Request(1, September, " 本月监测设备检修，无数据 ", "编辑甲", "u1", Now, D("2025-10-20"));
        Assert.Equal("本月监测设备检修，无数据", w.Reason);
        w.Approve(null, "审核乙", "u2", Now);
        Assert.Equal(WaiverState.Approved, w.State);
        Assert.Equal("审核乙", w.DecidedBy);
    }

    [Fact]
    public void Approve_ByTheRequester_IsRefused()
    {
        var w = PeriodWaiver.Request(1, September, "无数据", "编辑甲", "u1", Now, D("2025-10-20"));
        var ex = Assert.Throws<DomainException>(() => w.Approve(null, "编辑甲", "u1", Now));
        Assert.Contains("不能审核自己", ex.Message, StringComparison.Ordinal);
        Assert.Equal(WaiverState.Pending, w.State);
    }

    [Fact]
    public void Return_NeedsANote_AndCanBeAskedAgain()
    {
        var w = PeriodWaiver.Request(1, September, "无数据", "编辑甲", "u1", Now, D("2025-10-20"));
        Assert.Throws<DomainException>(() => w.Return(" ", "审核乙", "u2", Now));
        w.Return("9月有监测数据，应当公开", "审核乙", "u2", Now);
        Assert.Equal(WaiverState.Returned, w.State);
        Assert.Throws<DomainException>(() => w.Approve(null, "审核乙", "u2", Now));
        w.Resubmit("补充说明", "编辑甲", "u1", Now);
        Assert.Equal(WaiverState.Pending, w.State);
        Assert.Null(w.DecisionNote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Request_WithoutAReason_IsRefused(string reason) =>
        Assert.Throws<DomainException>(() => PeriodWaiver.Request(1, September, reason, "编辑甲", "u1", Now, D("2025-10-20")));

    [Fact]
    public void Request_TooLongOrForAFuturePeriod_IsRefused()
    {
        Assert.Throws<DomainException>(() => PeriodWaiver.Request(1, September, new string('无', PeriodWaiver.ReasonMaxLength + 1), "编辑甲", "u1", Now, D("2025-10-20")));
        Assert.Throws<DomainException>(() => PeriodWaiver.Request(1, September.Next.Next, "无", "编辑甲", "u1", Now, D("2025-10-20")));
    }

    [Fact]
    public void ItemEvent_InTheFutureOrWithoutDescription_IsRefused()
    {
        Assert.Throws<DomainException>(() => ItemEvent.Record(1, D("2025-10-21"), "办结", D("2025-10-20"), "编辑甲", Now));
        Assert.Throws<DomainException>(() => ItemEvent.Record(1, D("2025-10-19"), " ", D("2025-10-20"), "编辑甲", Now));
        Assert.Equal("办结", ItemEvent.Record(1, D("2025-10-19"), " 办结 ", D("2025-10-20"), "编辑甲", Now).Description);
    }
}

public class QuarterlyReportExpectationTests
{
    [Fact]
    public void Expectations_CountInTheQuarterOfTheirDeadline_WaivedAsOnTime()
    {
        var q4 = new DisclosurePortal.Domain.Reporting.Quarter(2025, 4);
        DisclosurePortal.Domain.Reporting.ExpectationFact[] facts =
        [
            new(1, 2, 3, D("2025-10-10"), ExpectationOutcome.Missing),
            new(1, 2, 3, D("2025-11-10"), ExpectationOutcome.Waived),
            new(1, 2, 3, D("2025-12-10"), ExpectationOutcome.Late),
            new(1, 2, 3, D("2026-01-12"), ExpectationOutcome.OnTime), // Q1 2026
        ];
        var result = DisclosurePortal.Domain.Reporting.QuarterlyReport.Compute(q4, [], [], [], [1], D("2026-02-01"), China2025To2026, facts);
        var line = Assert.Single(result.Ranking);
        Assert.Equal(new DisclosurePortal.Domain.Reporting.TimelinessCounts(1, 1, 1, 0), line.Records);
        Assert.Equal(3, result.StageCells[(1, 2, 3)].Due);
    }
}
