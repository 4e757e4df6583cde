using DisclosurePortal.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class DisclosureDomainConfiguration : IEntityTypeConfiguration<DisclosureDomain>
{
    public void Configure(EntityTypeBuilder<DisclosureDomain> b)
    {
        b.ToTable("Domains");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.NameZh).HasMaxLength(50);
        b.Property(x => x.NameEn).HasMaxLength(120);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class DisclosureStageConfiguration : IEntityTypeConfiguration<DisclosureStage>
{
    public void Configure(EntityTypeBuilder<DisclosureStage> b)
    {
        b.ToTable("Stages");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.NameZh).HasMaxLength(20);
        b.Property(x => x.NameEn).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.ShortName).HasMaxLength(50);
        b.Property(x => x.OrganisationCode).HasMaxLength(18);
        b.Property(x => x.DocumentPrefix).HasMaxLength(20);
        b.HasIndex(x => x.OrganisationCode).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
    }
}
