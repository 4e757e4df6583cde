using System.Globalization;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>
/// 动态调整: a department editor adds, revises and retires their own department's catalogue items. Every change appends
/// a revision (a snapshot of the elements, who, when, why) and an audit event in the same transaction; a change made on
/// a stale form is refused by the item's concurrency version, in the page and again in the database.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ManageItemsController(
    PortalDbContext db, IStringLocalizer<SharedResource> L) : PortalController
{
    [HttpGet("/manage/items")]
    public async Task<IActionResult> Index(KeptUnitQuery kept, CancellationToken ct)
    {
        if (await UnitAsync(kept, ct) is not { } departmentId) return NotYours();
        return View(await ManageItemsQueries.ListAsync(db, departmentId, ct) with { Kept = await KeptUnitOptionsAsync(ct), UnitId = departmentId });
    }

    [HttpGet("/manage/items/new")]
    public async Task<IActionResult> New(KeptUnitQuery kept, CancellationToken ct)
    {
        if (await UnitAsync(kept, ct) is not { } departmentId) return NotYours();
        // 条例 Art. 26: 20 working days unless a rule says otherwise, so the form starts from the statutory rule.
        var form = new NewItemForm
        {
            TimeLimitKind = ItemForm.Code(TimeLimitRule.Statutory.Kind),
            TimeLimitAmount = TimeLimitRule.Statutory.Amount.ToString(CultureInfo.InvariantCulture),
        };
        return View(await NewPageAsync(form, departmentId, ct));
    }

    [HttpPost("/manage/items/new")]
    public async Task<IActionResult> New(KeptUnitQuery kept, NewItemForm form, [FromServices] IValidator<NewItemForm> validator, [FromServices] AddItemHandler handler, CancellationToken ct)
    {
        if (await UnitAsync(kept, ct) is not { } departmentId) return NotYours();
        if (!await validator.ValidateIntoAsync(form, ModelState, ct)) return await InvalidNewAsync(form, departmentId, ct);
        var outcome = await handler.HandleAsync(form, departmentId, User, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await InvalidNewAsync(form, departmentId, ct);
        }
        Flash("已新增公开事项：{0}", outcome.Value!.DisplayName);
        return ToList(outcome.Value.Id, departmentId);
    }

    [HttpGet("/manage/items/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        return View(await EditPageAsync(item, EditItemForm.From(item), NewRetireForm(item), saved: null, ct));
    }

    [HttpPost("/manage/items/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditItemForm form, [FromServices] ReviseItemHandler handler, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        if (!ModelState.IsValid) return await InvalidEditAsync(item, form, NewRetireForm(item), ct);
        var outcome = await handler.HandleAsync(item, form, User, ct);
        if (outcome.Refusal == ItemSaves.Conflict) return await ConflictAsync(id, form, null, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await InvalidEditAsync(item, form, NewRetireForm(item), ct);
        }
        Flash(outcome.Value!.Unchanged ? "内容没有变化，未生成新的修订版本：{0}" : "已保存对公开事项的修改：{0}", item.DisplayName);
        return ToList(item.Id, item.DepartmentId);
    }

    [HttpPost("/manage/items/{id:int}/retire")]
    public async Task<IActionResult> Retire(int id, RetireForm retire, [FromServices] RetireItemHandler handler, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        if (!ModelState.IsValid) return await InvalidEditAsync(item, EditItemForm.From(item), retire, ct);
        var outcome = await handler.HandleAsync(item, retire, User, ct);
        if (outcome.Refusal == ItemSaves.Conflict) return await ConflictAsync(id, null, retire, ct);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            return await InvalidEditAsync(item, EditItemForm.From(item), retire, ct);
        }
        Flash("已停用公开事项：{0}", item.DisplayName);
        return ToList(item.Id, item.DepartmentId);
    }

    [HttpGet("/manage/items/{id:int}/history")]
    public async Task<IActionResult> History(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!await Townships.KeptUnits.KeepsAsync(db, User, item.DepartmentId, ct)) return NotYours();
        var revisions = await db.CatalogueItemRevisions.AsNoTracking()
            .Where(r => r.CatalogueItemId == id).OrderBy(r => r.RevisionNumber).ToListAsync(ct);

        var entries = new List<HistoryEntry>();
        CatalogueItemElements? previous = null;
        foreach (var r in revisions)
        {
            var snapshot = ItemSnapshots.TryRead(r.SnapshotJson);
            var initial = previous is null && snapshot is not null ? ItemSnapshots.Lines(snapshot, L) : null;
            var changes = previous is not null && snapshot is not null ? ItemSnapshots.Changes(previous, snapshot, L) : [];
            entries.Add(new HistoryEntry(r.RevisionNumber, r.Change, r.ActorName, r.At, r.Reason, initial, changes, snapshot is null));
            previous = snapshot ?? previous;
        }
        entries.Reverse(); // newest first: the question is usually "what changed last?"
        var (department, domain, stage) = await ManageItemsQueries.NamesAsync(db, item, ct);
        return View(new HistoryPage(item.Id, item.DisplayName, department, domain, stage, item.Status, entries)
        {
            ListRoute = KeptUnitQuery.Route(item.DepartmentId, User.DepartmentId()),
        });
    }

    private static RetireForm NewRetireForm(CatalogueItem item) => new() { Version = item.Version.ToString(CultureInfo.InvariantCulture) };

    private async Task<NewItemPage> NewPageAsync(NewItemForm form, int departmentId, CancellationToken ct) => new(
        form,
        await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleAsync(ct),
        await ManageItemsQueries.DomainChoicesAsync(db, ct),
        await ManageItemsQueries.StageChoicesAsync(db, ct))
    {
        ForUnit = departmentId == User.DepartmentId() ? null : departmentId,
    };

    private async Task<IActionResult> InvalidNewAsync(NewItemForm form, int departmentId, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(New), await NewPageAsync(form, departmentId, ct));
    }

    private async Task<EditItemPage> EditPageAsync(CatalogueItem item, EditItemForm form, RetireForm retire, IReadOnlyList<ElementLine>? saved, CancellationToken ct)
    {
        var (department, domain, stage) = await ManageItemsQueries.NamesAsync(db, item, ct);
        return new EditItemPage(item.Id, form, retire, department, domain, stage, item.Status, item.RetiredReason, saved)
        {
            ListRoute = KeptUnitQuery.Route(item.DepartmentId, User.DepartmentId()),
        };
    }

    private async Task<IActionResult> InvalidEditAsync(CatalogueItem item, EditItemForm form, RetireForm retire, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Edit), await EditPageAsync(item, form, retire, saved: null, ct));
    }

    /// <summary>
    /// The form was opened at an older version: nothing is saved; the user's input stays in the form (the other form
    /// starts from the saved values), the saved values are shown beside it, and the form now carries the current version
    /// so a deliberate second submit can go through.
    /// </summary>
    private async Task<IActionResult> ConflictAsync(int id, EditItemForm? form, RetireForm? retire, CancellationToken ct)
    {
        var current = await db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == id, ct);
        form ??= EditItemForm.From(current);
        retire ??= NewRetireForm(current);
        Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddModelError(string.Empty, ItemSaves.Conflict.Message);
        form.Version = retire.Version = current.Version.ToString(CultureInfo.InvariantCulture);
        return View(nameof(Edit), await EditPageAsync(current, form, retire, ItemSnapshots.Lines(current.ToElements(), L), ct));
    }

    /// <summary>Items are public, so another department's item is not hidden (404) but refused (403).</summary>
    private ViewResult NotYours()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Problem", new ProblemModel(403, "无权访问", "您只能管理本部门的公开事项。", []));
    }

    /// <summary>Back to the list of the item's unit, at the item's row.</summary>
    private IActionResult ToList(int itemId, int unit) =>
        RedirectToAction(nameof(Index), null, unit == User.DepartmentId() ? null : new RouteValueDictionary { [KeptUnitQuery.Key] = unit }, $"item-{itemId}");

    /// <summary>
    /// The unit whose catalogue the page keeps: the editor's own, or (<c>?unit=</c>) a village or community of the
    /// editor's township, whose 村务公开 items its editors keep (issue 20 §7, <see cref="Domain.Units.UnitKeeping"/>);
    /// null for a unit the editor does not keep.
    /// </summary>
    private async Task<int?> UnitAsync(KeptUnitQuery query, CancellationToken ct)
    {
        if (User.DepartmentId() is not { } own) return null;
        if (query.Unit is not { } unit || unit == own) return own;
        return await Townships.KeptUnits.KeepsAsync(db, User, unit, ct) ? unit : null;
    }

    /// <summary>The units the editor keeps, own first, when there are more than one (a township with villages).</summary>
    private async Task<IReadOnlyList<Townships.UnitOption>> KeptUnitOptionsAsync(CancellationToken ct)
    {
        var kept = await Townships.KeptUnits.OfAsync(db, User, ct);
        if (kept.Count < 2) return [];
        var units = await db.Departments.AsNoTracking().Where(d => kept.Contains(d.Id)).Select(d => new Townships.UnitOption(d.Id, d.Name, d.Level)).ToListAsync(ct);
        return [.. kept.Select(id => units.Single(u => u.Id == id))];
    }
}
