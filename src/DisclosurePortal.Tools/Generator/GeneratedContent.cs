using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Tools.Generator;

/// <summary>
/// The vocabularies the generator builds a province-sized 青川县 from, beside the demo county's own (Data/Seed/DemoContent):
/// more departments (bureaus and the township governments), title patterns per record kind, body sentences and
/// headings, applicants. Placeholders: {topic} (an item's level-1 name), {item} (its level-2 name), {domain}, {town},
/// {dept}, {year}, {month}, {quarter}, {n}, {docnoun}, {title} (the document's own name).
/// Nothing here may contain <see cref="RareTerm"/> (or either of its first two characters), so that exactly the
/// records the generator plants it in are found by a search for it.
/// </summary>
internal static class GeneratedContent
{
    /// <summary>Planted in exactly <see cref="RareTermRecords"/> titles: a place name no vocabulary uses.</summary>
    public const string RareTerm = "螺髻山区";

    public const int RareTermRecords = 20;

    /// <summary>Two characters found in a large share of the titles (every “…的通知”).</summary>
    public const string CommonTerm = "通知";

    /// <summary>The bureaus the demo county lacks: (key, name, short name, 文号 prefix, the domains they also serve).</summary>
    public static IReadOnlyList<(string Key, string Name, string ShortName, string Prefix, string[] Domains)> ExtraBureaus { get; } =
    [
        ("transport", "青川县交通运输局", "县交通运输局", "青交发", ["municipal-services", "major-construction-projects"]),
        ("water", "青川县水利局", "县水利局", "青水发", ["disaster-relief", "major-construction-projects"]),
        ("medical-insurance", "青川县医疗保障局", "县医疗保障局", "青医保发", ["social-insurance", "health"]),
        ("veterans", "青川县退役军人事务局", "县退役军人事务局", "青退役发", ["social-assistance", "employment"]),
        ("rural-revitalisation", "青川县乡村振兴局", "县乡村振兴局", "青乡振发", ["poverty-alleviation", "agricultural-subsidies"]),
        ("statistics", "青川县统计局", "县统计局", "青统发", ["budgets-final-accounts", "employment"]),
        ("audit", "青川县审计局", "县审计局", "青审发", ["budgets-final-accounts", "public-resource-trading"]),
        ("forestry", "青川县林业局", "县林业局", "青林发", ["ecology-environment", "agricultural-subsidies"]),
        ("economy", "青川县经济和信息化局", "县经济信息化局", "青经信发", ["work-safety", "public-resource-trading"]),
    ];

    /// <summary>The record kind of an item the demo catalogue lacks, by stage.</summary>
    public static RecordKind KindForStage(string stageCode) => stageCode switch
    {
        "decision" => RecordKind.NormativeDocument,
        "execution" => RecordKind.WorkNews,
        "management" => RecordKind.Notice,
        "service" => RecordKind.OtherDocument,
        _ => RecordKind.Statistics,
    };

    /// <summary>Item names for a (domain, stage) the demo catalogue lacks: level 1 by stage, level 2 after the domain.</summary>
    public static (string Level1, string Level2) ItemNames(string domainName, string stageCode) => stageCode switch
    {
        "decision" => ($"{domainName}政策文件", $"{domainName}规范性文件"),
        "execution" => ($"{domainName}工作部署", $"{domainName}工作推进情况"),
        "management" => ($"{domainName}监督管理", $"{domainName}监督检查结果"),
        "service" => ($"{domainName}办事服务", $"{domainName}办事指南"),
        _ => ($"{domainName}工作结果", $"{domainName}统计数据"),
    };

    public static IReadOnlyList<string> DocumentNouns { get; } =
        ["实施方案", "管理办法", "实施细则", "工作方案", "暂行办法", "考核办法", "操作规程", "三年行动方案", "工作规则", "补助办法"];

