using DisclosurePortal.Domain.Expectations;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>The words for outcomes and waiver states (localizer keys).</summary>
public static class ExpectationLabels
{
    public static string Of(ExpectationOutcome outcome) => outcome switch
    {
        ExpectationOutcome.OnTime => "按时",
        ExpectationOutcome.Late => "逾期",
        ExpectationOutcome.Missing => "缺失",
        ExpectationOutcome.Waived => "本期无信息（已确认）",
        _ => "未到期",
    };

    public static string Of(WaiverState state) => state switch
    {
        WaiverState.Pending => "本期无信息待审核",
        WaiverState.Approved => "本期无信息已确认",
        _ => "本期无信息已退回",
    };
}
