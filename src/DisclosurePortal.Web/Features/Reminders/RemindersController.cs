using DisclosurePortal.Data;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>系统管理员: 消息警示 (ADR 35) — how many working days ahead editors are reminded, and the webhook.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminRemindersController(PortalDbContext db) : PortalController
{
    /// <summary>The feature folder is Reminders, not the controller's name.</summary>
    private const string EditView = "~/Features/Reminders/Views/Edit.cshtml";

    [HttpGet("/admin/reminders")]
    public async Task<IActionResult> Edit(CancellationToken ct)
    {
        var settings = await ReminderQueries.SettingsAsync(db, ct);
        var form = new ReminderSettingsForm
        {
            WorkingDaysBefore = settings.WorkingDaysBefore,
            WebhookEnabled = settings.WebhookEnabled,
            WebhookUrl = settings.WebhookUrl,
            Version = settings.Version,
        };
        return View(EditView, await ModelAsync(form, settings, ct));
    }

    [HttpPost("/admin/reminders")]
    public async Task<IActionResult> Save(ReminderSettingsForm form, [FromServices] SaveReminderSettingsHandler handler, CancellationToken ct)
    {
        form.Normalize();
        if (ModelState.IsValid)
        {
            var saved = await handler.HandleAsync(form, User, ct);
            if (saved.Done)
            {
                Flash("已保存消息警示设置。");
                return RedirectToAction(nameof(Edit));
            }
            ModelState.AddModelError(string.Empty, saved.Refusal!.Message);
            Response.StatusCode = saved.Refusal.Status;
        }
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        var current = await ReminderQueries.SettingsAsync(db, ct);
        form.Version = current.Version;
        form.WebhookSecret = null; // a secret is never written back into a page
        return View(EditView, await ModelAsync(form, current, ct));
    }

    [HttpPost("/admin/reminders/test")]
    public async Task<IActionResult> Test([FromServices] SendTestWebhookHandler handler, CancellationToken ct)
    {
        var sent = await handler.HandleAsync(User, ct);
        if (!sent.Done) return BadInput(sent.Refusal!.Message);
        Flash("已将测试消息放入发送队列，几秒钟内发往 Webhook 接收地址。");
        return RedirectToAction(nameof(Edit));
    }

    private async Task<ReminderSettingsModel> ModelAsync(ReminderSettingsForm form, ReminderSettings settings, CancellationToken ct)
    {
        var calls = await db.OutboxWebhooks.AsNoTracking().Where(w => w.SentAt == null).Select(w => w.Attempts).ToListAsync(ct);
        var recent = await db.SentReminders.AsNoTracking().OrderByDescending(r => r.Id).Take(10).ToListAsync(ct);
        return new ReminderSettingsModel(form, settings.WebhookSecret is not null, calls.Count(a => a < OutboxMail.MaxAttempts),
            calls.Count(a => a >= OutboxMail.MaxAttempts), recent);
    }
}

public sealed record ReminderSettingsModel(ReminderSettingsForm Form, bool HasSecret, int WebhookPending, int WebhookFailed, IReadOnlyList<SentReminder> Recent);

/// <summary>公开办: 催办 a late record or interpretation from the office's lists.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class UrgeController : PortalController
{
    [HttpPost("/office/urge/{subject}/{id:int}")]
    public async Task<IActionResult> Urge(UrgeForm form, [FromServices] UrgeReminderHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid) return BadInput(ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage);
        var urged = await handler.HandleAsync(form, User, ct);
        if (!urged.Done)
        {
            Response.StatusCode = urged.Refusal!.Status;
            return View("Problem", new ProblemModel(urged.Refusal.Status, "无法催办", urged.Refusal.Message, urged.Refusal.Args) { BackLink = Back(form.ReturnTo) });
        }
        Flash("已催办“{0}”：已通知{1}（站内通知和邮件）。", urged.Value!.Title, urged.Value.Department);
        return LocalRedirect(Back(form.ReturnTo));
    }

    /// <summary>The office's list the button was on, or /office: only those, never an address elsewhere.</summary>
    private string Back(string? returnTo) =>
        returnTo is { } r && Url.IsLocalUrl(r) && !r.StartsWith("//", StringComparison.Ordinal)
        && (r.StartsWith("/office", StringComparison.Ordinal) || r.StartsWith("/review/interpretations", StringComparison.Ordinal))
            ? r : "/office";
}
