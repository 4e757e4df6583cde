using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Domain.Reminders;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Reminders;

public sealed class ReminderRulesTests
{
    private static readonly DisclosurePortal.Domain.Calendar.WorkingCalendar Cal = China2025To2026;

    [Theory]
    // Due Thursday 2025-10-09, the first working day after National Day: 3 working days before skips 10-01..08 and
    // lands on Sunday 2025-09-28, a 调休 working day (09-30, 09-29, 09-28).
    [InlineData("2025-10-09", 3, "2025-09-28")]
    [InlineData("2025-10-09", 1, "2025-09-30")]
    // Due Monday 2025-10-13: 10-11 (Saturday) is a working day, 10-12 is not: 10-11, 10-10, 10-09.
    [InlineData("2025-10-13", 3, "2025-10-09")]
    [InlineData("2025-10-13", 2, "2025-10-10")]
    // An ordinary week: Friday 2025-09-19, 3 working days before is Tuesday 09-16.
    [InlineData("2025-09-19", 3, "2025-09-16")]
    [InlineData("2025-09-19", 0, "2025-09-19")]
    public void DueSoonFrom_CountsWorkingDaysBack_OnTheCalendar(string due, int n, string expected) =>
        Assert.Equal(D(expected), ReminderRules.DueSoonFrom(D(due), n, Cal));

    [Theory]
    [InlineData("2025-09-27", null)] // Saturday before the 3-working-day window
    [InlineData("2025-09-28", ReminderKind.DueSoon)] // the 调休 Sunday opens the window
    [InlineData("2025-10-03", ReminderKind.DueSoon)] // during the holiday: still due soon (sent if the job runs)
    [InlineData("2025-10-09", ReminderKind.DueSoon)] // the due date itself is still in time
    [InlineData("2025-10-10", ReminderKind.BecameLate)] // the first late day
    [InlineData("2025-10-16", ReminderKind.BecameLate)] // the last day of the catch-up week
    [InlineData("2025-10-17", null)] // older lateness is not announced again
    public void Due_GivesTheReminderOfTheDay(string today, ReminderKind? expected) =>
        Assert.Equal(expected, ReminderRules.Due(D("2025-10-09"), D(today), 3, Cal));

    [Fact]
    public void Due_WithZeroDaysBefore_SendsNoDueSoonReminder()
    {
        Assert.Null(ReminderRules.Due(D("2025-10-09"), D("2025-10-09"), 0, Cal));
        Assert.Equal(ReminderKind.BecameLate, ReminderRules.Due(D("2025-10-09"), D("2025-10-10"), 0, Cal));
    }

    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc", true)]
    [InlineData("http://127.0.0.1:8080/hook", true)]
    [InlineData("ftp://example.org/hook", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/relative/path", false)]
    [InlineData("https://user:pass@example.org/hook", false)]
    [InlineData("not a url", false)]
    public void UrlProblem_AcceptsOnlyHttpAndHttps(string url, bool ok) =>
        Assert.Equal(ok, ReminderSettings.UrlProblem(url) is null);

    [Fact]
    public void Problems_RefuseAnEnabledWebhookWithoutAddress_AndDaysOutOfRange()
    {
        Assert.Contains(ReminderSettings.Problems(3, true, null), p => p.Field == nameof(ReminderSettings.WebhookUrl));
        Assert.Contains(ReminderSettings.Problems(21, false, null), p => p.Field == nameof(ReminderSettings.WorkingDaysBefore));
        Assert.Empty(ReminderSettings.Problems(3, false, null));
    }

    [Fact]
    public void SentReminder_OnlyUrgesHaveRounds_AndLateOnesAwaitTheDigest()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Throws<ArgumentException>(() => SentReminder.Log(ReminderSubject.Record, "record:1", 1, D("2025-10-09"), ReminderKind.DueSoon, 1, 5, "t", "系统", D("2025-10-01"), now));
        Assert.True(SentReminder.Log(ReminderSubject.Record, "record:1", 1, D("2025-10-09"), ReminderKind.BecameLate, 0, 5, "t", "系统", D("2025-10-10"), now).AwaitsDigest);
        Assert.False(SentReminder.Log(ReminderSubject.Record, "record:1", 1, D("2025-10-09"), ReminderKind.Urged, 2, 5, "t", "审核员", D("2025-10-10"), now).AwaitsDigest);
    }

    [Fact]
    public void OutboxWebhook_BacksOffLikeTheMail_AndRefusesOtherSchemes()
    {
        var now = DateTimeOffset.UnixEpoch;
        Assert.Throws<DomainException>(() => OutboxWebhook.Queue("ftp://x/y", "{}", now));
        var call = OutboxWebhook.Queue("http://127.0.0.1/hook", "{}", now);
        call.Claim(now.AddMinutes(5));
        call.MarkFailed("HTTP 502", now);
        Assert.Equal(now + OutboxMail.Backoff(1), call.NextAttemptAt);
        Assert.False(call.IsDue(now));
        Assert.True(call.IsDue(now.AddMinutes(1)));
        call.MarkSent(now.AddMinutes(1));
        Assert.Equal(OutboxMailState.Sent, call.State);
    }
}
