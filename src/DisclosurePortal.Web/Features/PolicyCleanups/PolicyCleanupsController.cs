using DisclosurePortal.Domain.PolicyCleanups;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.PolicyCleanups;

/// <summary>
/// 规范性文件清理结果 (issue 20 §4), public: the published clean-ups, newest first, and each notice — its text, then the
/// three lists (继续有效, 宣布失效, 宣布废止), each document with its 文号 and the reason, linking to its page.
/// </summary>
public sealed class PolicyCleanupsController(PortalDbContext db) : PortalController
{
    [HttpGet("/policies/cleanups")]
    [PublicPage(PublicPage.Policies)]
    public async Task<IActionResult> Index(CleanupPageQuery query, CancellationToken ct)
    {
        var published = db.PolicyCleanups.AsNoTracking().Where(c => c.State == CleanupState.Published);
        var page = new PageInfo(query.Page, PolicyCleanupQueries.PageSize, await published.CountAsync(ct));
        if (query.Page > page.TotalPages) return PageOutOfRange(page);
        var rows = await published.OrderByDescending(c => c.PublishedOn).ThenByDescending(c => c.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(c => new PublishedCleanupRow(c.Id, c.Title, c.DocumentNumber, c.IssuingBody, c.PublishedOn!.Value,
                c.Entries.Count(e => e.NewValidity == Domain.Publishing.Validity.Valid),
                c.Entries.Count(e => e.NewValidity == Domain.Publishing.Validity.Expired),
                c.Entries.Count(e => e.NewValidity == Domain.Publishing.Validity.Repealed))).ToListAsync(ct);
        return View(new PublishedCleanupsModel(rows, page));
    }

    [HttpGet("/policies/cleanups/{id:int}")]
    [PublicPage(PublicPage.Policies)]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var cleanup = await db.PolicyCleanups.AsNoTracking().Include(c => c.Entries).FirstOrDefaultAsync(c => c.Id == id && c.State == CleanupState.Published, ct);
        if (cleanup is null) return NotFoundPage("没有找到该清理结果。");
        // A listed document withdrawn since is named without a link.
        var ids = cleanup.Entries.Select(e => e.RecordId).ToList();
        var live = (await db.PublishedVersions.Where(v => ids.Contains(v.RecordId)).Select(v => v.RecordId).ToListAsync(ct)).ToHashSet();
        return View(new PublishedCleanupModel(cleanup, live));
    }
}

public sealed record PublishedCleanupRow(int Id, string Title, string? DocumentNumber, string IssuingBody, DateOnly PublishedOn, int Continued, int Expired, int Repealed);

public sealed record PublishedCleanupsModel(IReadOnlyList<PublishedCleanupRow> Rows, PageInfo Page);

public sealed record PublishedCleanupModel(PolicyCleanup Cleanup, IReadOnlySet<int> Live);
