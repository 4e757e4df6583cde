using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Notifications;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// Issue 19's demo rows: a few staff notifications (the office, the housing bureau's editors) and an outbox with a mail
/// sent, one pending and one given up, so that /notifications and /admin/outbox are not empty on a fresh run. The
/// addresses are example.org ones: nothing is delivered anywhere.
/// </summary>
internal static class DemoNotifications
{
    public static IEnumerable<StaffNotification> Staff(int housingDepartmentId, DateTimeOffset now) =>
    [
        StaffNotification.ToRole(Roles.Reviewer, "收到一件网上提交的政府信息公开申请，请确认收到。", "/cases", now.AddHours(-3)),
        StaffNotification.ToRole(Roles.Reviewer, "收到一件网上提交的政府信息公开申请，请确认收到。", "/cases", now.AddMinutes(-40)),
        StaffNotification.ToDepartment(housingDepartmentId, "“2026年城镇老旧小区改造计划”被退回修改（第1版）", "/manage/records", now.AddHours(-20)),
    ];

    public static IEnumerable<OutboxMail> Outbox(DateTimeOffset now)
    {
        const string subject = "您的政府信息公开申请已答复";
        const string body = "您好：\n\n您向青川县人民政府提出的政府信息公开申请已作出答复。请打开以下链接查看答复书和所附文件。\n\n本邮件由系统自动发送，请勿回复。";
        var sent = OutboxMail.Queue("zhang.san@example.org", subject, body, now.AddDays(-2));
        sent.MarkSent(now.AddDays(-2).AddSeconds(12));
        var failed = OutboxMail.Queue("li.si@example.org", subject, body, now.AddDays(-3));
        for (var i = 1; i <= OutboxMail.MaxAttempts; i++)
            failed.MarkFailed("SmtpCommandException: 550 5.1.1 Mailbox unavailable: l***@example.org", now.AddDays(-3).AddHours(i));
        var pending = OutboxMail.Queue("wang.wu@example.org", subject, body, now.AddMinutes(-5));
        return [sent, failed, pending];
    }
}