    /// <summary>Title patterns per kind, beside the demo items' own (which the generator uses for part of the titles).</summary>
    public static IReadOnlyDictionary<RecordKind, string[]> Titles { get; } = new Dictionary<RecordKind, string[]>
    {
        [RecordKind.Regulation] =
        [
            "青川县{topic}管理规定",
            "青川县{domain}管理办法",
            "青川县人民政府关于修改《青川县{topic}管理规定》的决定",
            "青川县{item}管理规定（{year}年修订）",
        ],
        [RecordKind.NormativeDocument] =
        [
            "关于印发《青川县{topic}{docnoun}》的通知",
            "关于进一步加强{domain}工作的通知",
            "关于做好{year}年{topic}工作的通知",
            "关于调整{item}有关事项的通知",
            "青川县{topic}{docnoun}（{year}年修订）",
            "{dept}关于规范{item}工作的通知",
            "关于印发《青川县{domain}领域{docnoun}》的通知",
        ],
        [RecordKind.Notice] =
        [
            "关于{town}{item}的公告",
            "关于{item}的公示（{year}年第{n}期）",
            "{year}年{town}{item}结果公示",
            "关于开展{year}年{topic}工作的通知",
            "关于{town}{topic}有关事项的通告",
        ],
        [RecordKind.WorkNews] =
        [
            "{dept}召开{year}年{domain}工作推进会",
            "{town}扎实推进{topic}工作",
            "我县开展{year}年{domain}专项检查",
            "{dept}深入{town}调研{topic}工作",
            "青川县{topic}工作取得阶段性成效",
            "{town}召开{item}工作部署会",
        ],
        [RecordKind.AdministrativeLicensing] =
        [
            "{year}年{month}月{item}行政许可信息公示",
            "{dept}{year}年第{n}批行政许可决定公示",
            "{year}年{month}月青川县{domain}领域行政许可结果",
        ],
        [RecordKind.AdministrativePenalty] =
        [
            "{year}年{month}月{dept}行政处罚信息公示",
            "青川县{domain}领域行政处罚案件信息公开（{year}年第{n}批）",
            "{dept}关于{town}违法行为行政处罚决定的公示",
        ],
        [RecordKind.AdministrativeCoercion] =
        [
            "关于对{town}违法建筑依法实施强制拆除的公告",
            "{dept}{year}年行政强制执行信息公示",
            "关于{town}{item}行政强制措施的公告",
        ],
        [RecordKind.Plan] =
        [
            "青川县{year}年{topic}工作计划",
            "关于印发《青川县{year}年{domain}工作要点》的通知",
            "青川县{domain}发展规划中期评估报告",
            "{town}{year}年{item}实施计划",
        ],
        [RecordKind.Statistics] =
        [
            "{year}年{month}月青川县{domain}主要数据",
            "{year}年第{quarter}季度{item}统计情况",
            "青川县{year}年{domain}统计公报",
            "{year}年{month}月{town}{topic}情况统计",
        ],
        [RecordKind.PublicFunds] =
        [
            "{year}年{topic}资金分配情况公示",
            "关于下达{year}年{domain}专项资金的通知",
            "青川县{year}年{domain}资金使用情况公开",
            "{town}{year}年{item}补助资金发放明细",
        ],
        [RecordKind.OtherDocument] =
        [
            "{item}办事指南（{year}年版）",
            "{item}服务流程及申请材料清单",
            "青川县{domain}服务事项目录（{year}年）",
            "{town}{item}办理指引",
        ],
    };

    /// <summary>Titles of the records that carry the rare term (whatever their kind).</summary>
    public static IReadOnlyList<string> RareTitles { get; } =
    [
        "关于" + RareTerm + "{item}有关事项的通知",
        RareTerm + "{topic}工作推进情况",
        "关于" + RareTerm + "{town}片区{item}的公告",
        RareTerm + "{year}年{domain}专项资金分配情况",
    ];

    public static IReadOnlyList<string> Headings { get; } =
        ["工作目标", "基本原则", "适用范围", "主要内容", "重点任务", "工作措施", "职责分工", "实施步骤", "保障措施", "监督管理", "工作要求", "其他事项"];

