using DisclosurePortal.Data;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// The printable 《信息发布登记记录表》 / 《信息公开保密审查审批表》 of a published version (issue 21 §6, domain README §4):
/// the version's particulars and the reviews of the round that published it, with reviewer, time, decision and comment.
/// Staff only: the office and leaders for any version, an editor for their own unit's.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReviewRecordController(PortalDbContext db) : PortalController
{
    [HttpGet("/review/versions/{id:int}/record")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var version = await db.RecordVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.PublishedAt != null, ct);
        if (version is null) return NotFoundPage("没有找到该已发布的版本。");
        var office = User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin);
        if (!office && !await Townships.KeptUnits.KeepsAsync(db, User, version.DepartmentId, ct)) return NotFoundPage("没有找到该已发布的版本。");
        var record = await db.Records.AsNoTracking().SingleAsync(r => r.Id == version.RecordId, ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == version.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.RecordVersionId == id).ToListAsync(ct);
        var lines = ReviewRound.Current(version, decisions)
            .Where(d => d.DecidedAt <= version.PublishedAt!.Value)
            .Select(d => new ReviewLine(d.Step, d.Outcome, d.ReviewerName, d.Comment, d.DecidedAt)).ToList();
        return View("/Features/Review/Views/Record.cshtml", new ReviewRecordModel(version, record.IndexNumber, department, lines));
    }
}

public sealed record ReviewRecordModel(RecordVersion Version, string? IndexNumber, string Department, IReadOnlyList<ReviewLine> Reviews);
