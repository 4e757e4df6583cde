namespace DisclosurePortal.Domain.Powers;

/// <summary>权力类别 of a 权责清单 entry (the county plan's ten kinds of administrative power).</summary>
public enum PowerCategory
{
    /// <summary>行政许可.</summary>
    Licensing = 1,
    /// <summary>行政处罚.</summary>
    Penalty = 2,
    /// <summary>行政强制.</summary>
    Enforcement = 3,
    /// <summary>行政征收.</summary>
    Levy = 4,
    /// <summary>行政给付.</summary>
    Benefit = 5,
    /// <summary>行政检查.</summary>
    Inspection = 6,
    /// <summary>行政确认.</summary>
    Confirmation = 7,
    /// <summary>行政奖励.</summary>
    Reward = 8,
    /// <summary>行政裁决.</summary>
    Adjudication = 9,
    /// <summary>其他行政权力.</summary>
    Other = 10,
}

/// <summary>Where one revision of a power stands. Only the published revision is public; history keeps the rest.</summary>
public enum PowerRevisionState
{
    /// <summary>草稿 (also after the office sends it back).</summary>
    Draft = 1,
    /// <summary>待审核.</summary>
    Submitted = 2,
    /// <summary>已公开: the revision the public reads.</summary>
    Published = 3,
    /// <summary>已被新版本替代.</summary>
    Superseded = 4,
}

/// <summary>What a power's history records.</summary>
public enum PowerEventKind
{
    Created = 1,
    Edited = 2,
    ChangeStarted = 3,
    Submitted = 4,
    Approved = 5,
    Returned = 6,
}

/// <summary>Where the revised flowchart of a changed power stands against its 20-working-day limit.</summary>
public enum FlowchartTimeliness
{
    /// <summary>Not yet published, more than the due-soon margin left.</summary>
    Pending = 1,
    /// <summary>Not yet published, due within the due-soon margin.</summary>
    DueSoon = 2,
    /// <summary>Not yet published, past its due day.</summary>
    Overdue = 3,
    /// <summary>Published on or before its due day.</summary>
    OnTime = 4,
    /// <summary>Published after its due day.</summary>
    Late = 5,
}

public static class PowerNames
{
    /// <summary>The ten categories in the order the county plan lists them.</summary>
    public static IReadOnlyList<PowerCategory> Categories { get; } = Enum.GetValues<PowerCategory>();

    public static string Describe(PowerCategory category) => category switch
    {
        PowerCategory.Licensing => "行政许可",
        PowerCategory.Penalty => "行政处罚",
        PowerCategory.Enforcement => "行政强制",
        PowerCategory.Levy => "行政征收",
        PowerCategory.Benefit => "行政给付",
        PowerCategory.Inspection => "行政检查",
        PowerCategory.Confirmation => "行政确认",
        PowerCategory.Reward => "行政奖励",
        PowerCategory.Adjudication => "行政裁决",
        PowerCategory.Other => "其他行政权力",
        _ => category.ToString(),
    };

    public static string Describe(PowerRevisionState state) => state switch
    {
        PowerRevisionState.Draft => "草稿",
        PowerRevisionState.Submitted => "待审核",
        PowerRevisionState.Published => "已公开",
        PowerRevisionState.Superseded => "已替代",
        _ => state.ToString(),
    };

    public static string Describe(PowerEventKind kind) => kind switch
    {
        PowerEventKind.Created => "新建",
        PowerEventKind.Edited => "修改",
        PowerEventKind.ChangeStarted => "发起变更",
        PowerEventKind.Submitted => "提交审核",
        PowerEventKind.Approved => "审核通过并公开",
        PowerEventKind.Returned => "退回修改",
        _ => kind.ToString(),
    };

    public static string Describe(FlowchartTimeliness status) => status switch
    {
        FlowchartTimeliness.Pending => "待更新",
        FlowchartTimeliness.DueSoon => "即将到期",
        FlowchartTimeliness.Overdue => "已逾期",
        FlowchartTimeliness.OnTime => "按时更新",
        FlowchartTimeliness.Late => "逾期更新",
        _ => status.ToString(),
    };
}
