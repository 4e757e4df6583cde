using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class RecordConfiguration : IEntityTypeConfiguration<Record>
{
    public void Configure(EntityTypeBuilder<Record> b)
    {
        b.ToTable("Records");
        b.Property(x => x.IndexNumber).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.IndexNumber).IsUnique();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureDomain>().WithMany().HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureStage>().WithMany().HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Columns.DisclosureColumn>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecordVersionConfiguration : IEntityTypeConfiguration<RecordVersion>
{
    // A boolean column on its own is a valid predicate in both SQLite and PostgreSQL.
    private const string WherePublished = "\"IsPublished\"";
    private const string WhereLatest = "\"IsLatest\"";

    public void Configure(EntityTypeBuilder<RecordVersion> b)
    {
        b.ToTable("RecordVersions");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.IssuingOrgan).HasMaxLength(200);
        b.Property(x => x.TopicCategory).HasMaxLength(100);
        b.Property(x => x.NonDisclosureReason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.ReturnReason).HasMaxLength(1000);
        b.Property(x => x.WithdrawnReason).HasMaxLength(1000);
        b.Property(x => x.VideoUrl).HasMaxLength(PolicyInterpretations.MaxVideoUrlLength);
        // 摘要公开 (issue 20 §3): added to rows that exist, so false by default in the schema the migration makes.
        b.Property(x => x.IsSummary).HasDefaultValue(false);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Record>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureDomain>().WithMany().HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureStage>().WithMany().HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Restrict);

        b.HasIndex(x => new { x.RecordId, x.Number }).IsUnique();
        // At most one published and one latest version per record (OrchardCore's flags, enforced by the database).
        b.HasIndex(x => x.RecordId, "IX_RecordVersions_OnePublished").IsUnique().HasFilter(WherePublished);
        b.HasIndex(x => x.RecordId, "IX_RecordVersions_OneLatest").IsUnique().HasFilter(WhereLatest);
        // The public listings, newest first: partial indexes over the published rows only. The queries say
        // WHERE "IsPublished" exactly as the filter does, which is what lets SQLite use them (a composite index
        // led by IsPublished is not used for a bare boolean predicate), and serve both the seek and the order.
        b.HasIndex(x => new { x.PublishedOn, x.Id }, "IX_RecordVersions_Published_Date").HasFilter(WherePublished);
        b.HasIndex(x => new { x.DomainId, x.StageId, x.PublishedOn, x.Id }, "IX_RecordVersions_Published_Domain").HasFilter(WherePublished);
        b.HasIndex(x => new { x.CatalogueItemId, x.PublishedOn, x.Id }, "IX_RecordVersions_Published_Item").HasFilter(WherePublished);
        b.HasIndex(x => new { x.DepartmentId, x.PublishedOn, x.Id }, "IX_RecordVersions_Published_Department").HasFilter(WherePublished);
        b.HasIndex(x => new { x.ColumnId, x.PublishedOn, x.Id }, "IX_RecordVersions_Published_Column").HasFilter(WherePublished);
        b.HasOne<Domain.Columns.DisclosureColumn>().WithMany().HasForeignKey(x => x.ColumnId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.State, x.DepartmentId }, "IX_RecordVersions_State_Department");
        b.HasIndex(x => x.StageId);
    }
}

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> b)
    {
        b.ToTable("ReviewDecisions");
        b.Property(x => x.ReviewerId).HasMaxLength(64);
        b.Property(x => x.ReviewerName).HasMaxLength(100);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasOne<RecordVersion>().WithMany().HasForeignKey(x => x.RecordVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RecordVersionId);
    }
}

internal sealed class InterpretationLinkConfiguration : IEntityTypeConfiguration<InterpretationLink>
{
    public void Configure(EntityTypeBuilder<InterpretationLink> b)
    {
        b.ToTable("InterpretationLinks");
        b.HasOne<Record>().WithMany().HasForeignKey(x => x.InterpretationRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RecordVersion>().WithMany().HasForeignKey(x => x.RecordVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Record>().WithMany().HasForeignKey(x => x.PolicyRecordId).OnDelete(DeleteBehavior.Restrict);
        // A version names a policy once; the policy's page finds its interpretations by PolicyRecordId.
        b.HasIndex(x => new { x.RecordVersionId, x.PolicyRecordId }).IsUnique();
        b.HasIndex(x => x.PolicyRecordId);
        b.HasIndex(x => x.InterpretationRecordId);
    }
}

/// <summary>解读方案 (三同步, issue 21 §6): one per policy record.</summary>
internal sealed class InterpretationPlanConfiguration : IEntityTypeConfiguration<InterpretationPlan>
{
    public void Configure(EntityTypeBuilder<InterpretationPlan> b)
    {
        b.ToTable("InterpretationPlans");
        b.HasOne<Record>().WithMany().HasForeignKey(x => x.PolicyRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosurePortal.Domain.Catalogue.Department>().WithMany().HasForeignKey(x => x.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PolicyRecordId).IsUnique();
        b.HasIndex(x => x.ResponsibleDepartmentId);
        b.Property(x => x.Note).HasMaxLength(InterpretationPlan.MaxNoteLength);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class InterpretationQuestionConfiguration : IEntityTypeConfiguration<InterpretationQuestion>
{
    public void Configure(EntityTypeBuilder<InterpretationQuestion> b)
    {
        b.ToTable("InterpretationQuestions");
        b.Property(x => x.Question).HasMaxLength(PolicyInterpretations.MaxQuestionLength);
        b.Property(x => x.Answer).HasMaxLength(PolicyInterpretations.MaxAnswerLength);
        b.HasOne<RecordVersion>().WithMany().HasForeignKey(x => x.RecordVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RecordVersionId, x.Position }).IsUnique();
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StorageKey).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasOne<RecordVersion>().WithMany().HasForeignKey(x => x.RecordVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.RecordVersionId);
    }
}

internal sealed class IndexNumberCounterConfiguration : IEntityTypeConfiguration<IndexNumberCounter>
{
    public void Configure(EntityTypeBuilder<IndexNumberCounter> b)
    {
        b.ToTable("IndexNumberCounters");
        b.HasKey(x => new { x.OrganisationCode, x.Year });
        b.Property(x => x.OrganisationCode).HasMaxLength(18);
        // Two editors submitting at once: the second update of the same counter row is refused and retried.
        b.Property(x => x.LastSerial).IsConcurrencyToken();
    }
}
