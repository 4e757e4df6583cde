using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Domain.Auditing;

/// <summary>
/// One kind of audited change: its code, the entity type it is recorded against, and what it means, in the words the
/// audit log shows. Codes follow one convention: lower case, the entity then the verb separated by dots, words within
/// either joined by hyphens (<c>record.new-version</c>, <c>catalogue-item.retire</c>, <c>calendar.day.add</c>).
/// </summary>
public sealed record AuditAction(string Code, string EntityType, string Description);

/// <summary>
/// The declared catalogue of audited changes (issue 17): every audit row names one of these, so that the log has one
/// naming convention and every code can be explained. Rows written before the catalogue keep their codes (the audit
/// chain hashes them, ADR 23); <see cref="Find"/> still explains them.
/// </summary>
public static class AuditActions
{
    public const string RecordEntity = "Record";
    public const string ReviewChainEntity = "ReviewChain";
    public const string CatalogueItemEntity = "CatalogueItem";
    public const string CaseEntity = "ApplicationCase";
    public const string AnnualReportEntity = "AnnualReport";
    public const string DepartmentEntity = "Department";
    public const string CalendarEntity = "CalendarYear";
    public const string UserEntity = "User";
    public const string OutboxMailEntity = "OutboxMail";
    public const string MessageEntity = "Message";
    public const string SensitiveWordEntity = "SensitiveWord";
    public const string SynonymGroupEntity = "SynonymGroup";
    public const string ColumnEntity = "DisclosureColumn";
    public const string ConsultationEntity = "Consultation";
    public const string SiteEntity = "SiteIdentity";
    public const string UnitProfileEntity = "UnitProfile";
    public const string PowerEntity = "Power";
    public const string GuideEntity = "ServiceGuide";
    public const string PolicyCleanupEntity = "PolicyCleanup";
    public const string PeriodWaiverEntity = "PeriodWaiver";
    public const string ItemEventEntity = "ItemEvent";
    public const string RatingEntity = "Rating";
    public const string AssessmentSchemeEntity = "AssessmentScheme";
    public const string AssessmentRunEntity = "AssessmentRun";
    public const string ReminderSettingsEntity = "ReminderSettings";
    public const string QuarterlyBulletinEntity = "QuarterlyBulletin";

    public static readonly AuditAction RecordCreate = new("record.create", RecordEntity, "新建草稿");
    public static readonly AuditAction RecordEdit = new("record.edit", RecordEntity, "修改草稿");
    public static readonly AuditAction RecordAttach = new("record.attach", RecordEntity, "上传附件");
    public static readonly AuditAction RecordDetach = new("record.detach", RecordEntity, "删除附件");
    public static readonly AuditAction RecordSubmit = new("record.submit", RecordEntity, "提交审核");
    public static readonly AuditAction RecordNewVersion = new("record.new-version", RecordEntity, "新建版本");
    /// <summary>解读方案 saved with a policy's submission (三同步, issue 21 §6).</summary>
    public static readonly AuditAction InterpretationPlanSave = new("record.interpretation-plan", RecordEntity, "填报解读方案");
    public static readonly AuditAction RecordPublish = new("record.publish", RecordEntity, "审核通过并发布");
    /// <summary>One step of the review chain passed, the version waiting for the next (issue 21 §6).</summary>
    public static readonly AuditAction RecordReview = new("record.review", RecordEntity, "审查通过（待下一环节）");
    public static readonly AuditAction RecordReturn = new("record.return", RecordEntity, "退回修改");
    public static readonly AuditAction RecordWithhold = new("record.withhold", RecordEntity, "不予公开");
    public static readonly AuditAction RecordWithdraw = new("record.withdraw", RecordEntity, "撤回已发布的信息");
    public static readonly AuditAction RecordReconsider = new("record.reconsider", RecordEntity, "重新评估不予公开的信息");

    public static readonly AuditAction ItemAdd = new("catalogue-item.add", CatalogueItemEntity, "新增公开事项");
    public static readonly AuditAction ItemRevise = new("catalogue-item.revise", CatalogueItemEntity, "修改公开事项");
    public static readonly AuditAction ItemRetire = new("catalogue-item.retire", CatalogueItemEntity, "停用公开事项");

