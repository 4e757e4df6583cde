using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>The 采纳情况 as the department types it: three groups, each a count and its reason.</summary>
[ValidatorExplains]
public sealed class FeedbackForm
{
    public int? Adopted { get; set; }
    [MultiLine]
    public string? AdoptedReason { get; set; }
    public int? PartlyAdopted { get; set; }
    [MultiLine]
    public string? PartlyAdoptedReason { get; set; }
    public int? NotAdopted { get; set; }
    [MultiLine]
    public string? NotAdoptedReason { get; set; }

    public FeedbackDraft ToDraft() => new(Adopted ?? 0, AdoptedReason, PartlyAdopted ?? 0, PartlyAdoptedReason, NotAdopted ?? 0, NotAdoptedReason);
}

public sealed class FeedbackFormValidator : AbstractValidator<FeedbackForm>
{
    public const int ReasonLength = 4000;

    public FeedbackFormValidator()
    {
        RuleFor(x => x.Adopted).NotNull().WithMessage("请填写采纳的条数（没有填0）。").GreaterThanOrEqualTo(0).WithMessage("条数不能为负数。").LessThanOrEqualTo(1_000_000).WithMessage("条数过大。");
        RuleFor(x => x.PartlyAdopted).NotNull().WithMessage("请填写部分采纳的条数（没有填0）。").GreaterThanOrEqualTo(0).WithMessage("条数不能为负数。").LessThanOrEqualTo(1_000_000).WithMessage("条数过大。");
        RuleFor(x => x.NotAdopted).NotNull().WithMessage("请填写未采纳的条数（没有填0）。").GreaterThanOrEqualTo(0).WithMessage("条数不能为负数。").LessThanOrEqualTo(1_000_000).WithMessage("条数过大。");
        RuleFor(x => x.AdoptedReason).NotEmpty().When(x => x.Adopted > 0).WithMessage("请说明采纳的情况和理由。").MaximumLength(ReasonLength).WithMessage("不能超过4000个字。");
        RuleFor(x => x.PartlyAdoptedReason).NotEmpty().When(x => x.PartlyAdopted > 0).WithMessage("请说明部分采纳的情况和理由。").MaximumLength(ReasonLength).WithMessage("不能超过4000个字。");
        RuleFor(x => x.NotAdoptedReason).NotEmpty().When(x => x.NotAdopted > 0).WithMessage("请说明未采纳的理由。").MaximumLength(ReasonLength).WithMessage("不能超过4000个字。");
    }
}
