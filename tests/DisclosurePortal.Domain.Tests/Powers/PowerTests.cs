using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Powers;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Powers;

public sealed class PowerTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static PowerDraft Draft(string name = "建筑工程施工许可", string office = "审批股") => new()
    {
        Name = name,
        Category = PowerCategory.Licensing,
        LegalBasis = "《中华人民共和国建筑法》第七条",
        Office = office,
        Steps = [new("窗口", "受理申请", "即时"), new("审批股", "审查", "5个工作日"), new("分管领导", "决定", null)],
    };

    private static Power Published(string on = "2026-08-03")
    {
        var p = Power.Create(3, Draft(), "编辑", "u1", Now);
        p.Submit("编辑", "u1", Now);
        p.Approve(D(on), "审核员", "u2", Now);
        return p;
    }

    [Fact]
    public void FlowchartDueOn_IsTwentyWorkingDaysAfterTheChange_OnTheCalendar()
    {
        // 2026-09-21 (Mon) + 20 working days: the 25–27 Sep 中秋 days are off, the 10 Oct 调休 Saturday works,
        // 1–7 Oct 国庆 are off: 22–24 Sep (3), 28–30 Sep (6), 8–9 Oct (8), 10 Oct (9), 12–16 Oct (14), 19–23 Oct (19), 26 Oct (20).
        Assert.Equal(D("2026-10-26"), PowerRules.FlowchartDueOn(D("2026-09-21"), China2025To2026));
        // Weekdays only the same change would be due four weeks later: the holidays move it.
        Assert.Equal(D("2026-10-19"), PowerRules.FlowchartDueOn(D("2026-09-21"), WorkingCalendar.WeekdaysOnly));
    }

    [Theory]
    [InlineData("2026-10-01", null, FlowchartTimeliness.Pending)]
    [InlineData("2026-10-22", null, FlowchartTimeliness.DueSoon)]
    [InlineData("2026-10-26", null, FlowchartTimeliness.DueSoon)]
    [InlineData("2026-10-27", null, FlowchartTimeliness.Overdue)]
    [InlineData("2026-10-27", "2026-10-26", FlowchartTimeliness.OnTime)]
    [InlineData("2026-10-28", "2026-10-27", FlowchartTimeliness.Late)]
    public void Timeliness_IsDerivedFromTheDueDayAndThePublicationDay(string today, string? published, FlowchartTimeliness expected) =>
        Assert.Equal(expected, PowerRules.Timeliness(D("2026-10-26"), published is null ? null : D(published), D(today), China2025To2026));

    [Fact]
    public void FirstVersion_IsPublicOnlyAfterApproval_AndHasNoFlowchartDeadline()
    {
        var p = Power.Create(3, Draft(), "编辑", "u1", Now);
        Assert.Null(p.Published);
        p.Submit("编辑", "u1", Now);
        Assert.Null(p.Published);
        p.Approve(D("2026-08-03"), "审核员", "u2", Now);
        Assert.Equal(D("2026-08-03"), p.Published!.PublishedOn);
        Assert.Null(p.FlowchartDeadline(D("2026-09-01"), China2025To2026));
        Assert.Equal(3, p.Published.Flowchart().Steps.Count);
    }

    [Fact]
    public void Change_ToAPublicPower_KeepsThePublicVersion_UntilApproved_AndStartsTheDeadline()
    {
        var p = Published();
        p.Save(Draft(office: "行政审批股"), D("2026-09-21"), D("2026-09-22"), "编辑", "u1", Now);
        Assert.Equal("审批股", p.Published!.Office);
        Assert.Equal((D("2026-10-26"), FlowchartTimeliness.Pending), p.FlowchartDeadline(D("2026-09-22"), China2025To2026));
        Assert.Equal(FlowchartTimeliness.Overdue, p.FlowchartDeadline(D("2026-10-27"), China2025To2026)!.Value.Status);

        p.Submit("编辑", "u1", Now);
        p.Approve(D("2026-10-20"), "审核员", "u2", Now);
        Assert.Equal("行政审批股", p.Published!.Office);
        Assert.Equal(FlowchartTimeliness.OnTime, p.FlowchartDeadline(D("2026-11-30"), China2025To2026)!.Value.Status);
        Assert.Equal([PowerRevisionState.Superseded, PowerRevisionState.Published], p.Revisions.Select(r => r.State));
    }

    [Fact]
    public void Change_ToAPublicPower_WithoutItsDate_OrDatedInTheFuture_IsRefused()
    {
        var p = Published();
        Assert.Equal("请填写权力事项发生变化的日期。", Assert.Throws<DomainException>(() => p.Save(Draft(), null, D("2026-09-22"), "编辑", "u1", Now)).Message);
        Assert.Throws<DomainException>(() => p.Save(Draft(), D("2026-09-23"), D("2026-09-22"), "编辑", "u1", Now));
        Assert.Throws<DomainException>(() => p.Save(Draft(), D("2026-07-31"), D("2026-09-22"), "编辑", "u1", Now));
    }

    [Fact]
    public void Submitted_CannotBeEdited_ReturnedCanWithItsReason()
    {
        var p = Power.Create(3, Draft(), "编辑", "u1", Now);
        p.Submit("编辑", "u1", Now);
        Assert.Throws<DomainException>(() => p.Save(Draft("改名"), null, D("2026-09-01"), "编辑", "u1", Now));
        Assert.Throws<DomainException>(() => p.Return(" ", "审核员", "u2", Now));
        p.Return("法律依据请写到条款。", "审核员", "u2", Now);
        Assert.Equal("法律依据请写到条款。", p.Open!.ReturnReason);
        p.Save(Draft("改名"), null, D("2026-09-01"), "编辑", "u1", Now);
        Assert.Equal("改名", p.Open!.Name);
        Assert.Equal([PowerEventKind.Created, PowerEventKind.Submitted, PowerEventKind.Returned, PowerEventKind.Edited], p.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Draft_WithoutSteps_OrWithAnEmptyStep_OrAnUnknownCategory_IsRefused()
    {
        Assert.Throws<DomainException>(() => Power.Create(3, Draft() with { Steps = [] }, "编辑", "u1", Now));
        Assert.Equal("请填写第2步的办理主体。", Assert.Throws<DomainException>(() =>
            Power.Create(3, Draft() with { Steps = [new("窗口", "受理", null), new(" ", "审查", null)] }, "编辑", "u1", Now)).Message);
        Assert.Throws<DomainException>(() => Power.Create(3, Draft() with { Category = (PowerCategory)99 }, "编辑", "u1", Now));
        Assert.Throws<DomainException>(() => Power.Create(3, Draft() with { Office = new string('股', Power.MaxOfficeLength + 1) }, "编辑", "u1", Now));
    }

    [Fact]
    public void Categories_AreTheTenOfTheCountyPlan()
    {
        Assert.Equal(["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力"],
            PowerNames.Categories.Select(PowerNames.Describe));
    }
}