    public static readonly AuditAction CaseRegister = new("case.register", CaseEntity, "登记申请");
    public static readonly AuditAction CaseCalendarCorrection = new("case.calendar-correction", CaseEntity, "按工作日历调整答复期限");

    public static readonly AuditAction AnnualReportSave = new("annual-report.save", AnnualReportEntity, "保存年度报告草稿");
    public static readonly AuditAction AnnualReportSubmit = new("annual-report.submit", AnnualReportEntity, "提交年度报告审核");
    public static readonly AuditAction AnnualReportReturn = new("annual-report.return", AnnualReportEntity, "退回年度报告");
    public static readonly AuditAction AnnualReportPublish = new("annual-report.publish", AnnualReportEntity, "发布年度报告");

    public static readonly AuditAction QuarterlyBulletinFreeze = new("quarterly-bulletin.freeze", QuarterlyBulletinEntity, "冻结按季通报数据");
    public static readonly AuditAction QuarterlyBulletinComment = new("quarterly-bulletin.comment", QuarterlyBulletinEntity, "保存按季通报意见");
    public static readonly AuditAction QuarterlyBulletinPublish = new("quarterly-bulletin.publish", QuarterlyBulletinEntity, "发布按季通报");

    public static readonly AuditAction DepartmentCreate = new("department.create", DepartmentEntity, "新增部门");
    public static readonly AuditAction DepartmentUpdate = new("department.update", DepartmentEntity, "修改部门");
    public static readonly AuditAction DepartmentActivate = new("department.activate", DepartmentEntity, "启用部门");
    public static readonly AuditAction DepartmentDeactivate = new("department.deactivate", DepartmentEntity, "停用部门");

    public static readonly AuditAction CalendarYearCreate = new("calendar.year.create", CalendarEntity, "录入工作日历年份");
    public static readonly AuditAction CalendarDayAdd = new("calendar.day.add", CalendarEntity, "添加休息日或调休上班日");
    public static readonly AuditAction CalendarDayRemove = new("calendar.day.remove", CalendarEntity, "删除休息日或调休上班日");
    public static readonly AuditAction CalendarImport = new("calendar.import", CalendarEntity, "导入工作日历");

    public static readonly AuditAction UserCreate = new("user.create", UserEntity, "新建账户");
    public static readonly AuditAction UserUpdate = new("user.update", UserEntity, "修改账户");
    public static readonly AuditAction UserResetPassword = new("user.reset-password", UserEntity, "重置密码");
    public static readonly AuditAction UserUnlock = new("user.unlock", UserEntity, "解除登录锁定");
    public static readonly AuditAction UserDisable = new("user.disable", UserEntity, "停用账户");
    public static readonly AuditAction UserEnable = new("user.enable", UserEntity, "启用账户");

    public static readonly AuditAction OutboxMailRetry = new("outbox-mail.retry", OutboxMailEntity, "重新发送邮件");
    public static readonly AuditAction MessageRelease = new("message.release", MessageEntity, "留言内容审核通过");
    public static readonly AuditAction MessageAccept = new("message.accept", MessageEntity, "受理并转办留言");
    public static readonly AuditAction MessageDecline = new("message.decline", MessageEntity, "不予受理留言");
    public static readonly AuditAction MessageDraftReply = new("message.draft-reply", MessageEntity, "拟写留言答复");
    public static readonly AuditAction MessageReturnReply = new("message.return-reply", MessageEntity, "退回留言答复");
    public static readonly AuditAction MessageApproveReply = new("message.approve-reply", MessageEntity, "审核通过留言答复");
    public static readonly AuditAction MessageExtend = new("message.extend", MessageEntity, "延长留言办理期限");
    public static readonly AuditAction MessagePublish = new("message.publish", MessageEntity, "公开留言");
    public static readonly AuditAction MessageUnpublish = new("message.unpublish", MessageEntity, "取消公开留言");
    public static readonly AuditAction MessageRemoveContact = new("message.remove-contact", MessageEntity, "到期删除留言人联系信息");
    public static readonly AuditAction SensitiveWordAdd = new("sensitive-word.add", SensitiveWordEntity, "添加敏感词");
    public static readonly AuditAction SensitiveWordRemove = new("sensitive-word.remove", SensitiveWordEntity, "删除敏感词");
    public static readonly AuditAction SearchSynonymAdd = new("search-synonym.add", SynonymGroupEntity, "添加搜索同义词组");
    public static readonly AuditAction SearchSynonymRemove = new("search-synonym.remove", SynonymGroupEntity, "删除搜索同义词组");

