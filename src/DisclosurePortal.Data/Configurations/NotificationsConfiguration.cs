using DisclosurePortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("OutboxMails");
        b.Property(x => x.To).HasMaxLength(OutboxMail.MaxAddressLength);
        b.Property(x => x.Subject).HasMaxLength(OutboxMail.MaxSubjectLength);
        b.Property(x => x.Body).HasMaxLength(OutboxMail.MaxBodyLength);
        b.Property(x => x.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.State);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptTicks }); // the sender's "due" query
    }
}

internal sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> b)
    {
        b.ToTable("StaffNotifications");
        b.Property(x => x.RecipientUserId).HasMaxLength(StaffNotification.MaxUserIdLength);
        b.Property(x => x.RecipientRole).HasMaxLength(StaffNotification.MaxRoleLength);
        b.Property(x => x.Text).HasMaxLength(StaffNotification.MaxTextLength);
        b.Property(x => x.Link).HasMaxLength(StaffNotification.MaxLinkLength);
        b.HasIndex(x => new { x.ReadAt, x.CreatedAt });
    }
}
