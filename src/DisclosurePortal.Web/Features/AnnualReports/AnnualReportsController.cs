using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>The published annual reports (条例 Art. 49: by 31 January for the year before).</summary>
public sealed class AnnualReportsController(PortalDbContext db, PublicSite site) : PortalController
{
    [HttpGet("/annual-reports")]
    [PublicPage(PublicPage.AnnualReports)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var reports = await db.AnnualReports.AsNoTracking()
            .Where(r => r.State == ReportState.Published)
            .OrderByDescending(r => r.Year)
            .Select(r => new PublishedReport(r.Year, r.PublishedAt))
            .ToListAsync(ct);
        return View(reports);
    }

    /// <summary>A published report, with the numbers frozen at publication.</summary>
    [HttpGet("/annual-reports/{year}")]
    [PublicPage(PublicPage.AnnualReports)]
    public async Task<IActionResult> Show(ReportYear route, CancellationToken ct)
    {
        var y = route.Year;
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == y && r.State == ReportState.Published, ct);
        if (report?.PublishedTables() is not { } tables) return NotFoundPage("{0}年度报告尚未发布。", y);
        return View(new PublicReportModel(report.Year, report.PublishedAt, report.OverviewText, report.ProblemsText, report.OtherMattersText, tables));
    }

    /// <summary>The published report as a spreadsheet or a Word document, with the same frozen numbers as the page.</summary>
    [HttpGet("/annual-reports/{year}.{format}")]
    [PublicPage(PublicPage.AnnualReports)]
    public async Task<IActionResult> Download(ReportDownload route, CancellationToken ct)
    {
        var (y, format) = (route.Year, route.Format);
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == y && r.State == ReportState.Published, ct);
        if (report?.PublishedTables() is not { } tables) return NotFoundPage("{0}年度报告尚未发布。", y);
        var title = $"{site.Identity.Name}{y}年政府信息公开工作年度报告";
        return format == "xlsx"
            ? File(ReportDownloads.Xlsx(title, tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"annual-report-{y}.xlsx")
            : File(ReportDownloads.Docx(title, report.OverviewText, report.ProblemsText, report.OtherMattersText, tables), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"annual-report-{y}.docx");
    }
}

public sealed record PublicReportModel(int Year, DateTimeOffset? PublishedAt, string? Overview, string? Problems, string? OtherMatters, AnnualReportTables Tables);

public sealed record PublishedReport(int Year, DateTimeOffset? PublishedAt);
