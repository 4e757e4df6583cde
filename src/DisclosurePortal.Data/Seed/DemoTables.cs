using System.Globalization;
using System.Text;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// The table a demo title promises (分配表, 明细, 名单, 一览表, 名录, 名册, 清单, 汇总…): a Markdown pipe table under an
/// 附件 heading, appended to the body, with rows that read like the county's own. Names of people are shown masked
/// (张*华), as public lists of beneficiaries are. Empty for a title that promises none.
/// </summary>
internal static class DemoTables
{
    /// <summary>The words in a title that promise a table; DemoDataTests holds every such record to it.</summary>
    public static IReadOnlyList<string> PromisingWords { get; } = ["分配", "明细", "名单", "一览表", "名录", "名册", "清单", "确认表", "预算表", "汇总"];

    public static string For(string title, Random rnd, string department)
    {
        if (!PromisingWords.Any(w => title.Contains(w, StringComparison.Ordinal))) return string.Empty;
        var (caption, table) = title switch
        {
            _ when Has(title, "一览表") => ("补贴额一览表", SubsidyAmounts(rnd)),
            _ when Has(title, "确认表") => ("调查结果确认表", Fixtures(rnd)),
            _ when Has(title, "预算表") => ("预算表", Budget(rnd)),
            _ when Has(title, "明细") => ("支付明细", Payments(rnd)),
            _ when Has(title, "汇总") => ("案件汇总表", Penalties(rnd, department)),
            _ when Has(title, "分配") => ("资金分配表", Allocation(rnd)),
            _ when Has(title, "纳税人") || Has(title, "企业") || Has(title, "机构") => ("名单", Organisations(rnd)),
            _ when Has(title, "项目") => ("项目名单", Projects(rnd, department)),
            _ when Has(title, "服务点") || Has(title, "名录") => ("名录", Places(rnd)),
            _ when Has(title, "清单") => ("清单", Matters(rnd, department)),
            _ => ("名单", People(rnd)),
        };
        return $"\n### 附件：{caption}\n\n{table}";
    }

    private static bool Has(string title, string word) => title.Contains(word, StringComparison.Ordinal);

