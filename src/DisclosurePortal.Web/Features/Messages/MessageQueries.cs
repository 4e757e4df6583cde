using DisclosurePortal.Data;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>The public list's filter: <c>kind</c>, <c>department</c>, <c>q</c> (keyword), <c>page</c>.</summary>
public sealed record PublishedMessagesFilter(MessageKind? Kind, int? Department, string? Q, int Page) : IQueryFilter<PublishedMessagesFilter>
{
    public const int MaxKeywordLength = 50;

    public static class Keys
    {
        public const string Kind = "kind";
        public const string Department = "department";
        public const string Q = "q";
    }

    public static PublishedMessagesFilter Read(QueryReader query)
    {
        var page = query.Page();
        var kind = query.Enum<MessageKind>(Keys.Kind, "留言类型筛选条件无效。");
        var department = query.Id(Keys.Department, "部门筛选条件无效。");
        var q = query.Text(Keys.Q)?.Trim();
        if (q is { Length: > MaxKeywordLength }) query.Refuse("关键词不能超过50个字。");
        return new PublishedMessagesFilter(kind, department, string.IsNullOrEmpty(q) ? null : q, page);
    }
}

public sealed record PublishedMessageRow(int Id, MessageKind Kind, string Subject, string? Department, DateOnly WrittenOn, DateOnly AnsweredOn);

/// <summary>Received, answered, answered on time, average working days from writing to answer (private and declined ones counted).</summary>
public sealed record MessageStatistics(int Year, int Received, int Answered, int AnsweredOnTime, double? AverageWorkingDays);

/// <summary>The mailbox's queries used in more than one place: the public list, search and statistics.</summary>
public static class MessageQueries
{
    /// <summary>Only what the public may read: answered, consented and published by the office.</summary>
    public static IQueryable<Message> PublishedMessages(this PortalDbContext db) =>
        db.Messages.AsNoTracking().Where(m => m.Published && m.PublicationConsent && m.State == MessageState.Answered);

    /// <summary>Published messages whose subject, question or answer contains <paramref name="keyword"/> (the search index comes later).</summary>
    public static IQueryable<Message> Matching(this IQueryable<Message> messages, string keyword)
    {
        var pattern = "%" + keyword.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return messages.Where(m => EF.Functions.Like(m.Subject, pattern, "\\") || EF.Functions.Like(m.Body, pattern, "\\") || EF.Functions.Like(m.Reply!, pattern, "\\"));
    }

    public static IQueryable<PublishedMessageRow> Rows(this IQueryable<Message> messages, PortalDbContext db) =>
        from m in messages
        join d in db.Departments on m.AssignedDepartmentId equals d.Id into dd
        from d in dd.DefaultIfEmpty()
        orderby m.AnsweredOn descending, m.Id descending
        select new PublishedMessageRow(m.Id, m.Kind, m.Subject, d == null ? null : d.Name, m.WrittenOn, m.AnsweredOn!.Value);

    /// <summary>The statistics of the messages written in <paramref name="year"/>, every message counted.</summary>
    public static async Task<MessageStatistics> StatisticsAsync(PortalDbContext db, int year, WorkingCalendar calendar, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = await db.Messages.AsNoTracking().Where(m => m.WrittenOn >= from && m.WrittenOn <= to)
            .Select(m => new { m.WrittenOn, m.AnsweredOn, m.ReplyDueOn }).ToListAsync(ct);
        var answered = rows.Where(r => r.AnsweredOn is not null).ToList();
        return new MessageStatistics(year, rows.Count, answered.Count,
            answered.Count(r => r.ReplyDueOn is { } due && r.AnsweredOn <= due),
            answered.Count == 0 ? null : Math.Round(answered.Average(r => MessageDeadlines.WorkingDaysTaken(r.WrittenOn, r.AnsweredOn!.Value, calendar)), 1));
    }

    /// <summary>Overdue and due-soon counts of the open messages (all, or one department's), for the dashboards.</summary>
    public static async Task<(int Overdue, int DueSoon, int AwaitingTriage)> DueCountsAsync(PortalDbContext db, int? department, DateOnly today, MessageDeadlines deadlines, WorkingCalendar calendar, CancellationToken ct)
    {
        var open = db.Messages.AsNoTracking().Where(m => m.State != MessageState.Answered && m.State != MessageState.Declined);
        if (department is { } id) open = open.Where(m => m.AssignedDepartmentId == id && (m.State == MessageState.Accepted || m.State == MessageState.ReplyDrafted));
        var rows = await open.Select(m => new { m.State, m.AcceptDueOn, m.ReplyDueOn }).ToListAsync(ct);
        var due = rows.Select(r => MessageStates.AwaitsTriage(r.State) ? r.AcceptDueOn : r.ReplyDueOn!.Value).ToList();
        return (due.Count(d => MessageDeadlines.IsOverdue(d, today)), due.Count(d => deadlines.IsDueSoon(d, today, calendar)),
            rows.Count(r => MessageStates.AwaitsTriage(r.State)));
    }
}
