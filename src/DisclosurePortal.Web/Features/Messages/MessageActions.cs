using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>What staff do to a message (the office's triage and approval, the department's reply).</summary>
public enum MessageAction
{
    Release = 1,
    Accept = 2,
    Decline = 3,
    DraftReply = 4,
    ReturnReply = 5,
    ApproveReply = 6,
    Extend = 7,
    Publish = 8,
    Unpublish = 9,
}

/// <summary>The fields the message page's action forms post (one form per action).</summary>
public sealed class MessageActionForm
{
    public MessageAction? Action { get; set; }
    public int Version { get; set; }
    public int? DepartmentId { get; set; }
    public DeclineReason? Reason { get; set; }
    [Infrastructure.MultiLine]
    public string? Text { get; set; }
    public int? WorkingDays { get; set; }
}

/// <summary>
/// One step of a message by a member of staff: the office (Reviewer) triages, extends, approves and publishes; an editor
/// drafts the reply for their own department only (others' messages are "not found", ADR 6). The step, its event,
/// its audit row and the concurrency check (the page's <c>Version</c>) are one save.
/// </summary>
public sealed class MessageActionHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, MessageDeadlines deadlines, MessageNotifications notifications)
{
    public static bool IsOfficeAction(MessageAction a) => a != MessageAction.DraftReply;

    public async Task<Outcome<MessageAction>> HandleAsync(int id, MessageActionForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        // Another department's message is "not found" (ADR 6), before anything about the post is looked at.
        var office = user.IsInRole(Roles.Reviewer);
        var message = await db.Messages.Include(m => m.Events).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || (!office && (user.DepartmentId() is not { } own || message.AssignedDepartmentId != own)))
            return Refusal.NotFound("没有找到该留言。");
        if (form.Action is not { } action || !Enum.IsDefined(action)) return new Refusal("请选择要办理的操作。");
        if (IsOfficeAction(action) ? !office : !user.IsInRole(Roles.Editor)) return new Refusal("您没有办理该操作的权限。", StatusCodes.Status403Forbidden);
        if (message.Version != form.Version) return Refusal.Conflict("该留言已被他人办理，请查看最新状态后再操作。");
        var actor = user.DisplayName();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        return await Outcome.Try(async () =>
        {
            switch (action)
            {
                case MessageAction.Release:
                    message.Release(actor, now);
                    audit.Record(user, AuditActions.MessageRelease, message.Id, message.Subject);
                    notifications.Arrived(message);
                    break;
                case MessageAction.Accept:
                    var department = form.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d && x.IsActive).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
                    if (department is null) return new Refusal("请选择承办部门。");
                    message.Accept(actor, form.DepartmentId!.Value, now, today, deadlines, await CalendarLoader.LoadAsync(db, ct), department);
                    audit.Record(user, AuditActions.MessageAccept, message.Id, $"转 {department} 办理");
                    await notifications.AssignedAsync(message, ct);
                    break;
                case MessageAction.Decline:
                    if (form.Reason is not { } reason || !Enum.IsDefined(reason)) return new Refusal("请选择不予受理的理由。");
                    message.Decline(actor, reason, form.Text, now, today);
                    audit.Record(user, AuditActions.MessageDecline, message.Id, DeclineReasons.Describe(reason));
                    break;
                case MessageAction.DraftReply:
                    if (string.IsNullOrWhiteSpace(form.Text)) return new Refusal("请填写答复内容。");
                    message.DraftReply(actor, user.DepartmentId()!.Value, form.Text, now);
                    audit.Record(user, AuditActions.MessageDraftReply, message.Id, null);
                    notifications.ReplyDrafted(message);
                    break;
                case MessageAction.ReturnReply:
                    if (string.IsNullOrWhiteSpace(form.Text)) return new Refusal("请写明退回修改的意见。");
                    message.ReturnReply(actor, form.Text, now);
                    audit.Record(user, AuditActions.MessageReturnReply, message.Id, form.Text);
                    break;
                case MessageAction.ApproveReply:
                    message.ApproveReply(actor, now, today);
                    audit.Record(user, AuditActions.MessageApproveReply, message.Id, null);
                    notifications.Answered(message);
                    break;
                case MessageAction.Extend:
                    if (form.WorkingDays is not { } days) return new Refusal("请填写延长的工作日数。");
                    if (string.IsNullOrWhiteSpace(form.Text)) return new Refusal("请写明延期理由，留言人可以看到。");
                    message.Extend(actor, days, form.Text, now, deadlines, await CalendarLoader.LoadAsync(db, ct));
                    audit.Record(user, AuditActions.MessageExtend, message.Id, $"{days} 个工作日：{form.Text}");
                    break;
                case MessageAction.Publish:
                case MessageAction.Unpublish:
                    message.SetPublished(action == MessageAction.Publish, actor, now);
                    audit.Record(user, action == MessageAction.Publish ? AuditActions.MessagePublish : AuditActions.MessageUnpublish, message.Id, message.Subject);
                    break;
            }
            // The notices (outbox mail, staff notes) commit with the step or not at all.
            await db.SaveChangesAsync(ct);
            return (Outcome<MessageAction>)action;
        });
    }
}
