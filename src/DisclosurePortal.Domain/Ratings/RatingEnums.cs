namespace DisclosurePortal.Domain.Ratings;

/// <summary>评议等次: the three grades every 政务公开 plan's 社会评议 uses.</summary>
public enum RatingGrade
{
    /// <summary>满意.</summary>
    Satisfied = 1,
    /// <summary>基本满意.</summary>
    FairlySatisfied = 2,
    /// <summary>不满意.</summary>
    Dissatisfied = 3,
}

/// <summary>What is rated: a published record, an answered application (依申请公开), an answered mailbox message.</summary>
public enum RatingTargetKind
{
    Record = 1,
    ApplicationCase = 2,
    Message = 3,
}

/// <summary>
/// Where a rating's comment stands. Comments are never public: a shown comment is read by the unit concerned and the
/// office; a held one (敏感词) only by the office until it is shown or hidden.
/// </summary>
public enum CommentState
{
    /// <summary>No comment was written.</summary>
    None = 0,
    /// <summary>待审核: held by the 敏感词 list; the office decides.</summary>
    Held = 1,
    /// <summary>Shown to the unit and the office.</summary>
    Shown = 2,
    /// <summary>Hidden by the office, with a reason; the grade still counts.</summary>
    Hidden = 3,
}

public static class RatingGrades
{
    public static IReadOnlyList<RatingGrade> All { get; } = [RatingGrade.Satisfied, RatingGrade.FairlySatisfied, RatingGrade.Dissatisfied];

    public static string Describe(RatingGrade grade) => grade switch
    {
        RatingGrade.Satisfied => "满意",
        RatingGrade.FairlySatisfied => "基本满意",
        RatingGrade.Dissatisfied => "不满意",
        _ => grade.ToString(),
    };
}

public static class RatingTargetKinds
{
    public static IReadOnlyList<RatingTargetKind> All { get; } = [RatingTargetKind.Record, RatingTargetKind.ApplicationCase, RatingTargetKind.Message];

    public static string Describe(RatingTargetKind kind) => kind switch
    {
        RatingTargetKind.Record => "公开信息",
        RatingTargetKind.ApplicationCase => "依申请公开",
        RatingTargetKind.Message => "网上信箱留言",
        _ => kind.ToString(),
    };
}

public static class CommentStates
{
    public static IReadOnlyList<CommentState> WithComment { get; } = [CommentState.Held, CommentState.Shown, CommentState.Hidden];

    public static string Describe(CommentState state) => state switch
    {
        CommentState.None => "无意见",
        CommentState.Held => "待审核",
        CommentState.Shown => "已显示",
        CommentState.Hidden => "已隐藏",
        _ => state.ToString(),
    };
}
