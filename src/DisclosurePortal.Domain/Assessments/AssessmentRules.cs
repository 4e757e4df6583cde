namespace DisclosurePortal.Domain.Assessments;

/// <summary>What an indicator measures (issue 21 §4): computed from the portal's data per unit, or entered by the office.</summary>
public enum IndicatorKind
{
    /// <summary>主动公开及时率: expected publications and records due, on time (本期无信息 approved counts as on time).</summary>
    DisclosureTimeliness = 1,
    /// <summary>目录要素完整率: the unit's active catalogue items with every required element.</summary>
    CatalogueCompleteness = 2,
    /// <summary>政策解读及时率: policies interpreted within 3 working days (三同步).</summary>
    InterpretationTimeliness = 3,
    /// <summary>依申请公开按期答复率: cases assigned to the unit answered by their deadline.</summary>
    ApplicationTimeliness = 4,
    /// <summary>留言按期答复率: messages assigned to the unit answered by their deadline.</summary>
    MessageTimeliness = 5,
    /// <summary>群众满意率: 满意 + 基本满意 among the 评议 of the unit.</summary>
    Satisfaction = 6,
    /// <summary>人工评分: 培训、第三方评估… entered by the office with evidence.</summary>
    Manual = 7,
}

/// <summary>How a measured ratio becomes points.</summary>
public enum ScoringRule
{
    /// <summary>按比例: points × ratio.</summary>
    Proportional = 1,
    /// <summary>分档: ratio ≥ full threshold → all points; ≥ half threshold → half; else 0.</summary>
    Thresholds = 2,
    /// <summary>按次扣分: points − k × failures, not below 0.</summary>
    DeductPerFailure = 3,
}

/// <summary>What was counted for one unit: <see cref="Good"/> (on time, complete, satisfied) of <see cref="Total"/>.</summary>
public readonly record struct Measurement(int Good, int Total)
{
    public int Failures => Total - Good;

    /// <summary>The ratio in per cent, one decimal (half away from zero); null when there was nothing to measure.</summary>
    public decimal? Percent => Total == 0 ? null : Math.Round(100m * Good / Total, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A scoring rule with its parameters, checked when the scheme is saved.</summary>
public sealed record RuleParameters(ScoringRule Rule, decimal? FullAt = null, decimal? HalfAt = null, decimal? DeductEach = null)
{
    /// <summary>The first problem with the parameters for <paramref name="points"/>, in Chinese; null when they are usable.</summary>
    public string? Problem(decimal points) => Rule switch
    {
        ScoringRule.Proportional => null,
        ScoringRule.Thresholds when FullAt is not { } full || full is <= 0 or > 100 => "满分档的比例应在 0 到 100 之间（不含 0）。",
        ScoringRule.Thresholds when HalfAt is not { } half || half < 0 || half >= FullAt => "半分档的比例应不小于 0，且低于满分档。",
        ScoringRule.DeductPerFailure when DeductEach is not { } each || each <= 0 || each > points => "每次扣分应大于 0，且不超过该指标的分值。",
        ScoringRule.Thresholds or ScoringRule.DeductPerFailure => null,
        _ => "评分规则无效。",
    };
}

/// <summary>One indicator's score for one unit, with what it was computed from.</summary>
public sealed record IndicatorScore(decimal Points, decimal Score, Measurement? Measured, bool NothingToMeasure);

/// <summary>
/// The scoring of 考核 (docs/adr/0037): pure functions from a measurement to points. Scores keep two decimals, half away from
/// zero, so that "按时 17 / 应公开 20 → 85% → 8.5 分" reads the same on every page and in every database.
/// </summary>
public static class AssessmentScoring
{
    public const decimal MaxPoints = 100m;

    /// <summary>
    /// The score of a computed indicator. A unit with nothing to measure (no obligation fell due, no rating was given) gets
    /// the full points: the county plans deduct for failures, and a unit cannot fail what it did not owe (ADR 37).
    /// </summary>
    public static IndicatorScore Score(decimal points, RuleParameters rule, Measurement measured)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (measured.Total < 0 || measured.Good < 0 || measured.Good > measured.Total)
            throw new DomainException("考核的计数无效：达标数应在 0 到总数之间。");
        if (measured.Total == 0) return new IndicatorScore(points, points, measured, true);
        var score = rule.Rule switch
        {
            ScoringRule.Proportional => points * measured.Good / measured.Total,
            ScoringRule.Thresholds => measured.Percent >= rule.FullAt ? points : measured.Percent >= rule.HalfAt ? points / 2 : 0m,
            ScoringRule.DeductPerFailure => Math.Max(0m, points - (rule.DeductEach ?? 0m) * measured.Failures),
            _ => throw new DomainException("评分规则无效。"),
        };
        return new IndicatorScore(points, Round(score), measured, false);
    }

    /// <summary>A manual indicator: what the office entered (0 to the points), or 0 when nothing was entered.</summary>
    public static IndicatorScore Manual(decimal points, decimal? entered)
    {
        if (entered is { } e && (e < 0 || e > points)) throw new DomainException("人工评分应在 0 到该指标的分值之间。");
        return new IndicatorScore(points, Round(entered ?? 0m), null, false);
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A weight: more than 0, at most 100, two decimals at most.</summary>
    public static bool IsValidPoints(decimal points) => points > 0 && points <= MaxPoints && Round(points) == points;

    /// <summary>
    /// Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4).
    /// </summary>
    public static IReadOnlyList<(T Item, int Rank)> Rank<T>(IEnumerable<T> items, Func<T, decimal> total)
    {
        var ordered = items.OrderByDescending(total).ToList();
        var result = new List<(T, int)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && total(ordered[i]) == total(ordered[i - 1]) ? result[i - 1].Item2 : i + 1;
            result.Add((ordered[i], rank));
        }
        return result;
    }
}
