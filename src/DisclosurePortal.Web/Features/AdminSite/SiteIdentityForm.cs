using DisclosurePortal.Domain.Site;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.AdminSite;

/// <summary>The site's particulars as typed (issue 20 §1); every field a string so whatever was typed comes back.</summary>
public class SiteIdentityForm
{
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public string? NameEn { get; set; }
    public string? SiteName { get; set; }
    public string? SiteNameEn { get; set; }
    public string? Sponsor { get; set; }
    public string? Operator { get; set; }
    public string? DisclosureOffice { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Telephone { get; set; }
    public string? Hotline { get; set; }
    public string? OfficeHours { get; set; }
    public string? Email { get; set; }
    public string? WebsiteCode { get; set; }
    public string? IcpNumber { get; set; }
    public string? PoliceNumber { get; set; }
    [MultiLine]
    public string? FooterLinks { get; set; }
    public string? FooterNote { get; set; }
    [MultiLine]
    public string? GuideText { get; set; }
    public string? ReplyLetterhead { get; set; }
    public string? ReviewOrgan { get; set; }
    public string? Court { get; set; }

    /// <summary>The row's version when the form was opened: a save over someone else's newer one is refused.</summary>
    public int Version { get; set; }

    public SiteIdentityFields ToFields() => new(
        Name, ShortName, NameEn, SiteName, SiteNameEn, Sponsor, Operator, DisclosureOffice, Address, Postcode, Telephone, Hotline,
        OfficeHours, Email, WebsiteCode, IcpNumber, PoliceNumber, FooterLinks, FooterNote, GuideText, ReplyLetterhead, ReviewOrgan, Court);

    public void Fill(SiteIdentityFields f)
    {
        (Name, ShortName, NameEn, SiteName, SiteNameEn) = (f.Name, f.ShortName, f.NameEn, f.SiteName, f.SiteNameEn);
        (Sponsor, Operator, DisclosureOffice, Address, Postcode) = (f.Sponsor, f.Operator, f.DisclosureOffice, f.Address, f.Postcode);
        (Telephone, Hotline, OfficeHours, Email) = (f.Telephone, f.Hotline, f.OfficeHours, f.Email);
        (WebsiteCode, IcpNumber, PoliceNumber) = (f.WebsiteCode, f.IcpNumber, f.PoliceNumber);
        (FooterLinks, FooterNote, GuideText) = (f.FooterLinks, f.FooterNote, f.GuideText);
        (ReplyLetterhead, ReviewOrgan, Court) = (f.ReplyLetterhead, f.ReviewOrgan, f.Court);
    }

    /// <summary>Line breaks typed in a browser arrive as CR LF: the stored text keeps LF only.</summary>
    public virtual void Normalize()
    {
        FooterLinks = FooterLinks?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        GuideText = GuideText?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}

/// <summary>The Domain's rules (<see cref="SiteIdentity.Problems"/>), each message beside its field, the first per field.</summary>
public sealed class SiteIdentityFormValidator : AbstractValidator<SiteIdentityForm>
{
    public SiteIdentityFormValidator() =>
        RuleFor(x => x).Custom((form, context) =>
        {
            foreach (var problem in SiteIdentity.Problems(form.ToFields()).DistinctBy(p => p.Field))
                context.AddFailure(problem.Field, problem.Message);
        });
}
