using DisclosurePortal.Data;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>本期无信息 waiting for the office: another reviewer than the requester approves or returns each (ADR 33).</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewWaiversController(PortalDbContext db) : PortalController
{
    private const string Views = "~/Features/Expectations/Views/";

    [HttpGet("/review/waivers")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await (from w in db.PeriodWaivers.AsNoTracking()
                          join i in db.CatalogueItems on w.CatalogueItemId equals i.Id
                          join d in db.Departments on i.DepartmentId equals d.Id
                          orderby w.State, w.Id descending
                          select new WaiverRow(w.Id, i.Id, i.NameLevel1 + " · " + i.NameLevel2, d.Name, i.TimeLimit.Kind, w.PeriodStart, w.Reason, w.State,
                              w.RequestedBy, w.RequestedById, w.RequestedAt, w.DecidedBy, w.DecisionNote))
            .Take(200).ToListAsync(ct);
        return View(Views + "Review.cshtml", rows);
    }

    [HttpPost("/review/waivers/{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, [FromForm(Name = DecideWaiverHandler.Fields.Note)] string? note, [FromServices] DecideWaiverHandler handler, CancellationToken ct) =>
        Decided(await handler.ApproveAsync(id, note, User, ct), "已确认本期无信息。");

    [HttpPost("/review/waivers/{id:int}/return")]
    public async Task<IActionResult> Return(int id, [FromForm(Name = DecideWaiverHandler.Fields.Note)] string? note, [FromServices] DecideWaiverHandler handler, CancellationToken ct) =>
        Decided(await handler.ReturnAsync(id, note, User, ct), "已退回本期无信息申报。");

    private IActionResult Decided(Outcome<PeriodWaiver> outcome, string done)
    {
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
            Response.StatusCode = refusal.Status;
            return View("Problem", new ProblemModel(refusal.Status, "请求有误", refusal.Message, refusal.Args) { BackLink = Url.Action(nameof(Index)) });
        }
        Flash(done);
        return RedirectToAction(nameof(Index));
    }
}

public sealed record WaiverRow(int Id, int ItemId, string ItemName, string UnitName, DisclosurePortal.Domain.Catalogue.TimeLimitKind Kind, DateOnly PeriodStart,
    string Reason, WaiverState State, string RequestedBy, string? RequestedById, DateTimeOffset RequestedAt, string? DecidedBy, string? DecisionNote)
{
    /// <summary>Null when the item's time limit has since been revised to one without periods: the view then shows the date.</summary>
    public ReportingPeriod? Period => ReportingPeriod.IsPeriodic(Kind) ? ReportingPeriod.Of(Kind, PeriodStart) : null;
}
