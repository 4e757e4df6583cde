using DisclosurePortal.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> b)
    {
        b.ToTable("CatalogueItems");
        b.Property(x => x.NameLevel1).HasMaxLength(200);
        b.Property(x => x.NameLevel2).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.TimeLimitText).HasMaxLength(200);
        b.Property(x => x.RetiredReason).HasMaxLength(500);
        b.ComplexProperty(x => x.TimeLimit, t =>
        {
            t.Property(r => r.Kind).HasColumnName("TimeLimitKind");
            t.Property(r => r.Amount).HasColumnName("TimeLimitAmount");
        });
        b.Ignore(x => x.DisplayName);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureDomain>().WithMany().HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureStage>().WithMany().HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DomainId, x.StageId, x.Status, x.SortOrder });
        b.HasIndex(x => new { x.DepartmentId, x.Status });
        b.HasIndex(x => x.StageId);
    }
}

internal sealed class CatalogueItemRevisionConfiguration : IEntityTypeConfiguration<CatalogueItemRevision>
{
    public void Configure(EntityTypeBuilder<CatalogueItemRevision> b)
    {
        b.ToTable("CatalogueItemRevisions");
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CatalogueItemId, x.RevisionNumber }).IsUnique();
    }
}
