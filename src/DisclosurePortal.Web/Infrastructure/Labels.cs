using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>The Chinese names of the domain's enumerations (the localizer turns them into English when chosen).</summary>
public static class Labels
{
    public static string Of(DisclosureMethod value) => value switch
    {
        DisclosureMethod.Proactive => "主动公开",
        DisclosureMethod.OnApplication => "依申请公开",
        _ => value.ToString(),
    };

    public static string Of(Audience value) => value switch
    {
        Audience.Public => "全社会",
        Audience.SpecificGroups => "特定群众",
        _ => value.ToString(),
    };

    public static string Of(AdministrativeLevel value) => value switch
    {
        AdministrativeLevel.County => "县级",
        AdministrativeLevel.Township => "乡级",
        _ => value.ToString(),
    };

    public static string Of(UpdateFrequency value) => value switch
    {
        UpdateFrequency.RealTime => "实时",
        UpdateFrequency.Monthly => "每月",
        UpdateFrequency.Quarterly => "每季度",
        UpdateFrequency.Annually => "每年",
        UpdateFrequency.OnCompletion => "办结后",
        _ => value.ToString(),
    };

    public static IReadOnlyList<string> Of(DisclosureChannels channels) =>
        Enum.GetValues<DisclosureChannels>()
            .Where(c => c != DisclosureChannels.None && channels.HasFlag(c))
            .Select(Channel)
            .ToList();

    public static string Channel(DisclosureChannels value) => value switch
    {
        DisclosureChannels.GovernmentWebsite => "政府网站",
        DisclosureChannels.GovernmentGazette => "政府公报",
        DisclosureChannels.NewMedia => "两微一端",
        DisclosureChannels.PressConference => "发布会/听证会",
        DisclosureChannels.RadioTelevision => "广播电视",
        DisclosureChannels.PrintMedia => "纸质媒体",
        DisclosureChannels.ReadingPoint => "公开查阅点",
        DisclosureChannels.ServiceCentre => "政务服务中心",
        DisclosureChannels.ConvenienceStation => "便民服务站",
        DisclosureChannels.OnSite => "入户/现场",
        DisclosureChannels.NoticeBoard => "社区/村公示栏",
        DisclosureChannels.TargetedPush => "精准推送",
        DisclosureChannels.Hotline12345 => "12345热线",
        DisclosureChannels.Other => "其他",
        _ => value.ToString(),
    };

    /// <summary>How a time limit is counted; N stands for the amount the editor enters beside it.</summary>
    public static string Of(TimeLimitKind value) => value switch
    {
        TimeLimitKind.WorkingDaysAfterFormed => "信息形成或变更之日起 N 个工作日内",
        TimeLimitKind.DaysAfterCompletion => "办结后 N 日内",
        TimeLimitKind.MonthlyByDay => "每月 N 日前公开上月情况",
        TimeLimitKind.QuarterlyByDay => "每季度首月 N 日前公开上季度情况",
        TimeLimitKind.AnnuallyByDay => "每年 1 月 N 日前公开上年情况",
        TimeLimitKind.RealTime => "实时公开",
        _ => value.ToString(),
    };

    public static string Of(CatalogueItemStatus value) => value switch
    {
        CatalogueItemStatus.Active => "在用",
        CatalogueItemStatus.Retired => "已停用",
        _ => value.ToString(),
    };

    public static string Of(CatalogueItemChange value) => value switch
    {
        CatalogueItemChange.Added => "新增",
        CatalogueItemChange.Revised => "修订",
        CatalogueItemChange.Retired => "停用",
        _ => value.ToString(),
    };

    public static string Of(RecordKind value) => value switch
    {
        RecordKind.Regulation => "规章",
        RecordKind.NormativeDocument => "行政规范性文件",
        RecordKind.PolicyInterpretation => "政策解读",
        RecordKind.WorkNews => "工作动态",
        RecordKind.AdministrativeLicensing => "行政许可",
        RecordKind.AdministrativePenalty => "行政处罚",
        RecordKind.AdministrativeCoercion => "行政强制",
        RecordKind.Notice => "通知公告",
        RecordKind.Plan => "规划计划",
        RecordKind.Statistics => "统计数据",
        RecordKind.PublicFunds => "财政资金",
        RecordKind.OtherDocument => "其他文件",
        RecordKind.ConcernResponse => "回应关切",
        RecordKind.PressConference => "新闻发布会",
        _ => value.ToString(),
    };

    public static string Of(ConcernSource value) => PublicResponses.Describe(value);

    public static string Of(Validity value) => value switch
    {
        Validity.Valid => "有效",
        Validity.Expired => "失效",
        Validity.Repealed => "废止",
        _ => value.ToString(),
    };

    public static string Of(ReviewOutcome value) => value switch
    {
        ReviewOutcome.Passed => "通过",
        ReviewOutcome.Returned => "退回修改",
        ReviewOutcome.Withheld => "不予公开",
        _ => value.ToString(),
    };

    public static string Of(DisclosureAttribute value) => value switch
    {
        DisclosureAttribute.Proactive => "主动公开",
        DisclosureAttribute.OnApplication => "依申请公开",
        DisclosureAttribute.NotDisclosed => "不予公开",
        _ => value.ToString(),
    };

    public static string Of(InterpretationForm value) => value switch
    {
        InterpretationForm.Text => "文字解读",
        InterpretationForm.Graphic => "图解",
        InterpretationForm.Expert => "专家解读",
        InterpretationForm.Media => "媒体解读",
        InterpretationForm.QuestionsAndAnswers => "政策问答",
        InterpretationForm.Video => "视频",
        _ => value.ToString(),
    };
}
