using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.DisclosureColumns;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminColumns;

/// <summary>
/// 栏目管理 (issue 20 §3): administrators add, rename, move, reorder, retire and delete the columns of the site's tree;
/// every change is audited, and the public pages that show the tree are evicted by the data they show.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminColumnsController(PortalDbContext db) : PortalController
{
    [HttpGet("/admin/columns")]
    public Task<IActionResult> Index(CancellationToken ct) => Page(new ColumnForm(), null, ct);

    [HttpPost("/admin/columns")]
    public async Task<IActionResult> Add(ColumnForm form, [FromServices] AddColumnHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Page(form, null, ct, StatusCodes.Status400BadRequest);
        var added = await handler.HandleAsync(form, User, ct);
        if (added.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(ColumnForm.ParentId), refusal.Message);
            return await Page(form, null, ct, refusal.Status);
        }
        Flash("已新增栏目“{0}”。", form.NameZh!.Trim());
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/admin/columns/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var column = await db.Columns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (column is null) return NotFoundPage("没有找到该栏目。");
        return await EditPage(id, new ColumnForm { NameZh = column.NameZh, NameEn = column.NameEn, Citation = column.Citation, ParentId = column.ParentId, Version = column.Version }, ct);
    }

    [HttpPost("/admin/columns/{id:int}/edit")]
    public async Task<IActionResult> Update(int id, ColumnForm form, [FromServices] EditColumnHandler handler, CancellationToken ct)
    {
        if (!await db.Columns.AnyAsync(c => c.Id == id, ct)) return NotFoundPage("没有找到该栏目。");
        if (!ModelState.IsValid) return await EditPage(id, form, ct, StatusCodes.Status400BadRequest);
        var saved = await handler.HandleAsync(id, form, User, ct);
        if (saved.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(ColumnForm.ParentId), refusal.Message);
            return await EditPage(id, form, ct, refusal.Status);
        }
        Flash("已保存栏目“{0}”。", form.NameZh!.Trim());
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("/admin/columns/{id:int}/up")]
    public Task<IActionResult> Up(int id, [FromServices] ReorderColumnHandler handler, CancellationToken ct) =>
        Done(handler.HandleAsync(id, up: true, User, ct), "已调整栏目“{0}”的顺序。", ct);

    [HttpPost("/admin/columns/{id:int}/down")]
    public Task<IActionResult> Down(int id, [FromServices] ReorderColumnHandler handler, CancellationToken ct) =>
        Done(handler.HandleAsync(id, up: false, User, ct), "已调整栏目“{0}”的顺序。", ct);

    [HttpPost("/admin/columns/{id:int}/retire")]
    public Task<IActionResult> Retire(int id, [FromServices] RetireColumnHandler handler, CancellationToken ct) =>
        Done(handler.RetireAsync(id, User, ct), "已停用栏目“{0}”。", ct);

    [HttpPost("/admin/columns/{id:int}/reinstate")]
    public Task<IActionResult> Reinstate(int id, [FromServices] RetireColumnHandler handler, CancellationToken ct) =>
        Done(handler.ReinstateAsync(id, User, ct), "已恢复栏目“{0}”。", ct);

    [HttpPost("/admin/columns/{id:int}/delete")]
    public Task<IActionResult> Delete(int id, [FromServices] RetireColumnHandler handler, CancellationToken ct) =>
        Done(handler.DeleteAsync(id, User, ct), "已删除栏目“{0}”。", ct);

    /// <summary>A one-button change: back to the list with a confirmation, or the list with the refusal and its status.</summary>
    private async Task<IActionResult> Done(Task<Outcome<string>> change, string confirmation, CancellationToken ct)
    {
        var outcome = await change;
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message);
            return await Page(new ColumnForm(), refusal.Message, ct, refusal.Status);
        }
        Flash(confirmation, outcome.Value!);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Page(ColumnForm form, string? problem, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        ViewData.Put(await ListAsync(problem, ct));
        return View("Index", form);
    }

    private async Task<IActionResult> EditPage(int id, ColumnForm form, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        ViewData.Put(await ListAsync(null, ct) with { EditingId = id });
        return View("Edit", form);
    }

    private async Task<AdminColumnList> ListAsync(string? problem, CancellationToken ct)
    {
        var tree = await ColumnQueries.TreeAsync(db, includeRetired: true, ct);
        var counts = await db.Records.Where(r => r.ColumnId != null).GroupBy(r => r.ColumnId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new AdminColumnList(tree, counts, problem);
    }
}

/// <param name="RecordCounts">Records filed in each column (any state): a column with records can only be retired.</param>
public sealed record AdminColumnList(IReadOnlyList<ColumnNode> Tree, IReadOnlyDictionary<int, int> RecordCounts, string? Problem)
{
    public int? EditingId { get; init; }

    /// <summary>Columns a column may be placed under: open ones of the first two levels, not the one being edited nor its descendants.</summary>
    public IEnumerable<ColumnNode> Parents()
    {
        var excluded = new HashSet<int>();
        if (EditingId is { } id)
        {
            excluded.Add(id);
            foreach (var n in Tree) if (n.ParentId is { } p && excluded.Contains(p)) excluded.Add(n.Id);
        }
        return Tree.Where(n => !n.IsRetired && n.Depth < Domain.Columns.ColumnTree.MaxDepth && !excluded.Contains(n.Id));
    }
}
