namespace DisclosurePortal.Domain.Applications;

/// <summary>申请人类型: the columns of Table 三 of the annual report.</summary>
public enum ApplicantKind
{
    /// <summary>自然人.</summary>
    NaturalPerson = 1,
    /// <summary>商业企业.</summary>
    CommercialEnterprise = 2,
    /// <summary>科研机构.</summary>
    ResearchInstitution = 3,
    /// <summary>社会公益组织.</summary>
    PublicInterestOrganisation = 4,
    /// <summary>法律服务机构.</summary>
    LegalServiceProvider = 5,
    /// <summary>其他.</summary>
    OtherOrganisation = 6,
}

/// <summary>How the application reached the office; decides the received date (条例 Art. 31).</summary>
public enum ApplicationChannel
{
    /// <summary>当面提交: received the day it is handed in.</summary>
    InPerson = 1,
    /// <summary>邮寄: received the day it is signed for.</summary>
    Mail = 2,
    /// <summary>网上申请: received the day the office confirms receipt.</summary>
    Online = 3,
    /// <summary>传真: received the day the office confirms receipt.</summary>
    Fax = 4,
}

/// <summary>获取信息的形式 (条例 Art. 29).</summary>
public enum ProvisionForm
{
    /// <summary>纸质.</summary>
    Paper = 1,
    /// <summary>电子文档.</summary>
    Electronic = 2,
}

/// <summary>获取信息的方式.</summary>
public enum DeliveryMethod
{
    /// <summary>邮寄.</summary>
    Post = 1,
    /// <summary>电子邮件.</summary>
    Email = 2,
    /// <summary>当面领取.</summary>
    Pickup = 3,
    /// <summary>网上获取.</summary>
    Online = 4,
}

/// <summary>The stored state of a case; overdue and due-soon are derived from dates, never stored.</summary>
public enum ApplicationState
{
    /// <summary>待确认: online or fax, waiting for the office to confirm receipt.</summary>
    AwaitingConfirmation = 1,
    /// <summary>办理中.</summary>
    InProgress = 2,
    /// <summary>待补正.</summary>
    AwaitingSupplement = 3,
    /// <summary>征求意见中 (Art. 32): the clock is paused.</summary>
    InConsultation = 4,
    /// <summary>已答复.</summary>
    Replied = 5,
    /// <summary>已办结 (归档).</summary>
    Closed = 6,
    /// <summary>待缴费 (国办函〔2020〕109号): a fee notice is out; the clock is paused until payment.</summary>
    AwaitingFee = 7,
}

/// <summary>办理结果: exactly the rows of Table 三（三） of the annual report (国办公开办函〔2021〕30号).</summary>
public enum ReplyType
{
    /// <summary>（一）予以公开.</summary>
    Disclosed = 1,
    /// <summary>（二）部分公开.</summary>
    PartiallyDisclosed = 2,
    /// <summary>（三）1 属于国家秘密.</summary>
    WithheldStateSecret = 31,
    /// <summary>（三）2 其他法律行政法规禁止公开.</summary>
    WithheldProhibitedByLaw = 32,
    /// <summary>（三）3 危及“三安全一稳定”.</summary>
    WithheldEndangersSecurity = 33,
    /// <summary>（三）4 保护第三方合法权益.</summary>
    WithheldThirdPartyRights = 34,
    /// <summary>（三）5 属于三类内部事务信息.</summary>
    WithheldInternalAffairs = 35,
    /// <summary>（三）6 属于四类过程性信息.</summary>
    WithheldProcessInformation = 36,
    /// <summary>（三）7 属于行政执法案卷.</summary>
    WithheldEnforcementFile = 37,
    /// <summary>（三）8 属于行政查询事项.</summary>
    WithheldAdministrativeQuery = 38,
    /// <summary>（四）1 本机关不掌握相关政府信息.</summary>
    UnavailableNotHeld = 41,
    /// <summary>（四）2 没有现成信息需要另行制作.</summary>
    UnavailableNeedsCreation = 42,
    /// <summary>（四）3 补正后申请内容仍不明确.</summary>
    UnavailableStillUnclear = 43,
    /// <summary>（五）1 信访举报投诉类申请.</summary>
    NotProcessedPetition = 51,
    /// <summary>（五）2 重复申请.</summary>
    NotProcessedRepeated = 52,
    /// <summary>（五）3 要求提供公开出版物.</summary>
    NotProcessedPublication = 53,
    /// <summary>（五）4 无正当理由大量反复申请.</summary>
    NotProcessedExcessive = 54,
    /// <summary>（五）5 要求行政机关确认或重新出具已获取信息.</summary>
    NotProcessedConfirmation = 55,
    /// <summary>（六）1 申请人无正当理由逾期不补正.</summary>
    OtherNoSupplement = 61,
    /// <summary>（六）2 申请人逾期未按收费通知要求缴纳费用.</summary>
    OtherFeeUnpaid = 62,
    /// <summary>（六）3 其他.</summary>
    OtherOther = 63,
}

/// <summary>What happened to a case; every change appends one event (Alaveteli).</summary>
public enum ApplicationEventKind
{
    /// <summary>提交.</summary>
    Submitted = 1,
    /// <summary>确认收到.</summary>
    ReceiptConfirmed = 2,
    /// <summary>分办.</summary>
    Assigned = 3,
    /// <summary>补正告知.</summary>
    SupplementRequested = 4,
    /// <summary>收到补正.</summary>
    SupplementReceived = 5,
    /// <summary>征求意见.</summary>
    ConsultationSent = 6,
    /// <summary>收到意见.</summary>
    ConsultationAnswered = 7,
    /// <summary>延期答复.</summary>
    Extended = 8,
    /// <summary>收费通知.</summary>
    FeeNotified = 9,
    /// <summary>缴费.</summary>
    FeePaid = 10,
    /// <summary>答复.</summary>
    Replied = 11,
    /// <summary>送达.</summary>
    Delivered = 12,
    /// <summary>办结归档.</summary>
    Closed = 13,
    /// <summary>备注.</summary>
    Note = 14,
}
