namespace DisclosurePortal.Domain.Publishing;

/// <summary>The kind of a record (信息类别). The first rows are those the annual report's Table 二 counts.</summary>
public enum RecordKind
{
    /// <summary>规章.</summary>
    Regulation = 1,
    /// <summary>行政规范性文件.</summary>
    NormativeDocument = 2,
    /// <summary>政策解读.</summary>
    PolicyInterpretation = 3,
    /// <summary>工作动态.</summary>
    WorkNews = 4,
    /// <summary>行政许可.</summary>
    AdministrativeLicensing = 5,
    /// <summary>行政处罚.</summary>
    AdministrativePenalty = 6,
    /// <summary>行政强制.</summary>
    AdministrativeCoercion = 7,
    /// <summary>通知公告.</summary>
    Notice = 8,
    /// <summary>规划计划.</summary>
    Plan = 9,
    /// <summary>统计数据.</summary>
    Statistics = 10,
    /// <summary>财政资金 (预决算、项目资金).</summary>
    PublicFunds = 11,
    /// <summary>其他文件.</summary>
    OtherDocument = 12,
    /// <summary>回应关切: the answer to a public concern (its source, date and a short description are kept with it).</summary>
    ConcernResponse = 13,
    /// <summary>新闻发布会: date and time, place, speakers, the transcript as the body, a video link and images.</summary>
    PressConference = 14,
}

/// <summary>Where a concern answered by a 回应关切 was raised.</summary>
public enum ConcernSource
{
    /// <summary>网民留言.</summary>
    NetizenMessage = 1,
    /// <summary>媒体报道.</summary>
    MediaReport = 2,
    /// <summary>12345热线.</summary>
    Hotline12345 = 3,
    /// <summary>人大代表建议.</summary>
    DeputySuggestion = 4,
    /// <summary>政协委员提案.</summary>
    CppccProposal = 5,
    /// <summary>其他.</summary>
    Other = 9,
}

/// <summary>有效性.</summary>
public enum Validity
{
    /// <summary>有效.</summary>
    Valid = 1,
    /// <summary>失效.</summary>
    Expired = 2,
    /// <summary>废止.</summary>
    Repealed = 3,
}

/// <summary>公开属性.</summary>
public enum DisclosureAttribute
{
    /// <summary>主动公开.</summary>
    Proactive = 1,
    /// <summary>依申请公开.</summary>
    OnApplication = 2,
    /// <summary>不予公开 (a reason is required).</summary>
    NotDisclosed = 3,
}

/// <summary>政策解读形式.</summary>
public enum InterpretationForm
{
    /// <summary>文字解读.</summary>
    Text = 1,
    /// <summary>图解.</summary>
    Graphic = 2,
    /// <summary>专家解读.</summary>
    Expert = 3,
    /// <summary>媒体解读.</summary>
    Media = 4,
    /// <summary>政策问答.</summary>
    QuestionsAndAnswers = 5,
    /// <summary>视频.</summary>
    Video = 6,
}

/// <summary>The three reviews before publication (Haidian 2018, Shishi Fengli) and the leader's approval.</summary>
public enum ReviewStep
{
    /// <summary>保密审查.</summary>
    Confidentiality = 1,
    /// <summary>合法性审查.</summary>
    Legality = 2,
    /// <summary>公开属性审查.</summary>
    DisclosureAttribute = 3,
    /// <summary>领导审签 (the leader's approval, where the county's review chain asks for it).</summary>
    Approval = 4,
}

/// <summary>What a reviewer decided.</summary>
public enum ReviewOutcome
{
    /// <summary>通过.</summary>
    Passed = 1,
    /// <summary>退回修改.</summary>
    Returned = 2,
    /// <summary>不予公开.</summary>
    Withheld = 3,
}
