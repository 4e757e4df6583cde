using DisclosurePortal.Data;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>
/// The published 按季通报 (issue 21 §3, docs/adr/0036), for everyone: the list, a quarter's 通报 with the office's comment,
/// the table of units and each unit's details, and its .xlsx and .docx, all from the numbers frozen with it.
/// </summary>
public sealed class PublishedBulletinsController(PortalDbContext db, PublicSite site, MarkdownRenderer markdown) : PortalController
{
    private const string Views = "~/Features/QuarterlyReports/Views/";

    [HttpGet("/reports/quarterly/published")]
    [PublicPage(PublicPage.QuarterlyBulletins)]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(Views + "Published.cshtml", await BulletinQueries.PublishedListAsync(db, ct));

    [HttpGet("/reports/quarterly/published/{year}/{quarter}")]
    [PublicPage(PublicPage.QuarterlyBulletins)]
    public async Task<IActionResult> Show(QuarterRoute route, CancellationToken ct)
    {
        var q = route.Quarter;
        if (await BulletinQueries.PublishedAsync(db, q, ct) is not { } bulletin) return NotPublished(q);
        var corrected = await BulletinQueries.SupersededAsync(db, q, ct);
        // A unit's editors find their own line marked (the page is then not cached: it is not an anonymous read).
        var own = User.Identity?.IsAuthenticated == true ? User.DepartmentId() : null;
        return View(Views + "PublishedShow.cshtml", new PublishedBulletinModel(q, bulletin.Edition, bulletin.PublishedAt, markdown.Render(bulletin.Comment), bulletin.Snapshot(), corrected, own));
    }

    /// <summary>The published 通报 as a spreadsheet or a Word document, with the same frozen numbers as the page.</summary>
    [HttpGet("/reports/quarterly/published/{year}/{quarter}.{format}")]
    [PublicPage(PublicPage.QuarterlyBulletins)]
    public async Task<IActionResult> Download(BulletinDownload route, CancellationToken ct)
    {
        var q = route.Quarter;
        if (await BulletinQueries.PublishedAsync(db, q, ct) is not { } bulletin) return NotPublished(q);
        var title = $"{site.Identity.Name}{q.Year}年第{q.Number}季度政务公开工作通报";
        var name = $"quarterly-report-{q.Year}-q{q.Number}";
        return route.Format == "xlsx"
            ? File(BulletinDownloads.Xlsx(title, bulletin.Snapshot()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(BulletinDownloads.Docx(title, bulletin.Comment, bulletin.Snapshot()), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }

    private IActionResult NotPublished(Quarter q) => NotFoundPage("{0}年第{1}季度按季通报尚未发布。", q.Year, q.Number);
}

/// <summary>/reports/quarterly/published/{year}/{quarter}.{format}: the year and quarter as in <see cref="QuarterRoute"/>, the format xlsx or docx.</summary>
public sealed record BulletinDownload(Quarter Quarter, string Format) : IQueryFilter<BulletinDownload>
{
    public static BulletinDownload Read(QueryReader query)
    {
        var route = QuarterRoute.Read(query);
        var format = query.Text("format");
        if (format is "xlsx" or "docx") return new BulletinDownload(route.Quarter, format);
        query.Refuse("下载格式应为 .xlsx 或 .docx。");
        return new BulletinDownload(route.Quarter, "");
    }
}

public sealed record PublishedBulletinModel(Quarter Quarter, int Edition, DateTimeOffset? PublishedAt, Microsoft.AspNetCore.Html.IHtmlContent CommentHtml, QuarterSnapshot Snapshot,
    IReadOnlyList<PublishedBulletinRow> Corrected, int? OwnUnit);
