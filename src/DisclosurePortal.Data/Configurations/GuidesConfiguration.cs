using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Guides;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>办事指南 (issue 20 §6). The sizes are the Domain's limits: a longer value is refused by the form, never by the database.</summary>
internal sealed class ServiceGuideConfiguration : IEntityTypeConfiguration<ServiceGuide>
{
    public void Configure(EntityTypeBuilder<ServiceGuide> b)
    {
        b.ToTable("ServiceGuides");
        b.Property(x => x.Name).HasMaxLength(ServiceGuide.MaxNameLength);
        b.Property(x => x.LegalBasis).HasMaxLength(ServiceGuide.MaxTextLength);
        b.Property(x => x.Conditions).HasMaxLength(ServiceGuide.MaxTextLength);
        b.Property(x => x.TimeLimit).HasMaxLength(ServiceGuide.MaxShortLength);
        b.Property(x => x.Fees).HasMaxLength(ServiceGuide.MaxShortLength);
        b.Property(x => x.PlaceAndHours).HasMaxLength(ServiceGuide.MaxShortLength);
        b.Property(x => x.ConsultationPhone).HasMaxLength(ServiceGuide.MaxPhoneLength);
        b.Property(x => x.ComplaintPhone).HasMaxLength(ServiceGuide.MaxPhoneLength);
        b.Property(x => x.ReturnReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.OwnsMany(x => x.Situations, s =>
        {
            s.ToTable("GuideSituations");
            s.WithOwner().HasForeignKey("GuideId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(ServiceGuide.MaxSituationNameLength);
            s.OwnsMany(x => x.Materials, m =>
            {
                m.ToTable("GuideMaterials");
                m.WithOwner().HasForeignKey("SituationId");
                m.HasKey(x => x.Id);
                m.Property(x => x.Name).HasMaxLength(ServiceGuide.MaxMaterialNameLength);
                m.HasOne<GuideTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
            });
            s.Navigation(x => x.Materials).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        b.OwnsMany(x => x.Steps, s =>
        {
            s.ToTable("GuideSteps");
            s.WithOwner().HasForeignKey("GuideId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Actor).HasMaxLength(Domain.Flowcharts.Flowchart.MaxActorLength);
            s.Property(x => x.Action).HasMaxLength(Domain.Flowcharts.Flowchart.MaxActionLength);
            s.Property(x => x.TimeLimit).HasMaxLength(Domain.Flowcharts.Flowchart.MaxTimeLimitLength);
        });
        b.Navigation(x => x.Situations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.GuideId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureDomain>().WithMany().HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DomainId, x.State });
        b.HasIndex(x => x.DepartmentId);
        b.HasOne<ServiceGuide>().WithMany().HasForeignKey(x => x.RevisionOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RevisionOfId);
    }
}

internal sealed class GuideTemplateConfiguration : IEntityTypeConfiguration<GuideTemplate>
{
    public void Configure(EntityTypeBuilder<GuideTemplate> b)
    {
        b.ToTable("GuideTemplates");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasOne<ServiceGuide>().WithMany().HasForeignKey(x => x.GuideId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.GuideId);
    }
}

internal sealed class GuideEventConfiguration : IEntityTypeConfiguration<GuideEvent>
{
    public void Configure(EntityTypeBuilder<GuideEvent> b)
    {
        b.ToTable("GuideEvents");
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => x.GuideId);
    }
}
