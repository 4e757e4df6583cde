using DisclosurePortal.Domain.Catalogue;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Catalogue;

public sealed class TimeLimitRuleTests
{
    [Theory]
    [InlineData(TimeLimitKind.WorkingDaysAfterFormed, 20, "2025-09-30", "2025-11-04")] // 条例 Art. 26 across 国庆
    [InlineData(TimeLimitKind.DaysAfterCompletion, 10, "2025-12-25", "2026-01-04")]   // 办结后10日内: calendar days
    [InlineData(TimeLimitKind.MonthlyByDay, 10, "2025-03-15", "2025-04-10")]          // 每月10日前公开上月
    [InlineData(TimeLimitKind.MonthlyByDay, 10, "2025-12-31", "2026-01-10")]
    [InlineData(TimeLimitKind.QuarterlyByDay, 10, "2025-11-20", "2026-01-10")]        // 每季度首月10日前
    [InlineData(TimeLimitKind.QuarterlyByDay, 15, "2026-02-01", "2026-04-15")]
    [InlineData(TimeLimitKind.AnnuallyByDay, 20, "2025-06-01", "2026-01-20")]
    [InlineData(TimeLimitKind.RealTime, 0, "2026-05-09", "2026-05-09")]
    public void DueOn_EvaluatesEachKind(TimeLimitKind kind, int amount, string eventDate, string due) =>
        Assert.Equal(D(due), new TimeLimitRule(kind, amount).DueOn(D(eventDate), China2025To2026));

    [Theory]
    [InlineData(TimeLimitKind.WorkingDaysAfterFormed, 0)]
    [InlineData(TimeLimitKind.MonthlyByDay, 31)]
    [InlineData(TimeLimitKind.RealTime, 3)]
    [InlineData((TimeLimitKind)99, 5)]
    public void Constructor_RefusesImpossibleRules(TimeLimitKind kind, int amount) =>
        Assert.Throws<DomainException>(() => new TimeLimitRule(kind, amount));

    [Fact]
    public void Statutory_IsTwentyWorkingDays() =>
        Assert.Equal(new TimeLimitRule(TimeLimitKind.WorkingDaysAfterFormed, 20), TimeLimitRule.Statutory);
}
