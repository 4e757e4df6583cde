using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Search;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminSearchSynonyms;

/// <summary>The search's 同义词组 (issue 22), kept by administrators; every change is audited.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminSearchSynonymsController(PortalDbContext db) : PortalController
{
    [HttpGet("/admin/search-synonyms")]
    public Task<IActionResult> Index(CancellationToken ct) => Page(new SynonymGroupForm(), ct);

    [HttpPost("/admin/search-synonyms")]
    public async Task<IActionResult> Add(SynonymGroupForm form, [FromServices] AddSynonymGroupHandler handler, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Page(form, ct, StatusCodes.Status400BadRequest);
        var added = await handler.HandleAsync(form, User, ct);
        if (added.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(SynonymGroupForm.Words), refusal.Message);
            return await Page(form, ct, refusal.Status);
        }
        Flash("已添加同义词组“{0}”。", string.Join(" ", SynonymGroup.Parse(form.Words)));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("/admin/search-synonyms/{id:int}/delete")]
    public async Task<IActionResult> Remove(int id, [FromServices] RemoveSynonymGroupHandler handler, CancellationToken ct)
    {
        var removed = await handler.HandleAsync(id, User, ct);
        if (removed.Refusal is { } refusal) return NotFoundPage(refusal.Message);
        Flash("已删除同义词组“{0}”。", removed.Value!);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Page(SynonymGroupForm form, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        var rows = await db.SearchSynonyms.AsNoTracking().OrderBy(g => g.Terms)
            .Select(g => new SynonymGroupRow(g.Id, g.Terms, g.AddedBy, g.AddedAt)).ToListAsync(ct);
        ViewData.Put(new SynonymGroupList(rows));
        return View("Index", form);
    }
}

public sealed record SynonymGroupRow(int Id, string Terms, string AddedBy, DateTimeOffset AddedAt);

public sealed record SynonymGroupList(IReadOnlyList<SynonymGroupRow> Groups);
