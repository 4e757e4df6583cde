using DisclosurePortal.Domain.Assessments;
namespace DisclosurePortal.Data.Seed;

/// <summary>
/// 考核 (issue 21 §4): last year's and this year's schemes (this year's a copy of last year's), with the office's manual scores
/// of last year for a few units. The computation itself is the web's (<see cref="IDemoDataStep"/>): it reads the 按季通报.
/// </summary>
internal static class DemoAssessments
{
    public const string Actor = "系统初始化";

    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, int> units, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var last = AssessmentScheme.Create(today.Year - 1, Actor, now);
        var thresholds = new RuleParameters(ScoringRule.Thresholds, FullAt: 95, HalfAt: 80);
        last.Add(new IndicatorDefinition("主动公开及时率", IndicatorKind.DisclosureTimeliness, 30, new RuleParameters(ScoringRule.Proportional), null), now);
        last.Add(new IndicatorDefinition("目录要素完整率", IndicatorKind.CatalogueCompleteness, 10, thresholds, null), now);
        last.Add(new IndicatorDefinition("政策解读及时率", IndicatorKind.InterpretationTimeliness, 10, new RuleParameters(ScoringRule.DeductPerFailure, DeductEach: 2), null), now);
        last.Add(new IndicatorDefinition("依申请公开按期答复率", IndicatorKind.ApplicationTimeliness, 15, new RuleParameters(ScoringRule.Proportional), null), now);
        last.Add(new IndicatorDefinition("留言按期答复率", IndicatorKind.MessageTimeliness, 10, new RuleParameters(ScoringRule.Proportional), null), now);
        last.Add(new IndicatorDefinition("群众满意率", IndicatorKind.Satisfaction, 15, new RuleParameters(ScoringRule.Thresholds, FullAt: 90, HalfAt: 75), null), now);
        last.Add(new IndicatorDefinition("政务公开培训", IndicatorKind.Manual, 5, new RuleParameters(ScoringRule.Proportional),
            "参加县政务公开办组织的培训：每次 2.5 分，最多 5 分；依据为培训签到表。"), now);
        last.Add(new IndicatorDefinition("第三方评估", IndicatorKind.Manual, 5, new RuleParameters(ScoringRule.Proportional),
            "按第三方评估报告中本单位网站栏目检查的得分折算。"), now);
        db.AssessmentSchemes.Add(last);
        db.AssessmentSchemes.Add(AssessmentScheme.Create(today.Year, Actor, now, last));
        await db.SaveChangesAsync(ct);

        var training = last.Indicators.Single(i => i.Name == "政务公开培训");
        var evaluation = last.Indicators.Single(i => i.Name == "第三方评估");
        var entries = new (string Unit, decimal Training, decimal Evaluation)[] { ("housing", 5, 4.5m), ("finance", 2.5m, 4), ("health", 5, 3.5m) };
        foreach (var (unit, t, e) in entries)
        {
            if (!units.TryGetValue(unit, out var id)) continue;
            db.ManualScores.Add(ManualScore.Enter(training, id, t, t == 5 ? "参加全县政务公开培训 2 次（签到表）" : "参加全县政务公开培训 1 次（签到表）", Actor, now));
            db.ManualScores.Add(ManualScore.Enter(evaluation, id, e, "第三方评估报告：网站栏目检查", Actor, now));
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A demo-data step that needs the web project (a computation that reads its queries); run after the demo data on the first start.</summary>
public interface IDemoDataStep
{
    Task SeedAsync(CancellationToken ct);
}
