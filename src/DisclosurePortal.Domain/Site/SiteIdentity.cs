using System.Text.RegularExpressions;

namespace DisclosurePortal.Domain.Site;

/// <summary>
/// The particulars of one government's disclosure site as typed by its administrator (issue 20 §1): what every page,
/// feed, export, reply letter and annual report says about who publishes. One row; nothing about a county is coded.
/// </summary>
/// <param name="Name">政府全称, e.g. 某某县人民政府: the body that publishes the guide and the annual report (条例 Art. 49).</param>
/// <param name="ShortName">简称 (the county's or district's name without 人民政府), used in running text.</param>
/// <param name="NameEn">The name in English, for the English pages; the Chinese name when empty.</param>
/// <param name="SiteName">网站名称, in every page's title and the feeds.</param>
/// <param name="SiteNameEn">The site's name in English.</param>
/// <param name="Sponsor">主办单位 (GB/T 网站标识: a site names who runs it), also the feeds' and exports' publisher.</param>
/// <param name="Operator">承办单位, if another body runs it.</param>
/// <param name="DisclosureOffice">政府信息公开工作机构 (条例 Art. 4), named in the guide.</param>
/// <param name="Address">办公地址.</param>
/// <param name="Postcode">邮政编码 (six digits).</param>
/// <param name="Telephone">咨询电话.</param>
/// <param name="Hotline">政务服务便民热线 (12345).</param>
/// <param name="OfficeHours">办公时间.</param>
/// <param name="Email">电子邮箱.</param>
/// <param name="WebsiteCode">网站标识码 (ten digits, issued by the 全国政府网站信息报送系统).</param>
/// <param name="IcpNumber">ICP 备案号.</param>
/// <param name="PoliceNumber">公安机关备案号.</param>
/// <param name="FooterLinks">Links under every page: one a line, "名称 网址".</param>
/// <param name="FooterNote">A line under the footer (e.g. a demo site's disclaimer).</param>
/// <param name="GuideText">The guide's own text, beside the statutory parts that the portal writes from the rules.</param>
/// <param name="ReplyLetterhead">答复书 letterhead: the body whose name heads a reply letter.</param>
/// <param name="ReviewOrgan">行政复议机关, named in every reply letter's remedy (条例 Art. 51).</param>
/// <param name="Court">The 人民法院 with jurisdiction over a suit against a reply.</param>
public sealed record SiteIdentityFields(
    string? Name, string? ShortName, string? NameEn, string? SiteName, string? SiteNameEn,
    string? Sponsor, string? Operator, string? DisclosureOffice,
    string? Address, string? Postcode, string? Telephone, string? Hotline, string? OfficeHours, string? Email,
    string? WebsiteCode, string? IcpNumber, string? PoliceNumber,
    string? FooterLinks, string? FooterNote, string? GuideText,
    string? ReplyLetterhead, string? ReviewOrgan, string? Court);

/// <summary>A link under every page.</summary>
public sealed record FooterLink(string Name, string Url);

public sealed partial class SiteIdentity
{
    /// <summary>The one row's key.</summary>
    public const int SingletonId = 1;

    public const int MaxNameLength = 60;
    public const int MaxShortLength = 30;
    public const int MaxLineLength = 200;
    public const int MaxFooterLinks = 12;
    public const int MaxFooterLinksLength = 2000;
    public const int MaxGuideTextLength = 8000;

