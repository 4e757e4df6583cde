using DisclosurePortal.Domain.Assessments;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>The words of 考核 (localizer keys), one place for every page.</summary>
public static class AssessmentLabels
{
    public static string Of(IndicatorKind kind) => kind switch
    {
        IndicatorKind.DisclosureTimeliness => "主动公开及时率",
        IndicatorKind.CatalogueCompleteness => "目录要素完整率",
        IndicatorKind.InterpretationTimeliness => "政策解读及时率",
        IndicatorKind.ApplicationTimeliness => "依申请公开按期答复率",
        IndicatorKind.MessageTimeliness => "留言按期答复率",
        IndicatorKind.Satisfaction => "群众满意率",
        _ => "人工评分",
    };

    /// <summary>What was counted, as "{good} / {total}" with the words of the kind.</summary>
    public static string Counted(IndicatorKind kind) => kind switch
    {
        IndicatorKind.DisclosureTimeliness => "按时 {0} / 应公开 {1}",
        IndicatorKind.CatalogueCompleteness => "要素齐全 {0} / 公开事项 {1}",
        IndicatorKind.InterpretationTimeliness => "按时解读 {0} / 应解读 {1}",
        IndicatorKind.ApplicationTimeliness => "按期答复 {0} / 到期申请 {1}",
        IndicatorKind.MessageTimeliness => "按期答复 {0} / 到期留言 {1}",
        IndicatorKind.Satisfaction => "满意和基本满意 {0} / 评议 {1}",
        _ => "{0} / {1}",
    };

    public static string Of(ScoringRule rule) => rule switch
    {
        ScoringRule.Proportional => "按比例计分",
        ScoringRule.Thresholds => "分档计分",
        _ => "按次扣分",
    };

    public static string Of(RunState state) => state switch
    {
        RunState.Published => "已公布",
        _ => "已计算，未公布",
    };

    public const string ProportionalText = "分值 × 比例";
    public const string ThresholdsText = "≥{0}% 得满分，≥{1}% 得一半，否则 0 分";
    public const string DeductText = "每项未达标扣 {0} 分，扣完为止";
    public const string NothingToMeasure = "本年度没有可考核的事项，按满分计";
    public const string ManualMissing = "未录入人工评分，计 0 分";
}
