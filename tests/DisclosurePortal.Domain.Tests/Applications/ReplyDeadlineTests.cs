using DisclosurePortal.Domain.Applications;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Applications;

/// <summary>条例 Arts. 30–33 on the real 2025–2026 calendar (expected dates cross-checked by an independent count).</summary>
public sealed class ReplyDeadlineTests
{
    private static readonly DateOnly Today = D("2026-11-22");

    private static DeadlineExplanation Compute(DeadlineFacts facts, string? today = null) =>
        ReplyDeadline.Compute(facts, China2025To2026, today is null ? Today : D(today));

    [Fact]
    public void Reply_IsDueOnTheTwentiethWorkingDay_NotCountingTheReceivedDay_AcrossNationalDay()
    {
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2025-09-30") });
        Assert.Equal(D("2025-11-04"), result.DueOn);
        var explained = string.Join("", result.Steps);
        Assert.Contains("收到申请之日为2025年9月30日", explained, StringComparison.Ordinal);
        Assert.Contains("2025年10月1日至2025年10月8日为节假日，不计入", explained, StringComparison.Ordinal);
        Assert.Contains("2025年10月11日（星期六）调休上班，计入", explained, StringComparison.Ordinal);
        Assert.Contains("答复期限为2025年11月4日", explained, StringComparison.Ordinal);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Reply_AcrossTheSpringFestival_CountsTheWorkedSaturdays()
    {
        // 15–23 Feb 2026 off; Sat 14 Feb and Sat 28 Feb worked.
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2026-02-10") });
        Assert.Equal(D("2026-03-16"), result.DueOn);
        var explained = string.Join("", result.Steps);
        Assert.Contains("2026年2月15日至2026年2月23日为节假日", explained, StringComparison.Ordinal);
        Assert.Contains("2026年2月14日（星期六）、2026年2月28日（星期六）调休上班", explained, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementNotice_IsDueWithinSevenWorkingDaysOfReceipt() =>
        Assert.Equal(D("2026-02-26"), ReplyDeadline.SupplementNoticeDue(D("2026-02-10"), China2025To2026));

    [Fact]
    public void Supplement_RestartsTheTwentyWorkingDays_FromTheDayItArrives()
    {
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2026-01-05"), SupplementReceivedOn = D("2026-02-13") });
        Assert.Equal(D("2026-03-19"), result.DueOn);
        Assert.Contains("答复期限自收到补正之日重新计算", result.Steps[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Consultation_PausesTheClock_ForExactlyItsWorkingDays()
    {
        // Sent Thu 25 Sep 2025, answered Fri 10 Oct: 26 Sep, Sun 28 Sep (worked), 29, 30 Sep, 9, 10 Oct = 6 working days.
        var result = Compute(new DeadlineFacts
        {
            ReceivedOn = D("2025-09-15"),
            Consultations = [new Consultation(D("2025-09-25"), D("2025-10-10"))],
        });
        Assert.Equal(D("2025-10-27"), result.DueOn);
        Assert.Contains("其间6个工作日不计入答复期限", result.Steps[2], StringComparison.Ordinal);
        Assert.Contains("由2025年10月17日顺延至2025年10月27日", result.Steps[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Consultation_WithoutAnAnswer_PausesAtMostFifteenWorkingDays()
    {
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2025-09-15"), Consultations = [new Consultation(D("2025-09-25"), null)] }, "2025-11-01");
        Assert.Equal(ChinaAdd(D("2025-10-17"), 15), result.DueOn);
        Assert.Contains("2025年10月22日前", result.Steps[2], StringComparison.Ordinal);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Consultation_StillOpen_GivesAProvisionalDate()
    {
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2026-09-14"), Consultations = [new Consultation(D("2026-09-21"), null)] }, "2026-09-30");
        Assert.True(result.Provisional);
        Assert.Contains("尚未收到意见", result.Steps[2], StringComparison.Ordinal);
        Assert.Contains("已暂停6个工作日", result.Steps[2], StringComparison.Ordinal);
        Assert.Contains("2026年10月19日届满", result.Steps[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_CountsOnFromTheCurrentDueDate()
    {
        var result = Compute(new DeadlineFacts
        {
            ReceivedOn = D("2025-09-15"),
            Consultations = [new Consultation(D("2025-09-25"), D("2025-10-10"))],
            ExtensionWorkingDays = 20,
        });
        Assert.Equal(D("2025-11-24"), result.DueOn);
        Assert.Contains("自2025年10月27日起延长20个工作日，为2025年11月24日", result.Steps[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementRestart_ConsultationPause_AndExtension_OnOneCase_AcrossTheSpringFestivalAndQingming()
    {
        // Received 26 Jan 2026; supplement arrives Fri 6 Feb → due 12 Mar; consultation 12 Feb – 3 Mar pauses 9 working
        // days (13, Sat 14, 24–27, Sat 28 Feb, 2, 3 Mar) → 25 Mar; extended 15 working days past Qingming (4–6 Apr) → 16 Apr.
        var result = Compute(new DeadlineFacts
        {
            ReceivedOn = D("2026-01-26"),
            SupplementReceivedOn = D("2026-02-06"),
            Consultations = [new Consultation(D("2026-02-12"), D("2026-03-03"))],
            ExtensionWorkingDays = 15,
        });
        Assert.Equal(D("2026-04-16"), result.DueOn);
        Assert.Equal(4, result.Steps.Count);
        Assert.Contains("答复期限为2026年3月12日", result.Steps[1], StringComparison.Ordinal);
        Assert.Contains("其间9个工作日不计入", result.Steps[2], StringComparison.Ordinal);
        Assert.Contains("2026年4月4日至2026年4月6日为节假日", result.Steps[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(-1)]
    public void Extension_OfMoreThanTwentyWorkingDays_IsRefused(int days) =>
        Assert.Throws<DomainException>(() => Compute(new DeadlineFacts { ReceivedOn = D("2025-09-15"), ExtensionWorkingDays = days }));

    [Fact]
    public void ImpossibleFacts_AreRefusedWithReadableMessages()
    {
        Assert.Contains("收到补正之日", Assert.Throws<DomainException>(() => Compute(new DeadlineFacts { ReceivedOn = D("2025-09-15"), SupplementReceivedOn = D("2025-09-01") })).Message, StringComparison.Ordinal);
        Assert.Contains("收到意见之日", Assert.Throws<DomainException>(() => Compute(new DeadlineFacts { ReceivedOn = D("2025-09-15"), Consultations = [new Consultation(D("2025-09-20"), D("2025-09-19"))] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearWithoutASchedule_CountsItsStatutoryHolidays_IsProvisional_AndSaysSo()
    {
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2026-12-20") });
        // 21–25, 28–31 Dec 2026 (9), then 2027 with its statutory holidays only: 元旦 (Fri 1 Jan) is skipped; 4–8, 11–15, 18 Jan.
        Assert.Equal(D("2027-01-18"), result.DueOn);
        Assert.True(result.Provisional);
        Assert.Contains("2027年的节假日安排尚未录入", result.Steps[^1], StringComparison.Ordinal);
        Assert.Contains("元旦1月1日", result.Steps[^1], StringComparison.Ordinal);
        Assert.Contains("调休", result.Steps[^1], StringComparison.Ordinal);
        Assert.Contains("无法事先推算", result.Steps[^1], StringComparison.Ordinal);
        Assert.Contains("2027年1月1日为节假日", result.Steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ReceivedOn4December2026_IsDueAfterNewYear2027_Provisionally()
    {
        // 20 working days after Fri 4 Dec 2026: 7–11, 14–18, 21–25, 28–31 Dec (19), then 元旦 2027 is skipped: Mon 4 Jan.
        var result = Compute(new DeadlineFacts { ReceivedOn = D("2026-12-04") });
        Assert.Equal(D("2027-01-04"), result.DueOn);
        Assert.True(result.Provisional);
    }

    [Fact]
    public void AllYearsEntered_IsNotProvisional() =>
        Assert.False(Compute(new DeadlineFacts { ReceivedOn = D("2026-03-02") }).Provisional);

    [Fact]
    public void OverdueAndDueSoon_AreDerivedFromTheDates()
    {
        var due = D("2025-11-04");
        Assert.False(ReplyDeadline.IsOverdue(due, due));
        Assert.True(ReplyDeadline.IsOverdue(due, D("2025-11-05")));
        Assert.True(ReplyDeadline.IsDueSoon(due, D("2025-10-31"), China2025To2026));  // 3 working days left
        Assert.False(ReplyDeadline.IsDueSoon(due, D("2025-10-29"), China2025To2026)); // 4 working days left
        Assert.False(ReplyDeadline.IsDueSoon(due, D("2025-11-05"), China2025To2026)); // overdue, not "soon"
    }

    private static DateOnly ChinaAdd(DateOnly from, int days) => China2025To2026.AddWorkingDays(from, days);
}
