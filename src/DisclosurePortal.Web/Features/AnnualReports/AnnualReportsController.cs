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
}

public sealed record PublishedReport(int Year, DateTimeOffset? PublishedAt);
