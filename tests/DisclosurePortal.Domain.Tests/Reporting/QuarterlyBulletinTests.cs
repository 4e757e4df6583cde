using DisclosurePortal.Domain.Reporting;

namespace DisclosurePortal.Domain.Tests.Reporting;

public sealed class QuarterlyBulletinTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 1, 10);

    private static QuarterSnapshot Snapshot(int late, int missing) => new(2025, 4, Today,
        [new FrozenUnit(7, "县住建局", 1, new TimelinessCounts(1, late, missing, 0), TimelinessCounts.Zero, TimelinessCounts.Zero,
            [new FrozenStage(1, "决策公开", "Decisions", 2, "决策", "Decision", new TimelinessCounts(1, late, missing, 0))])],
        TimelinessCounts.Zero);

    [Fact]
    public void Freeze_BeforeTheQuarterEnds_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => QuarterlyBulletin.Freeze(Snapshot(0, 1), null, new DateOnly(2025, 12, 31), "a", "甲", Now));
        Assert.Contains("尚未结束", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_SurvivesJson_AndShowsWhatMoved()
    {
        var frozen = QuarterlyBulletin.Freeze(Snapshot(0, 1), null, Today, "a", "甲", Now);
        var kept = frozen.Snapshot();
        Assert.Equal(new TimelinessCounts(1, 0, 1, 0), kept.Units[0].Records);
        Assert.Equal("决策", kept.Units[0].Stages[0].StageZh);
        Assert.Equal(50.0m, kept.TotalRecords.OnTimeRate);
        var moved = kept.DifferencesFrom(Snapshot(1, 0));
        Assert.Equal(7, Assert.Single(moved).DepartmentId);
        Assert.Empty(kept.DifferencesFrom(Snapshot(0, 1)));
    }

    [Fact]
    public void Publish_NeedsAComment_AndAnotherReviewer_ThenNothingChanges()
    {
        var b = QuarterlyBulletin.Freeze(Snapshot(0, 1), null, Today, "a", "甲", Now);
        Assert.Contains("通报意见", Assert.Throws<DomainException>(() => b.Publish(null, "b", "乙", Now)).Message, StringComparison.Ordinal);
        b.WriteComment("  总体良好。 ", "b", "乙", Now);
        Assert.Equal("总体良好。", b.Comment);
        Assert.Throws<DomainException>(() => b.Publish(null, "a", "甲", Now));
        Assert.Throws<DomainException>(() => b.Publish(null, "b", "乙", Now));
        b.Publish(null, "c", "丙", Now);
        Assert.Equal(BulletinState.Published, b.State);
        Assert.Throws<DomainException>(() => b.Refreeze(Snapshot(1, 0), "a", "甲", Now));
        Assert.Throws<DomainException>(() => b.WriteComment("改", "a", "甲", Now));
    }

    [Fact]
    public void ACorrection_IsTheNextEdition_AndSupersedesThePublishedOne()
    {
        var first = QuarterlyBulletin.Freeze(Snapshot(0, 1), null, Today, "a", "甲", Now);
        first.WriteComment("意见。", "a", "甲", Now);
        first.Publish(null, "b", "乙", Now);
        var second = QuarterlyBulletin.Freeze(Snapshot(1, 0), first, Today, "a", "甲", Now);
        Assert.Equal((2, "意见。"), (second.Edition, second.Comment));
        Assert.Throws<DomainException>(() => QuarterlyBulletin.Freeze(Snapshot(1, 0), second, Today, "a", "甲", Now));
        second.Refreeze(Snapshot(1, 0), "a", "甲", Now);
        second.Publish(first, "b", "乙", Now);
        Assert.Equal((BulletinState.Superseded, BulletinState.Published), (first.State, second.State));
        Assert.Equal(new TimelinessCounts(1, 0, 1, 0), first.Snapshot().Units[0].Records);
    }
}
