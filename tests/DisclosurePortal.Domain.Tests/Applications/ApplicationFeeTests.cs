using DisclosurePortal.Domain.Applications;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Applications;

/// <summary>The fee notice (条例 Art. 42; 国办函〔2020〕109号 Art. 7) on a case that runs across the 2026 Mid-Autumn and National Day holidays.</summary>
public sealed class ApplicationFeeTests
{
    private static readonly FeeTiers Tiers = FeeTiers.StateCouncil2020;

    private static DateTimeOffset At(string date) => new(D(date).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    /// <summary>Confirmed Mon 14 Sep 2026: 20 working days, with Sun 20 Sep worked, 25–27 Sep and 1–7 Oct off and Sat 10 Oct worked, end Fri 16 Oct.</summary>
    private static ApplicationCase Received()
    {
        var c = ApplicationCase.Submit(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.CommercialEnterprise,
            ApplicantName = "青川某某建筑有限公司",
            IdentityNumber = "91350100M000100Y43",
            Contact = "0839-0000000",
            InformationDescription = "2021年至2025年全县各乡镇道路工程招标文件",
        }, "FEE2M9XW4P7Q", At("2026-09-13"));
        c.ConfirmReceipt(D("2026-09-14"), "王审核", At("2026-09-14"), China2025To2026, D("2026-09-14"));
        Assert.Equal(D("2026-10-16"), c.DueOn);
        return c;
    }

    [Fact]
    public void FeeNotice_PausesTheReplyPeriod_UntilPayment_AcrossNationalDay()
    {
        var c = Received();
        c.NotifyFee(D("2026-09-22"), items: 5, itemsEarlierThisMonth: 8, Tiers, "王审核", At("2026-09-22"), China2025To2026, D("2026-09-22"));

        Assert.Equal(ApplicationState.AwaitingFee, c.State);
        Assert.Equal(300m, c.FeeAmount);                    // items 9–13 of the month: 11, 12 and 13 cost ¥100 each
        Assert.Equal(5, c.ItemCount);
        Assert.Equal(D("2026-10-27"), c.FeePaymentDeadline); // 20 working days after the notice, National Day skipped, Sat 10 Oct counted
        Assert.Equal([CaseAction.RecordFeePayment, CaseAction.CloseFeeUnpaid], c.AllowedActions());

        // While unpaid the due date is provisional: it moves on by the working days paused so far.
        var waiting = c.Deadline(China2025To2026, D("2026-10-09"))!;
        Assert.True(waiting.Provisional);
        Assert.Equal(D("2026-10-27"), waiting.DueOn);

        c.RecordFeePayment(D("2026-10-09"), "王审核", At("2026-10-09"), China2025To2026, D("2026-10-09"));
        Assert.Equal(ApplicationState.InProgress, c.State);
        // Paused: 23, 24, 28, 29, 30 Sep and 8, 9 Oct = 7 working days; 16 Oct + 7 working days = 27 Oct.
        Assert.Equal(D("2026-10-27"), c.DueOn);
        var explained = c.Deadline(China2025To2026, D("2026-10-12"))!;
        Assert.False(explained.Provisional);
        Assert.Contains(explained.Steps, s => s.Contains("2026年9月22日发出收费通知，申请人于2026年10月9日缴费，其间7个工作日不计入答复期限", StringComparison.Ordinal));
        Assert.DoesNotContain(CaseAction.NotifyFee, c.AllowedActions()); // one notice per application
        Assert.Equal(D("2026-10-27"), c.Events.Single(e => e.Kind == ApplicationEventKind.FeePaid).DueOnAfter);
    }

    [Fact]
    public void UnpaidFee_ClosesAs其他处理_OnlyAfterThePaymentDeadline()
    {
        var c = Received();
        c.NotifyFee(D("2026-09-22"), 12, 0, Tiers, "王审核", At("2026-09-22"), China2025To2026, D("2026-09-22"));
        Assert.Equal(200m, c.FeeAmount);

        var early = Assert.Throws<DomainException>(() => c.CloseFeeUnpaid("王审核", At("2026-10-27"), D("2026-10-27")));
        Assert.Contains("尚未届满", early.Message, StringComparison.Ordinal);
        var late = Assert.Throws<DomainException>(() => c.RecordFeePayment(D("2026-10-28"), "王审核", At("2026-10-28"), China2025To2026, D("2026-10-28")));
        Assert.Contains("已过", late.Message, StringComparison.Ordinal);

        c.CloseFeeUnpaid("王审核", At("2026-10-28"), D("2026-10-28"));
        Assert.Equal(ApplicationState.Closed, c.State);
        Assert.Equal(ReplyType.OtherFeeUnpaid, c.ReplyType);
        Assert.Equal(D("2026-10-28"), c.ClosedOn);
        Assert.Empty(c.AllowedActions());
    }

