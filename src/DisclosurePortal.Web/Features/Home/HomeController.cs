using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Home;

public sealed class HomeController(PortalDbContext db) : PortalController
{
    [HttpGet("/")]
    [PublicPage(PublicPage.Home)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var counts = await PublishedCountQueries.ByDomainAsync(db, ct);
        var domains = (await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct))
            .Select(d => new DomainTile(d.Code, d.NameZh, d.NameEn, counts.GetValueOrDefault(d.Id)))
            .ToList();
        var latest = await RecordListing.Project(db, db.PublishedVersions.OrderByDescending(v => v.PublishedOn).ThenByDescending(v => v.Id).Take(12))
            .ToListAsync(ct);
        var stages = await db.Stages.OrderBy(s => s.SortOrder).Select(s => new StageLink(s.Code, s.NameZh, s.NameEn)).ToListAsync(ct);
        return View(new HomeModel(domains, latest, stages, counts.Values.Sum()));
    }

    [HttpGet("/guide")]
    [PublicPage(PublicPage.Guide)]
    public IActionResult Guide() => View();

    /// <summary>The language switch: remembers the choice in the culture cookie and goes back where the visitor was.</summary>
    [HttpGet("/culture/{culture}")]
    public IActionResult SetCulture(string culture, string? returnUrl)
    {
        if (!Localization.Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            return BadInput("不支持该语言。");
        if (!FetchMetadata.IsTopLevelNavigation(Request)) return BadInput("只能通过点击链接切换语言。"); // not as an image or a frame (ADR 18 addendum)
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true });
        return LocalRedirect(Url.LocalOr(returnUrl, "/"));
    }
}

public sealed record DomainTile(string Code, string NameZh, string NameEn, int PublishedCount)
{
    public string Name => Localization.Pick(NameZh, NameEn);
}

public sealed record StageLink(string Code, string NameZh, string NameEn)
{
    public string Name => Localization.Pick(NameZh, NameEn);
}

public sealed record HomeModel(IReadOnlyList<DomainTile> Domains, IReadOnlyList<RecordListItem> Latest, IReadOnlyList<StageLink> Stages, int TotalPublished);
