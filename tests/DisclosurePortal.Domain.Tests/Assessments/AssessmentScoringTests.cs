using DisclosurePortal.Domain.Assessments;

namespace DisclosurePortal.Domain.Tests.Assessments;

/// <summary>考核 scoring (issue 21 §4, ADR 37): the three rules, nothing to measure, manual scores, ranks and the scheme's checks.</summary>
public class AssessmentScoringTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly RuleParameters Proportional = new(ScoringRule.Proportional);
    private static readonly RuleParameters Thresholds = new(ScoringRule.Thresholds, FullAt: 95, HalfAt: 80);
    private static readonly RuleParameters Deduct = new(ScoringRule.DeductPerFailure, DeductEach: 2);

    [Fact]
    public void Proportional_IsPointsTimesTheRatio()
    {
        var s = AssessmentScoring.Score(10, Proportional, new Measurement(17, 20));
        Assert.Equal(8.5m, s.Score);
        Assert.Equal(85.0m, s.Measured!.Value.Percent);
        Assert.False(s.NothingToMeasure);
    }

    [Fact]
    public void Proportional_RoundsToTwoDecimals_HalfAwayFromZero()
    {
        Assert.Equal(6.67m, AssessmentScoring.Score(10, Proportional, new Measurement(2, 3)).Score);
        Assert.Equal(0.13m, AssessmentScoring.Score(0.25m, Proportional, new Measurement(1, 2)).Score); // 0.125 → 0.13
    }

    [Theory]
    [InlineData(19, 20, 20)] // 95 %: full
    [InlineData(18, 20, 10)] // 90 %: half
    [InlineData(16, 20, 10)] // 80 %: half
    [InlineData(15, 20, 0)]  // 75 %: nothing
    public void Thresholds_GiveAllHalfOrNothing(int good, int total, decimal expected) =>
        Assert.Equal(expected, AssessmentScoring.Score(20, Thresholds, new Measurement(good, total)).Score);

    [Fact]
    public void Thresholds_CompareTheRoundedPercent()
    {
        // 189 / 199 = 94.97 % → 95.0 % as shown: full points, as the page shows the 95.0 %.
        Assert.Equal(20m, AssessmentScoring.Score(20, Thresholds, new Measurement(189, 199)).Score);
    }

    [Fact]
    public void DeductPerFailure_TakesKPerFailure_NotBelowZero()
    {
        Assert.Equal(6m, AssessmentScoring.Score(10, Deduct, new Measurement(18, 20)).Score);
        Assert.Equal(0m, AssessmentScoring.Score(10, Deduct, new Measurement(0, 20)).Score);
        Assert.Equal(10m, AssessmentScoring.Score(10, Deduct, new Measurement(20, 20)).Score);
    }

    [Theory]
    [InlineData(ScoringRule.Proportional)]
    [InlineData(ScoringRule.Thresholds)]
    [InlineData(ScoringRule.DeductPerFailure)]
    public void NothingToMeasure_GivesFullPoints_AndSaysSo(ScoringRule rule)
    {
        var s = AssessmentScoring.Score(15, new RuleParameters(rule, 95, 80, 1), new Measurement(0, 0));
        Assert.Equal(15m, s.Score);
        Assert.True(s.NothingToMeasure);
        Assert.Null(s.Measured!.Value.Percent);
    }

    [Fact]
    public void ImpossibleCounts_AreRefused() =>
        Assert.Throws<DomainException>(() => AssessmentScoring.Score(10, Proportional, new Measurement(3, 2)));

    [Fact]
    public void Manual_IsWhatWasEntered_OrZero_WithinThePoints()
    {
        Assert.Equal(4.5m, AssessmentScoring.Manual(5, 4.5m).Score);
        Assert.Equal(0m, AssessmentScoring.Manual(5, null).Score);
        Assert.Throws<DomainException>(() => AssessmentScoring.Manual(5, 5.5m));
    }

    [Fact]
    public void Rank_SharesEqualTotals()
    {
        var ranked = AssessmentScoring.Rank(new[] { ("a", 90m), ("b", 95m), ("c", 90m), ("d", 80m) }, x => x.Item2);
        Assert.Equal(["b:1", "a:2", "c:2", "d:4"], ranked.Select(r => $"{r.Item.Item1}:{r.Rank}"));
    }

    [Theory]
    [InlineData(ScoringRule.Thresholds, null, 80, null)]
    [InlineData(ScoringRule.Thresholds, 95, 95, null)]
    [InlineData(ScoringRule.Thresholds, 120, 80, null)]
    [InlineData(ScoringRule.DeductPerFailure, null, null, 0)]
    [InlineData(ScoringRule.DeductPerFailure, null, null, 11)]
    public void RuleParameters_OutOfRange_AreRefused(ScoringRule rule, int? full, int? half, int? each)
    {
        var scheme = AssessmentScheme.Create(2026, "管理员", Now);
        var definition = new IndicatorDefinition("主动公开及时率", IndicatorKind.DisclosureTimeliness, 10, new RuleParameters(rule, full, half, each), null);
        Assert.Throws<DomainException>(() => scheme.Add(definition, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(1.234)]
    public void Points_MustBePositive_AtMost100_TwoDecimals(double points)
    {
        var scheme = AssessmentScheme.Create(2026, "管理员", Now);
        Assert.Throws<DomainException>(() => scheme.Add(new IndicatorDefinition("培训", IndicatorKind.Manual, (decimal)points, Proportional, null), Now));
    }

    [Fact]
    public void Scheme_CopiesThePreviousYear_AndTotalsItsPoints()
    {
        var last = AssessmentScheme.Create(2025, "管理员", Now);
        last.Add(new IndicatorDefinition("主动公开及时率", IndicatorKind.DisclosureTimeliness, 60, Thresholds, null), Now);
        last.Add(new IndicatorDefinition("培训", IndicatorKind.Manual, 40, Proportional, "参加培训"), Now);
        var next = AssessmentScheme.Create(2026, "管理员", Now, last);
        Assert.Equal(["主动公开及时率", "培训"], next.Indicators.Select(i => i.Name));
        Assert.Equal(100m, next.TotalPoints);
        Assert.Equal((95m, 80m), (next.Indicators[0].FullAt!.Value, next.Indicators[0].HalfAt!.Value));
        Assert.Throws<DomainException>(() => next.Add(new IndicatorDefinition("培训", IndicatorKind.Manual, 5, Proportional, null), Now));
    }

    [Fact]
    public void ManualScore_OnlyForManualIndicators_WithinPoints_WithEvidence()
    {
        var scheme = AssessmentScheme.Create(2026, "管理员", Now);
        var computed = scheme.Add(new IndicatorDefinition("主动公开及时率", IndicatorKind.DisclosureTimeliness, 10, Proportional, null), Now);
        var manual = scheme.Add(new IndicatorDefinition("培训", IndicatorKind.Manual, 5, Proportional, null), Now);
        Assert.Throws<DomainException>(() => ManualScore.Enter(computed, 3, 4, "签到表", "审核员", Now));
        Assert.Throws<DomainException>(() => ManualScore.Enter(manual, 3, 6, "签到表", "审核员", Now));
        Assert.Throws<DomainException>(() => ManualScore.Enter(manual, 3, 4, " ", "审核员", Now));
        Assert.Equal(4m, ManualScore.Enter(manual, 3, 4, "签到表", "审核员", Now).Score);
    }

    [Fact]
    public void Run_IsNotRecomputedWhilePublished()
    {
        var scheme = AssessmentScheme.Create(2026, "管理员", Now);
        var indicator = scheme.Add(new IndicatorDefinition("主动公开及时率", IndicatorKind.DisclosureTimeliness, 10, Proportional, null), Now);
        var run = AssessmentRun.Start(scheme, new DateOnly(2026, 12, 7),
            [AssessmentScore.Of(indicator, 3, "县住建局", AssessmentScoring.Score(10, Proportional, new Measurement(17, 20)))], "审核员", Now);
        run.Publish("总体良好", "审核员", Now);
        Assert.Throws<DomainException>(() => run.Replace(scheme, new DateOnly(2026, 12, 8), [], "审核员", Now));
        run.Unpublish(Now);
        Assert.Equal(RunState.Computed, run.State);
        Assert.Equal(8.5m, run.Scores.Single().Score);
    }
}
