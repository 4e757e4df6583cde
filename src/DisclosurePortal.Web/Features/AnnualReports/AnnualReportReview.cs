using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>The fields the review forms post (the actions' own parameters), for the actions and the draft page.</summary>
public static class AnnualReviewFields
{
    public const string Version = "version";
    public const string Comment = "comment";
}

/// <summary>
/// 报送审核, 退回修改 and 发布 (条例 Art. 50): each a state change of the report, against the version the page was
/// drawn from, with its audit event.
/// </summary>
public sealed class AnnualReportReviewHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public Task<Outcome<AnnualReport>> SubmitAsync(int year, int version, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(year, version, AuditActions.AnnualReportSubmit, (r, now) => r.Submit(user.UserId() ?? string.Empty, user.DisplayName(), now), user, ct);

    public Task<Outcome<AnnualReport>> ReturnAsync(int year, int version, string? comment, ClaimsPrincipal user, CancellationToken ct) =>
        ActAsync(year, version, AuditActions.AnnualReportReturn, (r, now) => r.Return(user.UserId() ?? string.Empty, comment, now), user, ct);

    /// <summary>The numbers are computed once more and frozen with the report.</summary>
    public async Task<Outcome<AnnualReport>> PublishAsync(int year, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        var figures = (await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, ct))?.Figures() ?? new ManualFigures();
        var tables = await AnnualReportQueries.ComputeAsync(db, year, figures, ct);
        if (tables.Inconsistencies.Count > 0)
            return await ActAsync(year, version, AuditActions.AnnualReportPublish, (_, _) => throw new DomainException("表三数据不符合勾稽关系，不能发布。"), user, ct);
        return await ActAsync(year, version, AuditActions.AnnualReportPublish, (r, now) => r.Publish(user.UserId() ?? string.Empty, user.DisplayName(), tables, now), user, ct);
    }

    private async Task<Outcome<AnnualReport>> ActAsync(int year, int version, AuditAction action, Action<AnnualReport, DateTimeOffset> act, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Year == year, ct);
        if (report is null) return Refusal.NotFound("{0}年度报告尚未编制。", year);
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        try
        {
            return await Outcome.Try(async () =>
            {
                act(report, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                audit.Record(user, action, report.Id, $"{year}年度报告：{ReportStates.Describe(report.State)}");
                await db.SaveChangesAsync(ct);
                return (Outcome<AnnualReport>)report;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("该年度报告已被他人修改，请刷新后重新操作。");
        }
    }
}
