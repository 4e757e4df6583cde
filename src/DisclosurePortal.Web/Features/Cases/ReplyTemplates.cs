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

    public static readonly IReadOnlyList<Template> All =
    [
        new("disclosed", "予以公开", ReplyType.Disclosed, Opening + "经审查，您申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，现予以提供（见附件）。"),
        new("disclosed-proactively", "已主动公开，告知获取途径", ReplyType.Disclosed, Opening + "经审查，您申请获取的政府信息已经主动公开，根据《中华人民共和国政府信息公开条例》第三十六条第（一）项的规定，您可以通过青川县人民政府信息公开网站（政府信息公开目录）查阅获取。"),
        new("partially", "部分公开", ReplyType.PartiallyDisclosed, Opening + "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，现向您提供可以公开的部分（见附件），不予公开的部分及理由如下：\n\n"),
        new("withheld-third-party", "不予公开：保护第三方合法权益", ReplyType.WithheldThirdPartyRights, Opening + "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害，经书面征求第三方意见，第三方不同意公开。根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项的规定，决定不予公开。"),
        new("withheld-process", "不予公开：属于四类过程性信息", ReplyType.WithheldProcessInformation, Opening + "经审查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿等过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项的规定，可以不予公开。"),
        new("not-held", "本机关不掌握，告知负责机关", ReplyType.UnavailableNotHeld, Opening + "经检索查找，本机关未制作或获取您申请的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项的规定，告知如下：该政府信息由＿＿＿＿负责公开，联系方式：＿＿＿＿。"),
        new("needs-creation", "无法提供：没有现成信息需要另行制作", ReplyType.UnavailableNeedsCreation, Opening + "经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析后方能形成。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关不予提供。"),
        new("repeated", "不予处理：重复申请", ReplyType.NotProcessedRepeated, Opening + "经审查，您提出的申请与您此前已获答复的申请内容相同。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，本机关不予重复处理。"),
        new("petition", "不予处理：信访举报投诉类申请", ReplyType.NotProcessedPetition, Opening + "经审查，您提出的申请实质是信访、投诉、举报等诉求。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关告知您通过相应渠道提出。"),
        new("other", "其他答复（自行填写）", ReplyType.OtherOther, Opening),
    ];

    public static Template? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    public static string Fill(Template template, string applicant, DateOnly? receivedOn, string description)
    {
        var summary = description.Length > 60 ? description[..60] + "……" : description;
        var received = receivedOn is { } r ? $"{r.Year}年{r.Month}月{r.Day}日" : "＿＿";
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Body, applicant, received, summary);
    }
}
