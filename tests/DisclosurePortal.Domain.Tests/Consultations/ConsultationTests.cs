using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Consultations;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Consultations;

public sealed class ConsultationTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static ConsultationDraft Draft(string starts = "2026-06-01", string ends = "2026-06-30", string? reason = null, IReadOnlyList<QuestionDraft>? questions = null) => new()
    {
        CatalogueItemId = 1,
        DomainId = 1,
        Title = "青川县城区停车收费管理办法（征求意见稿）",
        DraftBody = "第一条 为规范城区停车秩序……",
        DraftingExplanation = "一、起草背景……",
        StartsOn = D(starts),
        EndsOn = D(ends),
        ShortPeriodReason = reason,
        Email = "zjyj@qingchuan.gov.cn",
        Questions = questions ?? [],
    };

    private static Consultation Opened(IReadOnlyList<QuestionDraft>? questions = null)
    {
        var c = Consultation.Create(7, Draft(questions: questions), "编辑", "u1", Now);
        c.Submit(D("2026-05-20"), "编辑", "u1", Now);
        c.Approve(D("2026-05-21"), "审核员", "u2", Now);
        return c;
    }

    private static CommentDetails Comment(string body = "建议延长免费停车时长。") => new(body, "张先生", true, "sealed-name", null, null, null);

    [Fact]
    public void Period_OfThirtyDaysBothEndsCounted_IsAllowed_WithoutReason()
    {
        Assert.Equal(30, ConsultationRules.PeriodDays(D("2026-06-01"), D("2026-06-30")));
        Assert.Null(ConsultationRules.PeriodProblem(D("2026-06-01"), D("2026-06-30"), null));
    }

    [Fact]
    public void Period_ShorterThanThirtyDays_IsRefused_UnlessAReasonIsGiven()
    {
        Assert.Contains("第十四条", ConsultationRules.PeriodProblem(D("2026-06-01"), D("2026-06-29"), null));
        Assert.Contains("第十四条", Assert.Throws<DomainException>(() => Consultation.Create(7, Draft(ends: "2026-06-15"), "编辑", null, Now)).Message);
        var c = Consultation.Create(7, Draft(ends: "2026-06-15", reason: "防汛工作紧急，须在汛期前出台"), "编辑", null, Now);
        Assert.Equal("防汛工作紧急，须在汛期前出台", c.ShortPeriodReason);
    }

    [Fact]
    public void Period_EndingBeforeItStarts_IsRefused() =>
        Assert.NotNull(ConsultationRules.PeriodProblem(D("2026-06-10"), D("2026-06-01"), "理由"));

    [Fact]
    public void ShortPeriodReason_IsDropped_WhenThePeriodIsLongEnough() =>
        Assert.Null(Consultation.Create(7, Draft(reason: "不需要"), "编辑", null, Now).ShortPeriodReason);

    [Fact]
    public void FeedbackDue_SkipsTheSpringFestival_AndCountsTheAdjustedSaturdays()
    {
        // Closes Fri 13 Feb 2026: Sat 14 Feb is worked (调休), 15–23 Feb are off, Sat 28 Feb is worked.
        Assert.Equal(D("2026-02-27"), ConsultationRules.FeedbackDueOn(D("2026-02-13"), China2025To2026, 5));
        Assert.Equal(D("2026-04-02"), ConsultationRules.FeedbackDueOn(D("2026-02-13"), China2025To2026, ConsultationRules.DefaultFeedbackWorkingDays));
    }

    [Fact]
    public void FeedbackDue_SkipsNationalDay_ThirtyWorkingDaysByDefault()
    {
        // Closes Wed 30 Sep 2026: 1–7 Oct off, Sat 10 Oct worked; weekdays alone would give 11 Nov.
        Assert.Equal(D("2026-11-11"), ConsultationRules.FeedbackDueOn(D("2026-09-30"), WorkingCalendar.WeekdaysOnly, 30));
        Assert.Equal(D("2026-11-17"), ConsultationRules.FeedbackDueOn(D("2026-09-30"), China2025To2026, 30));
    }

    [Theory]
    [InlineData("2026-05-31", ConsultationPhase.Scheduled)]
    [InlineData("2026-06-01", ConsultationPhase.Open)]
    [InlineData("2026-06-30", ConsultationPhase.Open)]
    [InlineData("2026-07-01", ConsultationPhase.Closed)]
    public void Phase_FollowsTheDates_WithoutAJob(string today, ConsultationPhase expected) =>
        Assert.Equal(expected, Opened().PhaseOn(D(today)));

    [Fact]
    public void DaysLeft_CountsToday() => Assert.Equal(1, ConsultationRules.DaysLeft(D("2026-06-30"), D("2026-06-30")));

    [Fact]
    public void Workflow_RecordsEveryStep_WithWhoAndWhen()
    {
        var c = Consultation.Create(7, Draft(), "编辑", "u1", Now);
        c.Submit(D("2026-05-20"), "编辑", "u1", Now);
        c.Return("请补充起草说明", "审核员", "u2", Now);
        Assert.Equal(ConsultationState.Draft, c.State);
        Assert.Equal("请补充起草说明", c.ReturnReason);
        c.Submit(D("2026-05-20"), "编辑", "u1", Now);
        c.Approve(D("2026-05-21"), "审核员", "u2", Now);
        Assert.Equal(
            [ConsultationEventKind.Created, ConsultationEventKind.Submitted, ConsultationEventKind.Returned, ConsultationEventKind.Submitted, ConsultationEventKind.Approved],
            c.Events.Select(e => e.Kind));
        Assert.Equal("审核员", c.Events[^1].ActorName);
    }

    [Fact]
    public void Submit_AfterTheStartDate_IsRefused() =>
        Assert.Throws<DomainException>(() => Consultation.Create(7, Draft(), "编辑", null, Now).Submit(D("2026-06-02"), "编辑", null, Now));

    [Fact]
    public void Edit_OnceSubmitted_IsRefused()
    {
        var c = Consultation.Create(7, Draft(), "编辑", null, Now);
        c.Submit(D("2026-05-20"), "编辑", null, Now);
        Assert.Throws<DomainException>(() => c.Edit(Draft(), "编辑", null, Now));
    }

    [Fact]
    public void WaysToComment_AtLeastOneIsNeeded() =>
        Assert.Throws<DomainException>(() => Consultation.Create(7, Draft() with { AcceptsOnline = false, Email = null, PostalAddress = " " }, "编辑", null, Now));

    [Fact]
    public void OnlineComment_OnlyWhileOpen()
    {
        var c = Opened();
        Assert.Throws<DomainException>(() => c.ReceiveOnline(Comment(), D("2026-05-31"), Now));
        Assert.Throws<DomainException>(() => c.ReceiveOnline(Comment(), D("2026-07-01"), Now));
        var comment = c.ReceiveOnline(Comment(), D("2026-06-30"), Now);
        Assert.Equal(ModerationState.Pending, comment.Moderation);
        Assert.False(comment.IsShown);
    }

    [Fact]
    public void Comment_ShownOnlyWhenAccepted_AndAllowed()
    {
        var c = Opened();
        var allowed = c.ReceiveOnline(Comment(), D("2026-06-02"), Now);
        var private_ = c.ReceiveOnline(new CommentDetails("不公开的意见", "李某", false, null, null, null, null), D("2026-06-02"), Now);
        c.Moderate(allowed, ModerationState.Accepted, "编辑", null, Now);
        c.Moderate(private_, ModerationState.Accepted, "编辑", null, Now);
        Assert.True(allowed.IsShown);
        Assert.False(private_.IsShown);
        Assert.Null(private_.PublicName);
    }

    [Fact]
    public void EnteredComment_MustHaveBeenReceivedWithinThePeriod()
    {
        var c = Opened();
        Assert.Throws<DomainException>(() => c.Enter(CommentChannel.Letter, D("2026-07-01"), Comment(), D("2026-07-03"), "编辑", null, Now));
        Assert.Throws<DomainException>(() => c.Enter(CommentChannel.Online, D("2026-06-05"), Comment(), D("2026-07-03"), "编辑", null, Now));
        var letter = c.Enter(CommentChannel.Letter, D("2026-06-30"), Comment(), D("2026-07-03"), "编辑", null, Now);
        Assert.Equal(CommentChannel.Letter, letter.Channel);
        Assert.Equal("编辑", letter.EnteredBy);
    }

    [Fact]
    public void Questions_NeedTwoToTenOptions_AndAtMostOneFreeText()
    {
        Assert.Throws<DomainException>(() => Consultation.ValidateQuestions([new("是否同意？", QuestionKind.SingleChoice, ["同意"])]));
        Assert.Throws<DomainException>(() => Consultation.ValidateQuestions([new("选择", QuestionKind.MultipleChoice, Enumerable.Range(1, 11).Select(i => $"选项{i}").ToList())]));
        Assert.Throws<DomainException>(() => Consultation.ValidateQuestions([new("其他意见", QuestionKind.FreeText, []), new("补充", QuestionKind.FreeText, [])]));
        Consultation.ValidateQuestions([new("是否同意？", QuestionKind.SingleChoice, ["同意", "不同意", " "]), new("其他意见", QuestionKind.FreeText, [])]);
    }

    [Fact]
    public void Feedback_CountsMustAddUp_EachGroupWithItsReason_AfterClosing()
    {
        var c = Opened();
        var july = D("2026-07-02");
        var ok = new FeedbackDraft(1, "符合实际", 1, "部分采纳：时段调整", 1, "与上位法不符");
        Assert.Throws<DomainException>(() => c.PublishFeedback(ok, 3, 0, D("2026-06-30"), "编辑", null, Now));
        Assert.Contains("3条", Assert.Throws<DomainException>(() => c.PublishFeedback(ok with { NotAdopted = 2 }, 3, 0, july, "编辑", null, Now)).Message);
        Assert.Contains("未采纳", Assert.Throws<DomainException>(() => c.PublishFeedback(ok with { NotAdoptedReason = " " }, 3, 0, july, "编辑", null, Now)).Message);
        Assert.Contains("待审核", Assert.Throws<DomainException>(() => c.PublishFeedback(ok, 3, 2, july, "编辑", null, Now)).Message);
        c.PublishFeedback(ok, 3, 0, july, "编辑", null, Now);
        Assert.Equal(ConsultationPhase.FeedbackPublished, c.PhaseOn(july));
        Assert.Equal(3, c.ReceivedCount);
        Assert.Throws<DomainException>(() => c.PublishFeedback(ok, 3, 0, july, "编辑", null, Now));
    }

    [Fact]
    public void RemoveContacts_OnlyAfterTheRetentionPeriod()
    {
        var c = Opened();
        Assert.Equal(D("2028-07-01"), ConsultationRules.ContactsRemovableOn(D("2026-06-30"), 24));
        Assert.Throws<DomainException>(() => c.RemoveContacts(D("2028-06-30"), 24, Now));
        c.RemoveContacts(D("2028-07-01"), 24, Now);
        Assert.NotNull(c.ContactsRemovedAt);
    }

    [Fact]
    public void Results_TallyEachOption()
    {
        var c = Opened([new("是否同意？", QuestionKind.SingleChoice, ["同意", "不同意"])]);
        var results = QuestionnaireResults.Tally(c.Questions, [(1, 0, 0), (2, 0, 0), (3, 0, 1)]);
        Assert.Equal([2, 1], results[0].Options.Select(o => o.Count));
        Assert.Equal(3, results[0].Respondents);
    }

    [Theory]
    [InlineData(ConsultationState.Draft, true)]
    [InlineData(ConsultationState.Submitted, false)]
    [InlineData(ConsultationState.Approved, false)]
    [InlineData(ConsultationState.FeedbackPublished, false)]
    public void Attachments_ChangeOnlyWhileADraft_SoWhatTheOfficeApprovedIsWhatThePublicReads(ConsultationState state, bool editable) =>
        Assert.Equal(editable, ConsultationRules.AttachmentsEditable(state));

    [Fact]
    public void Attachment_RefusesAMissingNameOrANegativeSize()
    {
        Assert.ThrowsAny<Exception>(() => new ConsultationAttachment(1, " ", "application/pdf", 10, "k", "s", Now, "编辑"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsultationAttachment(1, "办法.pdf", "application/pdf", -1, "k", "s", Now, "编辑"));
    }
}
