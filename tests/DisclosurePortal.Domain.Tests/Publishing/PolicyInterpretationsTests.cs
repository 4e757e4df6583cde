using DisclosurePortal.Domain.Publishing;
using static DisclosurePortal.Domain.Tests.TestCalendars;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Domain.Tests.Publishing;

/// <summary>
/// 三同步: an interpretation is due with its policy and at the latest 3 working days after the policy is published, on
/// the real 2025–2026 State Council calendar (expected dates cross-checked by an independent count of the calendar file).
/// </summary>
public sealed class PolicyInterpretationsTests
{
    private static InterpretationTimeliness Assess(string policyPublishedOn, string? interpretedOn, string today) =>
        PolicyInterpretations.Assess(D(policyPublishedOn), interpretedOn is null ? null : D(interpretedOn), D(today), China2025To2026);

    [Theory]
    [InlineData("2025-11-17", "2025-11-20")] // Mon → Thu: an ordinary week, the day of publication not counted
    [InlineData("2025-11-21", "2025-11-26")] // Fri → Wed: the weekend is not counted
    [InlineData("2026-02-12", "2026-02-24")] // Thu before the Spring Festival: Fri 13, Sat 14 (调休上班), then 15–23 Feb off, Tue 24
    [InlineData("2026-02-13", "2026-02-25")] // Fri: Sat 14 worked, Tue 24, Wed 25
    [InlineData("2026-02-14", "2026-02-26")] // published on the worked Saturday itself
    [InlineData("2026-02-27", "2026-03-03")] // Fri: Sat 28 Feb is worked
    [InlineData("2025-09-26", "2025-09-30")] // Fri: Sun 28 Sep 2025 is worked
    [InlineData("2025-09-30", "2025-10-11")] // National Day 2025: 1–8 Oct off; Thu 9, Fri 10, Sat 11 (worked)
    [InlineData("2026-09-24", "2026-09-30")] // Mid-Autumn 2026: 25–27 Sep off
    [InlineData("2026-09-30", "2026-10-10")] // National Day 2026: 1–7 Oct off; Thu 8, Fri 9, Sat 10 (worked)
    [InlineData("2025-01-24", "2025-02-05")] // Spring Festival 2025: Sun 26 Jan worked, 28 Jan–4 Feb off
    [InlineData("2025-12-30", "2026-01-05")] // across the new year: 1–3 Jan 2026 off, Sun 4 Jan worked
    public void DueOn_IsTheThirdWorkingDayAfterThePolicyIsPublished(string policyPublishedOn, string due) =>
        Assert.Equal(D(due), PolicyInterpretations.DueOn(D(policyPublishedOn), China2025To2026));

    [Fact]
    public void DueOn_InAYearWithoutACalendar_SkipsItsStatutoryHolidays() =>
        // 2027 is not entered: Fri 1 Jan 2027 (元旦) is a statutory holiday all the same; 4, 5, 6 Jan.
        Assert.Equal(D("2027-01-06"), PolicyInterpretations.DueOn(D("2026-12-31"), China2025To2026));

    [Fact]
    public void PublishedWithThePolicy_IsOnTime()
    {
        var t = Assess("2026-03-10", "2026-03-10", "2026-11-30");
        Assert.Equal(InterpretationStatus.OnTime, t.Status);
        Assert.Equal(D("2026-03-13"), t.DueOn);
        Assert.Equal(0, t.DaysLate);
        Assert.False(t.IsMissing);
    }

    [Fact]
    public void PublishedOnTheDueDate_AfterTheSpringFestival_IsOnTime()
    {
        // Twelve calendar days after the policy, but only three working days.
        var t = Assess("2026-02-12", "2026-02-24", "2026-11-30");
        Assert.Equal(InterpretationStatus.OnTime, t.Status);
        Assert.Equal(D("2026-02-24"), t.InterpretedOn);
    }

    [Fact]
    public void PublishedTheDayAfterTheDueDate_IsLateByOneDay()
    {
        var t = Assess("2026-02-12", "2026-02-25", "2026-11-30");
        Assert.Equal(InterpretationStatus.Late, t.Status);
        Assert.Equal(D("2026-02-24"), t.DueOn);
        Assert.Equal(1, t.DaysLate);
        Assert.Equal(1, t.WorkingDaysLate);
    }

