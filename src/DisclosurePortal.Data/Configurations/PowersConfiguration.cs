using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Powers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>权责清单 (issue 20 §5). The sizes are the Domain's limits: a longer value is refused by the form, never by the database.</summary>
internal sealed class PowerConfiguration : IEntityTypeConfiguration<Power>
{
    public void Configure(EntityTypeBuilder<Power> b)
    {
        b.ToTable("Powers");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Published);
        b.Ignore(x => x.Open);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.PowerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.PowerId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DepartmentId);
    }
}

internal sealed class PowerRevisionConfiguration : IEntityTypeConfiguration<PowerRevision>
{
    public void Configure(EntityTypeBuilder<PowerRevision> b)
    {
        b.ToTable("PowerRevisions");
        b.Property(x => x.Name).HasMaxLength(Power.MaxNameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(Power.MaxLegalBasisLength);
        b.Property(x => x.Office).HasMaxLength(Power.MaxOfficeLength);
        b.Property(x => x.Staff).HasMaxLength(Power.MaxStaffLength);
        b.Property(x => x.ReturnReason).HasMaxLength(1000);
        b.OwnsMany(x => x.Steps, s =>
        {
            s.ToTable("PowerSteps");
            s.WithOwner().HasForeignKey("RevisionId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Actor).HasMaxLength(Domain.Flowcharts.Flowchart.MaxActorLength);
            s.Property(x => x.Action).HasMaxLength(Domain.Flowcharts.Flowchart.MaxActionLength);
            s.Property(x => x.TimeLimit).HasMaxLength(Domain.Flowcharts.Flowchart.MaxTimeLimitLength);
        });
        b.Navigation(x => x.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.PowerId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.State, x.Category });
    }
}

internal sealed class PowerEventConfiguration : IEntityTypeConfiguration<PowerEvent>
{
    public void Configure(EntityTypeBuilder<PowerEvent> b)
    {
        b.ToTable("PowerEvents");
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => x.PowerId);
    }
}
