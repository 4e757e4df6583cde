using DisclosurePortal.Domain.Flowcharts;

namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// The statutory procedure of an application for disclosure (条例 Arts. 29–42, 51) as a flowchart, drawn from the same
/// constants the deadlines and fees are computed with, so the chart cannot say 20 days where the clock counts 15.
/// </summary>
public static class ApplicationProcedure
{
    public static Flowchart Flowchart(FeeTiers fees)
    {
        ArgumentNullException.ThrowIfNull(fees);
        var applicant = FlowText.Of("申请人");
        var office = FlowText.Of("政府信息公开工作机构");
        return new Flowchart(FlowText.Of("依申请公开办理流程"),
        [
            // 条例 Arts. 27, 29: in writing (online, by letter, fax or in person), with name, identity, contact, a description, the form wanted.
            new FlowStep(applicant, FlowText.Of("提交申请：写明姓名或名称、身份证明、联系方式，所需信息的名称、文号或特征描述，获取信息的形式和方式"),
                citation: FlowText.Of("条例第二十七条、第二十九条")),
            // 条例 Art. 31: the day of receipt depends on the channel.
            new FlowStep(office, FlowText.Of("登记收到申请，确定收到申请之日"),
                FlowText.Of("当面提交的为提交之日；邮寄的为签收之日；网上、传真提交的为双方确认之日"),
                FlowText.Of("条例第三十一条")),
            // 条例 Art. 30: one notice within 7 working days; the period runs anew from the supplement.
            new FlowStep(office, FlowText.Of("审查申请内容"),
                FlowText.Of("需补正的，收到申请之日起{0}个工作日内一次性告知", ReplyDeadline.SupplementNoticeWorkingDays),
                FlowText.Of("条例第三十条"),
                [
                    FlowText.Of("内容明确的：进入办理"),
                    FlowText.Of("内容不明确的：告知补正，答复期限自收到补正之日起计算"),
                    FlowText.Of("无正当理由逾期不补正的：视为放弃申请"),
                ]),
            // 条例 Art. 32: the third party has 15 working days; Art. 33 para. 2: that time is not counted.
            new FlowStep(office, FlowText.Of("可能损害第三方合法权益的，书面征求第三方意见；需要其他机关确认的，征求其意见"),
                FlowText.Of("第三方{0}个工作日内提出意见，征求意见时间不计入答复期限", ReplyDeadline.ConsultationWorkingDays),
                FlowText.Of("条例第三十二条、第三十三条")),
            // 条例 Art. 42, 国办函〔2020〕109号: free, unless quantity or frequency clearly exceed a reasonable range.
            new FlowStep(office, FlowText.Of("一般不收费；同一申请人每月申请超过{0}件的，可以收取信息处理费", fees.FreeItems),
                FlowText.Of("收到收费通知之日起{0}个工作日内缴费，其间不计入答复期限；逾期未缴视为放弃申请", ReplyDeadline.FeePaymentWorkingDays),
                FlowText.Of("条例第四十二条、国办函〔2020〕109号")),
            // 条例 Arts. 33, 36: reply within 20 working days, one extension of at most 20; the reply is one of Art. 36's.
            new FlowStep(office, FlowText.Of("作出答复"),
                FlowText.Of("能当场答复的当场答复；否则收到申请之日起{0}个工作日内答复，经负责人同意可延长，最长不超过{1}个工作日",
                    ReplyDeadline.ReplyWorkingDays, ReplyDeadline.MaxExtensionWorkingDays),
                FlowText.Of("条例第三十三条、第三十六条、第三十七条"),
                [
                    FlowText.Of("已主动公开的：告知获取的方式和途径"),
                    FlowText.Of("可以公开的：提供信息，或告知获取的方式、途径和时间"),
                    FlowText.Of("部分公开的：提供可以公开的部分，并说明理由"),
                    FlowText.Of("不予公开的：告知并说明理由"),
                    FlowText.Of("经检索没有的：告知该信息不存在"),
                    FlowText.Of("不属于本机关负责公开的：告知并说明理由，能确定负责机关的告知其名称和联系方式"),
                    FlowText.Of("重复申请相同信息的：告知不予重复处理"),
                    FlowText.Of("法律、行政法规对获取另有规定的：告知依照其规定办理"),
                ]),
            // 条例 Art. 40: in the form asked for where possible.
            new FlowStep(office, FlowText.Of("按申请人要求的形式提供信息，并送达答复"),
                FlowText.Of("随答复一并提供"),
                FlowText.Of("条例第四十条")),
            // 条例 Art. 51: 60 days for 行政复议, 6 months for 行政诉讼.
            new FlowStep(applicant, FlowText.Of("对答复不服的，可以申请行政复议或者提起行政诉讼"),
                FlowText.Of("行政复议自知道之日起{0}日内；行政诉讼{1}个月内", AppealDays, LawsuitMonths),
                FlowText.Of("条例第五十一条")),
        ]);
    }

    /// <summary>行政复议法 Art. 20 (条例 Art. 51): 60 days from knowing of the act.</summary>
    public const int AppealDays = 60;

    /// <summary>行政诉讼法 Art. 46 (条例 Art. 51): six months from knowing of the act.</summary>
    public const int LawsuitMonths = 6;
}
