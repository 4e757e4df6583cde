using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>The facts an annual report is computed from, read from the cases and the published records.</summary>
public static class AnnualReportQueries
{
    public static async Task<AnnualReportTables> ComputeAsync(PortalDbContext db, int year, ManualFigures figures, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        // Received by the end of the year and not decided before it began: new, carried over, decided or carried forward.
        // Decided = the reply date, or the closing date for the closings without a reply (逾期不补正, 逾期未缴费).
        var cases = await db.ApplicationCases.AsNoTracking()
            .Where(c => c.ReceivedOn != null && c.ReceivedOn <= last && (c.ReplyType == null || (c.RepliedOn ?? c.ClosedOn) >= first))
            .Select(c => new { c.ApplicantKind, c.ReceivedOn, c.ReplyType, Decided = c.RepliedOn ?? c.ClosedOn })
            .ToListAsync(ct);
        var documents = await db.RecordVersions.AsNoTracking()
            .Where(v => v.IsPublished && PolicyInterpretations.PolicyKinds.Contains(v.Kind))
            .Select(v => new DocumentFacts(v.Kind, v.WrittenOn, v.PublishedOn, v.Validity))
            .ToListAsync(ct);
        // Summed here: SQLite cannot sum decimals in SQL.
        var fees = await db.ApplicationCases.AsNoTracking()
            .Where(c => c.FeePaidOn >= first && c.FeePaidOn <= last)
            .Select(c => c.FeeAmount)
            .ToListAsync(ct);
        return AnnualReportTables.Compute(year,
            cases.Select(c => new CaseFacts(c.ApplicantKind, c.ReceivedOn, c.ReplyType, c.Decided)),
            documents, figures, fees.Sum());
    }
}
