namespace DisclosurePortal.Domain.Assessments;

public enum RunState
{
    /// <summary>已计算: the office reviews it; only the office and each unit (its own line) see it.</summary>
    Computed = 1,
    /// <summary>已公布: the results are public.</summary>
    Published = 2,
}

/// <summary>
/// 考核结果: a computation of a year's scheme, kept as data as of the day it was made (like a frozen report): later changes to
/// the scheme or the data do not move it until the office computes again (docs/adr/0037). One per scheme: computing again
/// replaces its scores, which is refused while the results are published.
/// </summary>
public sealed class AssessmentRun
{
    public const int NoteMaxLength = 1000;
    private readonly List<AssessmentScore> _scores = [];

    private AssessmentRun()
    {
        ComputedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int SchemeId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The day whose data the scores count: obligations due by then.</summary>
    public DateOnly AsOf { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }
    public string ComputedBy { get; private set; }
    public RunState State { get; private set; }

    /// <summary>审核意见: the office's comment, shown with the published results.</summary>
    public string? Note { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AssessmentScore> Scores => _scores;

    public static AssessmentRun Start(AssessmentScheme scheme, DateOnly asOf, IEnumerable<AssessmentScore> scores, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var run = new AssessmentRun { SchemeId = scheme.Id, Year = scheme.Year, State = RunState.Computed };
        run.Replace(scheme, asOf, scores, actor, now);
        return run;
    }

    /// <summary>计算: the scores of every unit and indicator as of <paramref name="asOf"/>.</summary>
    public void Replace(AssessmentScheme scheme, DateOnly asOf, IEnumerable<AssessmentScore> scores, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (State == RunState.Published) throw new DomainException("考核结果已公布，须先撤回公布才能重新计算。");
        if (scheme.Indicators.Count == 0) throw new DomainException("该年度的考核方案还没有指标，不能计算。");
        _scores.Clear();
        _scores.AddRange(scores);
        AsOf = asOf;
        ComputedAt = now;
        ComputedBy = actor;
        Version++;
    }

    /// <summary>公布: the results become a public page, with the office's comment.</summary>
    public void Publish(string? note, string actor, DateTimeOffset now)
    {
        if (State == RunState.Published) throw new DomainException("考核结果已经公布。");
        if (note is { Length: > NoteMaxLength }) throw new DomainException("审核意见不能超过 1000 个字。");
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        State = RunState.Published;
        PublishedAt = now;
        PublishedBy = actor;
        Version++;
    }

    /// <summary>撤回公布: the results are internal again (to correct and compute again).</summary>
    public void Unpublish(DateTimeOffset now)
    {
        if (State != RunState.Published) throw new DomainException("考核结果尚未公布。");
        State = RunState.Computed;
        PublishedAt = null;
        PublishedBy = null;
        _ = now;
        Version++;
    }
}

/// <summary>
/// One unit's score on one indicator in a computation, with the indicator's definition and the counts copied in, so that the
/// breakdown ("按时 17 / 应公开 20 → 85% → 8.5 分") stays what it was when computed.
/// </summary>
public sealed class AssessmentScore
{
    private AssessmentScore()
    {
        IndicatorName = UnitName = string.Empty;
    }

    public int Id { get; private set; }
    public int RunId { get; private set; }
    public int DepartmentId { get; private set; }
    public string UnitName { get; private set; }
    public int? IndicatorId { get; private set; }
    public int SortOrder { get; private set; }
    public string IndicatorName { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public ScoringRule Rule { get; private set; }
    public decimal? FullAt { get; private set; }
    public decimal? HalfAt { get; private set; }
    public decimal? DeductEach { get; private set; }
    public decimal Points { get; private set; }
    public decimal Score { get; private set; }
    public int? Good { get; private set; }
    public int? Total { get; private set; }
    public bool NothingToMeasure { get; private set; }

    /// <summary>人工评分: the evidence entered; null when nothing was entered (the score is then 0).</summary>
    public string? Evidence { get; private set; }

    public Measurement? Measured => Good is { } g && Total is { } t ? new Measurement(g, t) : null;

    public static AssessmentScore Of(AssessmentIndicator indicator, int departmentId, string unitName, IndicatorScore score, string? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(score);
        return new AssessmentScore
        {
            DepartmentId = departmentId,
            UnitName = unitName,
            IndicatorId = indicator.Id,
            SortOrder = indicator.SortOrder,
            IndicatorName = indicator.Name,
            Kind = indicator.Kind,
            Rule = indicator.Rule,
            FullAt = indicator.FullAt,
            HalfAt = indicator.HalfAt,
            DeductEach = indicator.DeductEach,
            Points = score.Points,
            Score = score.Score,
            Good = score.Measured?.Good,
            Total = score.Measured?.Total,
            NothingToMeasure = score.NothingToMeasure,
            Evidence = evidence,
        };
    }
}
