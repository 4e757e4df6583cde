using DisclosurePortal.Domain.Site;

namespace DisclosurePortal.Web.Infrastructure.Site;

/// <summary>
/// The site's particulars as pages read them (issue 20 §1): a snapshot of the <see cref="SiteIdentity"/> row, or, before
/// anyone has set it, a neutral placeholder. Nothing here names a county: that is data.
/// </summary>
public sealed record SiteProfile(SiteIdentityFields Fields, bool IsConfigured, bool NeedsSetup, int Version = 0)
{
    public string Name => Fields.Name!;
    public string ShortName => Fields.ShortName!;
    public string SiteName => Fields.SiteName!;
    public string Sponsor => Fields.Sponsor!;
    public string? Operator => Fields.Operator;
    public string DisclosureOffice => Fields.DisclosureOffice!;
    public string Address => Fields.Address!;
    public string? Postcode => Fields.Postcode;
    public string Telephone => Fields.Telephone!;
    public string? Hotline => Fields.Hotline;
    public string? OfficeHours => Fields.OfficeHours;
    public string? Email => Fields.Email;
    public string? WebsiteCode => Fields.WebsiteCode;
    public string? IcpNumber => Fields.IcpNumber;
    public string? PoliceNumber => Fields.PoliceNumber;
    public string? FooterNote => Fields.FooterNote;
    public string? GuideText => Fields.GuideText;
    public string ReplyLetterhead => Fields.ReplyLetterhead!;
    public IReadOnlyList<FooterLink> FooterLinks { get; } = SiteIdentity.ParseFooterLinks(Fields.FooterLinks, out _);

    /// <summary>The government's name in the page's language (the English one when given and the page is English).</summary>
    public string DisplayName => Localization.IsEnglish && Fields.NameEn is { Length: > 0 } en ? en : Name;

    /// <summary>The site's name in the page's language.</summary>
    public string DisplaySiteName => Localization.IsEnglish && Fields.SiteNameEn is { Length: > 0 } en ? en : SiteName;

    /// <summary>The longest page title search engines and tabs show whole (and the HTML check enforces).</summary>
    public const int TitleLimit = 70;

    /// <summary>
    /// The page's &lt;title&gt;: "page - site" when that fits <see cref="TitleLimit"/>; else the page's own title, which
    /// names what the reader came for (a column or record title an administrator or editor typed may be long); cut
    /// with "…" only if that alone is too long.
    /// </summary>
    public string PageTitle(string? title)
    {
        if (string.IsNullOrEmpty(title)) return DisplaySiteName;
        var full = $"{title} - {DisplaySiteName}";
        if (full.Length <= TitleLimit) return full;
        return title.Length <= TitleLimit ? title : string.Concat(title.AsSpan(0, TitleLimit - 1), "…");
    }

    /// <summary>The remedy every reply letter states, naming this site's 行政复议机关 and court.</summary>
    public string Remedy => SiteIdentity.RemedyNaming(Fields.ReviewOrgan!, Fields.Court!);

    public string ReviewOrgan => Fields.ReviewOrgan!;
    public string Court => Fields.Court!;

    public static SiteProfile From(SiteIdentity identity) => new(identity.ToFields(), IsConfigured: true, NeedsSetup: false, identity.Version);

    /// <summary>
    /// Before the identity is set: a fresh install (no account yet) goes to the setup page; an install that predates
    /// the identity keeps serving, under the names its configuration gave (Portal:SiteName, Portal:Publisher) or
    /// neutral ones, until its administrator fills in /admin/site.
    /// </summary>
    public static SiteProfile Placeholder(IConfiguration configuration, bool needsSetup)
    {
        var siteName = configuration["Portal:SiteName"] is { Length: > 0 } s ? s : "政府信息公开";
        var publisher = configuration["Portal:Publisher"] is { Length: > 0 } p ? p : "本机关";
        return new(new SiteIdentityFields(
            Name: publisher, ShortName: publisher, NameEn: null, SiteName: siteName, SiteNameEn: null,
            Sponsor: publisher, Operator: null, DisclosureOffice: publisher,
            Address: "（未设置）", Postcode: null, Telephone: "12345", Hotline: null, OfficeHours: null, Email: null,
            WebsiteCode: null, IcpNumber: null, PoliceNumber: null, FooterLinks: null, FooterNote: null, GuideText: null,
            ReplyLetterhead: publisher, ReviewOrgan: "本级人民政府", Court: "有管辖权的人民法院"), IsConfigured: false, needsSetup);
    }
}
