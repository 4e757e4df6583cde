using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>
/// The published counts: written only by triggers (PublishedCountsSql, docs/adr/0017), so no foreign keys, like the
/// search index. One row per (item, domain, stage, department) that has ever had a published version.
/// </summary>
internal sealed class PublishedCountConfiguration : IEntityTypeConfiguration<PublishedCount>
{
    public void Configure(EntityTypeBuilder<PublishedCount> b)
    {
        b.ToTable("PublishedCounts");
        b.HasKey(x => new { x.CatalogueItemId, x.DomainId, x.StageId, x.DepartmentId });
        b.HasIndex(x => new { x.DomainId, x.StageId });
        b.HasIndex(x => x.DepartmentId);
    }
}
