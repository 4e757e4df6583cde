using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>保存草稿 (the form: <see cref="AnnualDraftForm"/>): the hand-entered figures and sections, against the version the page was drawn from.</summary>
public sealed class SaveAnnualDraftHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(int year, AnnualDraftForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var conflict = Refusal.Conflict("该年度报告已被他人修改，请刷新后重新填写。");
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Year == year, ct);
        var now = clock.GetUtcNow();
        var isNew = report is null;
        report ??= db.AnnualReports.Add(new AnnualReport(year, now)).Entity;
        if (!isNew) db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
        else if (form.Version != 0) return conflict;
        try
        {
            var saved = await Outcome.Try(async () =>
            {
                report.SaveDraft(form.Overview, form.Problems, form.OtherMatters, form.ToFigures(), now);
                await db.SaveChangesAsync(ct);
                return (Outcome<int>)report.Id;
            });
            if (!saved.Done) return saved;
        }
        catch (DbUpdateException) // a concurrent save, or a second first save of the same year
        {
            return conflict;
        }
        audit.Record(user, AuditActions.AnnualReportSave, report.Id, $"保存{year}年度报告草稿");
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}
