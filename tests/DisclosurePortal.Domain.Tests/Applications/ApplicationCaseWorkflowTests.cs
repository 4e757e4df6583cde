using DisclosurePortal.Domain.Applications;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Applications;

public sealed class ApplicationCaseWorkflowTests
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 1, 25, 3, 0, 0, TimeSpan.Zero); // Sun 25 Jan 2026, 11:00 in China

    private static ApplicationCase Online() => ApplicationCase.Submit(new ApplicationDetails
    {
        ApplicantKind = ApplicantKind.NaturalPerson,
        ApplicantName = "张三",
        IdentityNumber = "11010519491231002X",
        Contact = "13800000000",
        InformationDescription = "2025年农村危房改造补助资金发放明细",
        Channel = ApplicationChannel.Online,
    }, "K7Q2M9XW4P", SubmittedAt);

    private static DateTimeOffset At(string date) => new(D(date).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    [Fact]
    public void TheNextStep_IsTheOneTheLawExpects_WithItsAlternativeWhileTheLawOffersOne()
    {
        var c = Online();
        Assert.Equal(new NextStep(CaseAction.ConfirmReceipt, c.NextStep(true)!.Why, null), c.NextStep(true));
        Assert.Contains("第三十一条", c.NextStep(true)!.Why, StringComparison.Ordinal);

        c.ConfirmReceipt(D("2026-01-26"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"));
        // Within the 7 working days of Art. 30: answer, or ask once for a supplement.
        Assert.Equal((CaseAction.Reply, (CaseAction?)CaseAction.RequestSupplement), (c.NextStep(true)!.Action, c.NextStep(true)!.Alternative));
        Assert.Contains("7个工作日", c.NextStep(true)!.Why, StringComparison.Ordinal);
        // Once they have run out, the answer alone.
        Assert.Equal((CaseAction.Reply, (CaseAction?)null), (c.NextStep(false)!.Action, c.NextStep(false)!.Alternative));

        c.RequestSupplement(D("2026-01-28"), D("2026-02-11"), "请写明所需信息的具体年份和乡镇", "王审核", At("2026-01-28"), China2025To2026, D("2026-01-28"));
        Assert.Equal((CaseAction.ReceiveSupplement, (CaseAction?)CaseAction.CloseUnsupplemented), (c.NextStep(true)!.Action, c.NextStep(true)!.Alternative));
        c.ReceiveSupplement(D("2026-02-06"), "王审核", At("2026-02-06"), China2025To2026, D("2026-02-06"));
        Assert.Equal((CaseAction.Reply, (CaseAction?)null), (c.NextStep(true)!.Action, c.NextStep(true)!.Alternative)); // one notice only

        c.Reply(ReplyType.Disclosed, "现予以提供。", D("2026-02-10"), "王审核", At("2026-02-10"));
        Assert.Equal(CaseAction.Deliver, c.NextStep(true)!.Action);
        c.Deliver(D("2026-02-11"), DeliveryMethod.Email, "王审核", At("2026-02-11"));
        Assert.Null(c.NextStep(true));
    }

    [Fact]
    public void OneCase_Supplement_Consultation_Extension_Reply_AcrossTheSpringFestival()
    {
        var c = Online();
        Assert.Equal([CaseAction.ConfirmReceipt], c.AllowedActions());
        Assert.Null(c.DueOn);

        c.ConfirmReceipt(D("2026-01-26"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"));
        Assert.Equal(ApplicationState.InProgress, c.State);
        Assert.Equal(ChinaAdd(D("2026-01-26"), 20), c.DueOn);

        c.RequestSupplement(D("2026-01-28"), D("2026-02-11"), "请写明所需信息的具体年份和乡镇", "王审核", At("2026-01-28"), China2025To2026, D("2026-01-28"));
        Assert.Equal([CaseAction.ReceiveSupplement, CaseAction.CloseUnsupplemented], c.AllowedActions());

        c.ReceiveSupplement(D("2026-02-06"), "王审核", At("2026-02-06"), China2025To2026, D("2026-02-06"));
        Assert.Equal(D("2026-03-12"), c.DueOn);                        // 20 working days from the supplement
        Assert.DoesNotContain(CaseAction.RequestSupplement, c.AllowedActions()); // one notice only

        c.SendConsultation(D("2026-02-12"), "第三方：某建筑公司", "王审核", At("2026-02-12"), China2025To2026, D("2026-02-12"));
        Assert.Equal(ApplicationState.InConsultation, c.State);
        c.ReceiveConsultation(D("2026-03-03"), "第三方同意公开", "王审核", At("2026-03-03"), China2025To2026, D("2026-03-03"));
        Assert.Equal(D("2026-03-25"), c.DueOn);                        // 9 working days paused

        c.Extend(15, "需要汇总多个乡镇数据", "县政务公开办主任 刘某", D("2026-03-20"), "王审核", At("2026-03-20"), China2025To2026, D("2026-03-20"));
        Assert.Equal(D("2026-04-16"), c.DueOn);
        Assert.DoesNotContain(CaseAction.Extend, c.AllowedActions());  // one extension only

        c.Reply(ReplyType.PartiallyDisclosed, "经审查，现将可以公开的部分提供给您。", D("2026-04-10"), "王审核", At("2026-04-10"));
        Assert.EndsWith(ApplicationCase.Remedy, c.ReplyLetter, StringComparison.Ordinal);
        c.Deliver(D("2026-04-13"), DeliveryMethod.Email, "王审核", At("2026-04-13"));
        Assert.Equal(ApplicationState.Closed, c.State);
        Assert.Empty(c.AllowedActions());

        Assert.Equal(
            [ApplicationEventKind.Submitted, ApplicationEventKind.ReceiptConfirmed, ApplicationEventKind.SupplementRequested, ApplicationEventKind.SupplementReceived,
             ApplicationEventKind.ConsultationSent, ApplicationEventKind.ConsultationAnswered, ApplicationEventKind.Extended, ApplicationEventKind.Replied, ApplicationEventKind.Delivered],
            c.Events.Select(e => e.Kind));
        Assert.Equal(D("2026-04-16"), c.Events.Single(e => e.Kind == ApplicationEventKind.Extended).DueOnAfter);
        Assert.Equal(D("2026-03-25"), c.Events.Single(e => e.Kind == ApplicationEventKind.ConsultationAnswered).DueOnAfter);

        var explained = c.Deadline(China2025To2026, D("2026-04-13"))!;
        Assert.Equal(D("2026-04-16"), explained.DueOn);
        Assert.Equal(4, explained.Steps.Count);
    }

    [Fact]
    public void ASecondExtension_IsRefused()
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-01-26"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"));
        c.Extend(5, "理由", "刘主任", D("2026-02-02"), "王审核", At("2026-02-02"), China2025To2026, D("2026-02-02"));
        var ex = Assert.Throws<DomainException>(() => c.Extend(5, "再延", "刘主任", D("2026-02-03"), "王审核", At("2026-02-03"), China2025To2026, D("2026-02-03")));
        Assert.Contains("不能延期答复", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "理由", "刘主任")]
    [InlineData(21, "理由", "刘主任")]
    [InlineData(10, " ", "刘主任")]
    [InlineData(10, "理由", "")]
    public void Extension_NeedsDaysWithinTwenty_AReason_AndAnApprover(int days, string reason, string approver)
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-01-26"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"));
        Assert.Throws<DomainException>(() => c.Extend(days, reason, approver, D("2026-02-02"), "王审核", At("2026-02-02"), China2025To2026, D("2026-02-02")));
        Assert.Null(c.ExtensionWorkingDays);
    }

    [Fact]
    public void NoSupplement_CanBeClosedOnlyAfterTheApplicantsDeadline()
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-01-26"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"));
        c.RequestSupplement(D("2026-01-27"), D("2026-02-10"), "写明年份。", "王审核", At("2026-01-27"), China2025To2026, D("2026-01-27"));
        Assert.EndsWith("写明年份；请于2026-02-10前补正。", c.Events[^1].Note, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => c.CloseUnsupplemented("王审核", At("2026-02-10"), D("2026-02-10")));
        c.CloseUnsupplemented("王审核", At("2026-02-11"), D("2026-02-11"));
        Assert.Equal(ReplyType.OtherNoSupplement, c.ReplyType);
        Assert.Equal(ApplicationState.Closed, c.State);
    }

    [Fact]
    public void IllegalTransitions_AreRefusedWithReadableMessages()
    {
        var c = Online();
        var ex = Assert.Throws<DomainException>(() => c.Reply(ReplyType.Disclosed, "答复", D("2026-01-26"), "王审核", At("2026-01-26")));
        Assert.Equal("申请当前状态为“待确认收到”，不能答复。", ex.Message);
        Assert.Throws<DomainException>(() => c.ConfirmReceipt(D("2026-01-24"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"))); // before it was submitted
        Assert.Throws<DomainException>(() => c.ConfirmReceipt(D("2026-01-27"), "王审核", At("2026-01-26"), China2025To2026, D("2026-01-26"))); // in the future
        Assert.Equal(ApplicationState.AwaitingConfirmation, c.State);
    }

    [Fact]
    public void PaperApplications_AreReceivedWhenRegistered()
    {
        var c = ApplicationCase.Register(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.CommercialEnterprise,
            ApplicantName = "青川县某建材有限公司",
            Contact = "0839-0000000",
            InformationDescription = "2025年度政府采购项目中标结果",
            Channel = ApplicationChannel.Mail,
        }, "M3N8P2Q7R5", D("2025-09-30"), "王审核", At("2025-10-09"), China2025To2026, D("2025-10-09"));
        Assert.Equal(D("2025-09-30"), c.ReceivedOn);
        Assert.Equal(D("2025-11-04"), c.DueOn);
        Assert.Contains("签收之日", c.Events[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void AConsultationRecordedAfterTheFact_ShowsTheDueDateAsItStoodThatDay()
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-03-02"), "王审核", At("2026-03-02"), China2025To2026, D("2026-03-02"));
        var due = ChinaAdd(D("2026-03-02"), 20); // Mon 30 Mar
        // Sent on Wed 4 Mar, recorded a week later on Wed 11 Mar: 5 working days are paused by then.
        c.SendConsultation(D("2026-03-04"), "第三方：某公司", "王审核", At("2026-03-11"), China2025To2026, D("2026-03-11"));
        Assert.Equal(due, c.Events[^1].DueOnAfter);          // on 4 Mar nothing was paused yet
        Assert.Equal(ChinaAdd(due, 5), c.DueOn);             // today's provisional date counts the days paused since
        // Answered on Fri 6 Mar, recorded on 11 Mar: 2 working days paused, whatever day it is recorded.
        c.ReceiveConsultation(D("2026-03-06"), "同意公开", "王审核", At("2026-03-11"), China2025To2026, D("2026-03-11"));
        Assert.Equal(ChinaAdd(due, 2), c.Events[^1].DueOnAfter);
        Assert.Equal(ChinaAdd(due, 2), c.DueOn);
    }

    [Fact]
    public void AnExtensionDuringAConsultation_RecordedLater_ShowsTheDueDateOfItsOwnDay()
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-03-02"), "王审核", At("2026-03-02"), China2025To2026, D("2026-03-02"));
        c.SendConsultation(D("2026-03-04"), "第三方：某公司", "王审核", At("2026-03-04"), China2025To2026, D("2026-03-04"));
        c.Extend(10, "涉及多个乡镇", "刘主任", D("2026-03-04"), "王审核", At("2026-03-11"), China2025To2026, D("2026-03-11"));
        Assert.Equal(ChinaAdd(ChinaAdd(D("2026-03-02"), 20), 10), c.Events[^1].DueOnAfter);
    }

    [Fact]
    public void WhileASupplementIsAwaited_NoReplyPeriodRuns_AndTheApplicantsDeadlineIsTheDateToWatch()
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-03-02"), "王审核", At("2026-03-02"), China2025To2026, D("2026-03-02"));
        Assert.True(ApplicationStates.ReplyPeriodRuns(c.State));
        c.RequestSupplement(D("2026-03-04"), D("2026-03-18"), "写明年份", "王审核", At("2026-03-04"), China2025To2026, D("2026-03-04"));
        Assert.False(ApplicationStates.ReplyPeriodRuns(c.State));
        var deadline = c.Deadline(China2025To2026, D("2026-04-20"))!; // long after the old reply date: still not "overdue"
        Assert.Equal(D("2026-03-18"), deadline.SupplementBy);
        Assert.Contains("等待补正期间答复期限不计算", deadline.Steps[^1], StringComparison.Ordinal);
        Assert.Contains("条例第三十条", deadline.Steps[^1], StringComparison.Ordinal);

        c.ReceiveSupplement(D("2026-03-16"), "王审核", At("2026-03-16"), China2025To2026, D("2026-03-16"));
        Assert.True(ApplicationStates.ReplyPeriodRuns(c.State));
        Assert.Null(c.Deadline(China2025To2026, D("2026-03-16"))!.SupplementBy);
        Assert.Equal(ChinaAdd(D("2026-03-16"), 20), c.DueOn);
    }

    [Fact]
    public void SupplementNoticeDue_IsShownFromReceiptUntilTheNotice()
    {
        var c = Online();
        Assert.Null(c.SupplementNoticeDue(China2025To2026)); // not received yet
        c.ConfirmReceipt(D("2026-03-09"), "王审核", At("2026-03-09"), China2025To2026, D("2026-03-09"));
        Assert.Equal(D("2026-03-18"), c.SupplementNoticeDue(China2025To2026)); // 7 working days: 10–13, 16–18 Mar
        c.Assign(3, "住建局", "王审核", At("2026-03-10"));
        Assert.Equal(D("2026-03-18"), c.SupplementNoticeDue(China2025To2026)); // the department may still find it unclear
        c.RequestSupplement(D("2026-03-11"), D("2026-03-25"), "写明年份", "王审核", At("2026-03-11"), China2025To2026, D("2026-03-11"));
        Assert.Null(c.SupplementNoticeDue(China2025To2026));
    }

    [Fact]
    public void SupplementNoticeDue_NoLongerMatters_OnceAThirdPartyIsConsulted()
    {
        var c = Online();
        c.ConfirmReceipt(D("2026-03-09"), "王审核", At("2026-03-09"), China2025To2026, D("2026-03-09"));
        c.SendConsultation(D("2026-03-10"), "第三方：某公司", "王审核", At("2026-03-10"), China2025To2026, D("2026-03-10"));
        Assert.Null(c.SupplementNoticeDue(China2025To2026));
        c.ReceiveConsultation(D("2026-03-12"), null, "王审核", At("2026-03-12"), China2025To2026, D("2026-03-12"));
        Assert.Null(c.SupplementNoticeDue(China2025To2026)); // back in progress, but past that point
    }

    [Fact]
    public void FirstReceiptWithNoticeDueFrom_SplitsTheReceivedDates()
    {
        Assert.Equal(D("2026-03-09"), ReplyDeadline.FirstReceiptWithNoticeDueFrom(D("2026-03-18"), China2025To2026));
        Assert.Equal(D("2026-03-05"), ReplyDeadline.FirstReceiptWithNoticeDueFrom(D("2026-03-16"), China2025To2026));
        for (var day = D("2025-01-01"); day <= D("2027-02-28"); day = day.AddDays(1))
        {
            var first = ReplyDeadline.FirstReceiptWithNoticeDueFrom(day, China2025To2026);
            Assert.True(ReplyDeadline.SupplementNoticeDue(first, China2025To2026) >= day, $"{day}");
            Assert.True(ReplyDeadline.SupplementNoticeDue(first.AddDays(-1), China2025To2026) < day, $"{day}");
        }
    }

    private static DateOnly ChinaAdd(DateOnly from, int days) => China2025To2026.AddWorkingDays(from, days);
}
