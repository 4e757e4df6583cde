namespace DisclosurePortal.Domain.Applications;

/// <summary>What the office can do to a case; <see cref="ApplicationCase.AllowedActions"/> says which, now.</summary>
public enum CaseAction
{
    ConfirmReceipt = 1,
    RequestSupplement,
    ReceiveSupplement,
    CloseUnsupplemented,
    SendConsultation,
    ReceiveConsultation,
    Extend,
    Assign,
    Reply,
    Deliver,
    NotifyFee,
    RecordFeePayment,
    CloseFeeUnpaid,
}

public static class CaseActions
{
    public static string Describe(CaseAction action) => action switch
    {
        CaseAction.ConfirmReceipt => "确认收到",
        CaseAction.RequestSupplement => "补正告知",
        CaseAction.ReceiveSupplement => "登记收到补正",
        CaseAction.CloseUnsupplemented => "按逾期不补正办结",
        CaseAction.SendConsultation => "征求意见",
        CaseAction.ReceiveConsultation => "登记收到意见",
        CaseAction.Extend => "延期答复",
        CaseAction.Assign => "分办",
        CaseAction.Reply => "答复",
        CaseAction.Deliver => "送达归档",
        CaseAction.NotifyFee => "发出收费通知",
        CaseAction.RecordFeePayment => "登记缴费",
        CaseAction.CloseFeeUnpaid => "按逾期未缴费办结",
        _ => action.ToString(),
    };
}

public static class ApplicationStates
{
    /// <summary>Still running against its reply deadline (not yet replied or closed).</summary>
    public static bool IsOpen(ApplicationState state) => state is not (ApplicationState.Replied or ApplicationState.Closed);

    /// <summary>
    /// Open with a reply period running, so it can be overdue or due soon. 条例 Art. 30: while a supplement is awaited
    /// none runs (the period starts anew when it arrives); the applicant's deadline to supplement is watched instead.
    /// </summary>
    public static bool ReplyPeriodRuns(ApplicationState state) => IsOpen(state) && state != ApplicationState.AwaitingSupplement;

    public static string Describe(ApplicationState state) => state switch
    {
        ApplicationState.AwaitingConfirmation => "待确认收到",
        ApplicationState.InProgress => "办理中",
        ApplicationState.AwaitingSupplement => "待补正",
        ApplicationState.InConsultation => "征求意见中",
        ApplicationState.Replied => "已答复",
        ApplicationState.Closed => "已办结",
        ApplicationState.AwaitingFee => "待缴费",
        _ => state.ToString(),
    };
}

/// <summary>The reply types, named as the rows of Table 三 of the annual report.</summary>
public static class ReplyTypes
{
    public static string Describe(ReplyType type) => type switch
    {
        ReplyType.Disclosed => "予以公开",
        ReplyType.PartiallyDisclosed => "部分公开",
        ReplyType.WithheldStateSecret => "不予公开：属于国家秘密",
        ReplyType.WithheldProhibitedByLaw => "不予公开：其他法律行政法规禁止公开",
        ReplyType.WithheldEndangersSecurity => "不予公开：危及“三安全一稳定”",
        ReplyType.WithheldThirdPartyRights => "不予公开：保护第三方合法权益",
        ReplyType.WithheldInternalAffairs => "不予公开：属于三类内部事务信息",
        ReplyType.WithheldProcessInformation => "不予公开：属于四类过程性信息",
        ReplyType.WithheldEnforcementFile => "不予公开：属于行政执法案卷",
        ReplyType.WithheldAdministrativeQuery => "不予公开：属于行政查询事项",
        ReplyType.UnavailableNotHeld => "无法提供：本机关不掌握相关政府信息",
        ReplyType.UnavailableNeedsCreation => "无法提供：没有现成信息需要另行制作",
        ReplyType.UnavailableStillUnclear => "无法提供：补正后申请内容仍不明确",
        ReplyType.NotProcessedPetition => "不予处理：信访举报投诉类申请",
        ReplyType.NotProcessedRepeated => "不予处理：重复申请",
        ReplyType.NotProcessedPublication => "不予处理：要求提供公开出版物",
        ReplyType.NotProcessedExcessive => "不予处理：无正当理由大量反复申请",
        ReplyType.NotProcessedConfirmation => "不予处理：要求行政机关确认或重新出具已获取信息",
        ReplyType.OtherNoSupplement => "其他处理：申请人无正当理由逾期不补正",
        ReplyType.OtherFeeUnpaid => "其他处理：申请人逾期未按收费通知要求缴纳费用",
        ReplyType.OtherOther => "其他处理：其他",
        _ => type.ToString(),
    };
}

public static class ApplicantKinds
{
    /// <summary>法人或其他组织: every kind but the natural person.</summary>
    public static IReadOnlyList<ApplicantKind> Organisations { get; } =
        [.. Enum.GetValues<ApplicantKind>().Where(k => k != ApplicantKind.NaturalPerson)];

    public static string Describe(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.CommercialEnterprise => "商业企业",
        ApplicantKind.ResearchInstitution => "科研机构",
        ApplicantKind.PublicInterestOrganisation => "社会公益组织",
        ApplicantKind.LegalServiceProvider => "法律服务机构",
        ApplicantKind.OtherOrganisation => "其他",
        _ => kind.ToString(),
    };
}

public static class EventKinds
{
    public static string Describe(ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.Submitted => "申请已提交", // not "提交申请": that is the apply button's label, translated differently
        ApplicationEventKind.ReceiptConfirmed => "登记/确认收到",
        ApplicationEventKind.Assigned => "分办",
        ApplicationEventKind.SupplementRequested => "补正通知",
        ApplicationEventKind.SupplementReceived => "补正收到",
        ApplicationEventKind.ConsultationSent => "征求意见",
        ApplicationEventKind.ConsultationAnswered => "收到意见",
        ApplicationEventKind.Extended => "延期",
        ApplicationEventKind.FeeNotified => "收费通知",
        ApplicationEventKind.FeePaid => "缴费",
        ApplicationEventKind.Replied => "答复",
        ApplicationEventKind.Delivered => "送达归档",
        ApplicationEventKind.Closed => "办结",
        ApplicationEventKind.Note => "备注",
        _ => kind.ToString(),
    };
}

public static class ApplicationChannels
{
    public static string Describe(ApplicationChannel channel) => channel switch
    {
        ApplicationChannel.InPerson => "当面",
        ApplicationChannel.Mail => "邮寄",
        ApplicationChannel.Online => "网上",
        ApplicationChannel.Fax => "传真",
        _ => channel.ToString(),
    };
}

public static class ProvisionForms
{
    public static string Describe(ProvisionForm form) => form switch
    {
        ProvisionForm.Paper => "纸质",
        ProvisionForm.Electronic => "电子文档",
        _ => form.ToString(),
    };
}

public static class DeliveryMethods
{
    public static string Describe(DeliveryMethod method) => method switch
    {
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Pickup => "当面领取",
        DeliveryMethod.Online => "网上获取",
        _ => method.ToString(),
    };
}