    private SiteIdentity() { }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string ShortName { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string SiteName { get; private set; } = "";
    public string? SiteNameEn { get; private set; }
    public string Sponsor { get; private set; } = "";
    public string? Operator { get; private set; }
    public string DisclosureOffice { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string? Postcode { get; private set; }
    public string Telephone { get; private set; } = "";
    public string? Hotline { get; private set; }
    public string? OfficeHours { get; private set; }
    public string? Email { get; private set; }
    public string? WebsiteCode { get; private set; }
    public string? IcpNumber { get; private set; }
    public string? PoliceNumber { get; private set; }
    public string? FooterLinks { get; private set; }
    public string? FooterNote { get; private set; }
    public string? GuideText { get; private set; }
    public string ReplyLetterhead { get; private set; } = "";
    public string ReviewOrgan { get; private set; } = "";
    public string Court { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>Optimistic concurrency: two administrators editing at once do not overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public static SiteIdentity Create(SiteIdentityFields fields, string actor, DateTimeOffset now)
    {
        var identity = new SiteIdentity { Id = SingletonId };
        identity.Update(fields, actor, now);
        return identity;
    }

    /// <summary>Replaces every particular at once; refuses (changing nothing) if any is invalid.</summary>
    public void Update(SiteIdentityFields fields, string actor, DateTimeOffset now)
    {
        if (Problems(fields).Select(p => p.Message).FirstOrDefault() is { } problem) throw new DomainException(problem);
        Name = fields.Name!.Trim();
        ShortName = fields.ShortName!.Trim();
        NameEn = Guard.Optional(fields.NameEn);
        SiteName = fields.SiteName!.Trim();
        SiteNameEn = Guard.Optional(fields.SiteNameEn);
        Sponsor = fields.Sponsor!.Trim();
        Operator = Guard.Optional(fields.Operator);
        DisclosureOffice = fields.DisclosureOffice!.Trim();
        Address = fields.Address!.Trim();
        Postcode = Guard.Optional(fields.Postcode);
        Telephone = fields.Telephone!.Trim();
        Hotline = Guard.Optional(fields.Hotline);
        OfficeHours = Guard.Optional(fields.OfficeHours);
        Email = Guard.Optional(fields.Email);
        WebsiteCode = Guard.Optional(fields.WebsiteCode);
        IcpNumber = Guard.Optional(fields.IcpNumber);
        PoliceNumber = Guard.Optional(fields.PoliceNumber);
        FooterLinks = Guard.Optional(fields.FooterLinks);
        FooterNote = Guard.Optional(fields.FooterNote);
        GuideText = Guard.Optional(fields.GuideText);
        ReplyLetterhead = fields.ReplyLetterhead!.Trim();
        ReviewOrgan = fields.ReviewOrgan!.Trim();
        Court = fields.Court!.Trim();
        UpdatedAt = now;
        UpdatedBy = Guard.Required(actor, nameof(actor));
        Version++;
    }

    public SiteIdentityFields ToFields() => new(
        Name, ShortName, NameEn, SiteName, SiteNameEn, Sponsor, Operator, DisclosureOffice, Address, Postcode, Telephone, Hotline,
        OfficeHours, Email, WebsiteCode, IcpNumber, PoliceNumber, FooterLinks, FooterNote, GuideText, ReplyLetterhead, ReviewOrgan, Court);

    /// <summary>The footer's links, parsed from <see cref="FooterLinks"/> (valid by construction).</summary>
    public IReadOnlyList<FooterLink> Links() => ParseFooterLinks(FooterLinks, out _);

    /// <summary>
    /// 救济途径 as a reply letter states it (条例 Art. 51; 行政复议法 Art. 20: 60 days; 行政诉讼法 Art. 46: 6 months),
    /// naming the bodies a citizen turns to.
    /// </summary>
    public string Remedy() => RemedyNaming(ReviewOrgan, Court);

    public static string RemedyNaming(string reviewOrgan, string court) =>
        $"如对本答复不服，可以自收到本答复之日起60日内向{reviewOrgan}申请行政复议，或者自收到本答复之日起6个月内向{court}提起行政诉讼。";

    /// <summary>What each particular is called on the form and in the audit log.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(SiteIdentityFields.Name)] = "政府名称",
        [nameof(SiteIdentityFields.ShortName)] = "简称",
        [nameof(SiteIdentityFields.NameEn)] = "英文名称",
        [nameof(SiteIdentityFields.SiteName)] = "网站名称",
        [nameof(SiteIdentityFields.SiteNameEn)] = "网站英文名称",
        [nameof(SiteIdentityFields.Sponsor)] = "主办单位",
        [nameof(SiteIdentityFields.Operator)] = "承办单位",
        [nameof(SiteIdentityFields.DisclosureOffice)] = "政府信息公开工作机构",
        [nameof(SiteIdentityFields.Address)] = "办公地址",
        [nameof(SiteIdentityFields.Postcode)] = "邮政编码",
        [nameof(SiteIdentityFields.Telephone)] = "咨询电话",
        [nameof(SiteIdentityFields.Hotline)] = "便民热线",
        [nameof(SiteIdentityFields.OfficeHours)] = "办公时间",
        [nameof(SiteIdentityFields.Email)] = "电子邮箱",
        [nameof(SiteIdentityFields.WebsiteCode)] = "网站标识码",
        [nameof(SiteIdentityFields.IcpNumber)] = "ICP备案号",
        [nameof(SiteIdentityFields.PoliceNumber)] = "公安机关备案号",
        [nameof(SiteIdentityFields.FooterLinks)] = "页脚链接",
        [nameof(SiteIdentityFields.FooterNote)] = "页脚说明",
        [nameof(SiteIdentityFields.GuideText)] = "指南说明",
        [nameof(SiteIdentityFields.ReplyLetterhead)] = "答复书落款机关",
        [nameof(SiteIdentityFields.ReviewOrgan)] = "行政复议机关",
        [nameof(SiteIdentityFields.Court)] = "管辖法院",
    };

    /// <summary>The labels of the particulars that differ (blanks around a value and an empty optional one do not count).</summary>
    public static IReadOnlyList<string> Changes(SiteIdentityFields before, SiteIdentityFields after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return typeof(SiteIdentityFields).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && Labels.ContainsKey(p.Name)
                        && Guard.Optional((string?)p.GetValue(before)) != Guard.Optional((string?)p.GetValue(after)))
            .Select(p => Labels[p.Name])
            .ToList();
    }

    /// <summary>What is wrong with <paramref name="f"/>, field by field (the property's name), the first thing to fix first.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(SiteIdentityFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        foreach (var p in Required(f.Name, nameof(f.Name), "政府名称", MaxNameLength)) yield return p;
        foreach (var p in Required(f.ShortName, nameof(f.ShortName), "简称", MaxShortLength)) yield return p;
        foreach (var p in Optional(f.NameEn, nameof(f.NameEn), "英文名称", MaxLineLength)) yield return p;
        foreach (var p in Required(f.SiteName, nameof(f.SiteName), "网站名称", MaxNameLength)) yield return p;
        foreach (var p in Optional(f.SiteNameEn, nameof(f.SiteNameEn), "网站英文名称", MaxLineLength)) yield return p;
        foreach (var p in Required(f.Sponsor, nameof(f.Sponsor), "主办单位", MaxNameLength)) yield return p;
        foreach (var p in Optional(f.Operator, nameof(f.Operator), "承办单位", MaxNameLength)) yield return p;
        foreach (var p in Required(f.DisclosureOffice, nameof(f.DisclosureOffice), "政府信息公开工作机构", MaxLineLength)) yield return p;
        foreach (var p in Required(f.Address, nameof(f.Address), "办公地址", MaxLineLength)) yield return p;
        if (Guard.Optional(f.Postcode) is { } postcode && !PostcodePattern().IsMatch(postcode))
            yield return (nameof(f.Postcode), "邮政编码应为 6 位数字。");
        foreach (var p in Required(f.Telephone, nameof(f.Telephone), "咨询电话", 40)) yield return p;
        if (Guard.Optional(f.Telephone) is { } phone && !PhonePattern().IsMatch(phone))
            yield return (nameof(f.Telephone), "咨询电话只能包含数字、空格、“-”和“、”。");
        foreach (var p in Optional(f.Hotline, nameof(f.Hotline), "便民热线", 40)) yield return p;
        if (Guard.Optional(f.Hotline) is { } hotline && !PhonePattern().IsMatch(hotline))
            yield return (nameof(f.Hotline), "便民热线只能包含数字、空格、“-”和“、”。");
        foreach (var p in Optional(f.OfficeHours, nameof(f.OfficeHours), "办公时间", MaxLineLength)) yield return p;
        if (Guard.Optional(f.Email) is { } email && (email.Length > 100 || !EmailPattern().IsMatch(email)))
            yield return (nameof(f.Email), "请输入有效的电子邮箱地址，例如 gkb@example.gov.cn。");
        if (Guard.Optional(f.WebsiteCode) is { } code && !WebsiteCodePattern().IsMatch(code))
            yield return (nameof(f.WebsiteCode), "网站标识码应为 10 位数字。");
        foreach (var p in Optional(f.IcpNumber, nameof(f.IcpNumber), "ICP备案号", 60)) yield return p;
        foreach (var p in Optional(f.PoliceNumber, nameof(f.PoliceNumber), "公安机关备案号", 60)) yield return p;
        if (f.FooterLinks is { Length: > MaxFooterLinksLength })
            yield return (nameof(f.FooterLinks), $"页脚链接不能超过 {MaxFooterLinksLength} 个字。");
        else
        {
            ParseFooterLinks(f.FooterLinks, out var linkProblem);
            if (linkProblem is not null) yield return (nameof(f.FooterLinks), linkProblem);
        }
        foreach (var p in Optional(f.FooterNote, nameof(f.FooterNote), "页脚说明", MaxLineLength)) yield return p;
        foreach (var p in Optional(f.GuideText, nameof(f.GuideText), "指南说明", MaxGuideTextLength)) yield return p;
        foreach (var p in Required(f.ReplyLetterhead, nameof(f.ReplyLetterhead), "答复书落款机关", MaxNameLength)) yield return p;
        foreach (var p in Required(f.ReviewOrgan, nameof(f.ReviewOrgan), "行政复议机关", MaxNameLength)) yield return p;
        foreach (var p in Required(f.Court, nameof(f.Court), "管辖法院", MaxNameLength)) yield return p;
    }

