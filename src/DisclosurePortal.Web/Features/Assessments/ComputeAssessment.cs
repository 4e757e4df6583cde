using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>
/// 计算考核结果: every active unit scored on every indicator of the year's scheme as of today, kept as data (the year's one
/// computation is replaced; refused while published). Manual indicators take the office's entered scores.
/// </summary>
public sealed class ComputeAssessmentHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<AssessmentRun>> HandleAsync(int year, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await AssessmentQueries.SchemeAsync(db, year, ct) is not { } scheme) return Refusal.NotFound("{0} 年度还没有考核方案。", year);
        var run = await db.AssessmentRuns.Include(r => r.Scores).SingleOrDefaultAsync(r => r.SchemeId == scheme.Id, ct);
        if (run is { State: RunState.Published }) return Refusal.Conflict("考核结果已公布，须先撤回公布才能重新计算。");
        var today = clock.Today();
        if (year > today.Year) return new Refusal("{0} 年度尚未开始，不能计算。", 400, year);
        var units = await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var kinds = scheme.Indicators.Select(i => i.Kind).ToHashSet();
        var measured = await AssessmentQueries.MeasureAsync(db, year, kinds, [.. units.Select(u => u.Id)], today, calendar, ct);
        var manualIds = scheme.Indicators.Where(i => i.IsManual).Select(i => i.Id).ToList();
        var manual = await db.ManualScores.AsNoTracking().Where(m => manualIds.Contains(m.IndicatorId))
            .ToDictionaryAsync(m => (m.IndicatorId, m.DepartmentId), ct);
        return await Outcome.Try(async () =>
        {
            var scores = new List<AssessmentScore>();
            foreach (var unit in units)
            foreach (var indicator in scheme.Indicators.OrderBy(i => i.SortOrder))
            {
                if (indicator.IsManual)
                {
                    var entered = manual.GetValueOrDefault((indicator.Id, unit.Id));
                    var score = AssessmentScoring.Manual(indicator.Points, entered is null ? null : Math.Min(entered.Score, indicator.Points));
                    scores.Add(AssessmentScore.Of(indicator, unit.Id, unit.Name, score, entered?.Evidence));
                }
                else
                {
                    var score = AssessmentScoring.Score(indicator.Points, indicator.Parameters, measured.GetValueOrDefault((unit.Id, indicator.Kind)));
                    scores.Add(AssessmentScore.Of(indicator, unit.Id, unit.Name, score));
                }
            }
            var now = clock.GetUtcNow();
            if (run is null)
            {
                run = AssessmentRun.Start(scheme, today, scores, user.DisplayName(), now);
                db.AssessmentRuns.Add(run);
            }
            else run.Replace(scheme, today, scores, user.DisplayName(), now);
            audit.Record(user, AuditActions.AssessmentCompute, year,
                string.Create(CultureInfo.InvariantCulture, $"截至 {today:yyyy-MM-dd}：{units.Count} 个单位 × {scheme.Indicators.Count} 项指标"));
            await db.SaveChangesAsync(ct);
            return (Outcome<AssessmentRun>)run;
        });
    }
}

/// <summary>公布 / 撤回公布: the office makes the year's results a public page, with its comment, or takes them back.</summary>
public sealed class PublishAssessmentHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static class Fields
    {
        public const string Note = "note";
    }

    public async Task<Outcome<AssessmentRun>> PublishAsync(int year, string? note, ClaimsPrincipal user, CancellationToken ct) =>
        await ChangeAsync(year, user, ct, run => run.Publish(note, user.DisplayName(), clock.GetUtcNow()), AuditActions.AssessmentPublish, note);

    public async Task<Outcome<AssessmentRun>> UnpublishAsync(int year, ClaimsPrincipal user, CancellationToken ct) =>
        await ChangeAsync(year, user, ct, run => run.Unpublish(clock.GetUtcNow()), AuditActions.AssessmentUnpublish, null);

    private async Task<Outcome<AssessmentRun>> ChangeAsync(int year, ClaimsPrincipal user, CancellationToken ct, Action<AssessmentRun> change, AuditAction action, string? summary)
    {
        if (await db.AssessmentRuns.SingleOrDefaultAsync(r => r.Year == year, ct) is not { } run)
            return Refusal.NotFound("{0} 年度的考核结果尚未计算。", year);
        return await Outcome.Try(async () =>
        {
            change(run);
            audit.Record(user, action, year, summary);
            await db.SaveChangesAsync(ct);
            return (Outcome<AssessmentRun>)run;
        });
    }
}
