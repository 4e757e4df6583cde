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

/// <summary>新建年度考核方案: empty, or a copy of the previous year's indicators. Audited against the year (the scheme's key for people).</summary>
public sealed class CreateSchemeHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<AssessmentScheme>> HandleAsync(NewSchemeForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var year = form.Year!.Value;
        if (await db.AssessmentSchemes.AnyAsync(s => s.Year == year, ct)) return Refusal.Conflict("{0} 年度的考核方案已经存在。", year);
        AssessmentScheme? previous = null;
        if (form.CopyPrevious && (previous = await AssessmentQueries.SchemeAsync(db, year - 1, ct)) is null)
            return new Refusal("{0} 年度没有考核方案可以复制。", 400, year - 1);
        return await Outcome.Try(async () =>
        {
            var scheme = AssessmentScheme.Create(year, user.DisplayName(), clock.GetUtcNow(), previous);
            db.AssessmentSchemes.Add(scheme);
            audit.Record(user, AuditActions.AssessmentSchemeCreate, year,
                previous is null ? null : string.Create(CultureInfo.InvariantCulture, $"复制 {year - 1} 年度的 {previous.Indicators.Count} 项指标"));
            await db.SaveChangesAsync(ct);
            return (Outcome<AssessmentScheme>)scheme;
        });
    }
}

/// <summary>Adds, changes or removes an indicator of a year's scheme (the computed results keep their own copy).</summary>
public sealed class SaveIndicatorHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<AssessmentIndicator>> AddAsync(AssessmentScheme scheme, IndicatorForm form, ClaimsPrincipal user, CancellationToken ct) =>
        await Outcome.Try(async () =>
        {
            var indicator = scheme.Add(form.ToDefinition(), clock.GetUtcNow());
            audit.Record(user, AuditActions.AssessmentIndicatorAdd, scheme.Year, Describe(indicator));
            await db.SaveChangesAsync(ct);
            return (Outcome<AssessmentIndicator>)indicator;
        });

    public async Task<Outcome<AssessmentIndicator>> ChangeAsync(AssessmentScheme scheme, int indicatorId, IndicatorForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (scheme.Indicators.FirstOrDefault(i => i.Id == indicatorId) is not { } indicator) return Refusal.NotFound("没有找到该考核指标。");
        return await Outcome.Try(async () =>
        {
            scheme.Change(indicator, form.ToDefinition(), clock.GetUtcNow());
            audit.Record(user, AuditActions.AssessmentIndicatorEdit, scheme.Year, Describe(indicator));
            await db.SaveChangesAsync(ct);
            return (Outcome<AssessmentIndicator>)indicator;
        });
    }

    public async Task<Outcome<AssessmentIndicator>> RemoveAsync(AssessmentScheme scheme, int indicatorId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (scheme.Indicators.FirstOrDefault(i => i.Id == indicatorId) is not { } indicator) return Refusal.NotFound("没有找到该考核指标。");
        return await Outcome.Try(async () =>
        {
            scheme.Remove(indicator, clock.GetUtcNow());
            audit.Record(user, AuditActions.AssessmentIndicatorRemove, scheme.Year, indicator.Name);
            await db.SaveChangesAsync(ct);
            return (Outcome<AssessmentIndicator>)indicator;
        });
    }

    private static string Describe(AssessmentIndicator i) =>
        string.Create(CultureInfo.InvariantCulture, $"{i.Name}（{i.Kind}，{i.Points:0.##} 分，{i.Rule}）");
}

/// <summary>
/// 录入人工评分: the office scores a manual indicator for one unit with its evidence; entering again replaces the score.
/// It counts from the next computation.
/// </summary>
public sealed class EnterManualScoreHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ManualScore>> HandleAsync(AssessmentScheme scheme, ManualScoreForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (scheme.Indicators.FirstOrDefault(i => i.Id == form.IndicatorId) is not { IsManual: true } indicator)
            return new Refusal("请选择人工评分的指标。");
        if (!await db.Departments.AnyAsync(d => d.Id == form.UnitId && d.IsActive, ct)) return new Refusal("请选择单位。");
        var existing = await db.ManualScores.FirstOrDefaultAsync(m => m.IndicatorId == indicator.Id && m.DepartmentId == form.UnitId, ct);
        return await Outcome.Try(async () =>
        {
            var now = clock.GetUtcNow();
            var entry = existing;
            if (entry is null)
            {
                entry = ManualScore.Enter(indicator, form.UnitId!.Value, form.Score!.Value, form.Evidence!, user.DisplayName(), now);
                db.ManualScores.Add(entry);
            }
            else entry.Change(indicator, form.Score!.Value, form.Evidence!, user.DisplayName(), now);
            audit.Record(user, AuditActions.AssessmentManualScore, scheme.Year,
                string.Create(CultureInfo.InvariantCulture, $"{indicator.Name} · 单位 {form.UnitId}：{entry.Score:0.##} 分；{entry.Evidence}"));
            await db.SaveChangesAsync(ct);
            return (Outcome<ManualScore>)entry;
        });
    }
}
