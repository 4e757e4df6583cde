using DisclosurePortal.Data;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>
/// Expected publications of one catalogue item (docs/adr/0033), for the editors of its unit: each period or event, its
/// deadline and how it was kept, and the 本期无信息 form for a period not published.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ExpectationsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const string Views = "~/Features/Expectations/Views/";

    [HttpGet("/manage/items/{id:int}/expectations")]
    public async Task<IActionResult> Item(int id, PeriodQuery query, CancellationToken ct)
    {
        if (await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } item) return NotFoundPage("没有找到该公开事项。");
        // The office reads every unit's (the lists behind /office link here); only the unit's editors act on it.
        var keeps = await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct);
        if (!keeps && !User.IsInRole(Roles.Reviewer)) return NotYours();
        var page = await PageAsync(item, new WaiverForm(), ct) with { CanAct = keeps };
        page.Form.Period = query.Period?.Iso() ?? (page.DefaultPeriod?.Start.Iso());
        return View(Views + "Item.cshtml", page);
    }

    [HttpPost("/manage/items/{id:int}/waivers")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> RequestWaiver(int id, WaiverForm form, [FromServices] RequestWaiverHandler handler, CancellationToken ct)
    {
        if (await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } item) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        var page = await PageAsync(item, form, ct);
        if (ModelState.IsValid)
        {
            var outcome = await handler.HandleAsync(item, form, page.Expectations, User, ct);
            if (outcome.Done)
            {
                Flash("已申报本期无信息，等待县政务公开办审核：{0}", outcome.Value!.PeriodStart.Iso());
                return RedirectToAction(nameof(Item), new { id });
            }
            ModelState.AddModelError(nameof(WaiverForm.Period), outcome.Refusal!.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Item.cshtml", page);
    }

    /// <summary>登记事件 (办结, 变更 …) of an event-driven item: its record is owed within the item's time limit.</summary>
    [HttpPost("/manage/items/{id:int}/events")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> RecordEvent(int id, ItemEventForm form, [FromServices] ItemExpectationChangesHandler handler, CancellationToken ct)
    {
        if (await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } item) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        // The form is drawn only for an active event-driven item: any other has no form to redraw.
        if (item.TimeLimit.Kind != TimeLimitKind.DaysAfterCompletion) return BadInput("该公开事项不按事件公开，无须登记事件。");
        if (item.Status == CatalogueItemStatus.Retired) return BadInput("已停用的公开事项不再产生应公开的信息。");
        if (ModelState.IsValid)
        {
            var outcome = await handler.RecordEventAsync(item, form, User, ct);
            if (outcome.Done)
            {
                Flash("已登记事件：{0} {1}。应公开的信息已列入下表。", outcome.Value!.OccurredOn.Iso(), outcome.Value.Description);
                return RedirectToAction(nameof(Item), new { id });
            }
            ModelState.AddModelError(nameof(ItemEventForm.OccurredOn), outcome.Refusal!.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Item.cshtml", (await PageAsync(item, new WaiverForm(), ct)) with { EventForm = form });
    }

    /// <summary>应公开起始日 of a periodic item (an item kept on paper before it came into the portal owes from then).</summary>
    [HttpPost("/manage/items/{id:int}/expected-from")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> SetExpectedFrom(int id, ExpectedFromForm form, [FromServices] ItemExpectationChangesHandler handler, CancellationToken ct)
    {
        if (await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } item) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        if (!ReportingPeriod.IsPeriodic(item.TimeLimit.Kind)) return BadInput("该公开事项不按期公开，无须设定应公开起始日。");
        if (item.Status == CatalogueItemStatus.Retired) return BadInput("已停用的公开事项不能修改。");
        if (ModelState.IsValid)
        {
            var outcome = await handler.SetExpectedFromAsync(item, form, User, ct);
            if (outcome.Done)
            {
                Flash(item.ExpectedFrom is { } from ? "应公开起始日已设为 {0}。" : "应公开起始日已清除：自事项新增之日起计算。", item.ExpectedFrom?.Iso() ?? "");
                return RedirectToAction(nameof(Item), new { id });
            }
            ModelState.AddModelError(nameof(ExpectedFromForm.ExpectedFrom), outcome.Refusal!.Message);
            // Someone changed the item meanwhile: 409, the form redrawn with what was typed and the item's new stamp.
            if (outcome.Refusal.Status == StatusCodes.Status409Conflict)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(Views + "Item.cshtml", (await PageAsync(item, new WaiverForm(), ct)) with
                {
                    FromForm = new ExpectedFromForm { ExpectedFrom = form.ExpectedFrom, Version = item.Version },
                });
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(Views + "Item.cshtml", (await PageAsync(item, new WaiverForm(), ct)) with { FromForm = form });
    }

    private async Task<ItemExpectationsPage> PageAsync(CatalogueItem item, WaiverForm form, CancellationToken ct)
    {
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var result = (await ExpectationQueries.ComputeAsync(db, null, item.Id, today, calendar, ct)).SingleOrDefault();
        var expectations = result?.Expectations ?? [];
        var unit = await db.Departments.Where(d => d.Id == item.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var waivers = await db.PeriodWaivers.AsNoTracking().Where(w => w.CatalogueItemId == item.Id).ToListAsync(ct);
        var titles = await RecordTitlesAsync(expectations.Select(e => e.RecordId).OfType<int>().ToList(), ct);
        var rows = expectations.OrderByDescending(e => e.DueOn)
            .Select(e => new ExpectationRow(e, e.Period is { } p ? waivers.FirstOrDefault(w => w.PeriodStart == p.Start) : null,
                e.RecordId is { } r ? titles.GetValueOrDefault(r) : null))
            .ToList();
        return new ItemExpectationsPage(item.Id, item.DisplayName, unit, item.TimeLimitText, item.TimeLimit.Kind, item.Status,
            result?.Item.ExpectedFrom, ExpectationQueries.Count(expectations), rows, expectations, form,
            result is null ? null : ExpectedPublications.DefaultPeriod(result))
        {
            EventForm = new ItemEventForm { OccurredOn = clock.Today().Iso() },
            FromForm = new ExpectedFromForm { ExpectedFrom = item.ExpectedFrom?.Iso(), Version = item.Version },
        };
    }

    private async Task<Dictionary<int, string>> RecordTitlesAsync(List<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.RecordVersions.AsNoTracking().Where(v => ids.Contains(v.RecordId) && v.IsLatest)
            .ToDictionaryAsync(v => v.RecordId, v => v.Title, ct);

    private ViewResult NotYours()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Problem", new ProblemModel(403, "无权访问", "您只能管理本部门的公开事项。", []));
    }
}

/// <summary>?period=2025-10-01: the period the 本期无信息 form starts at (a link from a missing period).</summary>
public sealed record PeriodQuery(DateOnly? Period) : IQueryFilter<PeriodQuery>
{
    public const string Key = "period";

    public static PeriodQuery Read(QueryReader query) => new(query.Date(Key, "所属期间应为日期，例如 2025-10-01。"));
}

public sealed record ExpectationRow(Expectation Expectation, PeriodWaiver? Waiver, string? RecordTitle);

public sealed record ItemExpectationsPage(int ItemId, string ItemName, string UnitName, string TimeLimitText, TimeLimitKind Kind,
    CatalogueItemStatus Status, DateOnly? ExpectedFrom, TimelinessCounts Counts, IReadOnlyList<ExpectationRow> Rows,
    IReadOnlyList<Expectation> Expectations, WaiverForm Form, ReportingPeriod? DefaultPeriod)
{
    /// <summary>The unit's own editors draft, declare 本期无信息 and record events; the office only reads.</summary>
    public bool CanAct { get; init; } = true;

    public ItemEventForm EventForm { get; init; } = new();

    public ExpectedFromForm FromForm { get; init; } = new();

    public bool IsPeriodic => ReportingPeriod.IsPeriodic(Kind);

    /// <summary>The periods the 本期无信息 form offers: owed, not published, and not already approved or waiting.</summary>
    public IEnumerable<ReportingPeriod> WaivablePeriods => Rows
        .Where(r => r.Expectation.Period is not null && r.Expectation.RecordId is null && r.Waiver is not { State: WaiverState.Approved or WaiverState.Pending })
        .Select(r => r.Expectation.Period!.Value);
}
