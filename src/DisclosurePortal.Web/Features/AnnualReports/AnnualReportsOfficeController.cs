using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>
/// The office prepares the annual report (条例 Arts. 49–50): Table 三 and the record-based rows of Table 二 computed live,
/// the other figures and sections 一, 五, 六 entered by hand.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class AnnualReportsOfficeController(PortalDbContext db, TimeProvider clock, ReferenceData reference) : PortalController
{
    /// <summary>The views live with the public ones in this feature's folder.</summary>
    private const string Views = "~/Features/AnnualReports/Views/";

    [HttpGet("/reports/annual")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var reports = await db.AnnualReports.AsNoTracking().OrderByDescending(r => r.Year)
            .Select(r => new OfficeReportRow(r.Year, r.State, r.UpdatedAt, r.PublishedAt)).ToListAsync(ct);
        // 条例 Art. 49: due by 31 January for the year before, so last year is the one to prepare.
        var due = clock.Today().Year - 1;
        return View(Views + "Office.cshtml", new OfficeIndexModel(reports, reports.Any(r => r.Year == due) ? null : due));
    }

    [HttpGet("/reports/annual/{year}")]
    public async Task<IActionResult> Draft(ReportYear route, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == route.Year, ct);
        return View(Views + "Draft.cshtml", await PageAsync(route.Year, report, AnnualDraftForm.From(report), ct));
    }

    /// <summary>
    /// 分单位统计 (issue 20 §7): the computed figures (Table 二（一）, Table 三, fees) of one unit — a township with its
    /// villages — or of one level's units; without a filter, every unit's main figures side by side.
    /// </summary>
    [HttpGet("/reports/annual/{year}/units")]
    public async Task<IActionResult> Units(ReportYear route, Townships.UnitFilter unitFilter, CancellationToken ct)
    {
        if (Townships.UnitScope.Read(await reference.GetAsync(db, ct), unitFilter) is not { } units) return BadInput(Townships.UnitFilter.UnitProblem);
        var scope = await units.ReportUnitsAsync(db, ct);
        if (scope is not null)
        {
            var tables = await AnnualReportQueries.ComputeAsync(db, route.Year, new ManualFigures(), ct, scope);
            return View(Views + "Units.cshtml", new UnitFiguresModel(route.Year, units, scope, tables, []));
        }
        var (byUnit, unassigned) = await AnnualReportQueries.ComputeByUnitAsync(db, route.Year, ct);
        // Units since closed (not offered by the filter) still have their line when the year has figures of theirs.
        var closedIds = byUnit.Keys.Except(units.Options.Select(o => o.Id)).ToList();
        var closed = await db.Departments.AsNoTracking().Where(d => closedIds.Contains(d.Id)).OrderBy(d => d.Level).ThenBy(d => d.SortOrder)
            .Select(d => new Townships.UnitOption(d.Id, d.Name, d.Level)).ToListAsync(ct);
        var rows = units.Options.Concat(closed).OrderBy(o => o.Level)
            .Select(o => new UnitFiguresRow(o, byUnit.GetValueOrDefault(o.Id))).ToList();
        return View(Views + "Units.cshtml", new UnitFiguresModel(route.Year, units, null, null, rows) { Unassigned = unassigned });
    }

    [HttpPost("/reports/annual/{year}")]
    public async Task<IActionResult> Save(ReportYear route, AnnualDraftForm form, [FromServices] SaveAnnualDraftHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RefusedAsync(route.Year, form, StatusCodes.Status400BadRequest, ct);
        var saved = await handler.HandleAsync(route.Year, form, User, ct);
        if (saved.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await RefusedAsync(route.Year, form, refusal.Status, ct);
        }
        Flash("已保存年度报告草稿。");
        return RedirectToAction(nameof(Draft), new { year = route.Year });
    }

    /// <summary>报送审核.</summary>
    [HttpPost("/reports/annual/{year}/submit")]
    public async Task<IActionResult> Submit(ReportYear route, [FromForm(Name = AnnualReviewFields.Version)] int version, [FromServices] AnnualReportReviewHandler handler, CancellationToken ct) =>
        await ReviewedAsync(route.Year, await handler.SubmitAsync(route.Year, version, User, ct), "已提交审核，请由另一位审核员发布。", null, ct);

    /// <summary>退回修改.</summary>
    [HttpPost("/reports/annual/{year}/return")]
    public async Task<IActionResult> Return(ReportYear route, [FromForm(Name = AnnualReviewFields.Version)] int version,
        [FromForm(Name = AnnualReviewFields.Comment)][MultiLine] string? comment, [FromServices] AnnualReportReviewHandler handler, CancellationToken ct) =>
        await ReviewedAsync(route.Year, await handler.ReturnAsync(route.Year, version, comment, User, ct), "已退回修改。", comment, ct);

    /// <summary>发布: the numbers are computed once more and frozen with the report.</summary>
    [HttpPost("/reports/annual/{year}/publish")]
    public async Task<IActionResult> Publish(ReportYear route, [FromForm(Name = AnnualReviewFields.Version)] int version, [FromServices] AnnualReportReviewHandler handler, CancellationToken ct) =>
        await ReviewedAsync(route.Year, await handler.PublishAsync(route.Year, version, User, ct), "年度报告已发布。", null, ct);

    /// <param name="typedComment">The return comment as typed: a refused return shows it again, it is not lost.</param>
    private async Task<IActionResult> ReviewedAsync(int year, Outcome<AnnualReport> outcome, string flash, string? typedComment, CancellationToken ct)
    {
        if (outcome.Refusal is not { } refusal)
        {
            Flash(flash);
            return RedirectToAction(nameof(Draft), new { year });
        }
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
        ModelState.AddModelError(string.Empty, refusal.Message);
        db.ChangeTracker.Clear();
        Response.StatusCode = refusal.Status;
        var current = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Year == year, ct);
        var page = await PageAsync(year, current, AnnualDraftForm.From(current), ct);
        return View(Views + "Draft.cshtml", page with { TypedReturnComment = typedComment });
    }

    private async Task<IActionResult> RefusedAsync(int year, AnnualDraftForm form, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Response.StatusCode = status;
        var current = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, ct);
        return View(Views + "Draft.cshtml", await PageAsync(year, current, form, ct));
    }

    private async Task<DraftPageModel> PageAsync(int year, AnnualReport? report, AnnualDraftForm form, CancellationToken ct)
    {
        var tables = report?.PublishedTables() ?? await AnnualReportQueries.ComputeAsync(db, year, report?.Figures() ?? new ManualFigures(), ct);
        return new DraftPageModel(year, report?.State, tables, form) { SubmittedBy = report?.SubmittedBy, ReturnComment = report?.ReturnComment };
    }
}

