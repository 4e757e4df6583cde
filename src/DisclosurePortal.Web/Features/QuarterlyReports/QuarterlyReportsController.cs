using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>
/// 按季通报 (docs/adr/0013): for a quarter, each department's records, interpretations and applications whose deadline
/// falls in it, computed live on the working-day calendar; the office reads it, and a unit's editors read their own
/// unit's line and details (issue 21 §3) — a township's editors also their villages'.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class QuarterlyReportsController(PortalDbContext db, TimeProvider clock, ReferenceData reference) : PortalController
{
    private const string Views = "~/Features/QuarterlyReports/Views/";

    /// <summary>How many quarters the index offers, counting back from the current one.</summary>
    public const int QuartersListed = 8;

    [HttpGet("/reports/quarterly")]
    [Authorize(Policy = Policies.Reviewer)]
    public IActionResult Index()
    {
        var current = Quarter.Of(clock.Today());
        var quarters = new List<Quarter> { current };
        while (quarters.Count < QuartersListed) quarters.Add(quarters[^1].Previous);
        return View(Views + "Index.cshtml", quarters);
    }

    [HttpGet("/reports/quarterly/{year}/{quarter}")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Show(QuarterRoute route, Townships.UnitFilter unitFilter, CancellationToken ct) =>
        await ShowAsync(route, unitFilter, null, ct);

    /// <summary>冻结 / 重新冻结 / 冻结更正版 (docs/adr/0036): the whole county's numbers as of today are kept.</summary>
    [HttpPost("/reports/quarterly/{year}/{quarter}/freeze")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Freeze(QuarterRoute route, [FromForm(Name = BulletinFields.Version)] int version, [FromServices] FreezeBulletinHandler handler, CancellationToken ct)
    {
        if (NotBegun(route.Quarter) is { } problem) return problem;
        return await BulletinChangedAsync(route, await handler.HandleAsync(route.Quarter, version, User, ct), "已冻结{0}按季通报数据（第{1}版）。", null, ct);
    }

    /// <summary>保存通报意见.</summary>
    [HttpPost("/reports/quarterly/{year}/{quarter}/comment")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Comment(QuarterRoute route, BulletinCommentForm form, [FromServices] WriteBulletinCommentHandler handler, CancellationToken ct)
    {
        if (NotBegun(route.Quarter) is { } problem) return problem;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(route, new Townships.UnitFilter(null, null), form, ct);
        }
        return await BulletinChangedAsync(route, await handler.HandleAsync(route.Quarter, form, User, ct), "已保存{0}按季通报意见（第{1}版）。", form, ct);
    }

    /// <summary>发布, by a reviewer who neither froze nor commented.</summary>
    [HttpPost("/reports/quarterly/{year}/{quarter}/publish")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Publish(QuarterRoute route, [FromForm(Name = BulletinFields.Version)] int version, [FromServices] PublishBulletinHandler handler, CancellationToken ct)
    {
        if (NotBegun(route.Quarter) is { } problem) return problem;
        return await BulletinChangedAsync(route, await handler.HandleAsync(route.Quarter, version, User, ct), "已发布{0}按季通报（第{1}版）。", null, ct);
    }

    /// <param name="typed">The comment as typed: a refused save shows it again, it is not lost.</param>
    private async Task<IActionResult> BulletinChangedAsync(QuarterRoute route, Outcome<QuarterlyBulletin> outcome, string flash, BulletinCommentForm? typed, CancellationToken ct)
    {
        var q = route.Quarter;
        if (outcome.Refusal is not { } refusal)
        {
            Flash(flash, BulletinFields.Title(q), outcome.Value!.Edition.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return RedirectToAction(nameof(Show), null, new { year = q.Year, quarter = $"q{q.Number}" }, "bulletin");
        }
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, refusal.Message);
        Response.StatusCode = refusal.Status;
        return await ShowAsync(route, new Townships.UnitFilter(null, null), typed, ct);
    }

    private async Task<IActionResult> ShowAsync(QuarterRoute route, Townships.UnitFilter unitFilter, BulletinCommentForm? typed, CancellationToken ct)
    {
        if (NotBegun(route.Quarter) is { } problem) return problem;
        // 公开主体 / 层级 (issue 20 §7): the figures of one township with its villages, one unit, or one level's units.
        if (Townships.UnitScope.Read(await reference.GetAsync(db, ct), unitFilter) is not { } units) return BadInput(Townships.UnitFilter.UnitProblem);
        var q = route.Quarter;
        var loaded = await QuarterlyReportQueries.LoadAsync(db, q, clock.Today(), ct);
        var (report, departments, domains) = (loaded.Report, loaded.Departments, loaded.Domains);
        var bulletin = await BulletinPanelAsync(q, loaded, typed, ct);
        var scope = await units.ReportUnitsAsync(db, ct);
        if (scope is not null) report = report.ForUnits([.. scope]);
        // Only the domains with something due, those with the most missing and late first, so the gaps are in view.
        var shownDomains = domains
            .Select(d => (Domain: d, Cells: report.DomainCells.Where(c => c.Key.DomainId == d.Id).Select(c => c.Value).ToList()))
            .Where(x => x.Cells.Count > 0)
            .OrderByDescending(x => x.Cells.Sum(c => c.Missing)).ThenByDescending(x => x.Cells.Sum(c => c.Late)).ThenBy(x => x.Domain.SortOrder)
            .Select(x => x.Domain).ToList();
        return View(Views + "Show.cshtml", new QuarterPageModel(q, report, departments, shownDomains, await MissingCalendarYearAsync(q, ct))
        {
            Units = units, Scope = scope, Bulletin = bulletin,
        });
    }

    /// <summary>The 通报's state, its forms and what moved since the freeze (the whole county, whatever the filter).</summary>
    private async Task<BulletinPanel> BulletinPanelAsync(Quarter q, LoadedQuarter live, BulletinCommentForm? typed, CancellationToken ct)
    {
        var latest = await BulletinQueries.LatestAsync(db, q, tracked: false, ct);
        var published = latest?.State == BulletinState.Published ? latest : await BulletinQueries.PublishedAsync(db, q, ct);
        var differences = latest is null ? [] : latest.Snapshot().DifferencesFrom(live.Snapshot());
        var form = typed ?? new BulletinCommentForm { Version = latest?.Version ?? 0, Comment = latest?.Comment };
        if (typed is not null) form.Version = latest?.Version ?? 0;
        return new BulletinPanel(q, latest, published, differences, q.End < clock.Today(), form, User.UserId());
    }

    [HttpGet("/reports/quarterly/{year}/{quarter}/departments/{department}")]
    public async Task<IActionResult> Department(QuarterRoute route, CancellationToken ct)
    {
        if (NotBegun(route.Quarter) is { } problem) return problem;
        var (q, id) = (route.Quarter, route.DepartmentId);
        if (!User.IsInRole(Roles.Reviewer) && !await Townships.KeptUnits.KeepsAsync(db, User, id, ct))
            return ForbiddenPage("您只能查看本单位的按季通报。");
        var (report, departments, domains, stages) = await LoadAsync(q, ct);
        if (!departments.TryGetValue(id, out var name)) return NotFoundPage("没有编号为{0}的部门。", id);
        var rows = report.StageCells.Where(c => c.Key.DepartmentId == id)
            .Select(c => new StageRow(domains.Single(d => d.Id == c.Key.DomainId), stages.Single(s => s.Id == c.Key.StageId), c.Value))
            .OrderBy(r => r.Domain.SortOrder).ThenBy(r => r.Stage.SortOrder).ToList();
        // A department no longer active, with nothing due in the quarter, is not in the ranking: all zero.
        var line = report.Ranking.SingleOrDefault(d => d.DepartmentId == id)
                   ?? new DepartmentQuarter(id, TimelinessCounts.Zero, TimelinessCounts.Zero, TimelinessCounts.Zero);
        return View(Views + "Department.cshtml", new DepartmentPageModel(q, name, line, rows, report.AsOf));
    }

    private async Task<(QuarterlyReportResult Report, Dictionary<int, string> Departments, List<NamedRow> Domains, List<NamedRow> Stages)> LoadAsync(Quarter q, CancellationToken ct)
    {
        var loaded = await QuarterlyReportQueries.LoadAsync(db, q, clock.Today(), ct);
        return (loaded.Report, loaded.Departments, loaded.Domains, loaded.Stages);
    }

    private async Task<int?> MissingCalendarYearAsync(Quarter q, CancellationToken ct) =>
        await db.CalendarYears.AnyAsync(y => y.Year == q.Year, ct) ? null : q.Year;

    /// <summary>A quarter that has not begun has no report yet.</summary>
    private IActionResult? NotBegun(Quarter q) =>
        q.Start > clock.Today() ? NotFoundPage("{0}年第{1}季度尚未开始。", q.Year, q.Number) : null;
}

/// <summary>
/// /reports/quarterly/{year}/{quarter}[/departments/{department}]: the year is four digits from 2000 to 2100, the
/// quarter q1–q4, the department a number.
/// </summary>
public sealed record QuarterRoute(Quarter Quarter, int DepartmentId) : IQueryFilter<QuarterRoute>
{
    public static QuarterRoute Read(QueryReader query)
    {
        var year = query.Year("year", ValidYears.Message);
        if (query.Text("quarter") is not ['q' or 'Q', >= '1' and <= '4'] quarter)
        {
            query.NotFound("季度应写作 q1 到 q4，例如 /reports/quarterly/2026/q3。");
            return new QuarterRoute(default, 0);
        }
        var department = query.Text("department") is null ? 0 : query.Id("department", "部门编号应为数字。") ?? 0;
        return new QuarterRoute(new Quarter(year ?? CalendarFile.MinYear, quarter[1] - '0'), department);
    }
}

public sealed record NamedRow(int Id, string NameZh, string NameEn, int SortOrder)
{
    public string Name => Localization.Pick(NameZh, NameEn);
}

public sealed record QuarterPageModel(Quarter Quarter, QuarterlyReportResult Report, IReadOnlyDictionary<int, string> Departments,
    IReadOnlyList<NamedRow> Domains, int? MissingCalendarYear)
{
    /// <summary>The 公开主体 / 层级 filter the figures are drawn for (issue 20 §7).</summary>
    public required Townships.UnitScope Units { get; init; }

    /// <summary>The units the figures cover (a township with its villages), or null for the whole county.</summary>
    public IReadOnlyList<int>? Scope { get; init; }

    /// <summary>The frozen and published 通报 of the quarter (docs/adr/0036).</summary>
    public BulletinPanel? Bulletin { get; init; }
}

/// <summary>
/// The 通报 part of the staff page: the newest edition (null before the first freeze), the published one, the units whose
/// live figures differ from the frozen ones, whether the quarter has ended (only then can it be frozen), and the comment form.
/// </summary>
public sealed record BulletinPanel(Quarter Quarter, QuarterlyBulletin? Latest, QuarterlyBulletin? Published, IReadOnlyList<SnapshotDifference> Differences,
    bool QuarterEnded, BulletinCommentForm Form, string? UserId)
{
    public bool CanFreeze => QuarterEnded && Latest?.State is null or BulletinState.Frozen or BulletinState.Published;

    /// <summary>Whether this reviewer may publish (four eyes): not the one who froze or wrote the comment.</summary>
    public bool MayPublish => Latest is { State: BulletinState.Frozen, Comment: not null } l && UserId != l.FrozenById && UserId != l.CommentedById;
}

public sealed record StageRow(NamedRow Domain, NamedRow Stage, TimelinessCounts Counts);

public sealed record DepartmentPageModel(Quarter Quarter, string Department, DepartmentQuarter Line, IReadOnlyList<StageRow> Rows, DateOnly AsOf)
{
    public int DepartmentId => Line.DepartmentId;
}
