using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>The facts an annual report is computed from, read from the cases and the published records.</summary>
public static class AnnualReportQueries
{
    /// <param name="units">
    /// The units the figures are drawn for (issue 20 §7: the applications assigned to them, the documents they
    /// published, the fees of their applications); null for the whole county.
    /// </param>
    public static async Task<AnnualReportTables> ComputeAsync(PortalDbContext db, int year, ManualFigures figures, CancellationToken ct,
        IReadOnlyList<int>? units = null)
    {
        var facts = await FactsAsync(db, year, units, ct);
        return AnnualReportTables.Compute(year, facts.Cases.Select(c => c.Facts), facts.Documents.Select(d => d.Facts), figures,
            facts.Fees.Sum(f => f.Amount));
    }

    /// <summary>
    /// Tables 二（一）and 三 and the fees for every unit that has any of them in the year, from one read of the facts
    /// (分单位统计, issue 20 §7); the hand-entered figures are the county's and are left empty.
    /// </summary>
    /// <returns>The tables by unit, and those of the applications no unit was assigned (the office answered them itself).</returns>
    public static async Task<(IReadOnlyDictionary<int, AnnualReportTables> ByUnit, AnnualReportTables Unassigned)> ComputeByUnitAsync(
        PortalDbContext db, int year, CancellationToken ct)
    {
        var facts = await FactsAsync(db, year, null, ct);
        var cases = facts.Cases.ToLookup(c => c.Unit, c => c.Facts);
        var documents = facts.Documents.ToLookup(d => (int?)d.Unit, d => d.Facts);
        var fees = facts.Fees.ToLookup(f => f.Unit, f => f.Amount);
        AnnualReportTables Of(int? unit) => AnnualReportTables.Compute(year, cases[unit], documents[unit], new ManualFigures(), fees[unit].Sum());
        var byUnit = cases.Select(g => g.Key).Concat(documents.Select(g => g.Key)).Concat(fees.Select(g => g.Key))
            .OfType<int>().Distinct().ToDictionary(unit => unit, unit => Of(unit));
        return (byUnit, Of(null));
    }

    private sealed record UnitCase(int? Unit, CaseFacts Facts);

    private sealed record UnitDocument(int Unit, DocumentFacts Facts);

    private sealed record UnitFee(int? Unit, decimal Amount);

    private static async Task<(List<UnitCase> Cases, List<UnitDocument> Documents, List<UnitFee> Fees)> FactsAsync(
        PortalDbContext db, int year, IReadOnlyList<int>? units, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var allCases = db.ApplicationCases.AsNoTracking();
        var allVersions = db.RecordVersions.AsNoTracking();
        if (units is not null)
        {
            allCases = allCases.Where(c => c.AssignedDepartmentId != null && units.Contains(c.AssignedDepartmentId.Value));
            allVersions = allVersions.Where(v => units.Contains(v.DepartmentId));
        }
        // Received by the end of the year and not decided before it began: new, carried over, decided or carried forward.
        // Decided = the reply date, or the closing date for the closings without a reply (逾期不补正, 逾期未缴费).
        var cases = await allCases
            .Where(c => c.ReceivedOn != null && c.ReceivedOn <= last && (c.ReplyType == null || (c.RepliedOn ?? c.ClosedOn) >= first))
            .Select(c => new { c.AssignedDepartmentId, c.ApplicantKind, c.ReceivedOn, c.ReplyType, Decided = c.RepliedOn ?? c.ClosedOn })
            .ToListAsync(ct);
        var documents = await allVersions
            .Where(v => v.IsPublished && PolicyInterpretations.PolicyKinds.Contains(v.Kind))
            .Select(v => new { v.DepartmentId, v.Kind, v.WrittenOn, v.PublishedOn, v.Validity })
            .ToListAsync(ct);
        // Summed by the caller: SQLite cannot sum decimals in SQL.
        var fees = await allCases
            .Where(c => c.FeePaidOn >= first && c.FeePaidOn <= last)
            .Select(c => new { c.AssignedDepartmentId, c.FeeAmount })
            .ToListAsync(ct);
        return (
            [.. cases.Select(c => new UnitCase(c.AssignedDepartmentId, new CaseFacts(c.ApplicantKind, c.ReceivedOn, c.ReplyType, c.Decided)))],
            [.. documents.Select(d => new UnitDocument(d.DepartmentId, new DocumentFacts(d.Kind, d.WrittenOn, d.PublishedOn, d.Validity)))],
            [.. fees.Select(f => new UnitFee(f.AssignedDepartmentId, f.FeeAmount))]);
    }
}
