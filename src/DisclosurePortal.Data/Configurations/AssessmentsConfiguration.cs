using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>考核 (docs/adr/0037): the year's scheme and its indicators, the office's manual scores, and the computed results kept as data.</summary>
internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.ToTable("AssessmentSchemes");
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => x.Year).IsUnique();
        b.Ignore(x => x.TotalPoints);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Indicators).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssessmentIndicatorConfiguration : IEntityTypeConfiguration<AssessmentIndicator>
{
    public void Configure(EntityTypeBuilder<AssessmentIndicator> b)
    {
        b.ToTable("AssessmentIndicators");
        b.Property(x => x.Name).HasMaxLength(IndicatorDefinition.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(IndicatorDefinition.DescriptionMaxLength);
        b.Property(x => x.Points).HasPrecision(7, 2);
        b.Property(x => x.FullAt).HasPrecision(7, 2);
        b.Property(x => x.HalfAt).HasPrecision(7, 2);
        b.Property(x => x.DeductEach).HasPrecision(7, 2);
        b.Ignore(x => x.Parameters);
        b.Ignore(x => x.IsManual);
        b.HasIndex(x => new { x.SchemeId, x.SortOrder });
    }
}

internal sealed class ManualScoreConfiguration : IEntityTypeConfiguration<ManualScore>
{
    public void Configure(EntityTypeBuilder<ManualScore> b)
    {
        b.ToTable("AssessmentManualScores");
        b.Property(x => x.Score).HasPrecision(7, 2);
        b.Property(x => x.Evidence).HasMaxLength(ManualScore.EvidenceMaxLength);
        b.Property(x => x.EnteredBy).HasMaxLength(100);
        b.HasOne<AssessmentIndicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IndicatorId, x.DepartmentId }).IsUnique();
    }
}

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<AssessmentRun>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> b)
    {
        b.ToTable("AssessmentRuns");
        b.Property(x => x.ComputedBy).HasMaxLength(100);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(AssessmentRun.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        // One computation per scheme: computing again replaces its scores.
        b.HasIndex(x => x.SchemeId).IsUnique();
        b.HasIndex(x => new { x.Year, x.State });
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssessmentScoreConfiguration : IEntityTypeConfiguration<AssessmentScore>
{
    public void Configure(EntityTypeBuilder<AssessmentScore> b)
    {
        b.ToTable("AssessmentScores");
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.IndicatorName).HasMaxLength(IndicatorDefinition.NameMaxLength);
        b.Property(x => x.Evidence).HasMaxLength(ManualScore.EvidenceMaxLength);
        foreach (var p in new[] { nameof(AssessmentScore.Points), nameof(AssessmentScore.Score), nameof(AssessmentScore.FullAt), nameof(AssessmentScore.HalfAt), nameof(AssessmentScore.DeductEach) })
            b.Property(p).HasPrecision(7, 2);
        b.Ignore(x => x.Measured);
        // No foreign key to the indicator: it may be removed from the scheme later, and the computed line keeps its copy of
        // the definition (a second cascade path from the scheme would also be refused by SQL Server).
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RunId, x.DepartmentId });
    }
}
