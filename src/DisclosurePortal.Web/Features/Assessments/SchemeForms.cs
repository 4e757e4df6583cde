using DisclosurePortal.Domain.Assessments;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.Assessments;

/// <summary>新建年度考核方案: the year, and whether to start from the previous year's indicators.</summary>
public sealed class NewSchemeForm
{
    public int? Year { get; set; }
    public bool CopyPrevious { get; set; }
}

public sealed class NewSchemeFormValidator : AbstractValidator<NewSchemeForm>
{
    public NewSchemeFormValidator()
    {
        RuleFor(f => f.Year).Must(y => y is { } v && ValidYears.IsValid(v)).WithMessage(ValidYears.Message);
    }
}

/// <summary>An indicator as the administrator enters it; the rule's parameters matter only for its rule.</summary>
public sealed class IndicatorForm
{
    public string? Name { get; set; }
    public IndicatorKind? Kind { get; set; }
    public decimal? Points { get; set; }
    public ScoringRule? Rule { get; set; }
    public decimal? FullAt { get; set; }
    public decimal? HalfAt { get; set; }
    public decimal? DeductEach { get; set; }

    [MultiLine]
    public string? Description { get; set; }

    public static IndicatorForm From(AssessmentIndicator i) => new()
    {
        Name = i.Name, Kind = i.Kind, Points = i.Points, Rule = i.IsManual ? null : i.Rule, FullAt = i.FullAt, HalfAt = i.HalfAt,
        DeductEach = i.DeductEach, Description = i.Description,
    };

    public IndicatorDefinition ToDefinition() =>
        new(Name ?? string.Empty, Kind!.Value, Points!.Value, new RuleParameters(Rule ?? ScoringRule.Proportional, FullAt, HalfAt, DeductEach), Description);
}

public sealed class IndicatorFormValidator : AbstractValidator<IndicatorForm>
{
    public IndicatorFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写指标名称。")
            .Must(v => v!.Trim().Length <= IndicatorDefinition.NameMaxLength).WithMessage("指标名称不能超过 60 个字。");
        RuleFor(f => f.Kind).Must(k => k is { } v && Enum.IsDefined(v)).WithMessage("请选择指标类型。");
        RuleFor(f => f.Points).Must(p => p is { } v && AssessmentScoring.IsValidPoints(v)).WithMessage("分值应大于 0、不超过 100，最多两位小数。");
        When(f => f.Kind is not IndicatorKind.Manual, () =>
        {
            RuleFor(f => f.Rule).Must(r => r is { } v && Enum.IsDefined(v)).WithMessage("请选择评分规则。");
            RuleFor(f => f.FullAt).Must(v => v is > 0 and <= 100).When(f => f.Rule == ScoringRule.Thresholds)
                .WithMessage("满分档的比例应在 0 到 100 之间（不含 0）。");
            RuleFor(f => f.HalfAt).Must((f, v) => v is >= 0 && v < (f.FullAt ?? 0)).When(f => f.Rule == ScoringRule.Thresholds && f.FullAt is > 0 and <= 100)
                .WithMessage("半分档的比例应不小于 0，且低于满分档。");
            RuleFor(f => f.DeductEach).Must((f, v) => v is > 0 && v <= (f.Points ?? 0)).When(f => f.Rule == ScoringRule.DeductPerFailure)
                .WithMessage("每次扣分应大于 0，且不超过该指标的分值。");
        });
        RuleFor(f => f.Description).Must(v => v is null || v.Trim().Length <= IndicatorDefinition.DescriptionMaxLength)
            .WithMessage("评分说明不能超过 500 个字。");
    }
}

/// <summary>人工评分: an indicator, a unit, the points, the evidence.</summary>
public sealed class ManualScoreForm
{
    public int? IndicatorId { get; set; }
    public int? UnitId { get; set; }
    public decimal? Score { get; set; }

    [MultiLine]
    public string? Evidence { get; set; }
}

public sealed class ManualScoreFormValidator : AbstractValidator<ManualScoreForm>
{
    public ManualScoreFormValidator()
    {
        RuleFor(f => f.IndicatorId).NotNull().WithMessage("请选择人工评分的指标。");
        RuleFor(f => f.UnitId).NotNull().WithMessage("请选择单位。");
        RuleFor(f => f.Score).Must(s => s is >= 0 and <= AssessmentScoring.MaxPoints && AssessmentScoring.Round(s.Value) == s)
            .WithMessage("请填写分数：0 到该指标的分值之间，最多两位小数。");
        RuleFor(f => f.Evidence).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写评分依据。")
            .Must(v => v!.Trim().Length <= ManualScore.EvidenceMaxLength).WithMessage("评分依据不能超过 1000 个字。");
    }
}
