using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminSensitiveWords;

/// <summary>The 敏感词 list (网上信箱, issue 19), kept by administrators; every change is audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminSensitiveWordsController(PortalDbContext db) : PortalController
{
    [HttpGet("/admin/sensitive-words")]
    public Task<IActionResult> Index(CancellationToken ct) => Page(new SensitiveWordForm(), ct);

    [HttpPost("/admin/sensitive-words")]
    public async Task<IActionResult> Add(SensitiveWordForm form, [FromServices] AddSensitiveWordHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Page(form, ct, StatusCodes.Status400BadRequest);
        var added = await handler.HandleAsync(form, User, ct);
        if (added.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(SensitiveWordForm.Word), refusal.Message);
            return await Page(form, ct, refusal.Status);
        }
        Flash("已添加敏感词“{0}”。", form.Word!.Trim());
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("/admin/sensitive-words/{id:int}/delete")]
    public async Task<IActionResult> Remove(int id, [FromServices] RemoveSensitiveWordHandler handler, CancellationToken ct)
    {
        var removed = await handler.HandleAsync(id, User, ct);
        if (removed.Refusal is { } refusal) return NotFoundPage(refusal.Message);
        Flash("已删除敏感词“{0}”。", removed.Value!);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Page(SensitiveWordForm form, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        ViewData.Put(new SensitiveWordList(await db.SensitiveWords.AsNoTracking().OrderBy(w => w.Word)
            .Select(w => new SensitiveWordRow(w.Id, w.Word, w.AddedBy, w.AddedAt)).ToListAsync(ct)));
        return View("Index", form);
    }
}

public sealed record SensitiveWordRow(int Id, string Word, string AddedBy, DateTimeOffset AddedAt);

public sealed record SensitiveWordList(IReadOnlyList<SensitiveWordRow> Words);
