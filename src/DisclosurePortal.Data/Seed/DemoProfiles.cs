using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Demo 机构概况 (issue 20 §2): published profiles for several demo units, one of them with an older version kept as
/// history, and one unit whose new version awaits the office's review. Every step goes through the Domain.
/// </summary>
internal static class DemoProfiles
{
    private const string Editor = "演示编辑";
    private const string Reviewer = "演示审核员";
    private const string Hours = "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）";

    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, Department> departments, DateTimeOffset now, CancellationToken ct)
    {
        var published = new List<UnitProfile>();
        foreach (var (key, draft) in Profiles)
        {
            if (!departments.TryGetValue(key, out var department)) continue;
            var first = UnitProfile.Create(department.Id, 1, draft, Editor, now.AddDays(-120));
            first.Submit(now.AddDays(-119));
            first.Publish(null, Reviewer, now.AddDays(-118));
            db.UnitProfiles.Add(first);
            published.Add(first);
        }
        await db.SaveChangesAsync(ct);

        // 县财政局 changed a leader's 分工: version 2 replaced version 1, which stays as history.
        if (published.FirstOrDefault(p => p.DepartmentId == departments["finance"].Id) is { } finance)
        {
            var revised = finance.ToDraft() with
            {
                Leaders = [.. finance.ToDraft().Leaders.Select(l => l.Post == "副局长" ? l with { Duties = "分管预算、国库和政府采购工作，联系县财政投资评审中心。" } : l)],
            };
            var second = UnitProfile.Create(finance.DepartmentId, 2, revised, Editor, now.AddDays(-30));
            second.Submit(now.AddDays(-29));
            db.UnitProfiles.Add(second);
            second.Publish(finance, Reviewer, now.AddDays(-28));
        }
        // 县教育局 has a new 内设机构: version 2 awaits the office's review.
        if (published.FirstOrDefault(p => p.DepartmentId == departments["education"].Id) is { } education)
        {
            var draft = education.ToDraft();
            var pending = UnitProfile.Create(education.DepartmentId, 2, draft with
            {
                Offices = [.. draft.Offices, new OfficeDraft("教育督导室", "负责对全县中小学校和幼儿园的督导评估。", "0839-7203113")],
            }, Editor, now.AddDays(-2));
            pending.Submit(now.AddDays(-1));
            db.UnitProfiles.Add(pending);
        }
        await db.SaveChangesAsync(ct);
    }

    private static ProfileDraft Draft(string functions, string address, string phone, string complaint, string email, OfficeDraft[] offices, LeaderDraft[] leaders) => new()
    {
        Functions = functions,
        Address = address,
        OfficeHours = Hours,
        Phone = phone,
        ComplaintPhone = complaint,
        Email = email,
        Offices = offices,
        Leaders = leaders,
    };

    private static readonly (string Key, ProfileDraft Draft)[] Profiles =
    [
        ("gov-office", Draft(
            "负责县人民政府日常工作的综合协调，督促检查县政府各部门和乡镇人民政府对县政府决定事项的贯彻落实。\n\n负责县政府政务公开、政务信息和政务服务工作的组织协调和指导监督，承担县政府信息公开工作主管部门的具体工作。\n\n负责县政府文电、会务、机要、保密和档案等工作，办理县人大代表建议和县政协委员提案。",
            "青川县乔庄镇政府路1号县政府大楼二楼", "0839-7202001", "0839-7202000", "qcxzfb@example.gov.cn",
            [new("秘书股", "负责县政府领导日常公务活动的安排和服务，起草县政府综合性文稿。", "0839-7202011"),
             new("政务公开办公室", "负责全县政务公开、政府信息公开的组织推进和考核评估，承办依申请公开答复。", "0839-7202012"),
             new("督查室", "负责县政府重要工作部署和领导批示事项的督查督办。", "0839-7202013")],
            [new("李建华", "县政府办公室主任", "主持县政府办公室全面工作。"),
             new("陈晓琳", "副主任", "负责政务公开、政务服务和电子政务工作。")])),
        ("finance", Draft(
            "贯彻执行国家财税方针政策，拟订全县财政发展规划和政策措施。\n\n编制县级年度预算草案并组织执行，编制县级决算草案，负责政府预决算公开的组织工作。\n\n负责县级国库集中收付、政府采购监督管理和政府债务管理。",
            "青川县乔庄镇红光路8号", "0839-7202301", "0839-7202300", "qcczj@example.gov.cn",
            [new("预算股", "负责编制县级预算草案，审核部门预算。", "0839-7202311"),
             new("国库股", "负责国库集中收付和财政资金调度。", "0839-7202312"),
             new("政府采购监督管理股", "负责政府采购活动的监督管理和投诉处理。", "0839-7202313")],
            [new("王志强", "局长", "主持县财政局全面工作。"),
             new("刘芳", "副局长", "分管预算和国库工作。")])),
        ("housing", Draft(
            "负责全县住房保障、城乡建设和建筑业的监督管理。\n\n承担保障性住房、棚户区改造和农村危房改造的组织实施，负责房地产市场监管。\n\n负责建设工程质量安全监督和建筑市场监管。",
            "青川县乔庄镇建设路22号", "0839-7202501", "0839-7202500", "qczjj@example.gov.cn",
            [new("住房保障股", "负责公共租赁住房的分配和管理，组织农村危房改造。", "0839-7202531"),
             new("建筑业管理股", "负责建筑市场和建设工程招标投标的监督管理。", "0839-7202532")],
            [new("赵国平", "局长", "主持县住房城乡建设局全面工作。"),
             new("孙丽", "副局长", "分管住房保障和房地产市场监管工作。")])),
        ("education", Draft(
            "贯彻执行国家教育方针政策，拟订全县教育事业发展规划并组织实施。\n\n负责义务教育均衡发展和学前教育、普通高中教育的统筹管理，负责学生资助工作。\n\n负责全县中小学教师队伍建设和校园安全工作。",
            "青川县乔庄镇文化路15号", "0839-7203101", "0839-7203100", "qcjyj@example.gov.cn",
            [new("基础教育股", "负责中小学和幼儿园的招生入学、学籍和教育教学管理。", "0839-7203111"),
             new("学生资助管理中心", "负责各学段学生资助政策的落实。", "0839-7203112")],
            [new("张明", "局长", "主持县教育局全面工作。"),
             new("黄静", "副局长", "分管基础教育和学生资助工作。")])),
        ("health", Draft(
            "贯彻执行卫生健康法律法规和政策，拟订全县卫生健康事业发展规划。\n\n负责疾病预防控制、医政医管、基层卫生和妇幼健康工作，组织突发公共卫生事件的应急处置。",
            "青川县乔庄镇健康路3号", "0839-7203201", "0839-7203200", "qcwjj@example.gov.cn",
            [new("医政医管股", "负责医疗机构和医务人员执业管理，推进公立医院改革。", "0839-7203211"),
             new("疾病预防控制股", "负责传染病防控和免疫规划。", "0839-7203212")],
            [new("周红梅", "局长", "主持县卫生健康局全面工作。")])),
        ("civil-affairs", Draft(
            "负责全县社会救助、养老服务、儿童福利和社会事务管理。\n\n负责城乡居民最低生活保障、特困人员救助供养和临时救助工作。\n\n指导城乡社区治理和村（居）务公开。",
            "青川县乔庄镇民生路6号", "0839-7202701", "0839-7202700", "qcmzj@example.gov.cn",
            [new("社会救助股", "负责低保、特困供养和临时救助的审核审批。", "0839-7202711"),
             new("基层政权和社区建设股", "负责指导村（居）民委员会建设和村（居）务公开。", "0839-7202712")],
            [new("吴德明", "局长", "主持县民政局全面工作。"),
             new("郑小英", "副局长", "分管社会救助和养老服务工作。")])),
    ];
}
