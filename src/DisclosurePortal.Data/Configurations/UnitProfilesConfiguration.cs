using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>机构概况 (issue 20 §2). The sizes here are the form's limits: a longer value is refused by the form, never by the database.</summary>
internal sealed class UnitProfileConfiguration : IEntityTypeConfiguration<UnitProfile>
{
    public const int FunctionsLength = 20_000;

    public void Configure(EntityTypeBuilder<UnitProfile> b)
    {
        b.ToTable("UnitProfiles");
        b.Property(x => x.Functions).HasMaxLength(FunctionsLength);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.OfficeHours).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.ComplaintPhone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.ReturnReason).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Offices).WithOne().HasForeignKey(o => o.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Leaders).WithOne().HasForeignKey(l => l.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Offices).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Leaders).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DepartmentId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.State, x.DepartmentId });
    }
}

internal sealed class UnitOfficeConfiguration : IEntityTypeConfiguration<UnitOffice>
{
    public void Configure(EntityTypeBuilder<UnitOffice> b)
    {
        b.ToTable("UnitOffices");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Duties).HasMaxLength(2000);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.HasIndex(x => new { x.ProfileId, x.Position });
    }
}

internal sealed class UnitLeaderConfiguration : IEntityTypeConfiguration<UnitLeader>
{
    public void Configure(EntityTypeBuilder<UnitLeader> b)
    {
        b.ToTable("UnitLeaders");
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Post).HasMaxLength(100);
        b.Property(x => x.Duties).HasMaxLength(2000);
        b.HasIndex(x => new { x.ProfileId, x.Position });
    }
}
