namespace DisclosurePortal.Domain.Participation;

/// <summary>留言类型: what the writer wants.</summary>
public enum MessageKind
{
    Consultation = 1,
    Suggestion = 2,
    Complaint = 3,
    HelpRequest = 4,
    Other = 5,
}

/// <summary>
/// Where a message stands. Held → Submitted (the office released it after moderation) → Accepted (转办 to a department)
/// → ReplyDrafted → Answered (the office approved the reply); Held or Submitted → Declined.
/// </summary>
public enum MessageState
{
    HeldForModeration = 1,
    Submitted = 2,
    Accepted = 3,
    ReplyDrafted = 4,
    Answered = 5,
    Declined = 6,
}

/// <summary>Why the office does not take a message up; the writer sees the kind and the text.</summary>
public enum DeclineReason
{
    /// <summary>信访事项: they go to the 信访 channel (《信访工作条例》), not the mailbox.</summary>
    Petition = 1,

    /// <summary>依申请公开: a request for government information goes to /apply (条例 Art. 27).</summary>
    DisclosureApplication = 2,
    Duplicate = 3,
    Abusive = 4,
    Other = 5,
}

public enum MessageEventKind
{
    Held = 1,
    Submitted = 2,
    Released = 3,
    Accepted = 4,
    Declined = 5,
    ReplyDrafted = 6,
    ReplyReturned = 7,
    Answered = 8,
    Extended = 9,
    Published = 10,
    Unpublished = 11,
    ContactDataRemoved = 12,
}

public static class MessageKinds
{
    public static IReadOnlyList<MessageKind> All { get; } = Enum.GetValues<MessageKind>();

    public static string Describe(MessageKind kind) => kind switch
    {
        MessageKind.Consultation => "咨询",
        MessageKind.Suggestion => "建议",
        MessageKind.Complaint => "投诉",
        MessageKind.HelpRequest => "求助",
        _ => "其他",
    };
}

public static class MessageStates
{
    public static string Describe(MessageState state) => state switch
    {
        MessageState.HeldForModeration => "待审核内容",
        MessageState.Submitted => "待受理",
        MessageState.Accepted => "办理中",
        MessageState.ReplyDrafted => "答复待审核",
        MessageState.Answered => "已答复",
        _ => "不予受理",
    };

    /// <summary>The office must accept or decline it (the acceptance deadline runs).</summary>
    public static bool AwaitsTriage(MessageState state) => state is MessageState.HeldForModeration or MessageState.Submitted;

    /// <summary>Accepted and not yet answered: the reply deadline runs.</summary>
    public static bool ReplyRuns(MessageState state) => state is MessageState.Accepted or MessageState.ReplyDrafted;

    public static bool IsClosed(MessageState state) => state is MessageState.Answered or MessageState.Declined;
}

public static class DeclineReasons
{
    public static IReadOnlyList<DeclineReason> All { get; } = Enum.GetValues<DeclineReason>();

    public static string Describe(DeclineReason reason) => reason switch
    {
        DeclineReason.Petition => "属于信访事项，请通过信访渠道反映",
        DeclineReason.DisclosureApplication => "属于政府信息公开申请，请通过依申请公开渠道提出",
        DeclineReason.Duplicate => "重复留言",
        DeclineReason.Abusive => "含有违法或不文明内容",
        _ => "其他原因",
    };
}

public static class MessageEventKinds
{
    public static string Describe(MessageEventKind kind) => kind switch
    {
        MessageEventKind.Held => "收到留言，内容待审核",
        MessageEventKind.Submitted => "收到留言",
        MessageEventKind.Released => "内容审核通过",
        MessageEventKind.Accepted => "受理并转办",
        MessageEventKind.Declined => "不予受理",
        MessageEventKind.ReplyDrafted => "部门拟写答复",
        MessageEventKind.ReplyReturned => "答复退回修改",
        MessageEventKind.Answered => "答复审核通过",
        MessageEventKind.Extended => "延长办理期限",
        MessageEventKind.Published => "公开留言及答复",
        MessageEventKind.Unpublished => "取消公开",
        _ => "删除留言人联系信息",
    };
}