public sealed record OfficeReportRow(int Year, ReportState State, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

public sealed record OfficeIndexModel(IReadOnlyList<OfficeReportRow> Reports, int? DueYear);

public sealed record DraftPageModel(int Year, ReportState? State, AnnualReportTables Tables, AnnualDraftForm Form)
{
    public string? SubmittedBy { get; init; }
    public string? ReturnComment { get; init; }

    /// <summary>What the reviewer typed into the return form, shown again when the return was refused.</summary>
    public string? TypedReturnComment { get; init; }
}

public static class ReportStates
{
    public static string Describe(ReportState? state) => state switch
    {
        ReportState.Draft => "草稿",
        ReportState.Submitted => "待审核",
        ReportState.Published => "已发布",
        _ => "未开始",
    };
}

/// <summary>The 分单位统计 page: one scope's tables, or (no filter) a line per unit.</summary>
public sealed record UnitFiguresModel(int Year, Townships.UnitScope Units, IReadOnlyList<int>? Scope, AnnualReportTables? Tables, IReadOnlyList<UnitFiguresRow> Rows)
{
    /// <summary>In the overview: the applications the office answered without assigning them to a unit.</summary>
    public AnnualReportTables? Unassigned { get; init; }
}

/// <summary>A unit's line in the overview; null tables when nothing of the year is the unit's.</summary>
public sealed record UnitFiguresRow(Townships.UnitOption Unit, AnnualReportTables? Tables);