    [Fact]
    public void PublishedAfterNationalDay_CountsTheCalendarAndTheWorkingDaysLate()
    {
        // Policy Fri 26 Sep 2025, due Tue 30 Sep; interpretation Thu 9 Oct: 9 days late, 1 working day (1–8 Oct off).
        var t = Assess("2025-09-26", "2025-10-09", "2026-11-30");
        Assert.Equal(InterpretationStatus.Late, t.Status);
        Assert.Equal(D("2025-09-30"), t.DueOn);
        Assert.Equal(9, t.DaysLate);
        Assert.Equal(1, t.WorkingDaysLate);
    }

    [Fact]
    public void Missing_IsNotYetDue_UpToAndIncludingTheDueDate()
    {
        Assert.Equal(InterpretationStatus.MissingNotYetDue, Assess("2026-02-12", null, "2026-02-12").Status);
        Assert.Equal(InterpretationStatus.MissingNotYetDue, Assess("2026-02-12", null, "2026-02-20").Status); // in the holiday
        var lastDay = Assess("2026-02-12", null, "2026-02-24");
        Assert.Equal(InterpretationStatus.MissingNotYetDue, lastDay.Status);
        Assert.True(lastDay.IsMissing);
        Assert.Equal(0, lastDay.DaysLate);
    }

    [Fact]
    public void Missing_IsOverdue_FromTheDayAfterTheDueDate()
    {
        var t = Assess("2026-02-12", null, "2026-02-25");
        Assert.Equal(InterpretationStatus.MissingOverdue, t.Status);
        Assert.Equal(1, t.DaysLate);
        Assert.Equal(1, t.WorkingDaysLate);
        Assert.Null(t.InterpretedOn);
    }

    [Fact]
    public void Missing_OverdueOverAWeekend_IsLateInCalendarDays_EvenWithNoWorkingDayPassed()
    {
        // Due Sat 11 Oct 2025 (a worked Saturday); on Sun 12 Oct it is one day late and no working day has passed.
        var t = Assess("2025-09-30", null, "2025-10-12");
        Assert.Equal(InterpretationStatus.MissingOverdue, t.Status);
        Assert.Equal(D("2025-10-11"), t.DueOn);
        Assert.Equal(1, t.DaysLate);
        Assert.Equal(0, t.WorkingDaysLate);
    }

    [Fact]
    public void Missing_OverNationalDay2026_IsNotOverdueUntilAfterTheWorkedSaturday()
    {
        Assert.Equal(InterpretationStatus.MissingNotYetDue, Assess("2026-09-30", null, "2026-10-07").Status);
        Assert.Equal(InterpretationStatus.MissingNotYetDue, Assess("2026-09-30", null, "2026-10-10").Status);
        var t = Assess("2026-09-30", null, "2026-11-30");
        Assert.Equal(InterpretationStatus.MissingOverdue, t.Status);
        Assert.Equal(51, t.DaysLate); // 10 Oct → 30 Nov
        Assert.Equal(36, t.WorkingDaysLate); // 12 Oct – 30 Nov: 7 weeks and a day, no holidays
    }

    [Theory]
    [InlineData(RecordKind.Regulation, Validity.Valid, true)]
    [InlineData(RecordKind.NormativeDocument, Validity.Valid, true)]
    [InlineData(RecordKind.NormativeDocument, Validity.Expired, false)]
    [InlineData(RecordKind.NormativeDocument, Validity.Repealed, false)]
    [InlineData(RecordKind.Plan, Validity.Valid, false)]
    [InlineData(RecordKind.Notice, Validity.Valid, false)]
    [InlineData(RecordKind.PolicyInterpretation, Validity.Valid, false)]
    public void OnlyPoliciesInForce_NeedAnInterpretation(RecordKind kind, Validity validity, bool needs) =>
        Assert.Equal(needs, PolicyInterpretations.NeedsInterpretation(kind, validity));

    [Fact]
    public void Submission_NeedsAPublishedPolicy()
    {
        var ex = Assert.Throws<DomainException>(() => PolicyInterpretations.EnsureNamesAPublishedPolicy(0));
        Assert.Contains("至少一项已发布的政策文件", ex.Message, StringComparison.Ordinal);
        PolicyInterpretations.EnsureNamesAPublishedPolicy(1);
    }