    /// <summary>
    /// One link a line: its name, blanks, then an absolute http(s) address ("中国政府网 https://www.gov.cn"). Blank lines
    /// are skipped. A line that is not a link is reported with its number, and no link is returned.
    /// </summary>
    public static IReadOnlyList<FooterLink> ParseFooterLinks(string? text, out string? problem)
    {
        problem = null;
        var links = new List<FooterLink>();
        if (string.IsNullOrWhiteSpace(text)) return links;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var cut = line.LastIndexOfAny([' ', '\t', '　']);
            var name = cut > 0 ? line[..cut].Trim() : "";
            var url = cut > 0 ? line[(cut + 1)..].Trim() : line;
            if (name.Length == 0 || name.Length > 40
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > 300)
            {
                problem = $"页脚链接第 {i + 1} 行应为“名称 网址”，例如：中国政府网 https://www.gov.cn";
                return [];
            }
            links.Add(new FooterLink(name, url));
        }
        if (links.Count > MaxFooterLinks)
        {
            problem = $"页脚链接最多 {MaxFooterLinks} 个。";
            return [];
        }
        return links;
    }

    private static IEnumerable<(string, string)> Required(string? value, string field, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) yield return (field, $"请填写{label}。");
        else if (value.Trim().Length > max) yield return (field, $"{label}不能超过 {max} 个字。");
    }

    private static IEnumerable<(string, string)> Optional(string? value, string field, string label, int max)
    {
        if (value is not null && value.Trim().Length > max) yield return (field, $"{label}不能超过 {max} 个字。");
    }

    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^[0-9]{10}$")]
    private static partial Regex WebsiteCodePattern();

    [GeneratedRegex(@"^[0-9][0-9 \-、]*$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