    private static string Allocation(Random rnd)
    {
        var rows = Towns(rnd, rnd.Next(5, 9)).Select(t => (Town: t, Households: rnd.Next(12, 180), Amount: rnd.Next(80, 900) / 10m)).ToList();
        var sb = Header("序号", "乡镇（街道）", "受益户数（户）", "分配资金（万元）");
        foreach (var (r, i) in rows.Select((r, i) => (r, i + 1))) Row(sb, i, r.Town, r.Households, r.Amount.ToString("0.0", CultureInfo.InvariantCulture));
        Row(sb, "合计", "—", rows.Sum(r => r.Households), rows.Sum(r => r.Amount).ToString("0.0", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string People(Random rnd)
    {
        var sb = Header("序号", "姓名", "乡镇（街道）", "村（社区）", "备注");
        for (int i = 1, count = rnd.Next(6, 11); i <= count; i++)
        {
            var town = DemoContent.Towns[rnd.Next(DemoContent.Towns.Count)];
            Row(sb, i, MaskedName(rnd), town, DemoContent.Villages[rnd.Next(DemoContent.Villages.Count)] + (town.EndsWith("街道", StringComparison.Ordinal) ? "社区" : "村"), "—");
        }
        return sb.ToString();
    }

    private static string Organisations(Random rnd)
    {
        var sb = Header("序号", "单位名称", "统一社会信用代码");
        var brands = DemoContent.Brands.OrderBy(_ => rnd.Next()).Take(rnd.Next(5, 9)).ToList();
        for (var i = 0; i < brands.Count; i++)
            Row(sb, i + 1, $"青川县{brands[i]}{DemoContent.CompanyKinds[rnd.Next(DemoContent.CompanyKinds.Count)]}", DemoIdentities.CreditCode(rnd));
        return sb.ToString();
    }

    private static string Projects(Random rnd, string department)
    {
        var sb = Header("序号", "项目名称", "建设地点", "总投资（万元）", "责任单位");
        var towns = Towns(rnd, rnd.Next(4, 7));
        for (var i = 0; i < towns.Count; i++)
            Row(sb, i + 1, $"{towns[i]}{DemoContent.ProjectKinds[rnd.Next(DemoContent.ProjectKinds.Count)]}", towns[i], rnd.Next(300, 12_000), department);
        return sb.ToString();
    }

    private static string Places(Random rnd)
    {
        var sb = Header("序号", "名称", "地址", "联系电话");
        var towns = Towns(rnd, rnd.Next(4, 8));
        for (var i = 0; i < towns.Count; i++)
            Row(sb, i + 1, $"{towns[i]}{DemoContent.PlaceKinds[rnd.Next(DemoContent.PlaceKinds.Count)]}", $"青川县{towns[i]}{DemoContent.Villages[rnd.Next(DemoContent.Villages.Count)]}路{rnd.Next(1, 120)}号", Phone(rnd));
        return sb.ToString();
    }

    private static string Matters(Random rnd, string department)
    {
        var sb = Header("序号", "事项名称", "实施依据", "责任单位");
        var matters = DemoContent.Matters.OrderBy(_ => rnd.Next()).Take(rnd.Next(4, 7)).ToList();
        for (var i = 0; i < matters.Count; i++) Row(sb, i + 1, matters[i].Name, matters[i].Basis, department);
        return sb.ToString();
    }

    private static string SubsidyAmounts(Random rnd)
    {
        var sb = Header("序号", "机具品目", "分档名称", "补贴额（元）");
        var machines = DemoContent.Machines.OrderBy(_ => rnd.Next()).Take(rnd.Next(5, 8)).ToList();
        for (var i = 0; i < machines.Count; i++) Row(sb, i + 1, machines[i].Item, machines[i].Grade, machines[i].Amount);
        return sb.ToString();
    }

    private static string Payments(Random rnd)
    {
        var sb = Header("序号", "权利人", "地类", "面积（亩）", "补偿金额（元）");
        string[] kinds = ["水田", "旱地", "林地", "园地", "宅基地"];
        var (area, money) = (0m, 0);
        for (int i = 1, count = rnd.Next(6, 10); i <= count; i++)
        {
            var a = rnd.Next(3, 60) / 10m;
            var m = (int)(a * rnd.Next(38_000, 52_000));
            (area, money) = (area + a, money + m);
            Row(sb, i, MaskedName(rnd), kinds[rnd.Next(kinds.Length)], a.ToString("0.0", CultureInfo.InvariantCulture), m);
        }
        Row(sb, "合计", "—", "—", area.ToString("0.0", CultureInfo.InvariantCulture), money);
        return sb.ToString();
    }

    private static string Fixtures(Random rnd)
    {
        var sb = Header("序号", "权利人", "附着物或青苗", "数量", "单位");
        (string Name, string Unit)[] kinds = [("果树", "株"), ("围墙", "米"), ("水井", "口"), ("青苗（水稻）", "亩"), ("青苗（玉米）", "亩"), ("简易棚房", "平方米")];
        for (int i = 1, count = rnd.Next(6, 10); i <= count; i++)
        {
            var (name, unit) = kinds[rnd.Next(kinds.Length)];
            Row(sb, i, MaskedName(rnd), name, rnd.Next(1, 40), unit);
        }
        return sb.ToString();
    }

    private static string Budget(Random rnd)
    {
        var sb = Header("项目", "预算数（万元）", "上年执行数（万元）", "增减（%）");
        string[] lines = ["国有土地使用权出让收入", "城市基础设施配套费收入", "污水处理费收入", "专项债务对应项目专项收入"];
        var (budget, last) = (0, 0);
        foreach (var line in lines)
        {
            var l = rnd.Next(800, 40_000);
            var b = l + rnd.Next(-l / 5, l / 5);
            (budget, last) = (budget + b, last + l);
            Row(sb, line, b, l, Change(b, l));
        }
        Row(sb, "合计", budget, last, Change(budget, last));
        return sb.ToString();

        static string Change(int now, int before) => ((now - before) * 100m / before).ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static string Penalties(Random rnd, string department)
    {
        var sb = Header("序号", "当事人", "违法行为", "处罚内容", "处罚机关");
        string[] acts = ["未按规定建立安全生产管理制度", "未按规定公示相关信息", "超范围经营", "未按规定进行检验检测", "未按规定保存记录"];
        for (int i = 1, count = rnd.Next(4, 8); i <= count; i++)
            Row(sb, i, $"青川县{DemoContent.Brands[rnd.Next(DemoContent.Brands.Count)]}{DemoContent.CompanyKinds[rnd.Next(DemoContent.CompanyKinds.Count)]}",
                acts[rnd.Next(acts.Length)], $"警告，罚款{rnd.Next(1, 30) * 1000}元", department);
        return sb.ToString();
    }

    private static List<string> Towns(Random rnd, int count) => [.. DemoContent.Towns.OrderBy(_ => rnd.Next()).Take(count)];

    private static string MaskedName(Random rnd)
    {
        var given = DemoContent.GivenNames[rnd.Next(DemoContent.GivenNames.Count)];
        return DemoContent.Surnames[rnd.Next(DemoContent.Surnames.Count)] + "*" + (given.Length > 1 ? given[^1..] : string.Empty);
    }

    private static string Phone(Random rnd) => string.Create(CultureInfo.InvariantCulture, $"0839-{rnd.Next(7_200_000, 7_300_000)}");

    private static StringBuilder Header(params string[] columns)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", columns).Append(" |\n|").AppendJoin("|", columns.Select(_ => "---")).Append("|\n");
        return sb;
    }

    private static void Row(StringBuilder sb, params object[] cells) =>
        sb.Append("| ").AppendJoin(" | ", cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))).Append(" |\n");
}
