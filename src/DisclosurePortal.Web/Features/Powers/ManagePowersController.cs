using DisclosurePortal.Domain.Powers;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Powers;

/// <summary>
/// A department's 权责清单 (Editor, own department only: another department's power is a 404): drafting a power,
/// changing a public one (which starts the 20-working-day flowchart deadline), submitting for review. Reviewers read the
/// staff page and decide it from there (Approve/Return).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManagePowersController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private static string Page(string name) => $"~/Features/Powers/Views/Manage/{name}.cshtml";

    private int Department => User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");

    [HttpGet("/manage/powers")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var today = clock.Today();
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var powers = await db.Powers.AsNoTracking().Include(p => p.Revisions).Where(p => p.DepartmentId == Department)
            .OrderBy(p => p.Id).Take(500).ToListAsync(ct);
        var due = (await PowerQueries.PendingChangesAsync(db, Department, today, calendar, ct)).ToDictionary(d => d.PowerId);
        return View(Page("Index"), new ManagedPowersModel(powers.Select(p =>
        {
            var shown = p.Open ?? p.Published!;
            return new ManagedPowerRow(p.Id, shown.Name, shown.Category, shown.State, p.Published is not null, shown.ReturnReason is not null, due.GetValueOrDefault(p.Id));
        }).ToList()));
    }

    [HttpGet("/manage/powers/new")]
    [Authorize(Policy = Policies.Editor)]
    public IActionResult New() => FormView(new PowerForm().WithSlots(), null);

    [HttpPost("/manage/powers/new")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Create(PowerForm form, [FromServices] SavePowerHandler handler, CancellationToken ct)
    {
        form.Id = null;
        if (!ModelState.IsValid) return FormView(form.WithSlots(), null, StatusCodes.Status400BadRequest);
        var outcome = await handler.CreateAsync(form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return FormView(form.WithSlots(), null, refusal.Status);
        }
        Flash("草稿已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id = outcome.Value });
    }

    [HttpGet("/manage/powers/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        if (await PowerQueries.StaffVisibleAsync(db, User, id, ct) is not { } power) return NotFoundPage("没有找到该权力事项。");
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == power.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var deadline = power.FlowchartDeadline(clock.Today(), await CalendarLoader.LoadAsync(db, ct));
        return View(Page("Show"), new ManagePowerModel(power, department, deadline, User.EditsFor(power.DepartmentId),
            User.IsInRole(Roles.Reviewer) && power.Open?.State == PowerRevisionState.Submitted));
    }

    [HttpGet("/manage/powers/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await PowerQueries.OwnAsync(db, User, id, ct) is not { } power) return NotFoundPage("没有找到该权力事项。");
        if (power.Open?.State == PowerRevisionState.Submitted) return Refused(id, new Refusal("该权力事项已提交审核，审核完成前不能修改。", StatusCodes.Status409Conflict));
        var revision = power.Open ?? power.Published!;
        return FormView(PowerForm.From(power, revision, clock.Today()), power.Open?.ReturnReason);
    }

    [HttpPost("/manage/powers/{id:int}/edit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Update(int id, PowerForm form, [FromServices] SavePowerHandler handler, CancellationToken ct)
    {
        if (await PowerQueries.OwnAsync(db, User, id, ct) is not { } power) return NotFoundPage("没有找到该权力事项。");
        form.Id = id;
        form.IsChange = power.Published is not null;
        if (form.IsChange && string.IsNullOrWhiteSpace(form.ChangedOn)) ModelState.AddModelError(nameof(PowerForm.ChangedOn), "请填写权力事项发生变化的日期。");
        if (!ModelState.IsValid) return FormView(form.WithSlots(), power.Open?.ReturnReason, StatusCodes.Status400BadRequest);
        var outcome = await handler.UpdateAsync(power, form, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(refusal.Message.Contains("变化日期", StringComparison.Ordinal) ? nameof(PowerForm.ChangedOn) : string.Empty, refusal.Message);
            return FormView(form.WithSlots(), power.Open?.ReturnReason, refusal.Status);
        }
        Flash("修改已保存。核对无误后请提交审核。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/powers/{id:int}/submit")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Submit(int id, [FromForm(Name = DecidePowerHandler.Fields.Version)] int version, [FromServices] SubmitPowerHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已提交审核。政务公开办审核通过后在网站公开。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/powers/{id:int}/approve")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Approve(int id, [FromForm(Name = DecidePowerHandler.Fields.Version)] int version, [FromServices] DecidePowerHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ApproveAsync(id, version, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("审核通过，已在权责清单公开。");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("/manage/powers/{id:int}/return")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Return(int id, [FromForm(Name = DecidePowerHandler.Fields.Version)] int version,
        [FromForm(Name = DecidePowerHandler.Fields.Reason)] string? reason, [FromServices] DecidePowerHandler handler, CancellationToken ct)
    {
        var outcome = await handler.ReturnAsync(id, version, reason, User, ct);
        if (outcome.Refusal is { } refusal) return Refused(id, refusal);
        Flash("已退回部门修改。");
        return RedirectToAction(nameof(Show), new { id });
    }

    private ViewResult FormView(PowerForm form, string? returnReason, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return View(Page("Edit"), new PowerEditModel(form, returnReason));
    }

    /// <summary>A refusal on a power's staff page: the problem page leading back to it (a missing one is the 404 page).</summary>
    private IActionResult Refused(int id, Refusal refusal)
    {
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
        Response.StatusCode = refusal.Status;
        return View("Problem", new ProblemModel(refusal.Status, refusal.Status == 400 ? "请求有误" : "操作未能完成", refusal.Message, refusal.Args)
        {
            BackLink = Url.Action(nameof(Show), new { id }),
        });
    }
}
