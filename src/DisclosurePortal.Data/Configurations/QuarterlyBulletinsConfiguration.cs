using DisclosurePortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>按季通报 editions (docs/adr/0036): the frozen numbers as JSON (unbounded: a unit per line), one row per quarter and edition.</summary>
internal sealed class QuarterlyBulletinConfiguration : IEntityTypeConfiguration<QuarterlyBulletin>
{
    public void Configure(EntityTypeBuilder<QuarterlyBulletin> b)
    {
        b.ToTable("QuarterlyBulletins");
        b.Ignore(x => x.Quarter);
        b.Property(x => x.Comment).HasMaxLength(QuarterlyBulletin.CommentMaxLength);
        b.Property(x => x.FrozenById).HasMaxLength(64);
        b.Property(x => x.FrozenBy).HasMaxLength(200);
        b.Property(x => x.CommentedById).HasMaxLength(64);
        b.Property(x => x.CommentedBy).HasMaxLength(200);
        b.Property(x => x.PublishedById).HasMaxLength(64);
        b.Property(x => x.PublishedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Year, x.QuarterNumber, x.Edition }).IsUnique();
        b.HasIndex(x => x.State);
    }
}