    [Theory]
    [InlineData("https://video.qingchuan.gov.cn/jd/2026-12.mp4")]
    [InlineData("  https://www.example.cn/watch?v=abc&t=10  ")]
    [InlineData("HTTPS://EXAMPLE.CN/v")]
    public void VideoUrl_HttpsAddresses_AreAccepted(string url) => Assert.Null(PolicyInterpretations.VideoUrlProblem(url));

    [Theory]
    [InlineData(null, "须填写视频链接")]
    [InlineData("   ", "须填写视频链接")]
    [InlineData("http://video.example.cn/a.mp4", "https://")]
    [InlineData("javascript:alert(1)", "https://")]
    [InlineData("//video.example.cn/a.mp4", "https://")]
    [InlineData("video.example.cn/a.mp4", "https://")]
    [InlineData("ftp://video.example.cn/a.mp4", "https://")]
    [InlineData("https://", "https://")]
    [InlineData("https://video.example.cn/a b.mp4", "空格")]
    [InlineData("https://user:secret@video.example.cn/a.mp4", "用户名或密码")]
    public void VideoUrl_AnythingElse_IsRefusedWithAReason(string? url, string reason) =>
        Assert.Contains(reason, PolicyInterpretations.VideoUrlProblem(url), StringComparison.Ordinal);

    [Fact]
    public void VideoUrl_LongerThan500Characters_IsRefused() =>
        Assert.Contains("500", PolicyInterpretations.VideoUrlProblem("https://example.cn/" + new string('a', 490)), StringComparison.Ordinal);

    [Fact]
    public void VideoUrl_IsKeptOnlyForAVideoInterpretation()
    {
        var now = new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
        var record = Record.Create(1, 2, 10, 2, RecordKind.PolicyInterpretation, now);
        var metadata = new RecordMetadata
        {
            Title = "《青川县农村危房改造实施方案》视频解读", IssuingOrgan = "青川县住房和城乡建设局",
            InterpretationForm = InterpretationForm.Video, VideoUrl = " https://video.example.cn/a.mp4 ",
        };
        var version = RecordVersion.CreateDraft(record, 1, metadata, "编辑甲", now);
        Assert.Equal("https://video.example.cn/a.mp4", version.VideoUrl);

        version.Edit(metadata with { InterpretationForm = InterpretationForm.Text }, now);
        Assert.Null(version.VideoUrl);

        var ex = Assert.Throws<DomainException>(() => version.Edit(metadata with { VideoUrl = "http://video.example.cn/a.mp4" }, now));
        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_NeedsBothQuestionAndAnswer_WithinTheirLengths()
    {
        var q = new InterpretationQuestion(7, 1, "  补助标准是多少？ ", "每户最高3万元。");
        Assert.Equal("补助标准是多少？", q.Question);
        Assert.Contains("缺少问题", Assert.Throws<DomainException>(() => new InterpretationQuestion(7, 2, " ", "答")).Message, StringComparison.Ordinal);
        Assert.Contains("第3组问答缺少回答", Assert.Throws<DomainException>(() => new InterpretationQuestion(7, 3, "问", "")).Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => new InterpretationQuestion(7, 1, new string('问', 301), "答"));
        Assert.Throws<DomainException>(() => new InterpretationQuestion(7, 1, "问", new string('答', 5001)));
        Assert.Throws<DomainException>(() => new InterpretationQuestion(7, 51, "问", "答"));
        Assert.Throws<DomainException>(() => new InterpretationQuestion(7, 0, "问", "答"));
    }

    [Fact]
    public void QuestionsAndLinks_CopyToANewVersion_InTheirOrder()
    {
        var q = new InterpretationQuestion(7, 4, "问", "答").CopyTo(9);
        Assert.Equal((9, 4, "问", "答"), (q.RecordVersionId, q.Position, q.Question, q.Answer));
        var at = new DateTimeOffset(2026, 2, 12, 2, 0, 0, TimeSpan.Zero);
        var link = new InterpretationLink(5, 7, 3, at).CopyTo(9);
        Assert.Equal((5, 9, 3, at), (link.InterpretationRecordId, link.RecordVersionId, link.PolicyRecordId, link.CreatedAt));
        Assert.Throws<DomainException>(() => new InterpretationLink(5, 7, 5, at));
    }
}