    public static readonly AuditAction ColumnAdd = new("column.add", ColumnEntity, "新增栏目");
    public static readonly AuditAction ColumnEdit = new("column.edit", ColumnEntity, "修改栏目");
    public static readonly AuditAction ColumnReorder = new("column.reorder", ColumnEntity, "调整栏目顺序");
    public static readonly AuditAction ColumnRetire = new("column.retire", ColumnEntity, "停用栏目");
    public static readonly AuditAction ColumnReinstate = new("column.reinstate", ColumnEntity, "恢复栏目");
    public static readonly AuditAction ColumnDelete = new("column.delete", ColumnEntity, "删除栏目");
    public static readonly AuditAction ConsultationCreate = new("consultation.create", ConsultationEntity, "新建民意征集");
    public static readonly AuditAction ConsultationEdit = new("consultation.edit", ConsultationEntity, "修改民意征集");
    public static readonly AuditAction ConsultationSubmit = new("consultation.submit", ConsultationEntity, "提交民意征集审核");
    public static readonly AuditAction ConsultationApprove = new("consultation.approve", ConsultationEntity, "审核通过民意征集");
    public static readonly AuditAction ConsultationReturn = new("consultation.return", ConsultationEntity, "退回民意征集");
    public static readonly AuditAction ConsultationEnterComment = new("consultation.enter-comment", ConsultationEntity, "录入信函、电子邮件或会议意见");
    public static readonly AuditAction ConsultationModerate = new("consultation.moderate", ConsultationEntity, "审核征集意见");
    public static readonly AuditAction ConsultationPublishFeedback = new("consultation.publish-feedback", ConsultationEntity, "发布意见采纳情况");
    public static readonly AuditAction ConsultationLinkDecision = new("consultation.link-decision", ConsultationEntity, "关联决策文件");
    public static readonly AuditAction ConsultationAttach = new("consultation.attach", ConsultationEntity, "上传民意征集附件");
    public static readonly AuditAction ConsultationDetach = new("consultation.detach", ConsultationEntity, "删除民意征集附件");
    public static readonly AuditAction SiteSetup = new("site.setup", SiteEntity, "首次设置网站");
    public static readonly AuditAction SiteUpdate = new("site.update", SiteEntity, "修改站点信息");
    public static readonly AuditAction ReviewChainUpdate = new("review-chain.update", ReviewChainEntity, "修改审查流程");
    public static readonly AuditAction PowerCreate = new("power.create", PowerEntity, "新建权责清单事项");
    public static readonly AuditAction PowerEdit = new("power.edit", PowerEntity, "修改或变更权责清单事项");
    public static readonly AuditAction PowerSubmit = new("power.submit", PowerEntity, "提交权责清单事项审核");
    public static readonly AuditAction PowerApprove = new("power.approve", PowerEntity, "审核通过并公开权责清单事项");
    public static readonly AuditAction PowerReturn = new("power.return", PowerEntity, "退回权责清单事项");
    public static readonly AuditAction GuideCreate = new("guide.create", GuideEntity, "新建办事指南");
    public static readonly AuditAction GuideEdit = new("guide.edit", GuideEntity, "修改办事指南");
    public static readonly AuditAction GuideSubmit = new("guide.submit", GuideEntity, "提交办事指南审核");
    public static readonly AuditAction GuideApprove = new("guide.approve", GuideEntity, "审核通过并公开办事指南");
    public static readonly AuditAction GuideReturn = new("guide.return", GuideEntity, "退回办事指南");
    public static readonly AuditAction PolicyCleanupCreate = new("policy-cleanup.create", PolicyCleanupEntity, "新建规范性文件清理结果");
    public static readonly AuditAction PolicyCleanupEdit = new("policy-cleanup.edit", PolicyCleanupEntity, "修改规范性文件清理结果");
    public static readonly AuditAction PolicyCleanupSubmit = new("policy-cleanup.submit", PolicyCleanupEntity, "提交规范性文件清理结果审核");
    public static readonly AuditAction PolicyCleanupApprove = new("policy-cleanup.approve", PolicyCleanupEntity, "审核通过并公布规范性文件清理结果");
    public static readonly AuditAction PolicyCleanupReturn = new("policy-cleanup.return", PolicyCleanupEntity, "退回规范性文件清理结果");
    /// <summary>A listed document's validity changed by a published clean-up (a row per document, on the record).</summary>
    public static readonly AuditAction PolicyCleanupRevalidate = new("policy-cleanup.revalidate", RecordEntity, "经规范性文件清理变更效力");
    public static readonly AuditAction ConsultationRemoveContacts = new("consultation.remove-contacts", ConsultationEntity, "删除到期的意见人联系方式");

