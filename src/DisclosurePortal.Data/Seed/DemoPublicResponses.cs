using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Issue 19's demo records: a few 回应关切 (answers to concerns raised by netizens, the media, the 12345 hotline) and
/// 新闻发布会 (with speakers and a transcript), published in the last months, so that /responses and
/// /press-conferences are not empty on a fresh run.
/// </summary>
internal static class DemoPublicResponses
{
    /// <param name="itemOf">The first active catalogue item of a department (by its demo key).</param>
    public static IEnumerable<(CatalogueItem Item, RecordKind Kind, DateOnly PublishedOn, RecordMetadata Metadata)> Plan(
        Func<string, (CatalogueItem Item, string Department)> itemOf, DateOnly today)
    {
        DateOnly Day(int daysAgo) => Weekday(today.AddDays(-daysAgo));

        var (housing, housingName) = itemOf("housing");
        yield return (housing, RecordKind.ConcernResponse, Day(9), new RecordMetadata
        {
            Title = "关于乔庄镇老旧小区改造施工噪声问题的回应",
            IssuingOrgan = housingName,
            WrittenOn = Day(10),
            ConcernSource = ConcernSource.Hotline12345,
            ConcernDate = Day(14),
            ConcernSummary = "多位市民通过12345热线反映，乔庄镇老旧小区改造项目夜间施工噪声影响休息。",
            Body = "经核查，该项目施工单位确有两晚超时作业。县住房城乡建设局已责令施工单位严格执行早7时至晚10时的作业时间，"
                + "确需夜间连续作业的，须提前办理手续并公告周边居民。\n\n市民如发现违规夜间施工，可拨打12345热线或县住房城乡建设局监督电话反映。",
        });
        yield return (housing, RecordKind.ConcernResponse, Day(40), new RecordMetadata
        {
            Title = "关于农村危房改造补助发放进度的回应",
            IssuingOrgan = housingName,
            WrittenOn = Day(41),
            ConcernSource = ConcernSource.NetizenMessage,
            ConcernDate = Day(47),
            ConcernSummary = "网民在县长信箱留言，询问2026年农村危房改造补助何时发放到户。",
            Body = "2026年第一批农村危房改造补助资金已于本月拨付至各乡镇，由乡镇财政所通过“一卡通”直接发放到户，预计本月底前全部到账。"
                + "\n\n补助对象名单已在各村公示栏和本网站“农村危房改造”栏目公开。",
        });
        var (office, officeName) = itemOf("gov-office");
        yield return (office, RecordKind.ConcernResponse, Day(70), new RecordMetadata
        {
            Title = "关于县城区停车难问题的回应",
            IssuingOrgan = officeName,
            WrittenOn = Day(71),
            ConcernSource = ConcernSource.MediaReport,
            ConcernDate = Day(78),
            ConcernSummary = "《广元日报》报道县城区老城片区停车位紧张、占道停车多。",
            Body = "县政府已组织相关部门梳理老城片区可利用空间，年内新增公共停车位约300个，并推行错时共享停车。",
        });
        yield return (office, RecordKind.PressConference, Day(16), new RecordMetadata
        {
            Title = "青川县2026年民生实事项目推进情况新闻发布会",
            IssuingOrgan = officeName,
            WrittenOn = Day(16),
            ConferenceDate = Day(16),
            ConferenceTime = new TimeOnly(10, 0),
            ConferencePlace = "县政府新闻发布厅（县政府办公楼三楼）",
            Speakers = "李华\t县人民政府副县长\n王明\t县住房城乡建设局局长\n赵芳\t县财政局副局长",
            VideoUrl = "https://video.qingchuan.example/fabuhui/2026-minsheng.mp4",
            Body = "**主持人：** 各位媒体朋友，上午好！欢迎参加今天的新闻发布会。\n\n"
                + "**李华：** 今年县委、县政府确定的十件民生实事，目前已完成投资约4.2亿元，其中老旧小区改造、农村供水保障两项进度超过八成。\n\n"
                + "**记者：** 老旧小区改造什么时候全部完工？\n\n"
                + "**王明：** 今年纳入改造的12个小区，计划在11月底前全部完工，完工后组织居民代表参加验收。",
        });
        yield return (office, RecordKind.PressConference, Day(60), new RecordMetadata
        {
            Title = "青川县防汛工作新闻发布会",
            IssuingOrgan = officeName,
            WrittenOn = Day(60),
            ConferenceDate = Day(60),
            ConferenceTime = new TimeOnly(15, 0),
            ConferencePlace = "县应急管理局会议室",
            Speakers = "陈刚\t县应急管理局局长\n周丽\t县水利局副局长",
            Body = "**陈刚：** 入汛以来，全县共发布预警信息6次，转移群众1200余人次，未发生人员伤亡。\n\n"
                + "**周丽：** 县水利局对全县42座山坪塘开展了汛前检查，发现的隐患已全部整改。",
        });
    }

    private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };
}
