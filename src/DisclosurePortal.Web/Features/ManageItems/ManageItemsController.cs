using System.Globalization;
using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Data;
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
    PortalDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> L, ILogger<ManageItemsController> logger) : PortalController
{
    private const string ListUrl = "/manage/items";
    private const string ConflictMessage = "该事项已被他人修改，您的修改没有保存。请对照“当前已保存的内容”核对后重新提交；您填写的内容已保留在表单中。";

    [HttpGet(ListUrl)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.DepartmentId() is not { } departmentId) return NotYours();
        return View(await ManageItemsQueries.ListAsync(db, departmentId, ct));
    }

    [HttpGet("/manage/items/new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        if (User.DepartmentId() is not { } departmentId) return NotYours();
        // 条例 Art. 26: 20 working days unless a rule says otherwise, so the form starts from the statutory rule.
        var form = new NewItemForm
        {
            TimeLimitKind = ItemForm.Code(TimeLimitRule.Statutory.Kind),
            TimeLimitAmount = TimeLimitRule.Statutory.Amount.ToString(CultureInfo.InvariantCulture),
        };
        return View(await NewPageAsync(form, departmentId, ct));
    }

    [HttpPost("/manage/items/new")]
    public async Task<IActionResult> New(NewItemForm form, [FromServices] IValidator<NewItemForm> validator, CancellationToken ct)
    {
        if (User.DepartmentId() is not { } departmentId) return NotYours();
        if (!await validator.ValidateIntoAsync(form, ModelState, ct)) return await InvalidNewAsync(form, departmentId, ct);

        var domainId = ItemForm.ParseInt(form.DomainId)!.Value;
        var stageId = ItemForm.ParseInt(form.StageId)!.Value;
        var now = clock.GetUtcNow();
        var sortOrder = (await db.CatalogueItems.Where(i => i.DomainId == domainId && i.StageId == stageId).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0) + 1;
        CatalogueItem item;
        try
        {
            // The department is the editor's own, never a form field.
            item = CatalogueItem.Create(form.ToElements(), departmentId, domainId, stageId, now, sortOrder);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return await InvalidNewAsync(form, departmentId, ct);
        }

        // The item's id comes from the database, and the revision and the audit event name it: two SaveChanges, one
        // transaction, so the item never exists without its first revision and its audit event.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync(ct);
            db.CatalogueItemRevisions.Add(new CatalogueItemRevision(
                item.Id, 1, CatalogueItemChange.Added, ItemSnapshots.Serialize(item.ToElements()), User.DisplayName(), null, now, User.UserId()));
            audit.Record(User, "CatalogueItem.Add", nameof(CatalogueItem), item.Id, $"新增公开事项：{item.DisplayName}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        logger.LogInformation("Catalogue item {ItemId} added by {UserId}", item.Id, User.UserId());
        Flash("已新增公开事项：{0}", item.DisplayName);
        return LocalRedirect($"{ListUrl}#item-{item.Id}");
    }

    [HttpGet("/manage/items/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!User.EditsFor(item.DepartmentId)) return NotYours();
        return View(await EditPageAsync(item, EditItemForm.From(item), NewRetireForm(item), saved: null, ct));
    }

    [HttpPost("/manage/items/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditItemForm form, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!User.EditsFor(item.DepartmentId)) return NotYours();
        if (!ModelState.IsValid) return await InvalidEditAsync(item, form, NewRetireForm(item), ct);
        if (ItemForm.ParseInt(form.Version) is not { } openedAt || openedAt != item.Version)
            return await ConflictAsync(item, form, NewRetireForm(item), ct);

        var before = item.ToElements();
        var after = form.ToElements();
        if (after == before)
        {
            Flash("内容没有变化，未生成新的修订版本：{0}", item.DisplayName);
            return LocalRedirect($"{ListUrl}#item-{item.Id}");
        }

        var now = clock.GetUtcNow();
        // The UPDATE says WHERE Version = the version the form was opened at: a save that won a race since is caught here too.
        db.Entry(item).Property(i => i.Version).OriginalValue = openedAt;
        try
        {
            item.Revise(after, now);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return await InvalidEditAsync(item, form, NewRetireForm(item), ct);
        }
        var note = string.IsNullOrWhiteSpace(form.ChangeNote) ? null : form.ChangeNote.Trim();
        db.CatalogueItemRevisions.Add(new CatalogueItemRevision(
            item.Id, await ManageItemsQueries.NextRevisionNumberAsync(db, item.Id, ct), CatalogueItemChange.Revised,
            ItemSnapshots.Serialize(item.ToElements()), User.DisplayName(), note, now, User.UserId()));
        var changed = string.Join("、", ItemSnapshots.Changes(before, item.ToElements(), L).Select(c => c.Label));
        audit.Record(User, "CatalogueItem.Revise", nameof(CatalogueItem), item.Id,
            $"修订公开事项：{item.DisplayName}；修改要素：{changed}" + (note is null ? string.Empty : $"；修改说明：{note}"));
        if (await SaveOrLoseRaceAsync(item.Id, openedAt, ct) is { } lost)
            return await ConflictAsync(lost, form, NewRetireForm(lost), ct);

        logger.LogInformation("Catalogue item {ItemId} revised by {UserId}", item.Id, User.UserId());
        Flash("已保存对公开事项的修改：{0}", item.DisplayName);
        return LocalRedirect($"{ListUrl}#item-{item.Id}");
    }

    [HttpPost("/manage/items/{id:int}/retire")]
    public async Task<IActionResult> Retire(int id, RetireForm retire, CancellationToken ct)
    {
        var item = await db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!User.EditsFor(item.DepartmentId)) return NotYours();
        if (!ModelState.IsValid) return await InvalidEditAsync(item, EditItemForm.From(item), retire, ct);
        if (ItemForm.ParseInt(retire.Version) is not { } openedAt || openedAt != item.Version)
            return await ConflictAsync(item, EditItemForm.From(item), retire, ct);

        var now = clock.GetUtcNow();
        db.Entry(item).Property(i => i.Version).OriginalValue = openedAt;
        try
        {
            item.Retire(retire.Reason!, now);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            return await InvalidEditAsync(item, EditItemForm.From(item), retire, ct);
        }
        db.CatalogueItemRevisions.Add(new CatalogueItemRevision(
            item.Id, await ManageItemsQueries.NextRevisionNumberAsync(db, item.Id, ct), CatalogueItemChange.Retired,
            ItemSnapshots.Serialize(item.ToElements()), User.DisplayName(), item.RetiredReason, now, User.UserId()));
        audit.Record(User, "CatalogueItem.Retire", nameof(CatalogueItem), item.Id, $"停用公开事项：{item.DisplayName}；理由：{item.RetiredReason}");
        if (await SaveOrLoseRaceAsync(item.Id, openedAt, ct) is { } lost)
            return await ConflictAsync(lost, EditItemForm.From(lost), retire, ct);

        logger.LogInformation("Catalogue item {ItemId} retired by {UserId}", item.Id, User.UserId());
        Flash("已停用公开事项：{0}", item.DisplayName);
        return LocalRedirect($"{ListUrl}#item-{item.Id}");
    }

    [HttpGet("/manage/items/{id:int}/history")]
    public async Task<IActionResult> History(int id, CancellationToken ct)
    {
        var item = await db.CatalogueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFoundPage("没有找到该公开事项。");
        if (!User.EditsFor(item.DepartmentId)) return NotYours();
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
        return View(new HistoryPage(item.Id, item.DisplayName, department, domain, stage, item.Status, entries));
    }

    /// <summary>Saves; when the item changed in the database meanwhile, returns it as it now is instead.</summary>
    private async Task<CatalogueItem?> SaveOrLoseRaceAsync(int itemId, int openedAt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e)
        {
            // DbUpdateConcurrencyException from the version check; or, when the revision row went first, the unique
            // (item, revision number) index refusing a second revision with the same number. Either way, if the
            // item's version has moved on, someone else's save won.
            db.ChangeTracker.Clear();
            var current = await db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == itemId, ct);
            if (current.Version == openedAt) throw;
            logger.LogInformation(e, "Catalogue item {ItemId}: save lost a race (version {OpenedAt} → {Current})", itemId, openedAt, current.Version);
            return current;
        }
    }

    private static RetireForm NewRetireForm(CatalogueItem item) => new() { Version = item.Version.ToString(CultureInfo.InvariantCulture) };

    private async Task<NewItemPage> NewPageAsync(NewItemForm form, int departmentId, CancellationToken ct) => new(
        form,
        await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleAsync(ct),
        await ManageItemsQueries.DomainChoicesAsync(db, ct),
        await ManageItemsQueries.StageChoicesAsync(db, ct));

    private async Task<IActionResult> InvalidNewAsync(NewItemForm form, int departmentId, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(New), await NewPageAsync(form, departmentId, ct));
    }

    private async Task<EditItemPage> EditPageAsync(CatalogueItem item, EditItemForm form, RetireForm retire, IReadOnlyList<ElementLine>? saved, CancellationToken ct)
    {
        var (department, domain, stage) = await ManageItemsQueries.NamesAsync(db, item, ct);
        return new EditItemPage(item.Id, form, retire, department, domain, stage, item.Status, item.RetiredReason, saved);
    }

    private async Task<IActionResult> InvalidEditAsync(CatalogueItem item, EditItemForm form, RetireForm retire, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Edit), await EditPageAsync(item, form, retire, saved: null, ct));
    }

    /// <summary>
    /// The form was opened at an older version: nothing is saved; the user's input stays in the form, the saved values
    /// are shown beside it, and the form now carries the current version so a deliberate second submit can go through.
    /// </summary>
    private async Task<IActionResult> ConflictAsync(CatalogueItem current, EditItemForm form, RetireForm retire, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        ModelState.AddModelError(string.Empty, ConflictMessage);
        form.Version = retire.Version = current.Version.ToString(CultureInfo.InvariantCulture);
        return View(nameof(Edit), await EditPageAsync(current, form, retire, ItemSnapshots.Lines(current.ToElements(), L), ct));
    }

    /// <summary>Items are public, so another department's item is not hidden (404) but refused (403).</summary>
    private ViewResult NotYours()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Problem", new ProblemModel(403, "无权访问", "您只能管理本部门的公开事项。", []));
    }

    private void Flash(string message, string argument)
    {
        TempData["Flash"] = message;
        TempData["FlashArgument"] = argument;
    }
}