    public static readonly AuditAction UnitProfileCreate = new("unit-profile.create", UnitProfileEntity, "新建机构概况草稿");
    public static readonly AuditAction UnitProfileEdit = new("unit-profile.edit", UnitProfileEntity, "修改机构概况草稿");
    public static readonly AuditAction UnitProfileSubmit = new("unit-profile.submit", UnitProfileEntity, "提交机构概况审核");
    public static readonly AuditAction UnitProfilePublish = new("unit-profile.publish", UnitProfileEntity, "审核通过并发布机构概况");
    public static readonly AuditAction UnitProfileReturn = new("unit-profile.return", UnitProfileEntity, "退回机构概况");

    public static readonly AuditAction PeriodWaiverRequest = new("period-waiver.request", PeriodWaiverEntity, "申报本期无信息");
    public static readonly AuditAction PeriodWaiverApprove = new("period-waiver.approve", PeriodWaiverEntity, "确认本期无信息");
    public static readonly AuditAction PeriodWaiverReturn = new("period-waiver.return", PeriodWaiverEntity, "退回本期无信息申报");
    public static readonly AuditAction ItemEventRecord = new("item-event.record", ItemEventEntity, "登记办结等事件");
    public static readonly AuditAction ItemExpectedFrom = new("catalogue-item.expected-from", CatalogueItemEntity, "设定应公开起始日");

    /// <summary>A step of an application case (依申请公开), one code per <see cref="CaseAction"/>: <c>case.confirm-receipt</c>.</summary>
    public static AuditAction Case(CaseAction action) => CaseSteps[action];

    private static readonly Dictionary<CaseAction, AuditAction> CaseSteps = Enum.GetValues<CaseAction>()
        .ToDictionary(a => a, a => new AuditAction("case." + Kebab(a.ToString()), CaseEntity, CaseActions.Describe(a)));

    public static readonly AuditAction RatingShow = new("rating.show", RatingEntity, "显示评议意见");
    public static readonly AuditAction RatingHide = new("rating.hide", RatingEntity, "隐藏评议意见");

