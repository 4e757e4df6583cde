using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DisclosurePortal.Data.Configurations;

/// <summary>消息警示 (docs/adr/0035): the settings row, the log of reminders sent, and the webhook outbox.</summary>
internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> b)
    {
        b.ToTable("ReminderSettings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.WebhookUrl).HasMaxLength(ReminderSettings.MaxUrlLength);
        b.Property(x => x.WebhookSecret).HasMaxLength(ReminderSettings.MaxStoredSecretLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ActiveWebhook);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("SentReminders");
        b.Property(x => x.Key).HasMaxLength(SentReminder.MaxKeyLength);
        b.Property(x => x.Title).HasMaxLength(SentReminder.MaxTitleLength);
        b.Property(x => x.SentBy).HasMaxLength(SentReminder.MaxActorLength);
        // Once per thing, due date, kind and round: the daily job may run anywhere, any number of times.
        b.HasIndex(x => new { x.Key, x.DueOn, x.Kind, x.Round }).IsUnique();
        b.HasIndex(x => new { x.Subject, x.SubjectId, x.Kind });
        b.HasIndex(x => new { x.DepartmentId, x.SentOn });
        b.HasIndex(x => x.AwaitsDigest);
    }
}

internal sealed class OutboxWebhookConfiguration : IEntityTypeConfiguration<OutboxWebhook>
{
    public void Configure(EntityTypeBuilder<OutboxWebhook> b)
    {
        b.ToTable("OutboxWebhooks");
        b.Property(x => x.Url).HasMaxLength(OutboxWebhook.MaxUrlLength);
        b.Property(x => x.Body).HasMaxLength(OutboxWebhook.MaxBodyLength);
        b.Property(x => x.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.State);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptTicks }); // the sender's "due" query
    }
}
