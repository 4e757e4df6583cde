using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Cases;

/// <summary>
/// The case list's query string: state, department, month received (yyyy-MM), the dashboard's deadline filter, page.
/// The texts as typed are kept too: the filter form and the pager show them again.
/// </summary>
public sealed record CaseListFilter(int Page, string? Due, ApplicationState? State, string? StateText, int? Department, DateOnly? Month, string? MonthText)
    : IQueryFilter<CaseListFilter>
{
    /// <summary>The office dashboard's counts, each a link to the list.</summary>
    public static readonly IReadOnlyList<string> DueFilters = ["overdue", "soon", "upcoming", "supplement", "notice-soon", "notice-missed"];

    public bool NoticeList => Due is "notice-soon" or "notice-missed";

    /// <summary>The query keys, as the filter form and the pager write them and people see them in the URL.</summary>
    public static class Keys
    {
        public const string State = "state";
        public const string Department = "department";
        public const string Month = "month";
        public const string Due = "due";
    }

    public static CaseListFilter Read(QueryReader q)
    {
        var page = q.Page();
        var due = q.Text(Keys.Due);
        if (due is not null && !DueFilters.Contains(due)) q.Refuse("期限筛选条件无效。");
        var state = q.Enum<ApplicationState>(Keys.State, "状态筛选条件无效。");
        // An unreadable department is no filter, as the binder of an int? left it.
        int? department = q.OptionalInt(Keys.Department);
        var month = q.Month(Keys.Month, "收到月份应为“年-月”，如 2026-03。");
        return new CaseListFilter(page, due, state, q.Text(Keys.State), department, month, q.Text(Keys.Month));
    }

    /// <summary>The cases the filter selects; without a state, the open ones.</summary>
    public async Task<IQueryable<ApplicationCase>> ApplyAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var cases = db.ApplicationCases.AsNoTracking();
        if (Due is not null)
        {
            // The office dashboard's counts: open cases overdue, or due within 3 (or 10) working days. Due within n
            // working days = today ≤ due date < the (n+1)th working day after today, so the filter runs in SQL.
            var calendar = await CalendarLoader.LoadAsync(db, ct);
            var running = cases.ReplyRunning();
            var before = calendar.AddWorkingDays(today, (Due == "soon" ? ReplyDeadline.DueSoonWorkingDays : CaseDue.UpcomingWorkingDays) + 1);
            cases = Due switch
            {
                "overdue" => running.Where(c => c.DueOn < today),
                "soon" or "upcoming" => running.Where(c => c.DueOn >= today && c.DueOn < before),
                "supplement" => cases.AwaitingSupplement(), // 条例 Art. 30: no reply period runs while a supplement is awaited
                "notice-soon" => cases.SupplementNoticeSoon(today, calendar),
                _ => cases.SupplementNoticeMissed(today, calendar),
            };
        }
        cases = State is { } s ? cases.Where(c => c.State == s) : cases.Where(c => c.State != ApplicationState.Closed);
        if (Department is { } dep) cases = cases.Where(c => c.AssignedDepartmentId == dep);
        if (Month is { } first)
        {
            var next = first.AddMonths(1);
            cases = cases.Where(c => c.ReceivedOn >= first && c.ReceivedOn < next);
        }
        return cases;
    }
}

public static class CaseDue
{
    /// <summary>How far ahead the office dashboard lists upcoming deadlines.</summary>
    public const int UpcomingWorkingDays = 10;
}
