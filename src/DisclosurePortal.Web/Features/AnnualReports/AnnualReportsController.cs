using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>The published annual reports (条例 Art. 49: by 31 January for the year before).</summary>
public sealed class AnnualReportsController(PortalDbContext db) : PortalController
{
    [HttpGet("/annual-reports")]
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
    public async Task<IActionResult> Show(string year, CancellationToken ct)
    {
        if (!AnnualReportsOfficeController.TryYear(year, out var y)) return BadInput("年份应为2000到2100之间的四位数字。");
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == y && r.State == ReportState.Published, ct);
        if (report?.PublishedTables() is not { } tables) return NotFoundPage("{0}年度报告尚未发布。", y);
        return View(new PublicReportModel(report.Year, report.PublishedAt, report.OverviewText, report.ProblemsText, report.OtherMattersText, tables));
    }
}

public sealed record PublicReportModel(int Year, DateTimeOffset? PublishedAt, string? Overview, string? Problems, string? OtherMatters, AnnualReportTables Tables);

public sealed record PublishedReport(int Year, DateTimeOffset? PublishedAt);
