using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("Messages");
        b.Property(x => x.QueryCode).HasMaxLength(20);
        b.Property(x => x.Subject).HasMaxLength(Message.MaxSubjectLength);
        b.Property(x => x.Body).HasMaxLength(Message.MaxBodyLength);
        // Encrypted (PersonalData): Data Protection payloads are much longer than what was typed.
        b.Property(x => x.ContactName).HasMaxLength(1024);
        b.Property(x => x.ContactPhone).HasMaxLength(1024);
        b.Property(x => x.ContactEmail).HasMaxLength(1024);
        b.Property(x => x.HeldFor).HasMaxLength(1000);
        b.Property(x => x.ExtensionReason).HasMaxLength(Message.MaxReasonLength);
        b.Property(x => x.DeclineNote).HasMaxLength(Message.MaxReasonLength);
        b.Property(x => x.Reply).HasMaxLength(Message.MaxReplyLength);
        b.Property(x => x.ReplyDraftedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Events).HasField("_events");
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.AssignedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.AddressedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisclosureDomain>().WithMany().HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.QueryCode).IsUnique();
        b.HasIndex(x => new { x.State, x.AssignedDepartmentId });
        b.HasIndex(x => new { x.Published, x.AnsweredOn });
        b.HasIndex(x => x.WrittenOn);
    }
}

internal sealed class MessageEventConfiguration : IEntityTypeConfiguration<MessageEvent>
{
    public void Configure(EntityTypeBuilder<MessageEvent> b)
    {
        b.ToTable("MessageEvents");
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => x.MessageId);
    }
}

internal sealed class SensitiveWordConfiguration : IEntityTypeConfiguration<SensitiveWord>
{
    public void Configure(EntityTypeBuilder<SensitiveWord> b)
    {
        b.ToTable("SensitiveWords");
        b.Property(x => x.Word).HasMaxLength(SensitiveWords.MaxWordLength);
        b.Property(x => x.AddedBy).HasMaxLength(100);
        b.HasIndex(x => x.Word).IsUnique();
    }
}
