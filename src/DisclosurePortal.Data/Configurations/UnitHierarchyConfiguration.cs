using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>
/// The units' hierarchy (issue 20 §7): a level and a parent on <see cref="Department"/>, configured apart from its
/// particulars (ReferenceDataConfiguration) so that the hierarchy's mapping reads in one place.
/// </summary>
internal sealed class UnitHierarchyConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        // Existing units are county units.
        b.Property(x => x.Level).HasDefaultValue(UnitLevel.County).HasSentinel((UnitLevel)0);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Level, x.ParentId });
    }
}
