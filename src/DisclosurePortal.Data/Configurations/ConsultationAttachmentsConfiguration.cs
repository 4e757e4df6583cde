using DisclosurePortal.Domain.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>A consultation's draft attachments (issue 19): sized as the record attachments are.</summary>
internal sealed class ConsultationAttachmentConfiguration : IEntityTypeConfiguration<ConsultationAttachment>
{
    public void Configure(EntityTypeBuilder<ConsultationAttachment> b)
    {
        b.ToTable("ConsultationAttachments");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ConsultationId);
    }
}
