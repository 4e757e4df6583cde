using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>
/// 考核结果 (issue 21 §4, docs/adr/0037): the office computes a year's scores (kept as data), enters the manual scores, reviews
/// and publishes them or keeps them internal; each unit's editors read their own breakdown; the public reads the published ranking.
/// </summary>
public sealed class AssessmentsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const string Views = "~/Features/Assessments/Views/";

    [HttpGet("/assessments")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var schemes = await db.AssessmentSchemes.AsNoTracking().Include(s => s.Indicators).ToListAsync(ct);
        var runs = await db.AssessmentRuns.AsNoTracking().Select(r => new { r.Year, r.State, r.AsOf }).ToListAsync(ct);
        var rows = schemes.OrderByDescending(s => s.Year)
            .Select(s => (Scheme: s, Run: runs.FirstOrDefault(r => r.Year == s.Year)))
            .Select(x => new SchemeRow(x.Scheme.Year, x.Scheme.Indicators.Count, x.Scheme.TotalPoints, x.Run?.State, x.Run?.AsOf))
            .ToList();
        return View(Views + "Index.cshtml", rows);
    }

    [HttpGet("/assessments/{year}")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Office(AssessmentYear route, CancellationToken ct)
    {
        if (await OfficePageAsync(route.Year, new ManualScoreForm(), ct) is not { } page) return NoScheme(route.Year);
        return View(Views + "Office.cshtml", page);
    }

    [HttpPost("/assessments/{year}/compute")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Compute(AssessmentYear route, [FromServices] ComputeAssessmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(route.Year, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(refusal, route.Year);
        Flash("已计算考核结果（截至 {0}）。", outcome.Value!.AsOf.Iso());
        return RedirectToAction(nameof(Office), new { year = route.Year });
    }

    [HttpPost("/assessments/{year}/manual-scores")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> EnterManualScore(AssessmentYear route, ManualScoreForm form, [FromServices] EnterManualScoreHandler handler, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, route.Year, ct) is not { } scheme) return NoScheme(route.Year);
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(scheme, form, User, ct);
            if (outcome.Done)
            {
                Flash("已录入人工评分；重新计算后计入考核结果。");
                return RedirectToAction(nameof(Office), new { year = route.Year });
            }
            ModelState.AddModelError(nameof(ManualScoreForm.Score), outcome.Refusal!.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Office.cshtml", (await OfficePageAsync(route.Year, form, ct))!);
    }

    [HttpPost("/assessments/{year}/publish")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Publish(AssessmentYear route, [FromForm(Name = PublishAssessmentHandler.Fields.Note)] string? note,
        [FromServices] PublishAssessmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.PublishAsync(route.Year, note, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(refusal, route.Year);
        Flash("已公布 {0} 年度考核结果。", route.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return RedirectToAction(nameof(Office), new { year = route.Year });
    }

    [HttpPost("/assessments/{year}/unpublish")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Unpublish(AssessmentYear route, [FromServices] PublishAssessmentHandler handler, CancellationToken ct)
    {
        var outcome = await handler.UnpublishAsync(route.Year, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(refusal, route.Year);
        Flash("已撤回公布，考核结果仅内部可见。");
        return RedirectToAction(nameof(Office), new { year = route.Year });
    }

    /// <summary>One unit's breakdown, for the office and for the unit's own editors (a township's also for its villages).</summary>
    [HttpGet("/assessments/{year}/units/{id}")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Unit(AssessmentYearItem route, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Reviewer) && !await Townships.KeptUnits.KeepsAsync(db, User, route.Id, ct))
            return ForbiddenPage("您只能查看本单位的考核情况。");
        if (await AssessmentQueries.RunAsync(db, route.Year, ct) is not { } run) return NotFoundPage("{0} 年度的考核结果尚未计算。", route.Year);
        if (AssessmentQueries.Results(run).FirstOrDefault(r => r.UnitId == route.Id) is not { } line) return NotFoundPage("该单位不在 {0} 年度的考核结果中。", route.Year);
        return View(Views + "Unit.cshtml", new UnitPage(run, line, AssessmentQueries.Results(run).Count, []));
    }

    /// <summary>我的考核: the latest computation that counts the editor's unit (or the year asked for), indicator by indicator.</summary>
    [HttpGet("/manage/assessment")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Own(OwnAssessmentQuery query, CancellationToken ct)
    {
        if (User.DepartmentId() is not { } unit) return ForbiddenPage("您的账号没有所属单位。");
        var years = await db.AssessmentRuns.AsNoTracking().Select(r => r.Year).OrderByDescending(y => y).ToListAsync(ct);
        var year = query.Year ?? (years.Count > 0 ? years[0] : clock.Today().Year);
        var run = years.Contains(year) ? await AssessmentQueries.RunAsync(db, year, ct) : null;
        var results = run is null ? [] : AssessmentQueries.Results(run);
        var line = results.FirstOrDefault(r => r.UnitId == unit);
        return View(Views + "Own.cshtml", new OwnPage(year, years, run, line, results.Count));
    }

    [HttpGet("/assessments/{year}/published")]
    [AllowAnonymous]
    [PublicPage(PublicPage.Assessments)]
    public async Task<IActionResult> Published(AssessmentYear route, CancellationToken ct)
    {
        if (await AssessmentQueries.RunAsync(db, route.Year, ct) is not { State: RunState.Published } run)
            return NotFoundPage("{0} 年度的考核结果尚未公布。", route.Year);
        return View(Views + "Published.cshtml", new ResultsPage(run, AssessmentQueries.Results(run), Columns(run)));
    }

    private async Task<OfficePage?> OfficePageAsync(int year, ManualScoreForm form, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, year, ct) is not { } scheme) return null;
        var run = await AssessmentQueries.RunAsync(db, year, ct);
        var units = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new UnitOption(d.Id, d.Name)).ToListAsync(ct);
        var manualIds = scheme.Indicators.Where(i => i.IsManual).Select(i => i.Id).ToList();
        var entered = await (from m in db.ManualScores.AsNoTracking()
                             where manualIds.Contains(m.IndicatorId)
                             join d in db.Departments on m.DepartmentId equals d.Id
                             select new EnteredScore(m.IndicatorId, d.Name, m.Score, m.Evidence, m.EnteredBy, m.EnteredAt)).ToListAsync(ct);
        return new OfficePage(scheme, run, run is null ? [] : AssessmentQueries.Results(run), run is null ? [] : Columns(run), units,
            [.. entered.OrderBy(e => e.IndicatorId).ThenBy(e => e.UnitName, StringComparer.Ordinal)], form);
    }

    /// <summary>The indicators as computed (the copy in the scores, not today's scheme).</summary>
    private static IReadOnlyList<ScoreColumn> Columns(AssessmentRun run) =>
        [.. run.Scores.GroupBy(s => (s.SortOrder, s.IndicatorName)).OrderBy(g => g.Key.SortOrder)
            .Select(g => new ScoreColumn(g.Key.SortOrder, g.Key.IndicatorName, g.First().Points))];

    private IActionResult NoScheme(int year) => NotFoundPage("{0} 年度还没有考核方案。", year);

    private IActionResult Refused(Refusal refusal, int year)
    {
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
        Response.StatusCode = refusal.Status;
        return View("Problem", new ProblemModel(refusal.Status, "请求有误", refusal.Message, refusal.Args) { BackLink = Url.Action(nameof(Office), new { year }) });
    }
}

public sealed record UnitOption(int Id, string Name);

public sealed record EnteredScore(int IndicatorId, string UnitName, decimal Score, string Evidence, string EnteredBy, DateTimeOffset EnteredAt);

public sealed record ScoreColumn(int SortOrder, string Name, decimal Points);

public sealed record OfficePage(AssessmentScheme Scheme, AssessmentRun? Run, IReadOnlyList<UnitResult> Results, IReadOnlyList<ScoreColumn> Columns,
    IReadOnlyList<UnitOption> Units, IReadOnlyList<EnteredScore> Entered, ManualScoreForm Form)
{
    public IEnumerable<AssessmentIndicator> ManualIndicators => Scheme.Indicators.Where(i => i.IsManual).OrderBy(i => i.SortOrder);
}

public sealed record ResultsPage(AssessmentRun Run, IReadOnlyList<UnitResult> Results, IReadOnlyList<ScoreColumn> Columns);

public sealed record UnitPage(AssessmentRun Run, UnitResult Line, int Units, IReadOnlyList<int> Years);

public sealed record OwnPage(int Year, IReadOnlyList<int> Years, AssessmentRun? Run, UnitResult? Line, int Units);
