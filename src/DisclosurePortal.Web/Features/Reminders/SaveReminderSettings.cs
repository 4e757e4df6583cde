using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Notifications;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>消息警示 settings as the administrator types them. The secret is never shown again: empty keeps the stored one.</summary>
public sealed class ReminderSettingsForm
{
    public int WorkingDaysBefore { get; set; } = ReminderRules.DefaultWorkingDaysBefore;
    public bool WebhookEnabled { get; set; }
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }

    /// <summary>Remove the stored secret (calls go unsigned).</summary>
    public bool ClearSecret { get; set; }
    public int Version { get; set; }

    public void Normalize()
    {
        WebhookUrl = string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim();
        WebhookSecret = string.IsNullOrWhiteSpace(WebhookSecret) ? null : WebhookSecret.Trim();
    }
}

public sealed class ReminderSettingsFormValidator : AbstractValidator<ReminderSettingsForm>
{
    public ReminderSettingsFormValidator()
    {
        // One set of rules: the Domain's, field by field.
        RuleFor(f => f).Custom((f, context) =>
        {
            foreach (var (field, message) in ReminderSettings.Problems(f.WorkingDaysBefore, f.WebhookEnabled, f.WebhookUrl?.Trim()))
                context.AddFailure(field, message);
        });
        RuleFor(f => f.WebhookSecret).MaximumLength(ReminderSettings.MaxSecretLength).WithMessage("签名密钥不能超过 200 个字符。");
    }
}

/// <summary>Saves the settings row (creating it the first time), with an audit event naming what changed.</summary>
public sealed class SaveReminderSettingsHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, WebhookSecrets secrets)
{
    public const string ConflictMessage = "消息警示设置已被其他管理员修改。您填写的内容仍在下方，请核对后重新保存。";

    public async Task<Outcome<ReminderSettings>> HandleAsync(ReminderSettingsForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var settings = await db.ReminderSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = ReminderSettings.Defaults();
            db.ReminderSettings.Add(settings);
        }
        else if (settings.Version != form.Version) return Refusal.Conflict(ConflictMessage);
        var keep = form.WebhookSecret is null && !form.ClearSecret;
        var saved = Outcome.Try(() =>
        {
            settings.Update(form.WorkingDaysBefore, form.WebhookEnabled, form.WebhookUrl, form.WebhookSecret is { } s ? secrets.Protect(s) : null, keep,
                admin.DisplayName(), clock.GetUtcNow());
            return (Outcome<ReminderSettings>)settings;
        });
        if (!saved.Done) return saved;
        var secretNote = form.WebhookSecret is not null ? "，已更换签名密钥" : form.ClearSecret ? "，已删除签名密钥" : "";
        audit.Record(admin, AuditActions.ReminderSettingsUpdate, ReminderSettings.SingletonId,
            $"提前 {settings.WorkingDaysBefore} 个工作日提醒；Webhook {(settings.WebhookEnabled ? "启用" : "停用")}{(settings.WebhookUrl is { } u ? "：" + Masked(u) : "")}{secretNote}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict(ConflictMessage);
        }
        return saved;
    }

    /// <summary>The address as the audit log keeps it: scheme, host and path, without the query (a robot's access token is in it).</summary>
    public static string Masked(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}{(uri.Query.Length > 0 ? "?…" : "")}" : "—";
}

/// <summary>发送测试消息: one webhook call to the saved address, through the outbox like every alert.</summary>
public sealed class SendTestWebhookHandler(PortalDbContext db, AuditTrail audit, ReminderAlerts alerts)
{
    public async Task<Outcome<string>> HandleAsync(ClaimsPrincipal admin, CancellationToken ct)
    {
        var settings = await ReminderQueries.SettingsAsync(db, ct);
        if (settings.WebhookUrl is not { } url) return new Refusal("请先填写并保存 Webhook 接收地址。");
        alerts.TestWebhook(url, admin.DisplayName());
        audit.Record(admin, AuditActions.ReminderSettingsTest, ReminderSettings.SingletonId, SaveReminderSettingsHandler.Masked(url));
        await db.SaveChangesAsync(ct);
        return url;
    }
}
