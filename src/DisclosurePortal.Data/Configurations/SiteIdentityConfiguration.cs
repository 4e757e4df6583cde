using DisclosurePortal.Domain.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class SiteIdentityConfiguration : IEntityTypeConfiguration<SiteIdentity>
{
    public void Configure(EntityTypeBuilder<SiteIdentity> b)
    {
        b.ToTable("SiteIdentity");
        // One row with a fixed key: a second first-time setup racing the first fails on the key instead of adding a twin.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.ShortName).HasMaxLength(SiteIdentity.MaxShortLength);
        b.Property(x => x.NameEn).HasMaxLength(SiteIdentity.MaxLineLength);
        b.Property(x => x.SiteName).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.SiteNameEn).HasMaxLength(SiteIdentity.MaxLineLength);
        b.Property(x => x.Sponsor).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.Operator).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.DisclosureOffice).HasMaxLength(SiteIdentity.MaxLineLength);
        b.Property(x => x.Address).HasMaxLength(SiteIdentity.MaxLineLength);
        b.Property(x => x.Postcode).HasMaxLength(6);
        b.Property(x => x.Telephone).HasMaxLength(40);
        b.Property(x => x.Hotline).HasMaxLength(40);
        b.Property(x => x.OfficeHours).HasMaxLength(SiteIdentity.MaxLineLength);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.WebsiteCode).HasMaxLength(10);
        b.Property(x => x.IcpNumber).HasMaxLength(60);
        b.Property(x => x.PoliceNumber).HasMaxLength(60);
        b.Property(x => x.FooterLinks).HasMaxLength(SiteIdentity.MaxFooterLinksLength);
        b.Property(x => x.FooterNote).HasMaxLength(SiteIdentity.MaxLineLength);
        b.Property(x => x.GuideText).HasMaxLength(SiteIdentity.MaxGuideTextLength);
        b.Property(x => x.ReplyLetterhead).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.ReviewOrgan).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.Court).HasMaxLength(SiteIdentity.MaxNameLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
