using DisclosurePortal.Domain.Columns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>栏目 (issue 20 §3): the administrator's tree of columns; records point at it (RecordConfiguration).</summary>
internal sealed class DisclosureColumnConfiguration : IEntityTypeConfiguration<DisclosureColumn>
{
    public void Configure(EntityTypeBuilder<DisclosureColumn> b)
    {
        b.ToTable("DisclosureColumns");
        b.Property(x => x.NameZh).HasMaxLength(DisclosureColumn.MaxNameLength);
        b.Property(x => x.NameEn).HasMaxLength(DisclosureColumn.MaxNameLength * 2);
        b.Property(x => x.Citation).HasMaxLength(DisclosureColumn.MaxCitationLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<DisclosureColumn>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ParentId, x.SortOrder });
    }
}
