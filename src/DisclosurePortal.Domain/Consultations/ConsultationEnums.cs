namespace DisclosurePortal.Domain.Consultations;

/// <summary>The stored state of a consultation (民意征集). Open and closed are derived from its dates, not stored.</summary>
public enum ConsultationState
{
    /// <summary>草稿 (also after the office sends it back).</summary>
    Draft = 1,
    /// <summary>待审核: in the office's review queue.</summary>
    Submitted = 2,
    /// <summary>审核通过: public from its start date, closed after its end date.</summary>
    Approved = 3,
    /// <summary>已反馈采纳情况.</summary>
    FeedbackPublished = 4,
}

/// <summary>Where a consultation stands on a given day: the state and the dates together.</summary>
public enum ConsultationPhase
{
    /// <summary>草稿.</summary>
    Draft = 1,
    /// <summary>待审核.</summary>
    InReview = 2,
    /// <summary>即将开始.</summary>
    Scheduled = 3,
    /// <summary>征集中.</summary>
    Open = 4,
    /// <summary>已结束，待反馈.</summary>
    Closed = 5,
    /// <summary>已反馈.</summary>
    FeedbackPublished = 6,
}

/// <summary>How an opinion reached the department (《重大行政决策程序暂行条例》 Art. 14: 多种方式).</summary>
public enum CommentChannel
{
    /// <summary>网上提交.</summary>
    Online = 1,
    /// <summary>信函.</summary>
    Letter = 2,
    /// <summary>电子邮件.</summary>
    Email = 3,
    /// <summary>座谈会.</summary>
    Symposium = 4,
    /// <summary>听证会.</summary>
    Hearing = 5,
}

/// <summary>审核 of an opinion before anything of it is shown or counted.</summary>
public enum ModerationState
{
    /// <summary>待审核.</summary>
    Pending = 1,
    /// <summary>已采用为有效意见: counted, and shown when the writer allowed it.</summary>
    Accepted = 2,
    /// <summary>不予采用 (spam, abuse, off topic): neither counted nor shown.</summary>
    Rejected = 3,
}

/// <summary>A questionnaire question's kind.</summary>
public enum QuestionKind
{
    /// <summary>单选.</summary>
    SingleChoice = 1,
    /// <summary>多选.</summary>
    MultipleChoice = 2,
    /// <summary>文字回答.</summary>
    FreeText = 3,
}

/// <summary>What a consultation's history records.</summary>
public enum ConsultationEventKind
{
    Created = 1,
    Edited = 2,
    Submitted = 3,
    Approved = 4,
    Returned = 5,
    CommentReceived = 6,
    CommentEntered = 7,
    CommentModerated = 8,
    FeedbackPublished = 9,
    DecisionLinked = 10,
    ContactsRemoved = 11,
}

public static class ConsultationNames
{
    public static string Describe(ConsultationPhase phase) => phase switch
    {
        ConsultationPhase.Draft => "草稿",
        ConsultationPhase.InReview => "待审核",
        ConsultationPhase.Scheduled => "即将开始",
        ConsultationPhase.Open => "征集中",
        ConsultationPhase.Closed => "已结束",
        ConsultationPhase.FeedbackPublished => "已反馈",
        _ => phase.ToString(),
    };

    public static string Describe(CommentChannel channel) => channel switch
    {
        CommentChannel.Online => "网上提交",
        CommentChannel.Letter => "信函",
        CommentChannel.Email => "电子邮件",
        CommentChannel.Symposium => "座谈会",
        CommentChannel.Hearing => "听证会",
        _ => channel.ToString(),
    };

    public static string Describe(ModerationState state) => state switch
    {
        ModerationState.Pending => "待审核",
        ModerationState.Accepted => "有效意见",
        ModerationState.Rejected => "不予采用",
        _ => state.ToString(),
    };

    public static string Describe(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "单选",
        QuestionKind.MultipleChoice => "多选",
        QuestionKind.FreeText => "文字回答",
        _ => kind.ToString(),
    };
}
