using DisclosurePortal.Domain.Reporting;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>A row-header cell of the official table, with its spans.</summary>
public sealed record HeaderCell(string Text, int ColSpan = 1, int RowSpan = 1);

/// <summary>One line of Table 三: the header cells that start on it and the row whose numbers it shows.</summary>
public sealed record ApplicationLine(ApplicationTableRow Row, IReadOnlyList<HeaderCell> Heads, string FullLabel);

/// <summary>The layout of the official tables (国办公开办函〔2021〕30号), shared by the pages and the downloads.</summary>
public static class ReportLayout
{
    public static readonly string[] ApplicantColumns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    public static readonly string[] ReviewColumns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static readonly string[] ReviewGroups = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"];

    public static IReadOnlyList<ApplicationLine> ApplicationLines { get; } = Build();

    private static List<ApplicationLine> Build()
    {
        var lines = new List<ApplicationLine>();
        void Add(ApplicationTableRow row, string full, params HeaderCell[] heads) => lines.Add(new(row, heads, full));
        Add(ApplicationTableRow.NewThisYear, "一、本年新收政府信息公开申请数量", new HeaderCell("一、本年新收政府信息公开申请数量", 3));
        Add(ApplicationTableRow.CarriedFromLastYear, "二、上年结转政府信息公开申请数量", new HeaderCell("二、上年结转政府信息公开申请数量", 3));
        Add(ApplicationTableRow.Disclosed, "三（一）予以公开", new HeaderCell("三、本年度办理结果", 1, 22), new HeaderCell("（一）予以公开", 2));
        Add(ApplicationTableRow.PartiallyDisclosed, "三（二）部分公开", new HeaderCell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2));
        Group("（三）不予公开", ApplicationTableRow.WithheldStateSecret,
            ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"]);
        Group("（四）无法提供", ApplicationTableRow.UnavailableNotHeld, ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]);
        Group("（五）不予处理", ApplicationTableRow.NotProcessedPetition, ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"]);
        Group("（六）其他处理", ApplicationTableRow.OtherNoSupplement,
            ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"]);
        Add(ApplicationTableRow.DecidedTotal, "三（七）总计", new HeaderCell("（七）总计", 2));
        Add(ApplicationTableRow.CarriedToNextYear, "四、结转下年度继续办理", new HeaderCell("四、结转下年度继续办理", 3));
        return lines;

        void Group(string name, ApplicationTableRow first, string[] items)
        {
            for (var i = 0; i < items.Length; i++)
            {
                var item = new HeaderCell($"{i + 1}．{items[i]}");
                var row = first + i;
                var full = $"三{name}{i + 1}．{items[i]}";
                if (i == 0) Add(row, full, new HeaderCell(name, 1, items.Length), item);
                else Add(row, full, item);
            }
        }
    }
}
