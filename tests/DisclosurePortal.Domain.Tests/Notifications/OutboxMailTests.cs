using DisclosurePortal.Domain.Notifications;

namespace DisclosurePortal.Domain.Tests.Notifications;

/// <summary>The outbox's rules (issue 19): backoff, giving up, retrying, sending once.</summary>
public sealed class OutboxMailTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(9, 256)]
    [InlineData(10, 360)] // capped at 6 hours
    [InlineData(50, 360)]
    public void Backoff_DoublesFromAMinute_UpToSixHours(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMail.Backoff(failures));

    [Fact]
    public void AQueuedMail_IsDueAtOnce_AndAFailureWaitsTheBackoff()
    {
        var mail = OutboxMail.Queue("a@example.org", "主题", "正文", Now);
        Assert.True(mail.IsDue(Now));
        mail.Claim(Now.AddMinutes(5));
        Assert.False(mail.IsDue(Now.AddMinutes(1))); // claimed: nobody else sends it
        mail.MarkFailed("connection refused", Now);
        Assert.Equal(1, mail.Attempts);
        Assert.Equal(OutboxMailState.Pending, mail.State);
        Assert.False(mail.IsDue(Now.AddSeconds(59)));
        Assert.True(mail.IsDue(Now.AddMinutes(1)));
    }

    [Fact]
    public void AfterMaxAttempts_TheMailIsFailed_NoLongerDue_UntilRetried()
    {
        var mail = OutboxMail.Queue("a@example.org", "主题", "正文", Now);
        for (var i = 0; i < OutboxMail.MaxAttempts; i++) mail.MarkFailed("down", Now);
        Assert.Equal(OutboxMailState.Failed, mail.State);
        Assert.False(mail.IsDue(Now.AddYears(1)));
        Assert.Throws<DomainException>(() => mail.Claim(Now));

        mail.Retry(Now.AddDays(1));
        Assert.Equal(OutboxMailState.Pending, mail.State);
        Assert.Equal(0, mail.Attempts);
        Assert.True(mail.IsDue(Now.AddDays(1)));
    }

    [Fact]
    public void OnlyAFailedMail_CanBeRetried_AndASentMailStaysSent()
    {
        var mail = OutboxMail.Queue("a@example.org", "主题", "正文", Now);
        Assert.Throws<DomainException>(() => mail.Retry(Now));
        mail.MarkSent(Now);
        var sentAt = mail.SentAt;
        mail.MarkFailed("late failure", Now.AddMinutes(1));
        mail.MarkSent(Now.AddMinutes(2));
        Assert.Equal(sentAt, mail.SentAt);
        Assert.Equal(OutboxMailState.Sent, mail.State);
        Assert.Equal(1, mail.Attempts);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a@example.org\r\nBcc: b@example.org")] // header injection
    public void AnAddressThatIsNoAddress_IsRefused(string to) =>
        Assert.Throws<DomainException>(() => OutboxMail.Queue(to, "主题", "正文", Now));

    [Fact]
    public void TheSubject_IsOneLine_AndTheErrorIsCut()
    {
        var mail = OutboxMail.Queue("a@example.org", "第一行\r\nBcc: x@example.org", "正文", Now);
        Assert.DoesNotContain('\n', mail.Subject);
        mail.MarkFailed(new string('x', 2000), Now);
        Assert.Equal(OutboxMail.MaxErrorLength, mail.LastError!.Length);
    }

    [Fact]
    public void TheNextAttempt_IsKeptAsUtcTicksToo_ForTheSendersQuery()
    {
        var local = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)); // the same instant as Now
        var mail = OutboxMail.Queue("a@example.org", "主题", "正文", local);
        Assert.Equal(Now.UtcTicks, mail.NextAttemptTicks);
        mail.MarkFailed("550", Now);
        Assert.Equal((Now + OutboxMail.Backoff(1)).UtcTicks, mail.NextAttemptTicks);
        mail.Claim(Now.AddMinutes(30));
        Assert.Equal(Now.AddMinutes(30).UtcTicks, mail.NextAttemptTicks);
        var call = OutboxWebhook.Queue("https://chat.example.org/robot", "{}", Now);
        Assert.Equal(Now.UtcTicks, call.NextAttemptTicks);
    }

    [Theory]
    [InlineData("zhang.san@example.org", "z***@example.org")]
    [InlineData("@example.org", "***")]
    [InlineData(null, "—")]
    public void Mask_KeepsTheFirstCharacterAndTheDomain(string? address, string shown) =>
        Assert.Equal(shown, OutboxMail.Mask(address));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("cases/1")]
    public void AStaffNotification_LinksOnlyInsideThePortal(string link) =>
        Assert.Throws<ArgumentException>(() => StaffNotification.ToRole("Reviewer", "文字", link, Now));
}
