using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>
/// Expected publications (docs/adr/0033): 本期无信息 waivers, events of event-driven items, and which period or event a record
/// answers. New tables beside Records, so that Records and its triggers are left as they are.
/// </summary>
internal sealed class PeriodWaiverConfiguration : IEntityTypeConfiguration<PeriodWaiver>
{
    public void Configure(EntityTypeBuilder<PeriodWaiver> b)
    {
        b.ToTable("PeriodWaivers");
        b.Property(x => x.Reason).HasMaxLength(PeriodWaiver.ReasonMaxLength);
        b.Property(x => x.DecisionNote).HasMaxLength(PeriodWaiver.NoteMaxLength);
        b.Property(x => x.RequestedBy).HasMaxLength(100);
        b.Property(x => x.RequestedById).HasMaxLength(64);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        // One waiver per period: a returned one is asked again on the same row.
        b.HasIndex(x => new { x.CatalogueItemId, x.PeriodStart }).IsUnique();
        b.HasIndex(x => x.State);
    }
}

internal sealed class ItemEventConfiguration : IEntityTypeConfiguration<ItemEvent>
{
    public void Configure(EntityTypeBuilder<ItemEvent> b)
    {
        b.ToTable("ItemEvents");
        b.Property(x => x.Description).HasMaxLength(ItemEvent.DescriptionMaxLength);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CatalogueItemId, x.OccurredOn });
    }
}

internal sealed class RecordCoverageConfiguration : IEntityTypeConfiguration<RecordCoverage>
{
    public void Configure(EntityTypeBuilder<RecordCoverage> b)
    {
        b.ToTable("RecordCoverages");
        b.HasKey(x => x.RecordId);
        b.Property(x => x.RecordId).ValueGeneratedNever();
        b.HasOne<Record>().WithOne().HasForeignKey<RecordCoverage>(x => x.RecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ItemEvent>().WithMany().HasForeignKey(x => x.ItemEventId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ItemEventId);
    }
}