    public static IReadOnlyList<string> Numerals { get; } = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    /// <summary>Sentences of an official document's body; paragraphs are two to four of them.</summary>
    public static IReadOnlyList<string> Sentences { get; } =
    [
        "坚持问题导向和目标导向，聚焦{domain}领域群众反映强烈的突出问题，逐项制定整改措施，明确责任单位和完成时限。",
        "各乡镇人民政府、街道办事处要切实履行属地管理责任，安排专人负责{topic}工作，确保各项措施落到实处。",
        "{dept}负责牵头组织实施，定期调度工作进展，协调解决工作推进中遇到的困难和问题。",
        "县财政局要加强资金保障，按照有关规定及时拨付{year}年度工作经费，严格资金使用管理。",
        "对{town}等任务较重的乡镇，县级有关部门要加强业务指导，必要时派出工作组蹲点帮扶。",
        "进一步优化办事流程，压缩办理时限，凡是能够通过部门信息共享获取的材料，一律不再要求群众重复提交。",
        "建立健全工作台账，做到底数清、情况明、措施实，每月5日前将上月工作进展报送{dept}。",
        "加强政策宣传解读，通过政府网站、政务新媒体、村（居）务公开栏等渠道，及时公开{item}有关信息。",
        "严格落实“三重一大”决策制度，对涉及群众切身利益的重要事项，依法履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
        "县政府督查室将会同{dept}开展专项督查，对工作推进缓慢、措施落实不力的单位予以通报，并纳入年度目标绩效考核。",
        "到{year}年底，{domain}领域基础设施和公共服务水平明显提升，群众满意度达到90%以上。",
        "坚持公开为常态、不公开为例外，除涉及国家秘密、商业秘密和个人隐私的内容外，相关信息均应主动向社会公开。",
        "各责任单位要对照任务清单，细化工作措施，倒排工期、挂图作战，确保按时保质完成各项目标任务。",
        "畅通群众反映问题渠道，认真受理12345政务服务便民热线转办件，做到件件有回音、事事有着落。",
        "加强与上级主管部门的沟通衔接，积极争取项目和资金支持，推动{topic}工作提质增效。",
        "严格执行廉洁自律各项规定，坚决杜绝优亲厚友、虚报冒领等违纪违规行为，对发现的问题依纪依法严肃处理。",
        "充分发挥村（居）民委员会、村务监督委员会作用，引导群众参与{item}的民主评议和监督。",
        "统筹推进城乡区域协调发展，将{town}作为重点区域，优先安排项目和资金。",
        "相关数据以青川县统计部门正式公布的数据为准，部分指标为初步核算数。",
        "{year}年以来，全县累计投入资金较上年同期增长12.6%，惠及群众3.2万余人次。",
        "建立部门联动机制，{dept}与县发展改革、财政、自然资源、住房城乡建设等部门加强协作，形成工作合力。",
        "强化信息化支撑，依托县政务服务网和一体化政务服务平台，实现{item}“网上办、掌上办、就近办”。",
        "对群众反映的{domain}方面问题，实行首问负责制和限时办结制，办理结果及时反馈当事人。",
        "加强安全风险排查，建立隐患清单和整改清单，实行销号管理，坚决防范和遏制各类事故发生。",
        "开展常态化监督检查，采取“双随机、一公开”方式，随机抽取检查对象、随机选派执法检查人员，检查结果及时向社会公开。",
        "认真总结{town}试点经验，形成可复制、可推广的做法，在全县范围内逐步推开。",
        "严格落实信息发布保密审查制度，坚持“先审查、后公开”和“一事一审”原则，确保公开内容准确无误。",
        "规范档案管理，对工作中形成的文件材料及时收集整理、立卷归档，做到有据可查、全程留痕。",
        "加强工作人员业务培训，每年至少组织两次专题培训，不断提升依法行政能力和服务水平。",
        "本年度共受理相关事项1860件，办结1842件，按时办结率99.0%，群众满意率98.6%。",
        "坚持以人民为中心的发展思想，把群众满意作为检验{topic}工作成效的根本标准。",
        "有关单位和个人对本文件有意见建议的，可通过县人民政府门户网站“政民互动”栏目或信函方式向{dept}反映。",
    ];

    public static IReadOnlyList<string> Bullets { get; } =
    [
        "加强组织领导，压实工作责任",
        "完善制度机制，规范工作流程",
        "强化资金保障，确保专款专用",
        "推进信息公开，接受社会监督",
        "加强督促检查，严格考核问效",
        "做好宣传引导，营造良好氛围",
        "强化部门协同，形成工作合力",
        "坚持底线思维，防范化解风险",
        "优化办事流程，提升服务效能",
        "加强队伍建设，提升履职能力",
    ];

    public static IReadOnlyList<string> Surnames { get; } =
    [
        "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
    ];

    public static IReadOnlyList<string> GivenNames { get; } =
    [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
        "平", "刚", "桂英", "建国", "志红", "玉兰", "文斌", "宇", "浩然", "凯", "鹏飞", "德明", "春梅", "国华", "晓燕", "子涵",
    ];

    public static IReadOnlyList<string> Brands { get; } = ["恒通", "鑫源", "华达", "宏远", "金桥", "顺发", "川兴", "青禾", "山川", "锦程", "汇丰源", "长青"];

    /// <summary>What an applicant asks for (条例 Art. 29: the information's name, 文号 or other description).</summary>
    public static IReadOnlyList<string> Requests { get; } =
    [
        "{year}年{town}{item}的相关文件及审批材料",
        "青川县{domain}{year}年度资金使用明细",
        "{town}{item}的公示名单及评审记录",
        "关于{town}房屋征收补偿安置方案的批准文件及补偿标准",
        "{year}年{topic}项目的招标文件、中标结果及合同",
        "{dept}{year}年作出的{item}有关决定书",
    ];
}
