using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Domain.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>民意征集 (issue 19). The sizes here are the validators' limits: a longer value is refused by the form, never by the database.</summary>
internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public const int TitleLength = 200;
    public const int BodyLength = 100_000;
    public const int ExplanationLength = 20_000;
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("Consultations");
        b.Property(x => x.Title).HasMaxLength(TitleLength);
        b.Property(x => x.DraftBody).HasMaxLength(BodyLength);
        b.Property(x => x.DraftingExplanation).HasMaxLength(ExplanationLength);
        b.Property(x => x.ShortPeriodReason).HasMaxLength(ReasonLength);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.PostalAddress).HasMaxLength(300);
        b.Property(x => x.ReturnReason).HasMaxLength(ReasonLength);
        b.Property(x => x.AdoptedReason).HasMaxLength(4000);
        b.Property(x => x.PartlyAdoptedReason).HasMaxLength(4000);
        b.Property(x => x.NotAdoptedReason).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogueItem>().WithMany().HasForeignKey(x => x.CatalogueItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureDomain>().WithMany().HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Record>().WithMany().HasForeignKey(x => x.DecisionRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.State, x.EndsOn });
        b.HasIndex(x => new { x.DomainId, x.State });
        b.HasIndex(x => x.DepartmentId);
    }
}

internal sealed class ConsultationQuestionConfiguration : IEntityTypeConfiguration<ConsultationQuestion>
{
    public void Configure(EntityTypeBuilder<ConsultationQuestion> b)
    {
        b.ToTable("ConsultationQuestions");
        b.Property(x => x.Text).HasMaxLength(300);
        b.PrimitiveCollection(x => x.Options);
        b.HasIndex(x => new { x.ConsultationId, x.Position });
    }
}

internal sealed class ConsultationCommentConfiguration : IEntityTypeConfiguration<ConsultationComment>
{
    public const int BodyLength = 5000;

    public void Configure(EntityTypeBuilder<ConsultationComment> b)
    {
        b.ToTable("ConsultationComments");
        b.Property(x => x.Body).HasMaxLength(BodyLength);
        b.Property(x => x.PublicName).HasMaxLength(50);
        // Encrypted (ConsultationContacts): room for the Data Protection payload.
        b.Property(x => x.NameSealed).HasMaxLength(512);
        b.Property(x => x.PhoneSealed).HasMaxLength(512);
        b.Property(x => x.EmailSealed).HasMaxLength(512);
        b.Property(x => x.AddressSealed).HasMaxLength(1024);
        b.Property(x => x.EnteredBy).HasMaxLength(100);
        b.Property(x => x.ModeratedBy).HasMaxLength(100);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.CommentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.ConsultationId, x.Moderation, x.Id });
    }
}

internal sealed class ConsultationAnswerConfiguration : IEntityTypeConfiguration<ConsultationAnswer>
{
    public void Configure(EntityTypeBuilder<ConsultationAnswer> b)
    {
        b.ToTable("ConsultationAnswers");
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasOne<ConsultationQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.QuestionId);
    }
}

internal sealed class ConsultationEventConfiguration : IEntityTypeConfiguration<ConsultationEvent>
{
    public void Configure(EntityTypeBuilder<ConsultationEvent> b)
    {
        b.ToTable("ConsultationEvents");
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => x.ConsultationId);
    }
}
