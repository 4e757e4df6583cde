using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Notifications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>
/// Who the mailbox tells what (issue 19 §4): the office when a message arrives or a reply waits for approval, the
/// department (its editors' e-mail addresses and an in-portal note) when a message is assigned or its reply is due soon,
/// and the writer, if they gave an e-mail address, when the reply is approved. Every method only adds rows (outbox mail,
/// staff notes) to the DbContext: call it before the change's SaveChanges, so that the notice commits with the change or
/// not at all. A mail carries a link and the subject staff already see, never the writer's name or contact data.
/// </summary>
public sealed class MessageNotifications(PortalDbContext db, WriterContacts contacts, TimeProvider clock, PublicSite site, LinkGenerator links,
    IHttpContextAccessor http)
{
    public const string AssignedSubject = "收到转办的网民留言";
    public const string DueSoonSubject = "网民留言即将到期";
    public const string AnsweredSubject = "您的留言已答复";

    /// <summary>A message was written (or released by moderation): the office triages it.</summary>
    public void Arrived(Message message) =>
        StaffNotifications.Add(db, StaffNotification.ToRole(Roles.Reviewer, $"收到一条网民留言“{Short(message.Subject)}”，请在 {message.AcceptDueOn.Iso()} 前分办。",
            StaffPath(message), clock.GetUtcNow()));

    /// <summary>A drafted reply waits for the office's approval.</summary>
    public void ReplyDrafted(Message message) =>
        StaffNotifications.Add(db, StaffNotification.ToRole(Roles.Reviewer, $"留言“{Short(message.Subject)}”的答复已拟好，请审核。",
            StaffPath(message), clock.GetUtcNow()));

    /// <summary>A message was accepted and assigned (转办) to a department: its editors are told, in the portal and by e-mail.</summary>
    public async Task AssignedAsync(Message message, CancellationToken ct)
    {
        var text = $"收到转办的网民留言“{Short(message.Subject)}”，请在 {message.ReplyDueOn!.Value.Iso()} 前答复。";
        await ToDepartmentAsync(message, text, AssignedSubject, ct);
    }

    /// <summary>
    /// A message's reply is due soon: the department is reminded once per due date (an extension sets a new one).
    /// Called daily by <see cref="RemindDueSoonHandler"/> on a tracked message.
    /// </summary>
    public async Task DueSoonAsync(Message message, CancellationToken ct)
    {
        var text = $"网民留言“{Short(message.Subject)}”将于 {message.ReplyDueOn!.Value.Iso()} 到期，请及时答复。";
        await ToDepartmentAsync(message, text, DueSoonSubject, ct);
        message.RemindedOfDueDate(clock.Today());
    }

    /// <summary>The office approved the reply: the writer who gave an e-mail address gets the tracking link, nothing else.</summary>
    public void Answered(Message message)
    {
        if (string.IsNullOrEmpty(message.ContactEmail)) return;
        var address = contacts.Reveal(message.ContactEmail);
        if (!address.Contains('@', StringComparison.Ordinal)) return;
        var track = links.GetPathByAction(nameof(MessagesController.Track), "Messages",
            new RouteValueDictionary { [MessageTrackFormModel.CodeKey] = message.QueryCode })!;
        MailOutbox.Enqueue(db, address, AnsweredSubject,
            $"""
            您好：

            您的留言已有答复。请打开以下链接查看答复内容：

            {Absolute(track)}

            如链接无法打开，请到本网站“网上信箱—查询留言”，输入您的查询码查看。
            本邮件由系统自动发送，请勿回复。
            """, clock.GetUtcNow());
    }

    private async Task ToDepartmentAsync(Message message, string text, string subject, CancellationToken ct)
    {
        var departmentId = message.AssignedDepartmentId!.Value;
        var now = clock.GetUtcNow();
        var path = StaffPath(message);
        StaffNotifications.Add(db, StaffNotification.ToDepartment(departmentId, text, path, now));
        // Locked accounts are left out in memory: SQLite cannot compare DateTimeOffset values (a department has few users).
        var editors = await db.Users.AsNoTracking().Where(u => u.DepartmentId == departmentId && u.Email != null)
            .Select(u => new { u.Email, u.LockoutEnd }).ToListAsync(ct);
        var addresses = editors.Where(u => u.LockoutEnd is null || u.LockoutEnd < now).Select(u => u.Email!).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
            MailOutbox.Enqueue(db, address, subject, $"{text}\n\n办理页面：{Absolute(path)}\n\n本邮件由系统自动发送，请勿回复。", now);
    }

    private string StaffPath(Message message) =>
        links.GetPathByAction(nameof(StaffMessagesController.Handle), "StaffMessages", new RouteValueDictionary { ["id"] = message.Id })!;

    private string Absolute(string path) =>
        http.HttpContext is { } context ? site.Absolute(context.Request, path) : (site.BaseUrl ?? "") + path;

    private static string Short(string subject) => subject.Length <= 30 ? subject : subject[..30] + "…";
}
