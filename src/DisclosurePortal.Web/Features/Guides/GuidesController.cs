using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.Guides;

/// <summary>
/// 办事指南 (issue 20 §6): the published guides by domain, each guide's printable page, a domain's guides compiled into
/// one 办事一本通 <c>.docx</c>, and the materials' template files. Only approved guides are read.
/// </summary>
public sealed class GuidesController(PortalDbContext db, PublicSite site, IStringLocalizer<SharedResource> localizer) : PortalController
{
    [HttpGet("/guides")]
    [PublicPage(PublicPage.Guides)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await (from g in db.ServiceGuides.AsNoTracking()
                          join d in db.Domains on g.DomainId equals d.Id
                          join dep in db.Departments on g.DepartmentId equals dep.Id
                          where g.State == GuideState.Published
                          orderby d.SortOrder, g.Id
                          select new { g.Id, g.Name, d.Code, d.NameZh, d.NameEn, Department = dep.Name, g.PublishedOn }).Take(1000).ToListAsync(ct);
        var groups = rows.GroupBy(r => (r.Code, r.NameZh, r.NameEn))
            .Select(g => new GuideDomainGroup(g.Key.Code, g.Key.NameZh, g.Key.NameEn, [.. g.Select(r => new GuideRow(r.Id, r.Name, r.Department, r.PublishedOn!.Value))]))
            .ToList();
        return View(groups);
    }

    [HttpGet("/guides/{id:int}")]
    [PublicPage(PublicPage.Guides)]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var guide = await GuideQueries.PublishedAsync(db, id, ct);
        if (guide is null) return NotFoundPage("没有找到该办事指南。");
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == guide.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var domain = await db.Domains.AsNoTracking().Where(d => d.Id == guide.DomainId).Select(d => new { d.Code, d.NameZh, d.NameEn }).SingleAsync(ct);
        var templates = await db.GuideTemplates.AsNoTracking().Where(t => t.GuideId == id).ToDictionaryAsync(t => t.Id, t => t.FileName, ct);
        return View(new GuidePageModel(guide, department, domain.Code, domain.NameZh, domain.NameEn, templates));
    }

    /// <summary>办事一本通: every published guide of the domain in one Word document.</summary>
    [HttpGet("/guides/handbook/{code}")]
    public async Task<IActionResult> Handbook(string code, CancellationToken ct)
    {
        if (code.Length > 64) return NotFoundPage("没有找到该领域。");
        var domain = await db.Domains.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (domain is null) return NotFoundPage("没有找到该领域。");
        var guides = await db.ServiceGuides.AsNoTracking().Where(g => g.DomainId == domain.Id && g.State == GuideState.Published)
            .OrderBy(g => g.Id).Take(200).ToListAsync(ct);
        if (guides.Count == 0) return NotFoundPage("该领域还没有公开的办事指南。");
        var domainName = Localization.Pick(domain.NameZh, domain.NameEn);
        var title = localizer["{0}办事一本通", domainName].Value;
        var bytes = GuideHandbook.Write(title, site.Publisher, guides, s => localizer[s].Value);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, GuideHandbook.ContentType, $"{title}.docx");
    }

    [HttpGet("/guides/{id:int}/templates/{templateId:int}")]
    public async Task<IActionResult> Template(int id, int templateId, [FromServices] AttachmentStorage storage, CancellationToken ct)
    {
        // Only a template the public version offers: a pending change's new file is filed under the same guide.
        var published = await db.ServiceGuides.Where(g => g.Id == id && g.State == GuideState.Published)
            .SelectMany(g => g.Situations).SelectMany(s => s.Materials).AnyAsync(m => m.TemplateId == templateId, ct);
        var t = published ? await db.GuideTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == templateId && x.GuideId == id, ct) : null;
        var path = t is null ? null : storage.PathOf(t.StorageKey);
        if (t is null || path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该文件。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, t.ContentType, t.FileName);
    }
}

public static class GuideQueries
{
    public static Task<ServiceGuide?> PublishedAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.ServiceGuides.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id && g.State == GuideState.Published, ct);
}

public sealed record GuideRow(int Id, string Name, string Department, DateOnly PublishedOn);

public sealed record GuideDomainGroup(string Code, string NameZh, string NameEn, IReadOnlyList<GuideRow> Guides);

public sealed record GuidePageModel(ServiceGuide Guide, string DepartmentName, string DomainCode, string DomainNameZh, string DomainNameEn, IReadOnlyDictionary<int, string> Templates);
