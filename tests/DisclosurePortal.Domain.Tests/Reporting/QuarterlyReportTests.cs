using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Reporting;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Reporting;

public sealed class QuarterlyReportTests
{
    private static readonly TimeLimitRule Twenty = TimeLimitRule.Statutory;
    private static readonly Quarter Q4Of2025 = new(2025, 4);
    private static readonly DateOnly ReadInDecember2026 = D("2026-12-01");

    private static RecordDueFact Formed(string formed, string? published, int department = 1, int domain = 10, int stage = 100) =>
        new(department, domain, stage, D(formed), Twenty, published is null ? null : D(published));

    private static QuarterlyReportResult Compute(Quarter q, IEnumerable<RecordDueFact> records, DateOnly today,
        IEnumerable<PolicyFact>? policies = null, IEnumerable<CaseFact>? cases = null) =>
        QuarterlyReport.Compute(q, records, policies ?? [], cases ?? [], [1, 2, 3], today, China2025To2026);

    [Fact]
    public void Quarter_Bounds_AndParsingGuards()
    {
        var q = new Quarter(2026, 3);
        Assert.Equal(D("2026-07-01"), q.Start);
        Assert.Equal(D("2026-09-30"), q.End);
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous);
        Assert.Equal(new Quarter(2026, 4), Quarter.Of(D("2026-10-08")));
        Assert.Throws<DomainException>(() => new Quarter(2026, 5));
        Assert.Throws<DomainException>(() => new Quarter(1999, 1));
    }

    [Fact]
    public void RecordDeadline_CrossingNationalDay2025_CountsTheHolidayAndTheAdjustedSaturday()
    {
        // 2025-09-10 + 20 working days: 28 Sep (Sunday) is worked, 1–8 Oct are off, 11 Oct (Saturday) is worked.
        Assert.Equal(D("2025-10-14"), QuarterlyReport.RecordDueOn(Formed("2025-09-10", null), China2025To2026));
        // On plain weekdays it would have been 8 October: the calendar matters.
        Assert.Equal(D("2025-10-08"), QuarterlyReport.RecordDueOn(Formed("2025-09-10", null), Domain.Calendar.WorkingCalendar.WeekdaysOnly));
    }

    [Fact]
    public void Record_DueInTheQuarter_IsOnTimeLateOrMissing_AndOthersAreLeftOut()
    {
        var records = new[]
        {
            Formed("2025-09-10", "2025-10-13"),             // due 14 Oct: on time (would be late on plain weekdays)
            Formed("2025-09-10", "2025-10-14"),             // due 14 Oct, published that day: on time
            Formed("2025-09-10", "2025-10-15"),             // a day late
            Formed("2025-11-20", "2026-01-05"),             // due in December, published after the quarter: late
            Formed("2025-12-01", null),                     // due 29 Dec, never published: missing
            Formed("2025-12-20", null),                     // due in January 2026: another quarter
            Formed("2025-08-01", "2025-08-05"),             // due in Q3: another quarter
        };
        var report = Compute(Q4Of2025, records, ReadInDecember2026);
        var line = report.Ranking.Single(d => d.DepartmentId == 1).Records;
        Assert.Equal(new TimelinessCounts(OnTime: 2, Late: 2, Missing: 1, NotYetDue: 0), line);
        Assert.Equal(5, line.Due);
        Assert.Equal(40.0m, line.OnTimeRate);
        Assert.Equal(GapLevel.Missing, report.DomainCells[(1, 10)].Level);
        Assert.Equal(line, report.StageCells[(1, 10, 100)]);
    }

    [Fact]
    public void CurrentQuarter_DeadlineNotYetPassed_IsNotYetDue_NotMissing()
    {
        var q4Of2026 = new Quarter(2026, 4);
        var today = D("2026-11-02");
        // 2026-09-03 + 20 working days, across 国庆 and 中秋 (1–7 Oct off, 10 Oct worked): 8 October.
        Assert.Equal(D("2026-10-08"), QuarterlyReport.RecordDueOn(Formed("2026-09-03", null), China2025To2026));
        var records = new[]
        {
            Formed("2026-09-03", "2026-10-08"),             // on time on the last day
            Formed("2026-09-04", null),                     // due 9 Oct, nothing yet on 2 Nov: missing
            Formed("2026-10-20", null),                     // due 17 Nov: still open
        };
        var line = Compute(q4Of2026, records, today).Ranking.Single(d => d.DepartmentId == 1).Records;
        Assert.Equal(new TimelinessCounts(1, 0, 1, 1), line);
        Assert.Equal(50.0m, line.OnTimeRate);
    }

    [Fact]
    public void Cells_ArePerDepartmentDomainAndStage()
    {
        var records = new[]
        {
            Formed("2025-10-09", "2025-10-10", department: 1, domain: 10, stage: 100),
            Formed("2025-10-09", "2025-12-31", department: 1, domain: 10, stage: 101),
            Formed("2025-10-09", "2025-10-10", department: 1, domain: 11, stage: 100),
            Formed("2025-10-09", null, department: 2, domain: 10, stage: 100),
        };
        var report = Compute(Q4Of2025, records, ReadInDecember2026);
        Assert.Equal(new TimelinessCounts(1, 1, 0, 0), report.DomainCells[(1, 10)]);
        Assert.Equal(GapLevel.Late, report.DomainCells[(1, 10)].Level);
        Assert.Equal(GapLevel.AllOnTime, report.DomainCells[(1, 11)].Level);
        Assert.Equal(new TimelinessCounts(0, 1, 0, 0), report.StageCells[(1, 10, 101)]);
        Assert.Equal(new TimelinessCounts(0, 0, 1, 0), report.DomainCells[(2, 10)]);
        Assert.False(report.DomainCells.ContainsKey((2, 11)));
        Assert.Equal(4, report.TotalRecords.Due);
    }

    [Fact]
    public void Interpretations_AreDueThreeWorkingDaysAfterThePolicy_OnTheCalendar()
    {
        var policies = new[]
        {
            new PolicyFact(1, D("2025-09-29"), D("2025-10-09")),  // due 9 Oct (1–8 Oct off): on time
            new PolicyFact(1, D("2025-09-30"), D("2025-10-13")),  // due 11 Oct (adjusted Saturday): late
            new PolicyFact(1, D("2025-12-01"), null),             // due 4 Dec: missing
            new PolicyFact(1, D("2025-09-01"), null),             // due in Q3: another quarter
        };
        var line = Compute(Q4Of2025, [], ReadInDecember2026, policies).Ranking.Single(d => d.DepartmentId == 1);
        Assert.Equal(new TimelinessCounts(1, 1, 1, 0), line.Interpretations);
    }

    [Fact]
    public void Applications_DueInTheQuarter_AnsweredOnTimeLateOrNot_UnassignedKeptApart()
    {
        var cases = new[]
        {
            new CaseFact(2, D("2025-10-20"), D("2025-10-20")),
            new CaseFact(2, D("2025-10-20"), D("2025-10-21")),
            new CaseFact(2, D("2025-12-30"), null),
            new CaseFact(null, D("2025-11-03"), D("2025-11-01")),
            new CaseFact(2, D("2026-01-05"), null),                 // another quarter
        };
        var report = Compute(Q4Of2025, [], ReadInDecember2026, cases: cases);
        Assert.Equal(new TimelinessCounts(1, 1, 1, 0), report.Ranking.Single(d => d.DepartmentId == 2).Applications);
        Assert.Equal(new TimelinessCounts(1, 0, 0, 0), report.UnassignedApplications);
        Assert.Equal(4, report.TotalApplications.Due);
    }

    [Fact]
    public void Ranking_ByOnTimeRate_ThenFewerMissing_TiesShareARank_NothingDueLast()
    {
        var records = new[]
        {
            Formed("2025-10-09", "2025-10-10", department: 2),
            Formed("2025-10-09", "2025-10-10", department: 1),
            Formed("2025-10-09", null, department: 1),
            Formed("2025-10-09", "2025-10-10", department: 4),
        };
        var ranking = Compute(Q4Of2025, records, ReadInDecember2026).Ranking;
        Assert.Equal([2, 4, 1, 3], ranking.Select(r => r.DepartmentId));
        Assert.Equal([1, 1, 3, 0], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void ForUnits_KeepsTheirLinesAndCells_RanksThemAmongThemselves_AndLeavesUnassignedApplicationsOut()
    {
        var records = new[]
        {
            Formed("2025-12-01", null, department: 1),                    // missing
            Formed("2025-11-20", "2025-12-01", department: 2),            // on time
            Formed("2025-11-20", "2025-12-01", department: 3, domain: 11), // on time
            Formed("2025-11-21", "2026-01-05", department: 3, domain: 11), // late
        };
        var cases = new[] { new CaseFact(null, D("2025-11-03"), D("2025-11-03")), new CaseFact(3, D("2025-11-04"), null) };
        var full = Compute(Q4Of2025, records, ReadInDecember2026, cases: cases);
        Assert.Equal(1, full.UnassignedApplications.OnTime);

        var township = full.ForUnits([1, 3]);
        Assert.Equal([3, 1], township.Ranking.Select(l => l.DepartmentId));
        Assert.Equal([1, 2], township.Ranking.Select(l => l.Rank));
        Assert.DoesNotContain(township.DomainCells.Keys, k => k.DepartmentId == 2);
        Assert.DoesNotContain(township.StageCells.Keys, k => k.DepartmentId == 2);
        Assert.Equal(new TimelinessCounts(1, 1, 1, 0), township.TotalRecords);
        Assert.Equal(TimelinessCounts.Zero, township.UnassignedApplications);
        Assert.Equal(new TimelinessCounts(0, 0, 1, 0), township.TotalApplications);
        // The county-wide report is unchanged.
        Assert.Equal(3, full.Ranking.Count);
    }
}
