using System.Globalization;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>
/// The expected publications of a year, listed by outcome (ADR 33): the office's across every unit
/// (<c>/office/expectations</c>), an editor's for the units they keep (<c>/manage/expectations</c>). The dashboards'
/// counts link here, and each count is the number of rows of its list (ADR 14).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExpectationListsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const string View_ = "~/Features/Expectations/Views/List.cshtml";
    private const int PageSize = 50;

    [HttpGet("/office/expectations")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Office(ExpectationFilter filter, CancellationToken ct)
    {
        IReadOnlyCollection<int>? units = filter.Unit is { } unit ? [unit] : null;
        if (filter.Unit is { } u && !await db.Departments.AnyAsync(d => d.Id == u, ct)) return NotFoundPage("没有找到该单位。");
        var units_ = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new UnitChoice(d.Id, d.Name)).ToListAsync(ct);
        return await ListAsync(filter, units, office: true, units_, ct);
    }

    [HttpGet("/manage/expectations")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Unit(ExpectationFilter filter, CancellationToken ct)
    {
        var kept = await Townships.KeptUnits.OfAsync(db, User, ct);
        if (filter.Unit is { } u && !kept.Contains(u)) return NotFoundPage("没有找到该单位。");
        var choices = kept.Count < 2 ? [] : await db.Departments.AsNoTracking().Where(d => kept.Contains(d.Id))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new UnitChoice(d.Id, d.Name)).ToListAsync(ct);
        return await ListAsync(filter, filter.Unit is { } unit ? [unit] : kept, office: false, choices, ct);
    }

    private async Task<IActionResult> ListAsync(ExpectationFilter filter, IReadOnlyCollection<int>? units, bool office,
        IReadOnlyList<UnitChoice> unitChoices, CancellationToken ct)
    {
        var today = clock.Today();
        var year = filter.Year ?? today.Year;
        var all = await ExpectationQueries.ListAsync(db, units, year, today, ct);
        var rows = all.Where(r => ExpectationFilter.Matches(filter.Outcome, r.Expectation.Outcome)).ToList();
        var info = new PageInfo(filter.Page, PageSize, rows.Count);
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var counts = ExpectationQueries.Count(all.Select(r => r.Expectation));
        return View(View_, new ExpectationListModel(office, year, filter, counts, rows.Skip(info.Skip).Take(PageSize).ToList(), info, unitChoices));
    }
}

/// <summary>
/// <c>outcome</c> (due: every expectation of the year; on-time, late, missing, not-yet-due), <c>year</c>, <c>unit</c>, <c>page</c>.
/// </summary>
public sealed record ExpectationFilter(string? Outcome, int? Year, int? Unit, int Page) : IQueryFilter<ExpectationFilter>
{
    public const string Due = "due", OnTime = "on-time", Late = "late", Missing = "missing", NotYetDue = "not-yet-due";

    public static readonly IReadOnlyList<string> Outcomes = [Due, OnTime, Late, Missing, NotYetDue];

    public static ExpectationFilter Read(QueryReader query)
    {
        var outcome = query.Text("outcome");
        if (outcome is not null && !Outcomes.Contains(outcome)) query.Refuse("情况筛选条件无效，应为 due、on-time、late、missing 或 not-yet-due。");
        var year = query.Year("year", "年份无效。");
        var unit = query.Id("unit", "单位编号无效。");
        return new ExpectationFilter(outcome, year, unit, query.Page());
    }

    /// <summary>Whether an outcome belongs to a list; waived periods count as on time, as in the 按季通报.</summary>
    public static bool Matches(string? list, ExpectationOutcome outcome) => list switch
    {
        OnTime => outcome is ExpectationOutcome.OnTime or ExpectationOutcome.Waived,
        Late => outcome == ExpectationOutcome.Late,
        Missing => outcome == ExpectationOutcome.Missing,
        NotYetDue => outcome == ExpectationOutcome.NotYetDue,
        _ => true,
    };

    /// <summary>The query values of a link that keeps this filter with another outcome (null: all).</summary>
    public Dictionary<string, string> With(string? outcome)
    {
        var values = new Dictionary<string, string>();
        if (outcome is not null) values["outcome"] = outcome;
        if (Year is { } y) values["year"] = y.ToString(CultureInfo.InvariantCulture);
        if (Unit is { } u) values["unit"] = u.ToString(CultureInfo.InvariantCulture);
        return values;
    }
}

public sealed record UnitChoice(int Id, string Name);

/// <summary>One expected publication with the names a list shows.</summary>
public sealed record ExpectationListRow(int UnitId, string UnitName, int ItemId, string ItemName, string TimeLimitText,
    Expectation Expectation, string? RecordTitle, WaiverState? Waiver);

public sealed record ExpectationListModel(bool Office, int Year, ExpectationFilter Filter, TimelinessCounts Counts,
    IReadOnlyList<ExpectationListRow> Rows, PageInfo Page, IReadOnlyList<UnitChoice> Units)
{
    public string Action => Office ? "Office" : "Unit";
}

/// <summary>A dashboard's counts of the year's expected publications, linking to <see cref="ExpectationListsController"/>.</summary>
public sealed record ExpectationDashboardCounts(bool Office, int Year, TimelinessCounts Counts);
