using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>规范性文件清理 (issue 20 §4). The sizes are the Domain's limits: a longer value is refused by the form, never by the database.</summary>
internal sealed class PolicyCleanupConfiguration : IEntityTypeConfiguration<PolicyCleanup>
{
    public void Configure(EntityTypeBuilder<PolicyCleanup> b)
    {
        b.ToTable("PolicyCleanups");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.Title).HasMaxLength(PolicyCleanup.MaxTitleLength);
        b.Property(x => x.IssuingBody).HasMaxLength(PolicyCleanup.MaxIssuingBodyLength);
        b.Property(x => x.DocumentNumber).HasMaxLength(PolicyCleanup.MaxDocumentNumberLength);
        b.Property(x => x.Intro).HasMaxLength(PolicyCleanup.MaxIntroLength);
        b.Property(x => x.ReturnReason).HasMaxLength(PolicyCleanup.MaxReturnReasonLength);
        b.Property(x => x.SubmittedById).HasMaxLength(64);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(e => e.CleanupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.CleanupId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.State, x.PublishedOn });
    }
}

internal sealed class PolicyCleanupEntryConfiguration : IEntityTypeConfiguration<PolicyCleanupEntry>
{
    public void Configure(EntityTypeBuilder<PolicyCleanupEntry> b)
    {
        b.ToTable("PolicyCleanupEntries");
        b.Ignore(x => x.Changes);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(PolicyCleanup.MaxReasonLength);
        b.HasOne<Record>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CleanupId, x.RecordId }).IsUnique();
        b.HasIndex(x => x.RecordId);
    }
}

internal sealed class PolicyCleanupEventConfiguration : IEntityTypeConfiguration<PolicyCleanupEvent>
{
    public void Configure(EntityTypeBuilder<PolicyCleanupEvent> b)
    {
        b.ToTable("PolicyCleanupEvents");
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => x.CleanupId);
    }
}
