using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("CalendarDays");
        b.HasKey(x => x.Date);
        b.Property(x => x.Note).HasMaxLength(100);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("CalendarYears");
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Property(x => x.Source).HasMaxLength(200);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.Sequence).IsUnique(); // the chain's order (docs/adr/0023); also the audit log's listing order
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("AuditChainHeads");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.LastHash).HasMaxLength(64);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("AnnualReports");
        b.Property(x => x.OverviewText).HasMaxLength(20000);
        b.Property(x => x.ProblemsText).HasMaxLength(20000);
        b.Property(x => x.OtherMattersText).HasMaxLength(20000);
        b.Property(x => x.ManualFiguresJson).HasMaxLength(20000);
        b.Property(x => x.SubmittedById).HasMaxLength(64);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.ReturnComment).HasMaxLength(2000);
        b.Property(x => x.PublishedBy).HasMaxLength(200);
        b.Property(x => x.PublishedTablesJson).HasMaxLength(100000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Year).IsUnique();
    }
}
