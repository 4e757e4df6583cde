namespace DisclosurePortal.Domain.Assessments;

/// <summary>
/// 年度考核方案: the indicators of one year with their weights and scoring rules (issue 21 §4, docs/adr/0037). An
/// administrator defines it; a year's scheme may start as a copy of the previous year's.
/// </summary>
public sealed class AssessmentScheme
{
    private readonly List<AssessmentIndicator> _indicators = [];

    private AssessmentScheme()
    {
        CreatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<AssessmentIndicator> Indicators => _indicators;

    /// <summary>The points of all indicators (usually 100; shown, not enforced).</summary>
    public decimal TotalPoints => _indicators.Sum(i => i.Points);

    public static AssessmentScheme Create(int year, string actor, DateTimeOffset now, AssessmentScheme? copyOf = null)
    {
        Calendar.ValidYears.Check(year);
        var scheme = new AssessmentScheme { Year = year, CreatedBy = actor, CreatedAt = now, UpdatedAt = now };
        foreach (var i in copyOf?.Indicators.OrderBy(x => x.SortOrder) ?? Enumerable.Empty<AssessmentIndicator>())
            scheme.Add(new IndicatorDefinition(i.Name, i.Kind, i.Points, i.Parameters, i.Description), now);
        return scheme;
    }

    public AssessmentIndicator Add(IndicatorDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Check();
        if (_indicators.Any(i => i.Name == definition.Name.Trim())) throw new DomainException("该方案中已有同名的指标。");
        var indicator = new AssessmentIndicator(definition, _indicators.Count == 0 ? 1 : _indicators.Max(i => i.SortOrder) + 1);
        _indicators.Add(indicator);
        UpdatedAt = now;
        return indicator;
    }

    public void Change(AssessmentIndicator indicator, IndicatorDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(definition);
        definition.Check();
        if (_indicators.Any(i => i != indicator && i.Name == definition.Name.Trim())) throw new DomainException("该方案中已有同名的指标。");
        indicator.Apply(definition);
        UpdatedAt = now;
    }

    public void Remove(AssessmentIndicator indicator, DateTimeOffset now)
    {
        if (!_indicators.Remove(indicator)) throw new DomainException("该指标不属于这一年度的方案。");
        UpdatedAt = now;
    }
}

/// <summary>What an administrator enters for an indicator.</summary>
public sealed record IndicatorDefinition(string Name, IndicatorKind Kind, decimal Points, RuleParameters Parameters, string? Description)
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 500;

    public void Check()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength) throw new DomainException("指标名称不能为空，且不超过 60 个字。");
        if (!Enum.IsDefined(Kind)) throw new DomainException("指标类型无效。");
        if (!AssessmentScoring.IsValidPoints(Points)) throw new DomainException("分值应大于 0、不超过 100，最多两位小数。");
        if (Kind != IndicatorKind.Manual && Parameters.Problem(Points) is { } problem) throw new DomainException(problem);
        if (Description is { Length: > DescriptionMaxLength }) throw new DomainException("评分说明不能超过 500 个字。");
    }
}

public sealed class AssessmentIndicator
{
    private AssessmentIndicator()
    {
        Name = string.Empty;
    }

    internal AssessmentIndicator(IndicatorDefinition d, int sortOrder) : this()
    {
        SortOrder = sortOrder;
        Apply(d);
    }

    public int Id { get; private set; }
    public int SchemeId { get; private set; }
    public int SortOrder { get; private set; }
    public string Name { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public decimal Points { get; private set; }
    public ScoringRule Rule { get; private set; }

    /// <summary>分档: the per cent at or above which the indicator gets all its points.</summary>
    public decimal? FullAt { get; private set; }

    /// <summary>分档: the per cent at or above which it gets half.</summary>
    public decimal? HalfAt { get; private set; }

    /// <summary>按次扣分: the points deducted per failure.</summary>
    public decimal? DeductEach { get; private set; }

    /// <summary>评分说明: for manual indicators, what the office scores and on which evidence.</summary>
    public string? Description { get; private set; }

    public RuleParameters Parameters => new(Rule, FullAt, HalfAt, DeductEach);

    public bool IsManual => Kind == IndicatorKind.Manual;

    internal void Apply(IndicatorDefinition d)
    {
        Name = d.Name.Trim();
        Kind = d.Kind;
        Points = d.Points;
        // A manual indicator has no rule: the office enters its points.
        Rule = d.Kind == IndicatorKind.Manual ? ScoringRule.Proportional : d.Parameters.Rule;
        FullAt = d.Kind != IndicatorKind.Manual && Rule == ScoringRule.Thresholds ? d.Parameters.FullAt : null;
        HalfAt = d.Kind != IndicatorKind.Manual && Rule == ScoringRule.Thresholds ? d.Parameters.HalfAt : null;
        DeductEach = d.Kind != IndicatorKind.Manual && Rule == ScoringRule.DeductPerFailure ? d.Parameters.DeductEach : null;
        Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim();
    }
}

/// <summary>人工评分: the office's score of a manual indicator for one unit, with its evidence (issue 21 §4).</summary>
public sealed class ManualScore
{
    public const int EvidenceMaxLength = 1000;

    private ManualScore()
    {
        Evidence = EnteredBy = string.Empty;
    }

    public int Id { get; private set; }
    public int IndicatorId { get; private set; }
    public int DepartmentId { get; private set; }
    public decimal Score { get; private set; }
    public string Evidence { get; private set; }
    public string EnteredBy { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }

    public static ManualScore Enter(AssessmentIndicator indicator, int departmentId, decimal score, string evidence, string actor, DateTimeOffset now)
    {
        var entry = new ManualScore { IndicatorId = indicator.Id, DepartmentId = departmentId };
        entry.Change(indicator, score, evidence, actor, now);
        return entry;
    }

    public void Change(AssessmentIndicator indicator, decimal score, string evidence, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!indicator.IsManual) throw new DomainException("只有人工评分的指标才能录入分数。");
        if (score < 0 || score > indicator.Points || AssessmentScoring.Round(score) != score)
            throw new DomainException($"人工评分应在 0 到 {indicator.Points:0.##} 分之间，最多两位小数。");
        if (string.IsNullOrWhiteSpace(evidence) || evidence.Trim().Length > EvidenceMaxLength)
            throw new DomainException("请填写评分依据（不超过 1000 个字）。");
        Score = score;
        Evidence = evidence.Trim();
        EnteredBy = actor;
        EnteredAt = now;
    }
}
