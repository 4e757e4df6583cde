using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>年度考核方案 (issue 21 §4, docs/adr/0037): an administrator defines each year's indicators, weights and scoring rules.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminAssessmentsController(PortalDbContext db) : PortalController
{
    private const string Views = "~/Features/Assessments/Views/";

    [HttpGet("/admin/assessments")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(Views + "Schemes.cshtml", await SchemesAsync(new NewSchemeForm(), ct));

    [HttpPost("/admin/assessments")]
    public async Task<IActionResult> Create(NewSchemeForm form, [FromServices] CreateSchemeHandler handler, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(form, User, ct);
            if (outcome.Done)
            {
                Flash("已新建 {0} 年度的考核方案。", outcome.Value!.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return RedirectToAction(nameof(Scheme), new { year = outcome.Value.Year });
            }
            ModelState.AddModelError(nameof(NewSchemeForm.Year), string.Format(System.Globalization.CultureInfo.InvariantCulture, outcome.Refusal!.Message, outcome.Refusal.Args));
            Response.StatusCode = outcome.Refusal.Status;
        }
        else Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Schemes.cshtml", await SchemesAsync(form, ct));
    }

    [HttpGet("/admin/assessments/{year}")]
    public async Task<IActionResult> Scheme(AssessmentYear route, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, route.Year, ct) is not { } scheme) return NoScheme(route.Year);
        return View(Views + "Scheme.cshtml", new SchemePage(scheme, new IndicatorForm { Rule = ScoringRule.Proportional }, null));
    }

    [HttpPost("/admin/assessments/{year}/indicators")]
    public async Task<IActionResult> AddIndicator(AssessmentYear route, IndicatorForm form, [FromServices] SaveIndicatorHandler handler, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, route.Year, ct, tracked: true) is not { } scheme) return NoScheme(route.Year);
        if (ModelState.IsValid)
        {
            var outcome = await handler.AddAsync(scheme, form, User, ct);
            if (outcome.Done)
            {
                Flash("已新增指标：{0}", outcome.Value!.Name);
                return RedirectToAction(nameof(Scheme), new { year = route.Year });
            }
            ModelState.AddModelError(nameof(IndicatorForm.Name), outcome.Refusal!.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Scheme.cshtml", new SchemePage(scheme, form, null));
    }

    [HttpGet("/admin/assessments/{year}/indicators/{id}")]
    public async Task<IActionResult> Indicator(AssessmentYearItem route, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, route.Year, ct) is not { } scheme) return NoScheme(route.Year);
        if (scheme.Indicators.FirstOrDefault(i => i.Id == route.Id) is not { } indicator) return NotFoundPage("没有找到该考核指标。");
        return View(Views + "Indicator.cshtml", new SchemePage(scheme, IndicatorForm.From(indicator), indicator));
    }

    [HttpPost("/admin/assessments/{year}/indicators/{id}")]
    public async Task<IActionResult> ChangeIndicator(AssessmentYearItem route, IndicatorForm form, [FromServices] SaveIndicatorHandler handler, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, route.Year, ct, tracked: true) is not { } scheme) return NoScheme(route.Year);
        if (scheme.Indicators.FirstOrDefault(i => i.Id == route.Id) is not { } indicator) return NotFoundPage("没有找到该考核指标。");
        if (ModelState.IsValid)
        {
            var outcome = await handler.ChangeAsync(scheme, route.Id, form, User, ct);
            if (outcome.Done)
            {
                Flash("已保存指标：{0}", outcome.Value!.Name);
                return RedirectToAction(nameof(Scheme), new { year = route.Year });
            }
            ModelState.AddModelError(nameof(IndicatorForm.Name), outcome.Refusal!.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Indicator.cshtml", new SchemePage(scheme, form, indicator));
    }

    [HttpPost("/admin/assessments/{year}/indicators/{id}/remove")]
    public async Task<IActionResult> RemoveIndicator(AssessmentYearItem route, [FromServices] SaveIndicatorHandler handler, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, route.Year, ct, tracked: true) is not { } scheme) return NoScheme(route.Year);
        var outcome = await handler.RemoveAsync(scheme, route.Id, User, ct);
        if (outcome.Refusal is { } refusal) return refusal.Status == 404 ? NotFoundPage(refusal.Message, refusal.Args) : BadInput(refusal.Message, refusal.Args);
        Flash("已删除指标：{0}", outcome.Value!.Name);
        return RedirectToAction(nameof(Scheme), new { year = route.Year });
    }

    private IActionResult NoScheme(int year) => NotFoundPage("{0} 年度还没有考核方案。", year);

    private async Task<SchemesPage> SchemesAsync(NewSchemeForm form, CancellationToken ct)
    {
        var schemes = await db.AssessmentSchemes.AsNoTracking().Include(s => s.Indicators).ToListAsync(ct);
        var runs = await db.AssessmentRuns.AsNoTracking().Select(r => new { r.Year, r.State, r.AsOf }).ToListAsync(ct);
        var rows = schemes.OrderByDescending(s => s.Year)
            .Select(s => new SchemeRow(s.Year, s.Indicators.Count, s.TotalPoints,
                runs.FirstOrDefault(r => r.Year == s.Year) is { } run ? run.State : null, runs.FirstOrDefault(r => r.Year == s.Year)?.AsOf))
            .ToList();
        return new SchemesPage(rows, form);
    }
}

public sealed record SchemeRow(int Year, int Indicators, decimal TotalPoints, RunState? State, DateOnly? AsOf);

public sealed record SchemesPage(IReadOnlyList<SchemeRow> Schemes, NewSchemeForm Form);

public sealed record SchemePage(AssessmentScheme Scheme, IndicatorForm Form, AssessmentIndicator? Editing)
{
    public IEnumerable<AssessmentIndicator> Indicators => Scheme.Indicators.OrderBy(i => i.SortOrder);
}