    public static readonly AuditAction AssessmentSchemeCreate = new("assessment-scheme.create", AssessmentSchemeEntity, "新建年度考核方案");
    public static readonly AuditAction AssessmentIndicatorAdd = new("assessment-scheme.indicator-add", AssessmentSchemeEntity, "新增考核指标");
    public static readonly AuditAction AssessmentIndicatorEdit = new("assessment-scheme.indicator-edit", AssessmentSchemeEntity, "修改考核指标");
    public static readonly AuditAction AssessmentIndicatorRemove = new("assessment-scheme.indicator-remove", AssessmentSchemeEntity, "删除考核指标");
    public static readonly AuditAction AssessmentManualScore = new("assessment-scheme.manual-score", AssessmentSchemeEntity, "录入人工评分");
    public static readonly AuditAction AssessmentCompute = new("assessment.compute", AssessmentRunEntity, "计算考核结果");
    public static readonly AuditAction AssessmentPublish = new("assessment.publish", AssessmentRunEntity, "公布考核结果");
    public static readonly AuditAction AssessmentUnpublish = new("assessment.unpublish", AssessmentRunEntity, "撤回公布考核结果");
    /// <summary>消息警示 (ADR 35): the office's 催办 of a late record or interpretation, recorded against the record (or policy).</summary>
    public static readonly AuditAction RecordUrge = new("record.urge", RecordEntity, "催办");
    public static readonly AuditAction ReminderSettingsUpdate = new("reminder-settings.update", ReminderSettingsEntity, "修改消息警示设置");
    public static readonly AuditAction ReminderSettingsTest = new("reminder-settings.test", ReminderSettingsEntity, "发送 Webhook 测试消息");

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        RecordCreate, RecordEdit, RecordAttach, RecordDetach, RecordSubmit, InterpretationPlanSave, RecordNewVersion, RecordPublish, RecordReview, RecordReturn,
        RecordWithhold, RecordWithdraw, RecordReconsider,
        ItemAdd, ItemRevise, ItemRetire,
        CaseRegister, CaseCalendarCorrection, .. CaseSteps.Values,
        AnnualReportSave, AnnualReportSubmit, AnnualReportReturn, AnnualReportPublish,
        QuarterlyBulletinFreeze, QuarterlyBulletinComment, QuarterlyBulletinPublish,
        DepartmentCreate, DepartmentUpdate, DepartmentActivate, DepartmentDeactivate,
        CalendarYearCreate, CalendarDayAdd, CalendarDayRemove, CalendarImport,
        UserCreate, UserUpdate, UserResetPassword, UserUnlock, UserDisable, UserEnable,
        OutboxMailRetry,
        MessageRelease, MessageAccept, MessageDecline, MessageDraftReply, MessageReturnReply, MessageApproveReply, MessageExtend,
        MessagePublish, MessageUnpublish, MessageRemoveContact, SensitiveWordAdd, SensitiveWordRemove, SearchSynonymAdd, SearchSynonymRemove,
        ColumnAdd, ColumnEdit, ColumnReorder, ColumnRetire, ColumnReinstate, ColumnDelete,
        ConsultationCreate, ConsultationEdit, ConsultationSubmit, ConsultationApprove, ConsultationReturn, ConsultationEnterComment,
        ConsultationModerate, ConsultationPublishFeedback, ConsultationLinkDecision, ConsultationAttach, ConsultationDetach, ConsultationRemoveContacts,
        SiteSetup, SiteUpdate, ReviewChainUpdate,
        UnitProfileCreate, UnitProfileEdit, UnitProfileSubmit, UnitProfilePublish, UnitProfileReturn,
        PowerCreate, PowerEdit, PowerSubmit, PowerApprove, PowerReturn,
        GuideCreate, GuideEdit, GuideSubmit, GuideApprove, GuideReturn,
        PolicyCleanupCreate, PolicyCleanupEdit, PolicyCleanupSubmit, PolicyCleanupApprove, PolicyCleanupReturn, PolicyCleanupRevalidate,
        PeriodWaiverRequest, PeriodWaiverApprove, PeriodWaiverReturn, ItemEventRecord, ItemExpectedFrom,
        RatingShow, RatingHide,
        AssessmentSchemeCreate, AssessmentIndicatorAdd, AssessmentIndicatorEdit, AssessmentIndicatorRemove, AssessmentManualScore,
        AssessmentCompute, AssessmentPublish, AssessmentUnpublish,
        RecordUrge, ReminderSettingsUpdate, ReminderSettingsTest,
    ];

    /// <summary>Codes of rows written before the catalogue, in the other convention, and what they are now.</summary>
    private static readonly Dictionary<string, AuditAction> Legacy = new(StringComparer.Ordinal)
    {
        ["CatalogueItem.Add"] = ItemAdd,
        ["CatalogueItem.Revise"] = ItemRevise,
        ["CatalogueItem.Retire"] = ItemRetire,
    };

    private static readonly Dictionary<string, AuditAction> ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);

    /// <summary>The action a stored code stands for (a legacy code too, e.g. <c>case.confirmreceipt</c>); null if unknown.</summary>
    public static AuditAction? Find(string code) =>
        ByCode.GetValueOrDefault(code) ?? Legacy.GetValueOrDefault(code)
        ?? (code.StartsWith("case.", StringComparison.Ordinal)
            ? CaseSteps.Values.FirstOrDefault(a => string.Equals(a.Code.Replace("-", "", StringComparison.Ordinal), code, StringComparison.Ordinal))
            : null);

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "-") + char.ToLowerInvariant(c) : c.ToString()));
}
