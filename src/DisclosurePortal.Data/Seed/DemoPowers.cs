using DisclosurePortal.Domain.Powers;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// A demo 权责清单 (issue 20 §5) of two departments, dated back from today: six powers published with their flowcharts,
/// one of them changed since and its revised flowchart overdue (on /office and the editor's dashboard), another changed
/// and awaiting the office's review, and a new one still a draft. Every step goes through the Domain, as staff would.
/// </summary>
internal static class DemoPowers
{
    private const string Editor = "演示编辑";
    private const string Reviewer = "演示审核员";

    private static PowerDraft Draft(string name, PowerCategory category, string basis, string office, string? staff, params (string Actor, string Action, string? Limit)[] steps) => new()
    {
        Name = name,
        Category = category,
        LegalBasis = basis,
        Office = office,
        Staff = staff,
        Steps = steps.Select(s => new PowerStepDraft(s.Actor, s.Action, s.Limit)).ToList(),
    };

    private static readonly PowerDraft Permit = Draft("建筑工程施工许可", PowerCategory.Licensing,
        "《中华人民共和国建筑法》第七条、第八条\n《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）第二条",
        "行政审批股", "窗口受理岗",
        ("政务服务中心住建窗口", "受理申请，材料不齐全的一次性告知补正", "即时"),
        ("行政审批股", "审查申请材料，必要时现场核查", "5个工作日"),
        ("分管领导", "作出准予或不予许可的决定", "1个工作日"),
        ("政务服务中心住建窗口", "送达施工许可证或不予许可决定书", "1个工作日"));

    private static readonly PowerDraft SitePenalty = Draft("对施工单位未采取扬尘污染防治措施的处罚", PowerCategory.Penalty,
        "《中华人民共和国大气污染防治法》第六十九条、第一百一十五条",
        "建设工程质量安全监督站", null,
        ("执法人员", "立案，调查取证（两名以上执法人员，出示执法证件）", "立案后30日内"),
        ("法制审核岗", "审核案件事实、证据和适用依据", "3个工作日"),
        ("执法人员", "告知拟作出的处罚及陈述、申辩和听证权利", null),
        ("局负责人", "作出行政处罚决定", "立案之日起90日内"),
        ("执法人员", "送达处罚决定书，并在7个工作日内公示", "7个工作日"));

    private static readonly PowerDraft Inspection = Draft("建筑工程质量安全监督检查", PowerCategory.Inspection,
        "《建设工程质量管理条例》第四十三条、第四十七条\n《建设工程安全生产管理条例》第四十条",
        "建设工程质量安全监督站", "监督员",
        ("监督站", "制定年度“双随机、一公开”抽查计划", "每年1月"),
        ("监督员", "随机抽取检查对象和检查人员，实施检查", null),
        ("监督站", "出具检查结论，责令整改存在的问题", "检查后5个工作日"),
        ("监督站", "公开抽查结果", "20个工作日"));

    private static readonly PowerDraft Business = Draft("企业设立登记", PowerCategory.Licensing,
        "《中华人民共和国市场主体登记管理条例》第三条、第十九条",
        "登记注册股", "登记窗口",
        ("政务服务中心市场监管窗口", "受理申请（可网上办理）", "即时"),
        ("登记注册股", "审查材料，符合条件的当场登记", "1个工作日"),
        ("政务服务中心市场监管窗口", "核发营业执照", "即时"));

    private static readonly PowerDraft FoodInspection = Draft("食品生产经营监督检查", PowerCategory.Inspection,
        "《中华人民共和国食品安全法》第一百一十条\n《食品生产经营监督检查管理办法》第五条",
        "食品安全监督管理股", null,
        ("食品安全监督管理股", "制定年度监督检查计划，按风险等级确定检查频次", "每年1月"),
        ("检查人员", "现场检查，填写检查要点表", null),
        ("检查人员", "告知检查结果，责令整改", "当场"),
        ("食品安全监督管理股", "公开检查结果", "20个工作日"));

    private static readonly PowerDraft Reward = Draft("食品安全违法行为举报奖励", PowerCategory.Reward,
        "《中华人民共和国食品安全法》第一百一十五条\n《市场监管领域重大违法行为举报奖励暂行办法》第三条",
        "投诉举报中心", null,
        ("投诉举报中心", "举报查实、案件办结后告知举报人可申请奖励", "结案后15个工作日"),
        ("办案机构", "审核举报人身份和奖励条件，提出奖励等级和金额", "10个工作日"),
        ("局负责人", "批准奖励", null),
        ("财务股", "发放奖金", "批准后60日内"));

    public static async Task SeedAsync(PortalDbContext db, int housing, int market, Domain.Calendar.WorkingCalendar calendar, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var publishedOn = today.AddDays(-120);
        Power Published(int department, PowerDraft draft)
        {
            var p = Power.Create(department, draft, Editor, null, now);
            p.Submit(Editor, null, now);
            p.Approve(publishedOn, Reviewer, null, now);
            db.Powers.Add(p);
            return p;
        }

        var permit = Published(housing, Permit);
        Published(housing, SitePenalty);
        Published(housing, Inspection);
        var business = Published(market, Business);
        Published(market, FoodInspection);
        Published(market, Reward);

        // A change whose revised flowchart is overdue: changed 25 working days ago, still a draft.
        var overdueFrom = WorkingDaysBefore(today, 25, calendar);
        permit.Save(Permit with { Office = "行政审批服务股", Steps = [.. Permit.Steps.Take(2), new("分管领导", "作出准予或不予许可的决定（可网上签批）", "1个工作日"), Permit.Steps[3]] },
            overdueFrom, today, Editor, null, now);
        // A change awaiting the office's review, due in a few days.
        business.Save(Business with { Steps = [new("政务服务中心市场监管窗口", "受理申请（全程网办，或“一窗通办”）", "即时"), .. Business.Steps.Skip(1)] },
            WorkingDaysBefore(today, 17, calendar), today, Editor, null, now);
        business.Submit(Editor, null, now);
        // A new power not yet public.
        db.Powers.Add(Power.Create(market, Draft("对特种设备使用单位未按规定办理使用登记的处罚", PowerCategory.Penalty,
            "《中华人民共和国特种设备安全法》第八十三条", "特种设备安全监察股", null,
            ("执法人员", "立案调查", null), ("局负责人", "作出处罚决定", "立案之日起90日内")), Editor, null, now));
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly WorkingDaysBefore(DateOnly today, int count, Domain.Calendar.WorkingCalendar calendar)
    {
        var day = today;
        for (var n = 0; n < count;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) n++;
        }
        return day;
    }
}
