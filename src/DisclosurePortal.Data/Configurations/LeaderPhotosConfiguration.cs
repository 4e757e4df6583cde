using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>
/// Leaders' photos (issue 20 §2): a row per stored file; a profile version's leader refers to one. A photo is never
/// deleted while a version (the history included) refers to it.
/// </summary>
internal sealed class LeaderPhotoConfiguration : IEntityTypeConfiguration<LeaderPhoto>
{
    public void Configure(EntityTypeBuilder<LeaderPhoto> b)
    {
        b.ToTable("LeaderPhotos");
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(50);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<UnitLeader>().WithOne(l => l.Photo).HasForeignKey(l => l.PhotoId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DepartmentId);
    }
}
