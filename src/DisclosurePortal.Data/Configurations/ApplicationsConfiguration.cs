using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class ApplicationCaseConfiguration : IEntityTypeConfiguration<ApplicationCase>
{
    public void Configure(EntityTypeBuilder<ApplicationCase> b)
    {
        b.ToTable("ApplicationCases");
        b.Property(x => x.QueryCode).HasMaxLength(20);
        b.Property(x => x.ApplicantName).HasMaxLength(200);
        // Room for the encrypted form (Data Protection payloads are longer than the plain number).
        b.Property(x => x.IdentityNumber).HasMaxLength(512);
        b.Property(x => x.IdentityIndex).HasMaxLength(64);
        // Stored as the enum's number, as ApplicantKind is; null for an organisation (统一社会信用代码).
        b.Property(x => x.IdentityDocument);
        b.Property(x => x.ContactPerson).HasMaxLength(100);
        b.Property(x => x.Contact).HasMaxLength(200);
        b.Property(x => x.PostalAddress).HasMaxLength(300);
        b.Property(x => x.NotifyEmail).HasMaxLength(512); // encrypted (PersonalData), like the identity number
        b.Property(x => x.InformationDescription).HasMaxLength(4000);
        b.Property(x => x.FeeAmount).HasPrecision(12, 2);
        b.Property(x => x.ItemCount).HasDefaultValue(1);
        b.Property(x => x.ExtensionReason).HasMaxLength(500);
        b.Property(x => x.ExtensionApprovedBy).HasMaxLength(100);
        b.Property(x => x.ReplyLetter).HasMaxLength(20000);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.AssignedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.QueryCode).IsUnique();
        b.HasIndex(x => new { x.State, x.DueOn });
        b.HasIndex(x => x.ReceivedOn);
        b.HasIndex(x => new { x.IdentityIndex, x.ReceivedOn });
        b.HasIndex(x => x.AssignedDepartmentId);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("ApplicationEvents");
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class ReplyAttachmentConfiguration : IEntityTypeConfiguration<ReplyAttachment>
{
    public void Configure(EntityTypeBuilder<ReplyAttachment> b)
    {
        b.ToTable("ReplyAttachments");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasOne<ApplicationCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CaseId);
    }
}