    [Fact]
    public void FeeNotice_WithinTheFreeItems_IsRefused()
    {
        var c = Received();
        var ex = Assert.Throws<DomainException>(() => c.NotifyFee(D("2026-09-22"), 5, 3, Tiers, "王审核", At("2026-09-22"), China2025To2026, D("2026-09-22")));
        Assert.Contains("不收取信息处理费", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.InProgress, c.State);
        Assert.Equal(0m, c.FeeAmount);
    }

    [Theory]
    [InlineData("2026-10-19", 12)] // after the reply due date (16 Oct)
    [InlineData("2026-09-11", 12)] // before the application was received
    [InlineData("2026-09-22", 0)]
    [InlineData("2026-09-22", 1001)]
    public void FeeNotice_OutsideThePeriodOrWithABadItemCount_IsRefused(string noticeOn, int items)
    {
        var c = Received();
        Assert.Throws<DomainException>(() => c.NotifyFee(D(noticeOn), items, 0, Tiers, "王审核", At("2026-10-19"), China2025To2026, D("2026-10-19")));
        Assert.Null(c.FeeNotifiedOn);
    }

    [Fact]
    public void FeeUnpaid_IsAClosing_NotAReplyType()
    {
        var c = Received();
        Assert.Throws<DomainException>(() => c.Reply(ReplyType.OtherFeeUnpaid, "答复", D("2026-09-30"), "王审核", At("2026-09-30")));
    }

    [Fact]
    public void FeeTiers_FromConfiguration_AreChecked()
    {
        Assert.Empty(FeeTiers.StateCouncil2020.Problems());
        Assert.NotEmpty(new FeeTiers(StepItems: 0).Problems());
        Assert.NotEmpty(new FeeTiers(FreeItems: 40, FirstTierLastItem: 30).Problems());
        Assert.NotEmpty(new FeeTiers(BaseYuan: -1m).Problems());
    }
}

/// <summary>ADR 8: a corrected calendar changes stored due dates only by an explicit, recorded action.</summary>
public sealed class CalendarCorrectionTests
{
    [Fact]
    public void ACorrectedCalendar_ChangesTheStoredDueDate_OnlyWhenApplied_AndSaysSo()
    {
        // Entered by mistake without Sat 10 Oct 2026 as a working day: 20 working days from Mon 14 Sep end on Mon 19 Oct.
        var days = Enumerable.Range(0, 730).Select(i => D("2025-01-01").AddDays(i)).ToList();
        var mistaken = new Domain.Calendar.WorkingCalendar([2025, 2026],
            days.Where(China2025To2026.IsHoliday), days.Where(d => China2025To2026.IsAdjustedWorkday(d) && d != D("2026-10-10")));
        var c = ApplicationCase.Submit(new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "李四", Contact = "13900000000", InformationDescription = "某小区规划许可证", Channel = ApplicationChannel.Online,
        }, "CAL2M9XW4P7Q", new DateTimeOffset(2026, 9, 13, 2, 0, 0, TimeSpan.Zero));
        c.ConfirmReceipt(D("2026-09-14"), "王审核", new DateTimeOffset(2026, 9, 14, 2, 0, 0, TimeSpan.Zero), mistaken, D("2026-09-14"));
        Assert.Equal(D("2026-10-19"), c.DueOn);
        Assert.Null(c.CorrectedDueOn(mistaken, D("2026-09-20")));

        Assert.Equal(D("2026-10-16"), c.CorrectedDueOn(China2025To2026, D("2026-09-20")));
        Assert.Equal(D("2026-10-19"), c.DueOn); // not changed by looking

        c.ApplyCalendarCorrection("王审核", new DateTimeOffset(2026, 9, 21, 2, 0, 0, TimeSpan.Zero), China2025To2026, D("2026-09-21"));
        Assert.Equal(D("2026-10-16"), c.DueOn);
        var note = c.Events[^1];
        Assert.Equal(ApplicationEventKind.Note, note.Kind);
        Assert.Contains("由2026-10-19调整为2026-10-16", note.Note, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => c.ApplyCalendarCorrection("王审核", DateTimeOffset.UtcNow, China2025To2026, D("2026-09-21")));
    }
}
