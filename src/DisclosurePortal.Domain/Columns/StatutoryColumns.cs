namespace DisclosurePortal.Domain.Columns;

/// <summary>
/// 条例 Art. 20: what every administrative organ discloses proactively, in the article's fifteen items, and the local
/// columns the county plan and practice add (domain README §9). The seed of a new site's tree; administrators change it.
/// </summary>
public static class StatutoryColumns
{
    public sealed record Seed(string NameZh, string NameEn, string? Citation, IReadOnlyList<Seed> Children);

    public const string RootZh = "法定主动公开内容";

    // Before the lists: static fields initialise in textual order.
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    /// <summary>条例第二十条 (一)–(十五), named by the article's words, shortened only where the item lists several things.</summary>
    public static IReadOnlyList<Seed> Article20 { get; } =
    [
        Item(1, "行政法规、规章和规范性文件", "Administrative regulations, rules and normative documents"),
        Item(2, "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "Functions, organisation, address, office hours, contacts and heads"),
        Item(3, "国民经济和社会发展规划、专项规划、区域规划及相关政策", "Development plans, special and regional plans and related policies"),
        Item(4, "统计信息", "Statistics"),
        Item(5, "行政许可和其他对外管理服务事项", "Administrative licensing and other public services: basis, conditions, procedure, results"),
        Item(6, "行政处罚、行政强制", "Administrative penalties and compulsory measures"),
        Item(7, "财政预算、决算信息", "Budgets and final accounts"),
        Item(8, "行政事业性收费项目及其依据、标准", "Administrative fees, their basis and rates"),
        Item(9, "政府集中采购项目的目录、标准及实施情况", "Centralised government procurement: catalogue, standards and implementation"),
        Item(10, "重大建设项目的批准和实施情况", "Approval and implementation of major construction projects"),
        Item(11, "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", "Poverty relief, education, health, social security and employment policies"),
        Item(12, "突发公共事件的应急预案、预警信息及应对情况", "Emergency plans, warnings and responses"),
        Item(13, "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况", "Inspections: environment, public health, work safety, food and drugs, product quality"),
        Item(14, "公务员招考的职位、名额、报考条件等事项以及录用结果", "Civil service recruitment: posts, numbers, conditions and results"),
        Item(15, "其他依法应当主动公开的政府信息", "Other information to be disclosed proactively by law"),
    ];

    /// <summary>Local columns: 建议提案办理复文 (published in summary where agreed, Siping Tiexi), 人事信息, 审计, 财政预决算.</summary>
    public static IReadOnlyList<Seed> Local { get; } =
    [
        new("建议提案办理复文", "Replies to deputies' suggestions and members' proposals", null,
        [
            new("人大代表建议复文", "Replies to NPC deputies' suggestions", null, []),
            new("政协委员提案复文", "Replies to CPPCC members' proposals", null, []),
        ]),
        new("人事信息", "Personnel", null, []),
        new("审计", "Audit", null, []),
        new("财政预决算", "Budgets and final accounts of departments", null, []),
    ];

    private static Seed Item(int number, string zh, string en) =>
        new(zh, en, $"条例第二十条第（{Numerals[number - 1]}）项", []);

}
