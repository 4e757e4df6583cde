using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Cases;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>
/// Staff side of the mailbox: the office's triage queue (/office/messages, every message) and a department editor's
/// list (/manage/messages, their department's assigned messages only), and the message page with the actions the
/// state and the role allow. The writer's contact data is whole here, and nowhere public.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffMessagesController(PortalDbContext db, TimeProvider clock, MessageDeadlines deadlines, WriterContacts contacts) : PortalController
{
    private const int PageSize = 30;
    private const string Views = "~/Features/Messages/Views/";

    [HttpGet("/office/messages")]
    [Authorize(Policy = Policies.Reviewer)]
    public Task<IActionResult> Queue(StaffMessagesFilter filter, CancellationToken ct) => List(db.Messages.AsNoTracking(), filter, office: true, ct);

    [HttpGet("/manage/messages")]
    [Authorize(Policy = Policies.Editor)]
    public Task<IActionResult> Assigned(StaffMessagesFilter filter, CancellationToken ct)
    {
        var own = User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");
        return List(db.Messages.AsNoTracking().Where(m => m.AssignedDepartmentId == own && m.State != MessageState.Declined), filter, office: false, ct);
    }

    [HttpGet("/staff/messages/{id:int}")]
    public async Task<IActionResult> Handle(int id, CancellationToken ct)
    {
        var m = await db.Messages.AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        var office = User.IsInRole(Roles.Reviewer);
        if (m is null || (!office && (User.DepartmentId() is not { } own || m.AssignedDepartmentId != own))) return NotFoundPage("没有找到该留言。");
        return await Page(m, office, ct);
    }

    [HttpPost("/staff/messages/{id:int}")]
    public async Task<IActionResult> Act(int id, MessageActionForm form, [FromServices] MessageActionHandler handler, CancellationToken ct)
    {
        var done = await handler.HandleAsync(id, form, User, ct);
        if (done.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
            var m = await db.Messages.AsNoTracking().Include(x => x.Events).FirstAsync(x => x.Id == id, ct);
            ModelState.AddModelError(string.Empty, refusal.Message);
            Response.StatusCode = refusal.Status;
            return await Page(m, User.IsInRole(Roles.Reviewer), ct, form);
        }
        Flash("已办理：{0}。", MessageActionNames.Describe(done.Value));
        return RedirectToAction(nameof(Handle), new { id });
    }

    private async Task<IActionResult> Page(Message m, bool office, CancellationToken ct, MessageActionForm? typed = null)
    {
        var names = await db.Departments.AsNoTracking().Where(d => d.Id == m.AddressedDepartmentId || d.Id == m.AssignedDepartmentId)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        ViewData.Put(typed ?? new MessageActionForm());
        return View(Views + "Handle.cshtml", new StaffMessageModel(m,
            names.FirstOrDefault(n => n.Id == m.AddressedDepartmentId)?.Name, names.FirstOrDefault(n => n.Id == m.AssignedDepartmentId)?.Name,
            contacts.Reveal(m.ContactName), contacts.Reveal(m.ContactPhone), contacts.Reveal(m.ContactEmail),
            office, m.IsOverdue(clock.Today()), office ? await db.ActiveDepartmentsAsync(ct) : [], deadlines));
    }

    private async Task<IActionResult> List(IQueryable<Message> messages, StaffMessagesFilter filter, bool office, CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        if (filter.Due is not null) messages = messages.Where(m => m.State != MessageState.Answered && m.State != MessageState.Declined);
        if (filter.Due == StaffMessagesFilter.Triage) messages = messages.Where(m => m.State == MessageState.HeldForModeration || m.State == MessageState.Submitted);
        // Open ones first, then by the date that matters now.
        var all = await (
            from m in messages
            join d in db.Departments on m.AssignedDepartmentId equals d.Id into dd
            from d in dd.DefaultIfEmpty()
            orderby m.State == MessageState.Answered || m.State == MessageState.Declined, m.AcceptDueOn, m.Id
            select new { m.Id, m.QueryCode, m.Kind, m.Subject, m.State, Department = d == null ? null : d.Name, m.WrittenOn, m.AcceptDueOn, m.ReplyDueOn })
            .ToListAsync(ct);
        // Overdue and due soon are derived (working days), so those two lists are cut here, as the dashboards count them.
        var rows = all.Select(r =>
        {
            DateOnly? due = MessageStates.AwaitsTriage(r.State) ? r.AcceptDueOn : MessageStates.ReplyRuns(r.State) ? r.ReplyDueOn : null;
            return new StaffMessageRow(r.Id, r.QueryCode, r.Kind, r.Subject, r.State, r.Department, r.WrittenOn, due,
                due is { } d1 && MessageDeadlines.IsOverdue(d1, today), due is { } d2 && deadlines.IsDueSoon(d2, today, calendar));
        }).Where(r => filter.Due switch
        {
            StaffMessagesFilter.Overdue => r.Overdue,
            StaffMessagesFilter.Soon => r.DueSoon,
            _ => true,
        }).ToList();
        var info = new PageInfo(filter.Page, PageSize, rows.Count);
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        return View(Views + "Queue.cshtml", new StaffMessageListModel(rows.Skip(info.Skip).Take(PageSize).ToList(), info, office) { Due = filter.Due });
    }
}

/// <summary>The staff lists' filter: <c>due</c> (overdue, soon, triage; all messages when absent) and <c>page</c>.</summary>
public sealed record StaffMessagesFilter(string? Due, int Page) : IQueryFilter<StaffMessagesFilter>
{
    public const string Overdue = "overdue";
    public const string Soon = "soon";
    public const string Triage = "triage";

    public static class Keys
    {
        public const string Due = "due";
    }

    public static StaffMessagesFilter Read(QueryReader query)
    {
        var page = query.Page();
        var due = query.Text(Keys.Due);
        if (due is not null && due is not (Overdue or Soon or Triage)) query.Refuse("期限筛选条件无效。");
        return new StaffMessagesFilter(due, page);
    }
}

public static class MessageActionNames
{
    public static string Describe(MessageAction action) => action switch
    {
        MessageAction.Release => "内容审核通过",
        MessageAction.Accept => "受理并转办",
        MessageAction.Decline => "不予受理",
        MessageAction.DraftReply => "提交答复",
        MessageAction.ReturnReply => "退回修改",
        MessageAction.ApproveReply => "答复审核通过",
        MessageAction.Extend => "延长办理期限",
        MessageAction.Publish => "公开",
        _ => "取消公开",
    };
}
