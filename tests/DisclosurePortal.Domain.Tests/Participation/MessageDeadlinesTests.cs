using DisclosurePortal.Domain.Participation;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Participation;

public sealed class MessageDeadlinesTests
{
    private static readonly MessageDeadlines Defaults = MessageDeadlines.Default;

    [Fact]
    public void Defaults_AreTwoToAcceptFiveToReplyTenToExtend_AndTwentyFourMonthsRetention()
    {
        Assert.Equal((2, 5, 10, 24), (Defaults.AcceptWorkingDays, Defaults.ReplyWorkingDays, Defaults.MaxExtensionWorkingDays, Defaults.RetentionMonths));
        Assert.Empty(Defaults.Problems());
    }

    [Fact]
    public void AcceptDue_OverSpringFestival_CountsTheAdjustedSaturdayAndSkipsTheHoliday()
    {
        // Friday 13 Feb 2026: Saturday 14th is worked (调休), 15–23 Feb are off.
        Assert.Equal(D("2026-02-24"), Defaults.AcceptDue(D("2026-02-13"), China2025To2026));
    }

    [Fact]
    public void ReplyDue_AfterSpringFestival_CountsTheWorkedSaturday()
    {
        // 25, 26, 27 Feb, Saturday 28 Feb (调休上班), Monday 2 Mar.
        Assert.Equal(D("2026-03-02"), Defaults.ReplyDue(D("2026-02-24"), 0, China2025To2026));
    }

    [Fact]
    public void ReplyDue_OverNationalDay_SkipsTheGoldenWeek()
    {
        // Accepted Wed 30 Sep 2026: 1–7 Oct off; 8, 9, Sat 10 (调休上班), 12, 13 Oct.
        Assert.Equal(D("2026-10-13"), Defaults.ReplyDue(D("2026-09-30"), 0, China2025To2026));
    }

    [Fact]
    public void ReplyDue_WithTheLongestExtension_AddsTenWorkingDays()
    {
        Assert.Equal(D("2026-10-27"), Defaults.ReplyDue(D("2026-09-30"), 10, China2025To2026));
    }

    [Fact]
    public void AcceptDue_OverNationalDay_2025()
    {
        // Tue 30 Sep 2025: 1–8 Oct off; Thu 9, Fri 10 Oct.
        Assert.Equal(D("2025-10-10"), Defaults.AcceptDue(D("2025-09-30"), China2025To2026));
    }

    [Fact]
    public void ExplainReplyDue_NamesTheStartTheCountAndTheExtension()
    {
        var steps = Defaults.ExplainReplyDue(D("2026-09-30"), 10, China2025To2026);
        Assert.Equal(2, steps.Count);
        Assert.Contains("2026-10-13", steps[0], StringComparison.Ordinal);
        Assert.Contains("2026-10-27", steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void IsDueSoon_WithinTwoWorkingDays_NotOverdue()
    {
        // From Mon 12 Oct 2026 the 13th is 1 working day away; from Fri 9 Oct it is 3 (Sat 10 is worked, 12, 13).
        Assert.True(Defaults.IsDueSoon(D("2026-10-13"), D("2026-10-12"), China2025To2026));
        Assert.False(Defaults.IsDueSoon(D("2026-10-13"), D("2026-10-09"), China2025To2026));
        Assert.False(Defaults.IsDueSoon(D("2026-10-13"), D("2026-10-14"), China2025To2026));
        Assert.True(MessageDeadlines.IsOverdue(D("2026-10-13"), D("2026-10-14")));
    }

    [Theory]
    [InlineData(0, 5, 10, 24)]
    [InlineData(2, 0, 10, 24)]
    [InlineData(2, 5, -1, 24)]
    [InlineData(2, 5, 10, 0)]
    public void Problems_RefuseSettingsOutOfRange(int accept, int reply, int extension, int retention) =>
        Assert.NotEmpty(new MessageDeadlines(accept, reply, extension, 2, retention).Problems());
}
