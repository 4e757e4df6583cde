using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>
/// Reply letter templates, one per kind of answer. Each maps to exactly one row of the annual report's Table 三;
/// "already disclosed proactively" and "not held by this body" are their own templates but count as 予以公开 and
/// 无法提供（本机关不掌握） (条例 Art. 36 (二), (五)). The remedy is appended by the Domain to every letter.
/// </summary>
public static class ReplyTemplates
{
    public sealed record Template(string Key, string Name, ReplyType Type, string Body);

    private const string Opening = "{0}：\n\n本机关于{1}收到您提出的政府信息公开申请，申请获取“{2}”。";

    private const string Law = "《中华人民共和国政府信息公开条例》";

    /// <summary>A template for every reply type of Table 三 except the two closings that are not replies (逾期不补正, 逾期未缴费).</summary>
    public static readonly IReadOnlyList<Template> All =
    [
        new("disclosed", "予以公开", ReplyType.Disclosed, Opening + "经审查，您申请获取的政府信息属于公开范围，根据" + Law + "第三十六条第（二）项的规定，现予以提供（见附件）。"),
        new("disclosed-proactively", "已主动公开，告知获取途径", ReplyType.Disclosed, Opening + "经审查，您申请获取的政府信息已经主动公开，根据" + Law + "第三十六条第（一）项的规定，您可以通过{3}（政府信息公开目录）查阅获取。"),
        new("partially", "部分公开", ReplyType.PartiallyDisclosed, Opening + "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据" + Law + "第三十七条的规定，现向您提供可以公开的部分（见附件），不予公开的部分及理由如下：\n\n"),
        new("withheld-state-secret", "不予公开：属于国家秘密", ReplyType.WithheldStateSecret, Opening + "经审查，您申请获取的政府信息依法确定为国家秘密。根据" + Law + "第十四条、第三十六条第（三）项的规定，决定不予公开。"),
        new("withheld-by-law", "不予公开：其他法律行政法规禁止公开", ReplyType.WithheldProhibitedByLaw, Opening + "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息（依据：＿＿＿＿）。根据" + Law + "第十四条、第三十六条第（三）项的规定，决定不予公开。"),
        new("withheld-security", "不予公开：危及“三安全一稳定”", ReplyType.WithheldEndangersSecurity, Opening + "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据" + Law + "第十四条、第三十六条第（三）项的规定，决定不予公开。"),
        new("withheld-third-party", "不予公开：保护第三方合法权益", ReplyType.WithheldThirdPartyRights, Opening + "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害，经书面征求第三方意见，第三方不同意公开。根据" + Law + "第十五条、第三十六条第（三）项的规定，决定不予公开。"),
        new("withheld-internal", "不予公开：属于三类内部事务信息", ReplyType.WithheldInternalAffairs, Opening + "经审查，您申请获取的信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息。根据" + Law + "第十六条第一款、第三十六条第（三）项的规定，可以不予公开。"),
        new("withheld-process", "不予公开：属于四类过程性信息", ReplyType.WithheldProcessInformation, Opening + "经审查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据" + Law + "第十六条第二款、第三十六条第（三）项的规定，可以不予公开。"),
        new("withheld-enforcement", "不予公开：属于行政执法案卷", ReplyType.WithheldEnforcementFile, Opening + "经审查，您申请获取的信息属于行政执法案卷信息。根据" + Law + "第十六条第二款、第三十六条第（三）项的规定，可以不予公开。"),
        new("withheld-query", "不予公开：属于行政查询事项", ReplyType.WithheldAdministrativeQuery, Opening + "经审查，您申请获取的信息属于＿＿＿＿（如不动产登记资料、企业登记资料）等信息，有关法律、行政法规对其获取有特别规定。根据" + Law + "第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理（办理机关：＿＿＿＿）。"),
        new("not-held", "本机关不掌握，告知负责机关", ReplyType.UnavailableNotHeld, Opening + "经检索查找，本机关未制作或获取您申请的政府信息。根据" + Law + "第三十六条第（四）项、第（五）项的规定，告知如下：该政府信息由＿＿＿＿负责公开，联系方式：＿＿＿＿。"),
        new("needs-creation", "无法提供：没有现成信息需要另行制作", ReplyType.UnavailableNeedsCreation, Opening + "经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析后方能形成。根据" + Law + "第三十八条的规定，本机关不予提供。"),
        new("still-unclear", "无法提供：补正后申请内容仍不明确", ReplyType.UnavailableStillUnclear, Opening + "本机关已于＿＿＿＿向您发出补正告知，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。根据" + Law + "第二十九条、第三十条的规定，本机关无法提供。您可以在明确所需信息的名称、文号或者其他特征性描述后重新提出申请。"),
        new("petition", "不予处理：信访举报投诉类申请", ReplyType.NotProcessedPetition, Opening + "经审查，您提出的申请实质是信访、投诉、举报等诉求。根据" + Law + "第三十九条第一款的规定，本机关告知您通过相应渠道提出。"),
        new("repeated", "不予处理：重复申请", ReplyType.NotProcessedRepeated, Opening + "经审查，您提出的申请与您此前已获答复的申请内容相同。根据" + Law + "第三十六条第（六）项的规定，本机关不予重复处理。"),
        new("publication", "不予处理：要求提供公开出版物", ReplyType.NotProcessedPublication, Opening + "经审查，您要求提供的是政府公报、报刊、书籍等公开出版物。根据" + Law + "第三十九条第二款的规定，告知您获取途径如下：＿＿＿＿。"),
        new("excessive", "不予处理：无正当理由大量反复申请", ReplyType.NotProcessedExcessive, Opening + "您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查，理由不合理。根据" + Law + "第三十五条的规定，本机关不予处理。"),
        new("confirmation", "不予处理：要求确认或重新出具已获取信息", ReplyType.NotProcessedConfirmation, Opening + "经审查，您要求本机关对已获取的信息予以确认或者重新出具，该要求不属于" + Law + "所规定的提供已制作或者获取的政府信息的情形，本机关不予处理。"),
        new("other", "其他处理（自行填写）", ReplyType.OtherOther, Opening),
    ];

    /// <summary>The query key of the case page that drafts the letter from a template (/cases/{id}?template=partially).</summary>
    public const string QueryKey = "template";

    public static Template? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    /// <param name="siteName">Where proactively disclosed information is found: the site's name (its identity, issue 20).</param>
    public static string Fill(Template template, string applicant, DateOnly? receivedOn, string description, string siteName = "本机关政府信息公开网站")
    {
        var summary = Quoted(description);
        var received = receivedOn is { } r ? $"{r.Year}年{r.Month}月{r.Day}日" : "＿＿";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Body, applicant, received, summary, $"{siteName}网站");
    }

    /// <summary>
    /// The request as the letter quotes it (申请获取“…”。): at most 60 characters, on one line, and without the full
    /// stop or other closing mark it may end with — the letter's sentence has its own after the quotation, so a
    /// description ending "…金额。" does not give "…金额。”。" (issue 18).
    /// </summary>
    public static string Quoted(string description)
    {
        var text = string.Join(' ', description.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length > 60 ? text[..60].TrimEnd(ClosingMarks) + "……" : text.TrimEnd(ClosingMarks);
    }

    private static readonly char[] ClosingMarks = ['。', '．', '.', '，', ',', '；', ';', '：', ':', '、', ' ', '\u3000'];
}
