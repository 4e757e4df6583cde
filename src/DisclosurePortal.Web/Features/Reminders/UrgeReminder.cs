using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Reminders;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Manage;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Reminders;

/// <summary>催办, as the office's lists post it: what (a late record, or a policy whose interpretation is late) and where to come back.</summary>
public sealed class UrgeForm
{
    public const string RecordSubject = "record";
    public const string PolicySubject = "policy";

    public string? Subject { get; set; }
    public int Id { get; set; }

    /// <summary>The list the button was pressed on (a path of the office's lists); /office otherwise.</summary>
    public string? ReturnTo { get; set; }
}

public sealed class UrgeFormValidator : AbstractValidator<UrgeForm>
{
    public UrgeFormValidator()
    {
        RuleFor(f => f.Subject).Must(s => s is UrgeForm.RecordSubject or UrgeForm.PolicySubject).WithMessage("催办对象无效。");
        RuleFor(f => f.Id).GreaterThan(0).WithMessage("催办对象无效。");
        RuleFor(f => f.ReturnTo).MaximumLength(500).WithMessage("返回地址无效。");
    }
}

/// <summary>
/// 催办: the office reminds a unit now of a late record or interpretation — a note, mail to its editors and the webhook —
/// and records it (the log's next round, and an audit event), all in one SaveChanges. Only what is late can be urged.
/// </summary>
public sealed class UrgeReminderHandler(PortalDbContext db, TimeProvider clock, ReminderAlerts alerts, AuditTrail audit)
{
    public async Task<Outcome<ReminderItem>> HandleAsync(UrgeForm form, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        ReminderItem? item;
        if (form.Subject == UrgeForm.RecordSubject)
        {
            var row = (await RecordDeadlines.PendingAsync(db, null, today, calendar, ct)).FirstOrDefault(r => r.RecordId == form.Id);
            if (row is null) return Refusal.NotFound("没有找到该未发布的信息，可能已经发布。");
            if (!row.Overdue) return new Refusal("该信息尚未超过公开时限，无须催办。");
            item = new ReminderItem(ReminderSubject.Record, RunRemindersHandler.RecordKey(row.RecordId), row.RecordId, row.DepartmentId, row.Department ?? "—",
                row.Title, row.DueOn, $"/manage/records/{row.RecordId}");
        }
        else
        {
            var row = (await InterpretationQueries.TimelinessAsync(db, null, today, calendar, ct, form.Id)).FirstOrDefault();
            if (row is null) return Refusal.NotFound("没有找到该政策文件。");
            if (row.Timeliness.Status != Domain.Publishing.InterpretationStatus.MissingOverdue) return new Refusal("该政策文件的解读没有超期未发布，无须催办。");
            item = new ReminderItem(ReminderSubject.Interpretation, RunRemindersHandler.PolicyKey(row.PolicyRecordId), row.PolicyRecordId, row.DepartmentId,
                row.Department, $"《{row.Title}》的政策解读", row.Timeliness.DueOn, "/manage/interpretations");
        }

        var settings = await ReminderQueries.SettingsAsync(db, ct);
        var rounds = await db.SentReminders.CountAsync(r => r.Key == item.Key && r.DueOn == item.DueOn && r.Kind == ReminderKind.Urged, ct);
        var name = reviewer.DisplayName();
        await alerts.ToUnitAsync(item.DepartmentId, ReminderKind.Urged, [item], name, settings, ct);
        db.SentReminders.Add(SentReminder.Log(item.Subject, item.Key, item.SubjectId, item.DueOn, ReminderKind.Urged, rounds + 1, item.DepartmentId,
            item.Title, name, today, clock.GetUtcNow()));
        audit.Record(reviewer, AuditActions.RecordUrge, item.SubjectId!.Value, $"第 {rounds + 1} 次催办：{item.Title}（{item.Department}，应于 {item.DueOn.Iso()} 前公开）");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another reviewer pressed 催办 on the same thing at the same moment: theirs was sent.
            return Refusal.Conflict("刚刚已有其他人催办了该事项，请刷新页面查看。");
        }
        return item;
    }
}
